import axios from 'axios';
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
  orders: Array.from({ length: 60 }, (_, i) => order(i, i === 37 ? changed : 10)),
});

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.url === '/html-error') {
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
        'Body (349 characters, HTML as text):',
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
    expect(size).toBeGreaterThan(8192);
    const message = await asyncFailureOf(() => expect(res).toHaveJsonBody(orders(10)));
    expect(message).toContain('First difference at $.orders[37].lines[2].price:\n  Expected: 10\n  Received: 99');
    const subset = await asyncFailureOf(() => expect(res).toMatchJsonBody({ orders: [] }));
    expect(subset).toContain('First difference at $.orders[0]:\n  Expected: (not mentioned)');
  });
});
