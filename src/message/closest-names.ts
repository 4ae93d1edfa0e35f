import { quote } from './show.js';
// "Did you mean …?" for header names, cookie names and option keys. Names are compared lowercased and
// without - and _, so x-requestid, X-Request-ID and x_request_id are all the same name to a tired eye.
//
// A response can carry 10,000 headers or cookies, so the search is bounded: names too different in length
// or in letters are ruled out in linear time before any edit distance is computed, the distance itself is
// computed only within `limit` of the diagonal and abandoned once it exceeds `limit`, and past a fixed
// amount of that work only names equal up to case and separators are still found.

const MAX_LENGTH = 100;
// Cells of the edit-distance table computed for one search, at most (about 50 ms).
const WORK_BUDGET = 5_000_000;

function normalise(name: string): string {
  // Lowercased before the separators go: a cheap first pass over at most twice the kept length.
  const lower = name.slice(0, MAX_LENGTH * 2).toLowerCase();
  if (!lower.includes('-') && !lower.includes('_')) return lower.slice(0, MAX_LENGTH);
  return lower.replace(/[-_]/g, '').slice(0, MAX_LENGTH);
}

/**
 * A lower bound of the edit distance from the letters alone: each edit adds or removes at most one letter
 * on each side. `counts` is a zeroed scratch array, left zeroed.
 */
function letterDistance(a: string, b: string, counts: Int32Array): number {
  for (let i = 0; i < a.length; i++) counts[a.charCodeAt(i)]! += 1;
  for (let i = 0; i < b.length; i++) counts[b.charCodeAt(i)]! -= 1;
  let extra = 0;
  let missing = 0;
  for (let i = 0; i < a.length; i++) {
    const code = a.charCodeAt(i);
    const c = counts[code]!;
    if (c > 0) extra += c;
    counts[code] = 0;
  }
  for (let i = 0; i < b.length; i++) {
    const code = b.charCodeAt(i);
    const c = counts[code]!;
    if (c < 0) missing -= c;
    counts[code] = 0;
  }
  return Math.max(extra, missing);
}

/**
 * Edit distance with adjacent transpositions (optimal string alignment), or `limit + 1` when it is over
 * `limit`: only cells within `limit` of the diagonal can be at most `limit`, so only those are computed.
 */
function boundedDistance(a: string, b: string, limit: number, work: Work): number {
  const over = limit + 1;
  let [before, previous, current] = work.rows;
  before.fill(over, 0, b.length + 2);
  previous.fill(over, 0, b.length + 2);
  current.fill(over, 0, b.length + 2);
  for (let j = 0; j <= Math.min(b.length, limit); j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    // The cells next to the band keep "over": the rows are reused and may hold stale values there.
    current[0] = i <= limit ? i : over;
    if (from > 1) current[from - 1] = over;
    current[to + 1] = over;
    let rowMin = current[0]!;
    const ai = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = previous[j - 1]! + (ai === bj ? 0 : 1);
      if (previous[j]! + 1 < d) d = previous[j]! + 1;
      if (current[j - 1]! + 1 < d) d = current[j - 1]! + 1;
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj && before[j - 2]! + 1 < d)
        d = before[j - 2]! + 1;
      if (d > over) d = over;
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    work.cells -= to - from + 1;
    if (rowMin > limit) return over;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

interface Work {
  cells: number;
  /** Three rows of the table, reused for every name. */
  rows: [Int32Array, Int32Array, Int32Array];
}

/**
 * The names a person probably meant when they wrote `wanted`: a typo or two away (a quarter of its length,
 * at least one), or differing only in case and separators. Closest first, equally close ones in their
 * order; at most `max` of them.
 */
export function nearNames(wanted: string, names: readonly string[], max = 5): string[] {
  const w = normalise(wanted);
  const limit = Math.max(1, Math.floor(w.length / 4));
  const counts = new Int32Array(0x10000);
  const row = (): Int32Array => new Int32Array(MAX_LENGTH + 2);
  const work: Work = { cells: WORK_BUDGET, rows: [row(), row(), row()] };
  const seen = new Set<string>();
  const found: Array<{ name: string; index: number; d: number }> = [];
  names.forEach((name, index) => {
    if (name === wanted || seen.has(name)) return;
    seen.add(name);
    const n = normalise(name);
    if (n === w) {
      found.push({ name, index, d: 0 });
      return;
    }
    if (Math.abs(n.length - w.length) > limit || work.cells <= 0 || letterDistance(w, n, counts) > limit) return;
    const d = boundedDistance(w, n, limit, work);
    if (d <= limit) found.push({ name, index, d });
  });
  return found
    .sort((x, y) => x.d - y.d || x.index - y.index)
    .slice(0, max)
    .map((x) => x.name);
}

/** A list of names for a message: at most `max` of them, with a count of the rest. */
export function listNames(names: readonly string[], max = 20): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown}, … and ${names.length - max} more` : shown;
}

/**
 * The keys of `given` that `known` does not list, as a usage error's sentence with a "did you mean" for each
 * (`expected has unknown key "stauts" (did you mean status?). Known keys: …`), or undefined when there are none.
 */
export function unknownKeysProblem(given: object, known: readonly string[]): string | undefined {
  const unknown = Object.keys(given).filter((k) => !known.includes(k));
  if (unknown.length === 0) return undefined;
  const named = unknown.map((k) => {
    const near = known.find((key) => key.toLowerCase() === k.toLowerCase()) ?? nearNames(k, known)[0];
    return near === undefined ? quote(k) : `${quote(k)} (did you mean ${near}?)`;
  });
  return `expected has unknown key${unknown.length > 1 ? 's' : ''} ${named.join(', ')}. Known keys: ${known.join(', ')}.`;
}
