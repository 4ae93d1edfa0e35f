import { http, HttpResponse } from 'msw';

// The API our code talks to, mocked: a profile behind a bearer token, and a sign-up that validates.
export const handlers = [
  http.get('https://api.example.test/me', ({ request }) => {
    if (request.headers.get('authorization') !== 'Bearer good-token') {
      return HttpResponse.json(
        { error: 'invalid_token' },
        { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api", error="invalid_token"' } },
      );
    }
    return HttpResponse.json({ id: 1, name: 'Ada' });
  }),

  http.post('https://api.example.test/users', async ({ request }) => {
    const body = (await request.json()) as { email?: string };
    if (!body.email?.includes('@')) {
      // RFC 9457 problem details, the usual shape of a validation error.
      return HttpResponse.json(
        {
          type: 'https://api.example.test/problems/validation',
          title: 'Your request is not valid.',
          status: 422,
          detail: 'email must be an email address',
          errors: [{ pointer: '#/email', detail: 'must contain @' }],
        },
        { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
      );
    }
    return HttpResponse.json({ id: 2, email: body.email }, { status: 201, headers: { Location: '/users/2' } });
  }),
];
