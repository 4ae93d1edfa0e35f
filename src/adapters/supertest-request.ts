import { HeaderList } from './header-list.js';
import { clientRequestHeaders, isObject, method } from './read.js';
import { sentText, unkeptBody } from './request-body.js';
import type { RequestAdapter } from './types.js';

/**
 * superagent's Request (supertest's Test), as a supertest response keeps it: `res.request`. Once sent, its `url` has
 * the query (`.query()` merged in), `req` is the Node ClientRequest with the headers that went out, and `_data` is
 * what `.send()` was given.
 */
export const supertestRequest: RequestAdapter = {
  kind: 'supertest-request',
  accepts: "a supertest response's `res.request`",
  name: 'supertest request',
  detect: (v) =>
    typeof v.method === 'string' &&
    typeof v.url === 'string' &&
    isObject(v.header) &&
    'qs' in v &&
    typeof v.end === 'function',
  read: (v) => {
    if (!isObject(v.req))
      return "received a supertest request that was never sent: `await` it and pass the response's request, as in `const res = await request(app).post('/pets').send(pet); await expect(res.request).toSatisfyApiSpec()`.";
    const headers = HeaderList.from(clientRequestHeaders(v.req) ?? v.header);
    const text = sentText(v._data, headers.get('content-type'));
    if (text === undefined) return unkeptBody('supertest request');
    return { method: method(v.method) ?? 'GET', url: v.url as string, headers, text };
  },
};
