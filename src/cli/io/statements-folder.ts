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
