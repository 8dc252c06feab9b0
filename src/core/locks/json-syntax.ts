/**
 * Where a JSON text stops being JSON, and why, in words. JSON.parse on
 * Node 20 gives no position for many errors ("Unexpected token ']', ... is
 * not valid JSON", for a trailing comma in a list or a misspelt true), and
 * the YAML parser reads much that is not JSON (a trailing comma, 'quotes'),
 * so the lock file's syntax errors are located by this strict reader of
 * RFC 8259. Iterative, so a deeply nested file cannot exhaust the stack.
 * test/property/json-syntax.test.ts holds it to JSON.parse.
 */
export interface JsonSyntaxError {
  /** the offset (UTF-16 units) of the first character that cannot be read, or the text's length where it ends too soon */
  offset: number;
  message: string;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const VALUE = 'a value: a string in double quotes, a number, true, false, null, an object {...} or a list [...]';

/** the first syntax error of `text`, or undefined when it is JSON */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const open: ('{' | '[')[] = [];
  let i = 0;
  const skip = () => {
    while (i < text.length && WHITESPACE.has(text[i])) i++;
  };
  const fail = (message: string, at = i): JsonSyntaxError => ({ offset: at, message: at >= text.length ? `the text ends where ${message.replace(/^expected /, '')} was expected` : message });
  let state: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    skip();
    if (state === 'key') {
      if (text[i] !== '"') return fail(text[i] === '}' ? `a comma before '}': remove it` : 'expected a property name in double quotes');
      const bad = string();
      if (bad) return bad;
      skip();
      if (text[i] !== ':') return fail(`expected ':' after a property name`);
      i++;
      state = 'value';
    } else if (state === 'value') {
      const c = text[i];
      if (c === '{' || c === '[') {
        open.push(c);
        i++;
        skip();
        const close = c === '{' ? '}' : ']';
        if (text[i] === close) {
          open.pop();
          i++;
          state = 'after';
        } else state = c === '{' ? 'key' : 'value';
        continue;
      }
      const bad = c === '"' ? string() : c === '-' || isDigit(c) ? number() : c === 't' || c === 'f' || c === 'n' ? literal() : fail(c === ']' && open.at(-1) === '[' ? `a comma before ']': remove it` : `expected ${VALUE}`);
      if (bad) return bad;
      state = 'after';
    } else {
      const top = open.at(-1);
      if (top === undefined) return i < text.length ? fail('more after the end of the JSON: one value (the lock file\'s object) is all it may hold') : undefined;
      const close = top === '{' ? '}' : ']';
      if (text[i] === ',') {
        i++;
        state = top === '{' ? 'key' : 'value';
      } else if (text[i] === close) {
        open.pop();
        i++;
      } else return fail(`expected ',' or '${close}' after ${top === '{' ? "a property's value" : 'an element of a list'}`);
    }
  }

  /** a string from its opening quote; i is left after its closing one */
  function string(): JsonSyntaxError | undefined {
    i++;
    for (;;) {
      if (i >= text.length) return fail('expected the closing \'"\' of a string');
      const code = text.charCodeAt(i);
      if (text[i] === '"') {
        i++;
        return undefined;
      }
      if (code < 0x20) return fail('a control character (a tab or a line break) in a string: write it escaped (\\t, \\n)');
      if (text[i] === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          for (let k = 2; k < 6; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) return fail('\\u must be followed by four hexadecimal digits', i + k);
          i += 6;
        } else if (e !== undefined && ESCAPES.has(e)) i += 2;
        else return fail(`a bad escape in a string: after \\ comes one of " \\ / b f n r t u`, i + 1);
      } else i++;
    }
  }

  /** -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)? */
  function number(): JsonSyntaxError | undefined {
    const digits = (): boolean => {
      const start = i;
      while (isDigit(text[i])) i++;
      return i > start;
    };
    const wrong = () => fail('a number is not well-formed: JSON writes 12, -3, 0.5 or 1e6');
    if (text[i] === '-') i++;
    if (text[i] === '0') i++;
    else if (!digits()) return wrong();
    if (text[i] === '.') {
      i++;
      if (!digits()) return wrong();
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (!digits()) return wrong();
    }
    return undefined;
  }

  function literal(): JsonSyntaxError | undefined {
    const word = text[i] === 't' ? 'true' : text[i] === 'f' ? 'false' : 'null';
    for (let k = 0; k < word.length; k++, i++) if (text[i] !== word[k]) return fail(`expected ${word}: the words of JSON are true, false and null`);
    return undefined;
  }
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}
