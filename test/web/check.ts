// Assertions for the web suite: node:assert does not exist in a web worker.
export function ok(value: unknown, message: string): asserts value {
  if (!value) throw new Error(message);
}

export function equal<T>(actual: T, expected: T, message: string): void {
  if (actual !== expected) throw new Error(`${message}\n  expected: ${String(expected)}\n  actual:   ${String(actual)}`);
}
