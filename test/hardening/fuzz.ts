import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetConfig } from '../../src/config.js';
import { configure } from '../../src/index.js';
import { anyArguments, matchableResponses, received, statefulRegexp, type Received } from './arbitraries.js';
import { describe as describeError, outcomeOf, unsafeCharacterIn, verdict, type Outcome } from './outcome.js';

/** A status code, for matchers' arguments. */
export const status = fc.integer({ min: 100, max: 599 });

/** Valid arguments, mixed with anything at all (one draw in five). */
export const either = (valid: fc.Arbitrary<readonly unknown[]>): fc.Arbitrary<readonly unknown[]> =>
  fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: anyArguments });

/** For a matcher that takes no arguments. */
export const noArgs = either(fc.constant([]));

export interface FuzzCases {
  mode: 'sync' | 'async';
  /** The arguments: valid ones mixed with anything at all (see `either`). */
  fuzzArgs: fc.Arbitrary<readonly unknown[]>;
  /** For matchers that take a RegExp: the arguments with that RegExp in place. */
  withRegExp?: (re: RegExp) => unknown[];
}

/** Runs per matcher; each run calls the matcher twice, with and without .not. */
const RUNS = 1000;

/** Registers the fuzz tests of one matcher (it must be registered on expect). */
export function fuzz(name: string, cases: FuzzCases): void {
  describe('fuzzed', () => {
    /** How the calls ended, to show the fuzzer reaches verdicts and not only usage errors. */
    const tally: Record<Outcome['kind'], number> = { pass: 0, fail: 0, usage: 0, 'argument-error': 0, crash: 0 };
    let runs = 0;
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => {
      unhandled.push(reason);
    };
    beforeAll(() => {
      process.on('unhandledRejection', onUnhandled);
      // A short time cap, so a body matcher that waits on a body which never comes ends well inside HANG_MS.
      configure({ bodyTimeout: 1000 });
    });
    afterAll(() => {
      process.off('unhandledRejection', onUnhandled);
      resetConfig();
      console.log(
        `fuzz ${name}: ${runs} runs, each with and without .not: ${tally.pass} passed, ${tally.fail} failed with a message, ` +
          `${tally.usage} usage errors, ${tally['argument-error']} errors thrown by the test's own arguments`,
      );
    });

    it(`${name}: any received value and arguments end in pass, fail with a message, or a usage error naming it`, async () => {
      await fc.assert(
        fc.asyncProperty(received, cases.fuzzArgs, async (value, args) => {
          for (const not of [false, true]) {
            const outcome = await outcomeOf(name, (await value.make()).value, args, not, cases.mode);
            check(name, outcome, not, value, args);
            tally[outcome.kind] += 1;
          }
          runs += 1;
        }),
        { numRuns: RUNS },
      );
      expect(unhandled).toEqual([]);
    }, 120_000);

    const { withRegExp } = cases;
    if (withRegExp === undefined) return;
    it(`${name}: a /g or /y RegExp gives the same verdict however often it is used and wherever its lastIndex stands`, async () => {
      await fc.assert(
        fc.asyncProperty(matchableResponses, statefulRegexp, fc.nat({ max: 100 }), async (value, re, moved) => {
          const fresh = new RegExp(re.source, re.flags);
          const { value: source } = await value.make();
          const first = verdict(await outcomeOf(name, source, withRegExp(fresh), false, cases.mode));
          const again = verdict(await outcomeOf(name, source, withRegExp(fresh), false, cases.mode));
          fresh.lastIndex = moved;
          const afterMove = verdict(await outcomeOf(name, source, withRegExp(fresh), false, cases.mode));
          expect([again, afterMove]).toEqual([first, first]);
        }),
        { numRuns: 300 },
      );
    }, 120_000);
  });
}

function check(name: string, outcome: Outcome, not: boolean, value: Received, args: readonly unknown[]): void {
  const where = `${not ? '.not.' : ''}${name} on ${value.description} with ${safeStringify(args)}`;
  if (outcome.kind === 'crash') throw new Error(`${where} threw from inside: ${describeError(outcome.error)}`);
  // Usage errors quote the response too (its Content-Type, a schema's words): the same rule holds.
  if (outcome.kind === 'fail' || outcome.kind === 'usage') {
    const unsafe = unsafeCharacterIn(outcome.message);
    if (unsafe !== undefined) throw new Error(`${where}: the message carries a raw ${unsafe}`);
  }
}

function safeStringify(value: unknown): string {
  try {
    return fc.stringify(value).slice(0, 300);
  } catch {
    return '(arguments that cannot be printed)';
  }
}
