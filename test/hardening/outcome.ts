import { expect } from 'vitest';
import { HttpMatcherUsageError } from '../../src/index.js';

/** How one matcher call ended, as the user's test sees it. */
export type Outcome =
  | { kind: 'pass' }
  | { kind: 'fail'; message: string }
  | { kind: 'usage'; message: string }
  /** An error the test itself planted in an argument (a throwing asymmetric matcher) came back unchanged. */
  | { kind: 'argument-error' }
  | { kind: 'crash'; error: unknown };

/** Planted in arguments: the user's own code throwing may reach the user unchanged. */
export class ArgumentTrap extends Error {}

/** How long one call may take before it counts as a hang. */
export const HANG_MS = 5_000;

/**
 * Calls `expect(received)[.not].<name>(...args)` through vitest's real expect and classifies the result.
 * Async calls race a timer, so a hang is an outcome instead of a stuck test.
 */
export async function outcomeOf(
  name: string,
  received: unknown,
  args: readonly unknown[],
  not: boolean,
  mode?: 'sync' | 'async',
): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const assertion = not ? expect(received).not : expect(received);
    const fn = (assertion as unknown as Record<string, unknown>)[name];
    if (typeof fn !== 'function') return { kind: 'crash', error: new Error(`${name} is not registered on expect`) };
    const result: unknown = Reflect.apply(fn, assertion, args);
    if (mode !== undefined && isThenable(result) !== (mode === 'async')) {
      return {
        kind: 'crash',
        error: new Error(
          `${name} is declared ${mode} but returned ${isThenable(result) ? 'a promise' : 'synchronously'}`,
        ),
      };
    }
    if (isThenable(result)) {
      const hang = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Hang(`${name} did not settle within ${HANG_MS} ms`)), HANG_MS);
      });
      await Promise.race([result, hang]);
    }
    return { kind: 'pass' };
  } catch (error) {
    return classify(name, error);
  } finally {
    clearTimeout(timer);
  }
}

class Hang extends Error {}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

function classify(name: string, error: unknown): Outcome {
  if (error instanceof HttpMatcherUsageError) {
    return error.message.startsWith(`${name}: `) && error.matcherName === name
      ? { kind: 'usage', message: error.message }
      : { kind: 'crash', error };
  }
  if (error instanceof ArgumentTrap) return { kind: 'argument-error' };
  // vitest's failed custom assertion: a plain Error subclass it does not export.
  if (error instanceof Error && error.constructor.name === 'JestExtendError') {
    return typeof error.message === 'string' && error.message.trim() !== ''
      ? { kind: 'fail', message: error.message }
      : { kind: 'crash', error };
  }
  return { kind: 'crash', error };
}

/** The verdict alone, for comparing two calls. */
export function verdict(outcome: Outcome): string {
  return outcome.kind === 'crash' ? `crash: ${describe(outcome.error)}` : outcome.kind;
}

export function describe(error: unknown): string {
  if (error instanceof Error) return `${error.constructor.name}: ${error.message}\n${error.stack ?? ''}`;
  try {
    return String(error);
  } catch {
    return typeof error;
  }
}

// The runner's own colours are SGR sequences (ESC [ digits m); anything else a terminal would act on
// must have been escaped before it reached the message.
const SGR = /\u001b\[[\d;]*m/g;
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

/** The first character a terminal would act on, outside the runner's colours, or undefined. */
export function unsafeCharacterIn(message: string): string | undefined {
  const found = UNSAFE.exec(message.replace(SGR, ''));
  if (!found) return undefined;
  const at = found.index;
  const plain = message.replace(SGR, '');
  return `U+${found[0].charCodeAt(0).toString(16).padStart(4, '0')} in …${JSON.stringify(plain.slice(Math.max(0, at - 40), at + 20))}…`;
}
