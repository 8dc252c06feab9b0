import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/**
 * The core (scheme, payout, model, simulation, statistics) never touches
 * files, the process, the terminal or the clock, and draws no unseeded
 * randomness: the CLI reads, calls the core, prints. Held by this test, not
 * by habit. Each rule names what it forbids and where it was found.
 */
const CORE = join(ROOT, 'src/core');

const RULES: { what: string; pattern: RegExp }[] = [
  { what: 'a Node built-in module (files, paths, the OS, processes, threads)', pattern: /from\s+['"](node:[\w/]+|fs|path|os|child_process|worker_threads|readline|http|https|net)['"]/ },
  { what: 'a terminal or command-line library', pattern: /from\s+['"](chalk|cli-table3|commander|ora|cli-progress)['"]/ },
  { what: 'require()', pattern: /\brequire\s*\(/ },
  { what: 'the process (env, argv, exit, stdout)', pattern: /\bprocess\s*\./ },
  { what: 'the console', pattern: /\bconsole\s*\./ },
  { what: 'the clock', pattern: /\bDate\.now\s*\(|\bnew\s+Date\s*\(\s*\)|\bperformance\.now\s*\(/ },
  { what: 'unseeded randomness', pattern: /\bMath\.random\s*\(/ },
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** the code of a file without its comments (a comment may name what the code must not do) */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('the core is pure', () => {
  const files = sources(CORE);

  it('has files to check', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  for (const rule of RULES) {
    it(`no file under src/core uses ${rule.what}`, () => {
      const found: string[] = [];
      for (const file of files) {
        code(readFileSync(file, 'utf8'))
          .split('\n')
          .forEach((line, i) => {
            if (rule.pattern.test(line)) found.push(`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
          });
      }
      expect(found).toEqual([]);
    });
  }

  it('would catch a violation: the rules match what they forbid', () => {
    const forbidden = ["import { readFileSync } from 'node:fs';", "import chalk from 'chalk';", 'const x = process.env.HOME;', 'const t = Date.now();', 'const d = new Date();', 'const u = Math.random();', "const fs = require('fs');"];
    for (const line of forbidden) expect(RULES.some((r) => r.pattern.test(code(line))), line).toBe(true);
    expect(RULES.some((r) => r.pattern.test('const d = new Date(day * 86_400_000);'))).toBe(false);
  });
});
