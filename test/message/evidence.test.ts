import axios from 'axios';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchers } from '../../src/index.js';
import { asyncFailureOf, failureOf } from '../helpers/message.js';
import { startServer, type TestServer } from '../helpers/server.js';

expect.extend(matchers);

// express's default error page (finalhandler), as it answers an unhandled error in development.
const EXPRESS_ERROR_PAGE =
  '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n' +
  '<pre>TypeError: Cannot read properties of undefined (reading &#39;id&#39;)<br> &nbsp; &nbsp;at /app/routes/users.js:14:28<br> &nbsp; &nbsp;at Layer.handle [as handle_request] (/app/node_modules/express/lib/router/layer.js:95:5)</pre>\n' +
  '</body>\n</html>\n';

function order(i: number, price: number): unknown {
  return { id: i, lines: [1, 2, 3].map((n) => ({ sku: `SKU-${i}-${n}`, quantity: n, price: n === 3 ? price : 10 })) };
}
const orders = (changed: number): unknown => ({
  orders: Array.from({ length: 140 }, (_, i) => order(i, i === 37 ? changed : 10)),
});

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url === '/traced') {
      res
        .writeHead(500, {
          'content-type': 'application/json',
          'x-request-id': 'req-7f3a',
          traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
          'cf-ray': '8a1b2c3d4e5f-AMS',
          'x-powered-by': 'Express',
          etag: 'W/"1"',
        })
        .end('{"error":"boom"}');
    } else if (req.url === '/bare') {
      res.writeHead(500, { 'x-powered-by': 'Express' }).end();
    } else if (req.url === '/charset') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end('{}');
    } else if (req.url === '/plain-200') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    } else if (req.url === '/found') {
      res.writeHead(302, { location: '/next' }).end();
    } else if (req.url === '/html-error') {
      res.writeHead(500, { 'content-type': 'text/html; charset=utf-8' }).end(EXPRESS_ERROR_PAGE);
    } else {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(orders(99)));
    }
  });
});
afterAll(() => server.close());

describe('evidence a person can read', () => {
  it('an HTML error page is shown as its title and text, entities decoded', async () => {
    const res = await axios.get(`${server.url}/html-error`, { validateStatus: () => true });
    const message = failureOf(() => expect(res).toHaveStatus(200));
    expect(message).toContain(
      [
        'Body (349 B, HTML as text):',
        '  Title: Error',
        "  TypeError: Cannot read properties of undefined (reading 'id')",
        '      at /app/routes/users.js:14:28',
        '      at Layer.handle [as handle_request] (/app/node_modules/express/lib/router/layer.js:95:5)',
      ].join('\n'),
    );
    expect(message).not.toContain('<pre>');
    expect(message).not.toContain('&nbsp;');
  });

  it('a JSON body too large to diff names the first difference, its path and both values', async () => {
    const res = await fetch(`${server.url}/orders`);
    const size = (await res.clone().text()).length;
    expect(size).toBeGreaterThan(20_000);
    const message = await asyncFailureOf(() => expect(res).toHaveJsonBody(orders(10)));
    expect(message).toContain('First difference at $.orders[37].lines[2].price:\n  Expected: 10\n  Received: 99');
    const subset = await asyncFailureOf(() => expect(res).toMatchJsonBody({ orders: [] }));
    expect(subset).toContain('First difference at $.orders[0]:\n  Expected: (not mentioned)');
  });
});

describe('the header section says what it is', () => {
  it('shows the request-id and trace headers, and says how many of the headers it shows', async () => {
    const res = await fetch(`${server.url}/traced`);
    const message = failureOf(() => expect(res).toHaveStatus(200));
    expect(message).toMatch(
      /Response headers \(4 of \d+ shown\):\n {2}cf-ray: 8a1b2c3d4e5f-AMS\n {2}content-type: application\/json\n {2}traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\n {2}x-request-id: req-7f3a$/,
    );
    expect(message).not.toContain('x-powered-by');
  });

  it('says in words that no header it shows came back', async () => {
    const res = await fetch(`${server.url}/bare`);
    const message = failureOf(() => expect(res).toHaveStatus(200));
    expect(message).toMatch(/Response headers \(none of \d+ shown; there is no Content-Type\)/);
    expect(message).not.toContain('Response headers: no Content-Type');
  });
});

describe('hints fit the matcher', () => {
  it("toBeRedirect() on a 200 does not say 'if you expected an error'", async () => {
    const res = await fetch(`${server.url}/plain-200`);
    const message = failureOf(() => expect(res).toBeRedirect());
    expect(message).toContain('Meaning: The request succeeded');
    expect(message).not.toContain('If you expected an error');
    // The same 200 under a matcher that wanted an error keeps it.
    expect(failureOf(() => expect(res).toBeClientError())).toContain(
      'Hint:    If you expected an error, read the body',
    );
    expect(failureOf(() => expect(res).toHaveStatus(404))).toContain('Hint:    If you expected an error');
    expect(failureOf(() => expect(res).toHaveStatus(302))).not.toContain('If you expected an error');
  });

  it('an unfollowed 302 does not ask whether the client already followed it', async () => {
    const res = await fetch(`${server.url}/found`, { redirect: 'manual' });
    const message = failureOf(() => expect(res).toHaveStatus(200));
    expect(message).toContain('This response is the 3xx itself: the client did not follow it');
    expect(message).not.toContain('already followed');
  });

  it('supertest with .redirects(1), followed to a 200, gets the "already followed" note', async () => {
    const res = await supertest(server.url).get('/found').redirects(1);
    expect(res.status).toBe(200);
    const message = failureOf(() => expect(res).toBeRedirect());
    expect(message).toContain(
      'The client already followed the redirect: this is the final response, not the 3xx. To assert on the redirect itself, leave out .redirects(n) on the supertest request (it follows none by default).',
    );
    expect(message).toContain('Request: GET (its first URL is not kept by this supertest response)');
    expect(message).toContain('Final URL (after redirects): http://127.0.0.1:PORT/next');
  });

  it("toHaveHeader('content-type', …) that differs only in parameters points at toHaveContentType", async () => {
    const res = await fetch(`${server.url}/charset`);
    const message = failureOf(() => expect(res).toHaveHeader('Content-Type', 'application/json'));
    expect(message).toContain(
      'The media type is the same; only its parameters differ (application/json; charset=utf-8). To check the type whatever the charset, use toHaveContentType("application/json"), or toHaveContentType(\'json\') for any JSON type.',
    );
  });
});

describe('a hint points at the body only when the message shows it', () => {
  it('HTML where JSON was expected: "see the body" with the body, how to show it without', async () => {
    const unread = await fetch(`${server.url}/html-error`);
    const without = failureOf(() => expect(unread).toHaveContentType('json'));
    expect(without).toContain('served for an unknown path: await readBody(res) before this assertion to see which.');
    expect(without).not.toContain('Body (');
    const held = await axios.get(`${server.url}/html-error`, { validateStatus: () => true });
    const withBody = failureOf(() => expect(held).toHaveContentType('json'));
    expect(withBody).toContain('served for an unknown path: see the body.');
    expect(withBody).toContain('Body (349 B, HTML as text):');
  });
});
