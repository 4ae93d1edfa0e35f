const request = require('supertest');
const { createApp } = require('../app');

const app = createApp();

describe('GET /books', () => {
  test('lists the books', async () => {
    const res = await request(app).get('/books');
    expect(res).toHaveStatus(200);
    await expect(res).toHaveJsonBody([{ id: 1, title: 'Dune' }]);
  });

  test('an unknown book is 404', async () => {
    const res = await request(app).get('/books/99');
    expect(res).toHaveStatus(404);
    expect(res).toBeClientError();
  });
});

describe('POST /books', () => {
  test('creates a book with a valid key', async () => {
    const res = await request(app).post('/books').set('X-Api-Key', 'secret-key').send({ title: 'Emma' });
    expect(res).toHaveStatus(201);
    expect(res).toHaveHeader('Location', '/books/2');
    await expect(res).toMatchJsonBody({ title: 'Emma' });
  });

  test('refuses a request without a key', async () => {
    const res = await request(app).post('/books').send({ title: 'Emma' });
    expect(res).toHaveStatus(401);
    expect(res).toHaveHeader('WWW-Authenticate', expect.stringContaining('ApiKey'));
  });

  test('refuses a book without a title', async () => {
    const res = await request(app).post('/books').set('X-Api-Key', 'secret-key').send({});
    expect(res).toHaveStatus(400);
  });
});

test('an error in a handler is a 500', async () => {
  const res = await request(app).get('/crash');
  expect(res).toBeServerError();
  expect(res).toHaveContentType('html');
});

// Fails on purpose, to show what expect-http prints: run with SHOW_FAILURE=1.
if (process.env.SHOW_FAILURE) {
  test('shows a failure: the key is sent with the wrong header name', async () => {
    const res = await request(app).post('/books').set('Authorization', 'secret-key').send({ title: 'Emma' });
    expect(res).toHaveStatus(201);
  });
}
