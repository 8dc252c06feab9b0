/**
 * A value computed the first time a test asks for it, inside that test, not
 * while vitest collects the file: heavy work then runs under the test's own
 * time and name, and a file whose tests are filtered out costs nothing.
 */
export function once<T>(make: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = make();
      done = true;
    }
    return value;
  };
}
