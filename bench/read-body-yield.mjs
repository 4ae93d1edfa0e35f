// The memory bench's "before": read-body.ts without the task turn the body matchers take after reading a fetch
// Response's clone (which lets V8 release what undici 6's clone() keeps for the rest of the job). Removed from a
// copy of src/ by text, so it keeps applying while the code around it moves; `diff -u` of the copies is the fix.

/** Where read-body.ts is, newest layout first. */
export const READ_BODY_PATHS = ['src/body/read-body.ts', 'src/adapters/read-body.ts'];

/** The task turn after the clone's read (any indentation). */
const TURN = /^[ \t]*await nextTask\(\);\n/m;

/** read-body.ts as it was before the fix, or an Error when the turn is no longer where it was. */
export function removeYieldFix(source) {
  if (!TURN.test(source)) return new Error('the task turn `await nextTask();` is not in read-body.ts');
  return source.replace(TURN, '');
}
