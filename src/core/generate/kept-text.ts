/**
 * A formatter that keeps the text it made for each number: a history's
 * million rows name only a few hundred days and months, each formatted
 * once (formatDay makes a Date a call).
 */
export function keptText(format: (n: number) => string): (n: number) => string {
  const made = new Map<number, string>();
  return (n) => {
    let text = made.get(n);
    if (text === undefined) {
      text = format(n);
      made.set(n, text);
    }
    return text;
  };
}
