import { adapt, clientResponse, type HeldBody, type HttpResponse } from '../adapters/index.js';
import { isObject } from '../adapters/read.js';
import { settledBody } from '../body/read-body.js';
import { getConfig } from '../config.js';
import { HttpMatcherUsageError } from '../errors.js';
import { renderHttpSnapshot } from '../message/http-snapshot.js';
import { DEFAULT_MASKS, merge, parseMasks, type Masks, type SnapshotMasks } from './masks.js';

// Snapshots of responses, as HTTP text: the status line, the headers sorted, the body pretty-printed. What
// changes between runs is masked, secrets always redacted. A serializer runs synchronously, so a streamed body
// must have been read (`await readBody(res)`) before the snapshot: see decisions/0010.

/** A response with masks of its own, for `expect(httpSnapshot(res, { json: ['$.id'] })).toMatchSnapshot()`. */
export class HttpSnapshot {
  /** @internal */
  constructor(
    readonly response: HttpResponse,
    readonly masks: Masks,
  ) {}
}

/**
 * A response to snapshot with more masks than the defaults: by header name or JSON path, each printed as
 * `[masked]` or as the asymmetric matcher it satisfies.
 * @example
 * await readBody(res); // a streamed body must be read before a snapshot
 * expect(httpSnapshot(res, { json: { '$.items[*].id': expect.any(Number) } })).toMatchSnapshot();
 */
export function httpSnapshot(received: unknown, masks: SnapshotMasks = {}): HttpSnapshot {
  const res = adapt('httpSnapshot', received, httpSnapshot, { needs: 'headers' });
  return new HttpSnapshot(res, merge(DEFAULT_MASKS, parseMasks('httpSnapshot', masks, httpSnapshot)));
}

/**
 * The snapshot serializer the vitest and jest entries register: any client's response in `toMatchSnapshot()` or
 * `toMatchInlineSnapshot()` is written as HTTP text. Register it yourself elsewhere with
 * `expect.addSnapshotSerializer(httpSnapshotSerializer)`.
 */
export const httpSnapshotSerializer = {
  test(value: unknown): boolean {
    if (value instanceof HttpSnapshot) return true;
    // Cheap first: every response has a status of some sort; most values in a snapshot have none.
    if (!isObject(value)) return false;
    try {
      if (!('status' in value) && !('statusCode' in value)) return false;
    } catch {
      return false;
    }
    return clientResponse(value) !== undefined;
  },
  serialize(value: unknown, _config?: unknown, indentation = ''): string {
    const snapshot =
      value instanceof HttpSnapshot ? value : new HttpSnapshot(clientResponse(value) as HttpResponse, globalMasks());
    const res = snapshot.response;
    const text = renderHttpSnapshot(res, bodyOf(res), snapshot.masks);
    return text.split('\n').join(`\n${indentation}`);
  },
};

function globalMasks(): Masks {
  const extra = getConfig().snapshotMasks;
  return extra === undefined ? DEFAULT_MASKS : merge(DEFAULT_MASKS, parseMasks('configure', extra, globalMasks));
}

/** The body to print: held by the client or already read; none when there is none to read. */
function bodyOf(res: HttpResponse): HeldBody | undefined {
  const held = res.body ?? settledBody(res);
  if (held !== undefined) return held;
  const source = res.bodySource();
  const empty =
    source === undefined ||
    res.status === 204 ||
    res.status === 304 ||
    res.request?.method?.toUpperCase() === 'HEAD' ||
    res.headers.get('content-length') === '0' ||
    (source.type === 'fetch' && (source.response.body === null || source.response.body === undefined));
  if (empty) return undefined;
  throw new HttpMatcherUsageError(
    'httpSnapshotSerializer',
    `this ${res.clientName}'s body is a stream nobody has read, and a snapshot is taken synchronously, so it cannot ` +
      'wait for it. Read it first, then snapshot: `await readBody(res); expect(res).toMatchSnapshot()` (the response ' +
      'stays readable: readBody(res) again, or res.json() on a fetch Response).',
    httpSnapshotSerializer.serialize,
  );
}
