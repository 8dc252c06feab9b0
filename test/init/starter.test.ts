import { describe, expect, it } from 'vitest';
import { nextSteps, shellWord } from '../../src/core/init/next-steps.js';
import { STARTER, YOUR_NUMBER } from '../../src/core/init/starter.js';

/**
 * The lines of a YAML text that nothing explains: neither a comment at the
 * line's end nor a comment line just above it (the text of a block scalar,
 * `description: >`, explains itself).
 */
function unexplained(text: string): string[] {
  const lines = text.split('\n');
  const found: string[] = [];
  let blockIndent = -1;
  lines.forEach((line, i) => {
    const indent = line.length - line.trimStart().length;
    if (blockIndent >= 0 && (line.trim() === '' || indent > blockIndent)) return;
    blockIndent = -1;
    const code = line.trim();
    if (code === '' || code.startsWith('#')) return;
    if (/[>|][-+]?$/.test(code)) blockIndent = indent;
    if (/\s#\s/.test(line) || lines[i - 1]?.trim().startsWith('#')) return;
    found.push(`${i + 1}: ${line}`);
  });
  return found;
}

describe('the starter files', () => {
  it('explain every line of the scheme and the scenario in a comment', () => {
    expect(unexplained(STARTER.scheme.text)).toEqual([]);
    expect(unexplained(STARTER.scenario.text)).toEqual([]);
  });

  it('would catch a line left unexplained', () => {
    expect(unexplained('# a name\nname: x\nrate: 5%\n')).toEqual(['3: rate: 5%']);
    expect(unexplained('# text\ndescription: >\n  free text\n  more\nrate: 5%\n')).toEqual(['5: rate: 5%']);
  });

  it("mark the places for the user's own numbers: reps, prospects, clients, a typical deal and its margin", () => {
    const marked = STARTER.scenario.text.split('\n').filter((l) => l.includes(YOUR_NUMBER));
    for (const what of ['how many sales reps', 'prospects per rep', 'clients per rep who buy', 'a typical deal', 'gross profit / revenue']) {
      expect(marked.some((l) => l.includes(what)), what).toBe(true);
    }
  });

  it('name each other by the names init writes them under', () => {
    expect(STARTER.scheme.text).toContain(`\nscenario: ${STARTER.scenario.name}\n`);
    expect(STARTER.tests.text).toContain(`\nscheme: ${STARTER.scheme.name}\n`);
  });
});

describe('nextSteps', () => {
  it('validates, tests and simulates the files written', () => {
    expect(nextSteps({ scheme: 'p/scheme.yaml', tests: 'p/scheme.test.yaml', scenario: 'p/scenario.yaml' }).map((s) => s.command)).toEqual([
      'npx motiv validate p/scheme.yaml p/scenario.yaml',
      'npx motiv test p/scheme.test.yaml',
      'npx motiv simulate p/scheme.yaml --runs 200',
    ]);
  });

  it('quotes what the shell would split or read, and keeps a path from passing for an option', () => {
    expect(shellWord('pay/2026-draft/scheme.yaml')).toBe('pay/2026-draft/scheme.yaml');
    expect(shellWord('my pay/scheme.yaml')).toBe("'my pay/scheme.yaml'");
    expect(shellWord("Anna's/scheme.yaml")).toBe("'Anna'\\''s/scheme.yaml'");
    expect(shellWord('$HOME/*.yaml')).toBe("'$HOME/*.yaml'");
    expect(nextSteps({ scheme: '-x/scheme.yaml', tests: '-x/scheme.test.yaml', scenario: '-x/scenario.yaml' })[1].command).toBe('npx motiv test ./-x/scheme.test.yaml');
  });
});
