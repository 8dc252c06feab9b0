/**
 * The three commands `motiv init` tells the user to run next, on the files it
 * wrote, with their paths as the user's shell should take them.
 */

export interface NextStep {
  /** a command line, for a POSIX shell */
  command: string;
  /** what it does, in a few words */
  comment: string;
}

/** the paths of the files init wrote, as shown to the user (relative to his folder where they can be) */
export interface StarterPaths {
  scheme: string;
  tests: string;
  scenario: string;
}

export function nextSteps(paths: StarterPaths): NextStep[] {
  // a path starting with '-' would be read as an option
  const [scheme, tests, scenario] = [paths.scheme, paths.tests, paths.scenario].map((p) => shellWord(p.startsWith('-') ? `./${p}` : p));
  return [
    { command: `npx motiv validate ${scheme} ${scenario}`, comment: 'check the scheme and the scenario' },
    { command: `npx motiv test ${tests}`, comment: 'check what the scheme pays in the test cases' },
    { command: `npx motiv simulate ${scheme} --runs 200`, comment: 'play the scheme in the scenario 200 times' },
  ];
}

/** a word the shell takes as it is: quoted when it holds a space, a quote or anything else the shell reads */
export function shellWord(word: string): string {
  if (/^[\w./:@%+=,-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
