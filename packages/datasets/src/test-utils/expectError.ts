/** Asserts that `fn` throws an instance of `cls` with exactly `message`. */
export function expectError(
  fn: () => unknown,
  cls: new (...args: any[]) => Error,
  message: string,
): void {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(cls);
  expect((thrown as Error).message).toBe(message);
}
