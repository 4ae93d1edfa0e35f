import { stripVTControlCharacters } from 'node:util';

/** Runs an assertion that must fail and returns its message as a person reads it: no colours, fixed port. */
export function failureOf(assertion: () => unknown): string {
  try {
    assertion();
  } catch (error) {
    return readable(error);
  }
  throw new Error('expected the assertion to fail, but it passed');
}

/** The same for an awaited assertion. */
export async function asyncFailureOf(assertion: () => Promise<unknown>): Promise<string> {
  try {
    await assertion();
  } catch (error) {
    return readable(error);
  }
  throw new Error('expected the assertion to fail, but it passed');
}

function readable(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return stripVTControlCharacters(text).replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT');
}
