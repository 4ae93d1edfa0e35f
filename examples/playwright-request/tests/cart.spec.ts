import { expect, test } from './fixtures.js';

test('GET /cart is 200', async ({ request }) => {
  const res = await request.get('/cart');
  expect(res).toHaveStatus(200);
  expect(res).toHaveContentType('json');
  expect(await res.json()).toEqual({ items: [] });
});

test('checkout without a session redirects to the login page', async ({ request }) => {
  // maxRedirects: 0 returns the 303 itself instead of following it.
  const res = await request.post('/checkout', { maxRedirects: 0 });
  expect(res).toBeRedirectWithLocation('/login?next=/checkout', { status: 303 });
});

test('checkout of an empty cart is a conflict', async ({ request }) => {
  const res = await request.post('/checkout', { headers: { cookie: 'session=abc' } });
  expect(res).toHaveStatus(409);
  expect(res).toBeClientError();
  await expect(res).toHaveTextBody('{"error":"the cart is empty"}');
});

test('asymmetric matchers and JSON bodies work with Playwright\'s expect', async ({ request }) => {
  const res = await request.post('/checkout', { headers: { cookie: 'session=abc' } });
  expect(res).toHaveStatus(expect.any(Number));
  await expect(res).toHaveJsonBody({ error: expect.stringContaining('empty') });
  await expect(res).toMatchJsonBody({ error: 'the cart is empty' });
  await expect(res).not.toHaveJsonBody({ error: 'something else' });
});

// Fails on purpose, to show what expect-http prints: run with SHOW_FAILURE=1.
if (process.env.SHOW_FAILURE) {
  test('shows a failure: an empty cart where checkout was expected to succeed', async ({ request }) => {
    const res = await request.post('/checkout', { headers: { cookie: 'session=abc' } });
    expect(res).toBeSuccessful();
  });
}
