// npm run demo: a real HTTP server on 127.0.0.1, a few assertions with fetch and undici that pass, and a few
// that fail on purpose so you can see what expect-http prints. Uses jest's `expect` engine standalone and the
// built package, exactly as installed. Ends by itself.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';

if (!existsSync(new URL('../dist/index.js', import.meta.url))) {
  console.log('Building the package first (npm run build)…');
  execSync('npm run build', { stdio: 'ignore', cwd: new URL('..', import.meta.url) });
}
const { expect } = await import('expect');
const { matchers, readBody } = await import('expect-http');
const { request } = await import('undici');
expect.extend(matchers);

const routes = {
  'GET /users/1': [200, { 'content-type': 'application/json' }, { id: 1, name: 'Ada' }],
  'GET /admin': [
    401,
    { 'content-type': 'application/json', 'www-authenticate': 'Bearer realm="api", error="invalid_token"' },
    { error: 'token expired' },
  ],
  'GET /reports': [
    429,
    { 'content-type': 'application/json', 'retry-after': '30', 'ratelimit-remaining': '0' },
    { error: 'slow down' },
  ],
  'DELETE /users/1': [405, { 'content-type': 'application/json', allow: 'GET, PUT' }, { error: 'method not allowed' }],
  'POST /login': [303, { location: '/dashboard' }, null],
  'GET /health': [
    503,
    { 'content-type': 'text/html', 'retry-after': '120' },
    '<html><body><h1>Down for maintenance</h1></body></html>',
  ],
};
const server = createServer((req, res) => {
  const [status, headers, body] = routes[`${req.method} ${req.url}`] ?? [
    404,
    { 'content-type': 'text/plain' },
    'no such route',
  ];
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, headers).end(body === null ? undefined : text);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const bold = (s) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[22m` : s);
let failed = 0;
async function demo(title, assertion) {
  try {
    await assertion();
    console.log(`  ✓ ${title}`);
  } catch (error) {
    failed += 1;
    console.log(`  ✗ ${title}\n\n${error.message.replace(/^/gm, '    ')}\n`);
  }
}

try {
  console.log(bold(`\nexpect-http demo against ${base}\n`));
  console.log(bold('Passing assertions'));
  await demo('GET /users/1 with fetch is 200', async () => expect(await fetch(`${base}/users/1`)).toHaveStatus(200));
  await demo('GET /users/1 with undici.request is 2xx', async () => {
    const res = await request(`${base}/users/1`);
    expect(res).toBeSuccessful();
    await res.body.dump();
  });
  await demo('POST /login redirects to /dashboard with 303', async () =>
    expect(await fetch(`${base}/login`, { method: 'POST', redirect: 'manual' })).toBeRedirectWithLocation(
      '/dashboard',
      { status: 303 },
    ),
  );
  await demo('GET /nope is a client error', async () => expect(await fetch(`${base}/nope`)).toBeClientError());
  await demo('GET /users/1 has a JSON body with a name, and it can still be read afterwards', async () => {
    const res = await fetch(`${base}/users/1`);
    await expect(res).toHaveJsonBody({ id: 1, name: expect.any(String) });
    await res.json();
  });

  console.log(bold('\nFailing on purpose: this is what a red CI log shows\n'));
  // jest's expect is synchronous for a status assertion: the body is in its failure once readBody has read it.
  await demo('GET /admin with an expired token (the body read first, so the failure shows it)', async () => {
    const res = await fetch(`${base}/admin`);
    await readBody(res);
    expect(res).toHaveStatus(200);
  });
  await demo('GET /reports when rate limited (undici.request, body read first)', async () => {
    const res = await request(`${base}/reports`);
    await readBody(res);
    expect(res).toBeSuccessful();
  });
  await demo('DELETE /users/1 with the wrong method', async () => {
    const res = await fetch(`${base}/users/1`, { method: 'DELETE' });
    await readBody(res);
    expect(res).toHaveStatus(204);
  });
  await demo('POST /login, expecting to land on /home', async () =>
    expect(await fetch(`${base}/login`, { method: 'POST', redirect: 'manual' })).toBeRedirectWithLocation('/home'),
  );
  await demo('GET /health while the server is in maintenance', async () => {
    const res = await fetch(`${base}/health`);
    await readBody(res);
    expect(res).toBeSuccessful();
  });
  await demo('GET /health, expecting a JSON body (the body matchers are awaited)', async () => {
    const res = await fetch(`${base}/health`);
    await expect(res).toHaveJsonBody({ status: 'ok' });
  });
  console.log(bold(`${failed} assertions failed on purpose; the demo itself succeeded.`));
} finally {
  server.closeAllConnections();
  server.close();
}
