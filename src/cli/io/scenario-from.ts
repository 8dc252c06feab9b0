import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { findTarget, textWith } from '../../core/sweep/set-value.js';
import { readYaml } from '../../core/yaml/source.js';

/**
 * A scheme's text, read from `from`, to be written to `to` in another
 * folder: its `scenario:` (a path relative to the scheme's own folder)
 * rewritten to name the same file from the new one, every other byte as it
 * was. An absolute path, or none, is left as it is.
 */
export function withScenarioFrom(text: string, from: string, to: string): string {
  const src = readYaml(to, text);
  const target = findTarget(src, ['scenario'], 'scenario');
  if (!('keys' in target) || typeof target.current !== 'string' || isAbsolute(target.current)) return text;
  const moved = relative(dirname(to), resolve(dirname(from), target.current)).split(sep).join('/');
  return moved === target.current ? text : textWith(src, [{ target, value: moved }]);
}
