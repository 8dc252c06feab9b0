/**
 * A motiv command line as printed for a user (`npx motiv test x.test.yaml`,
 * `motiv validate 'my pay/scheme.yaml'`), split into the arguments the CLI
 * gets: words apart on spaces, single quotes and backslashes as a POSIX shell
 * reads them (`'\''` for a quote). Anything else a shell would do (pipes, redirects,
 * variables, globs) is refused: such a line is not one command to run.
 */
export function motivArgs(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unclosed quote in: ${line}`);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === '\\' && i + 1 < line.length) {
      word = (word ?? '') + line[++i];
    } else if (c === ' ') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (/[|&;<>()$`"\\*?#~\n]/.test(c)) {
      throw new Error(`'${c}' would be read by the shell, in: ${line}`);
    } else word = (word ?? '') + c;
  }
  if (word !== undefined) words.push(word);
  const start = words[0] === 'npx' ? 1 : 0;
  if (words[start] !== 'motiv') throw new Error(`not a motiv command: ${line}`);
  return words.slice(start + 1);
}
