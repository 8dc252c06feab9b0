/**
 * A folder name for each rep id, safe on any file system and distinct for
 * distinct ids: letters, digits, '-' and '_' are kept; every other character
 * (a dot, a slash, a space, Cyrillic, '~' itself) becomes '~' and its UTF-8
 * bytes in hex, so no name is '.', '..' or hidden and two ids never meet.
 * Names that only differ in case (on a file system that ignores case) or are
 * too long for one get a number.
 */
export function statementFolderNames(ids: readonly string[], maxLength = 120): Map<string, string> {
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const id of ids) {
    if (names.has(id)) continue;
    let name = safeName(id);
    if (name.length > maxLength) name = name.slice(0, maxLength - 8);
    if (name === '') name = '~';
    let unique = name;
    for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = `${name}-${n}`;
    taken.add(unique.toLowerCase());
    names.set(id, unique);
  }
  return names;
}

function safeName(id: string): string {
  let out = '';
  for (const ch of id) {
    if (/^[A-Za-z0-9_-]$/.test(ch)) out += ch;
    else for (const byte of new TextEncoder().encode(ch)) out += `~${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}
