// The JSON paths a snapshot mask names: the subset of JSONPath (RFC 9535) that picks members, not the one that
// filters them. `$.createdAt`, `$.items[*].id`, `$['odd key']`, `$.items[0]`, `$..id` (at any depth).

/** One step of a path: a member name, an index, every member (`*`), or a name at any depth below (`..name`). */
export type PathStep =
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'all' }
  | { readonly kind: 'descendants'; readonly name: string | undefined };

const STEP =
  /^(?:\.\.([A-Za-z_$][\w$-]*|\*)|\.([A-Za-z_$][\w$-]*)|\.\*|\[\*\]|\[(\d{1,9})\]|\['((?:[^'\\]|\\.)*)'\]|\["((?:[^"\\]|\\.)*)"\])/;

/** The steps of `path`, or undefined when it is not a path of that subset. */
export function parseJsonPath(path: string): PathStep[] | undefined {
  if (!path.startsWith('$') || path.length > 1000) return undefined;
  const steps: PathStep[] = [];
  let rest = path.slice(1);
  while (rest.length > 0) {
    const m = STEP.exec(rest);
    if (m === null) return undefined;
    rest = rest.slice(m[0].length);
    const [, deep, name, index, single, double] = m;
    if (deep !== undefined) steps.push({ kind: 'descendants', name: deep === '*' ? undefined : deep });
    else if (name !== undefined) steps.push({ kind: 'name', name });
    else if (index !== undefined) steps.push({ kind: 'index', index: Number(index) });
    else if (single !== undefined || double !== undefined)
      steps.push({ kind: 'name', name: (single ?? double ?? '').replace(/\\(.)/g, '$1') });
    else steps.push({ kind: 'all' });
  }
  return steps;
}

// A body nested deeper than this is not walked further: masks stop there, and the snapshot still prints it.
const MAX_DEPTH = 64;

/**
 * Calls `replace` for every value `steps` picks in `root` (a parsed JSON body the caller owns), and puts what it
 * returns in its place. The root itself (`$`) is not replaced.
 */
export function replaceAtPath(root: unknown, steps: readonly PathStep[], replace: (value: unknown) => unknown): void {
  visit(root, steps, 0, replace, 0);
}

function visit(
  node: unknown,
  steps: readonly PathStep[],
  at: number,
  replace: (value: unknown) => unknown,
  depth: number,
): void {
  const step = steps[at];
  if (step === undefined || typeof node !== 'object' || node === null || depth > MAX_DEPTH) return;
  const container = node as Record<string, unknown>;
  const last = at === steps.length - 1;
  const apply = (key: string): void => {
    if (!Object.hasOwn(container, key)) return;
    if (last) container[key] = replace(container[key]);
    else visit(container[key], steps, at + 1, replace, depth + 1);
  };
  if (step.kind === 'name') apply(step.name);
  else if (step.kind === 'index') {
    if (Array.isArray(node)) apply(String(step.index));
  } else if (step.kind === 'all') for (const key of Object.keys(container)) apply(key);
  else {
    // `..name`: this level's member, then the same step again below every member (RFC 9535 §2.5.2).
    for (const key of Object.keys(container)) {
      const child = container[key];
      if (step.name === undefined || key === step.name) apply(key);
      visit(child, steps, at, replace, depth + 1);
    }
  }
}
