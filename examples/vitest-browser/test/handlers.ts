import { http, HttpResponse } from 'msw';

// The API the page talks to, answered by msw's service worker inside the browser.
export const handlers = [
  http.get('/api/me', ({ request }) => {
    if (!request.headers.get('authorization')) {
      return HttpResponse.json({ error: 'unauthorized' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });
    }
    return HttpResponse.json({ id: 1, name: 'Ada' });
  }),
  http.get('/api/old-profile', () => new HttpResponse(null, { status: 301, headers: { Location: '/api/me' } })),
  http.post('/api/orders', () => HttpResponse.json({ error: 'payment service down' }, { status: 502 })),
];
