import { HeaderList } from './header-list.js';
import { clientRequestHeaders, clientRequestUrl, isObject, method, shape, stringOrUndefined } from './read.js';
import type { Adapter } from './types.js';

/** Node's `http.IncomingMessage`, as `http.get`/`http.request` hand it to their callback. */
export const nodeIncomingMessage: Adapter = {
  kind: 'node-incoming-message',
  accepts: 'a Node http.IncomingMessage',
  name: 'http.IncomingMessage',
  detect: shape({ statusCode: 'number', headers: 'object', rawHeaders: 'array', on: 'function' }),
  status: (v) => v.statusCode,
  details: (v) => {
    const req = v.req;
    return {
      statusText: stringOrUndefined(v.statusMessage),
      headers: HeaderList.from(v.headers),
      url: clientRequestUrl(req),
      request: { method: isObject(req) ? method(req.method) : undefined, url: clientRequestUrl(req) },
      requestHeaders: HeaderList.from(clientRequestHeaders(req)),
    };
  },
  // The message is itself the body's stream, with the bytes as sent: Node does not undo Content-Encoding.
  bodySource: (v) => ({ type: 'stream', stream: v, encoded: true }),
};
