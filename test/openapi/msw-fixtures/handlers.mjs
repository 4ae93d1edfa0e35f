// The mocked API of both runner fixtures: pet 1 as the contract says, pet 2 with its id as a string (drifted).
import { http, HttpResponse } from 'msw';

const API = 'http://petstore.test/v1';
export const SPEC = new URL('../specs/petstore-3.0.yaml', import.meta.url).pathname;
export const handlers = [
  http.get(`${API}/pets/:petId`, ({ params }) =>
    HttpResponse.json({ id: params.petId === '1' ? 1 : String(params.petId), name: 'Rex' }),
  ),
];

// App code that turns any failure into "no pet": the test alone would never notice a drifted mock.
export const petName = (id) =>
  fetch(`${API}/pets/${id}`)
    .then((res) => res.json())
    .then((pet) => (typeof pet.id === 'number' ? pet.name : undefined))
    .catch(() => undefined);
