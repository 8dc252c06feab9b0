import type { FormulaError } from './parse.js';

/**
 * Mistakes people make writing a formula, said in their own terms before
 * the parser's: a word or sign from a spreadsheet or a text editor where the
 * formula language has an operator, a decimal comma, `rep.` with no column.
 * (The parser would report them as names it does not know, "Compound" or an
 * empty "unexpected".)
 */

/** signs that look like an operator, and the operator meant */
const LOOKALIKES: Record<string, string> = {
  '×': '*',
  '·': '*',
  '∙': '*',
  '⋅': '*',
  '÷': '/',
  '∕': '/',
  '−': '-',
  '–': '-',
  '—': '-',
  '≤': '<=',
  '≥': '>=',
  '≠': '!=',
};

/** words other languages and spreadsheets use for the logical operators */
const WORD_OPERATORS: Record<string, string> = { and: '&&', or: '||', not: '!' };

/**
 * A mistake that no formula may hold, whether or not the parser would
 * take it: only spaces, a sign that is not an operator (jsep reads any
 * character past ASCII as part of a name: 'revenue×2' would be one unknown
 * name), `rep.` with no column after it.
 */
export function writtenMistake(text: string): FormulaError | undefined {
  if (text.trim() === '') return { message: 'a formula that is only spaces is empty', index: 0 };
  const sign = /[^\p{L}\p{M}\x00-\x7F]/u.exec(text);
  if (sign) {
    // (a space a word processor puts between a number and its unit)
    if (/\s/.test(sign[0])) return { message: `a special space (U+${sign[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) is not allowed in a formula: write a plain space`, index: sign.index };
    const meant = LOOKALIKES[sign[0]];
    return meant
      ? { message: `'${sign[0]}' is not an operator: write ${meant}`, index: sign.index }
      : { message: `'${sign[0]}' is not allowed in a formula: write numbers with a '.' and no signs of currency or units`, index: sign.index };
  }
  const rep = /\brep\s*\.(?!\s*[A-Za-z_$])/.exec(text);
  if (rep) return { message: "'rep.' needs a column name (e.g. rep.quota)", index: rep.index };
  return undefined;
}

/**
 * Why a formula the parser could not read (or read as two expressions side
 * by side) most likely fails: 'and'/'or'/'not' for && || !, a single '='
 * for ==, a decimal comma. Only asked on failure, so that a name such as
 * 'or' in a formula that parses is left alone.
 */
export function failedParseMistake(text: string): FormulaError | undefined {
  const word = /(?<![\w.$])(and|or|not)(?![\w$])/i.exec(text);
  if (word) return { message: `'${word[1]}' is not an operator: write ${WORD_OPERATORS[word[1].toLowerCase()]}`, index: word.index };
  const equals = /(?<![=<>!])=(?!=)/.exec(text);
  if (equals) return { message: "'=' is not allowed: write == to compare", index: equals.index };
  const comma = topLevelComma(text);
  if (comma === undefined) return undefined;
  const whole = /\d+$/.exec(text.slice(0, comma));
  const fraction = /^\d+/.exec(text.slice(comma + 1));
  if (whole && fraction) return { message: `',' is not allowed in a number: write ${whole[0]}.${fraction[0]}`, index: comma };
  return undefined;
}

/** the first ',' outside parentheses (inside them it parts a function's arguments) */
function topLevelComma(text: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth = Math.max(0, depth - 1);
    else if (text[i] === ',' && depth === 0) return i;
  }
  return undefined;
}
