// "Did you mean …?" for header names, cookie names and option keys. Names are compared lowercased and
// without - and _, so x-requestid, X-Request-ID and x_request_id are all the same name to a tired eye.

function normalise(name: string): string {
  return name.toLowerCase().replace(/[-_]/g, '').slice(0, 100);
}

/** Edit distance with adjacent transpositions (optimal string alignment); inputs are capped at 100 characters. */
function distance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const up = rows[i - 1] ?? [];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((up[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (up[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
}

/** `names` with the closest to `wanted` first; equally close names keep their order. */
function byCloseness(wanted: string, names: readonly string[]): string[] {
  const w = normalise(wanted);
  return names
    .map((name, index) => ({ name, index, d: distance(w, normalise(name)) }))
    .sort((x, y) => x.d - y.d || x.index - y.index)
    .map((x) => x.name);
}

/** The names a person probably meant when they wrote `wanted`: a typo or two away, or differing only in case and separators. */
export function nearNames(wanted: string, names: readonly string[]): string[] {
  const w = normalise(wanted);
  const limit = Math.max(1, Math.floor(w.length / 4));
  return byCloseness(wanted, names).filter((name) => name !== wanted && distance(w, normalise(name)) <= limit);
}

/** A list of names for a message: at most `max` of them, with a count of the rest. */
export function listNames(names: readonly string[], max = 20): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown}, … and ${names.length - max} more` : shown;
}
