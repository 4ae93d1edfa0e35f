import { HttpMatcherUsageError } from './errors.js';
import { parseMasks, type SnapshotMasks } from './snapshot/masks.js';

export interface HttpMatcherConfig {
  /** Largest body a body matcher reads, in bytes. Default 10 MiB. */
  bodyLimit: number;
  /** Longest a body matcher waits for a body to end, in ms. Default 5000. */
  bodyTimeout: number;
  /** Longest body excerpt in a failure message, in characters. Default 1024. */
  excerptLength: number;
  /**
   * Extra names to redact in messages, on top of the built-in list: header names, URL query
   * parameters and JSON fields. A string matches the whole name case-insensitively; a RegExp is tested.
   */
  redact: ReadonlyArray<string | RegExp>;
  /**
   * Under vitest, a failing status, header or cookie assertion on a body nobody has read first reads an excerpt of
   * it (64 KiB or 1 s at most, the body kept for the test) and then fails, so it must be awaited:
   * `await expect(res).toHaveStatus(200)`. Default false: those assertions stay synchronous, and show the body only
   * when it is at hand (held by the client, or read by `readBody` or a body matcher).
   */
  readBodyOnFailure: boolean;
  /**
   * More to mask in every response snapshot, on top of the defaults (date, etag, request ids, cookie values…): header
   * names and JSON paths, each printed as `[masked]` or as the asymmetric matcher it satisfies. Default none.
   * @example configure({ snapshotMasks: { headers: ['x-build-id'], json: { '$..id': expect.any(Number) } } })
   */
  snapshotMasks: SnapshotMasks | undefined;
}

const defaults: HttpMatcherConfig = {
  bodyLimit: 10 * 1024 * 1024,
  bodyTimeout: 5000,
  excerptLength: 1024,
  redact: [],
  readBodyOnFailure: false,
  snapshotMasks: undefined,
};

let current: HttpMatcherConfig = { ...defaults };

/** Changes the library's limits for the rest of the process (call it in a setup file). Returns the new config. */
export function configure(options: Partial<HttpMatcherConfig> = {}): Readonly<HttpMatcherConfig> {
  const next = { ...current };
  for (const key of ['bodyLimit', 'bodyTimeout', 'excerptLength'] as const) {
    const value = options[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
      throw new HttpMatcherUsageError(
        'configure',
        `${key} must be a positive whole number, got ${String(value)}`,
        configure,
      );
    }
    next[key] = value;
  }
  if (options.readBodyOnFailure !== undefined) {
    if (typeof options.readBodyOnFailure !== 'boolean')
      throw new HttpMatcherUsageError(
        'configure',
        `readBodyOnFailure must be true or false, got ${String(options.readBodyOnFailure)}`,
        configure,
      );
    next.readBodyOnFailure = options.readBodyOnFailure;
  }
  if (options.snapshotMasks !== undefined) {
    parseMasks('configure', options.snapshotMasks, configure);
    next.snapshotMasks = options.snapshotMasks;
  }
  if (options.redact !== undefined) {
    const redact: unknown = options.redact;
    // Index by index: every() skips the holes of a sparse array, which would then crash every later message.
    const valid = (r: unknown): boolean => typeof r === 'string' || r instanceof RegExp;
    if (!Array.isArray(redact) || Array.from(redact, valid).includes(false)) {
      throw new HttpMatcherUsageError('configure', 'redact must be an array of strings and RegExps', configure);
    }
    next.redact = [...redact];
  }
  current = next;
  return getConfig();
}

// Set when this is a second copy of the module, loaded for the lazy side outside the graph that holds the config in
// force (vitest's vm pools, an inlined dependency): it then reads that one (scripts/lazy-side.mjs).
let followed: (() => Readonly<HttpMatcherConfig>) | undefined;

/** The config in force. */
export function getConfig(): Readonly<HttpMatcherConfig> {
  return followed === undefined ? current : followed();
}

/** Makes this copy read another copy's config (internal: the lazy side's loader calls it). */
export function followConfig(source: () => Readonly<HttpMatcherConfig>): void {
  followed = source;
}

/** Puts every setting back to its default (for tests). */
export function resetConfig(): void {
  current = { ...defaults };
}
