import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Statement } from '../../core/statements/statement.js';
import { statementFolderNames } from '../../core/statements/statement-folder-names.js';
import { renderStatement, renderStatementIndex } from '../render/statement.js';
import type { OutputFile, Written } from './output-file.js';

/**
 * --statements DIR: one page per rep and month, DIR/<rep>/<YYYY-MM>.html
 * (the rep's folder named safely for any id), and DIR/index.html linking
 * them; written with the command's other files, all or nothing.
 */
export function statementFiles(dir: OutputFile, list: readonly Statement[]): Written[] {
  const folders = statementFolderNames(list.map((s) => s.rep.id));
  const pages = list.map((s) => ({ statement: s, href: `${folders.get(s.rep.id)!}/${s.month}.html` }));
  const at = (relative: string): OutputFile => ({ option: dir.option, path: join(dir.path, relative) });
  return [
    ...pages.map((p) => ({ to: at(p.href), text: renderStatement(p.statement) })),
    { to: at('index.html'), text: renderStatementIndex(pages) },
  ];
}

/**
 * How many statement pages already in the folder (DIR/<rep>/<YYYY-MM>.html,
 * of an earlier payout written there with --force) this run does not write:
 * the index.html written now links only this run's pages, so they are no
 * longer linked. Their figures are of another run (other data, other
 * months), so the index does not take them in: the command says so.
 */
export function pagesLeftOut(dir: OutputFile, written: readonly Written[]): number {
  if (!existsSync(dir.path)) return 0;
  const writes = new Set(written.map((w) => w.to.path));
  let left = 0;
  for (const rep of readdirSync(dir.path, { withFileTypes: true })) {
    if (!rep.isDirectory()) continue;
    for (const page of readdirSync(join(dir.path, rep.name))) {
      if (/^\d{4}-\d{2}\.html$/.test(page) && !writes.has(join(dir.path, rep.name, page))) left++;
    }
  }
  return left;
}
