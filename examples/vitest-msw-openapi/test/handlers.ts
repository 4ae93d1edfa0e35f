import { http, HttpResponse } from 'msw';

const api = 'https://api.shelter.test/v1';
const pets = [
  { id: 1, name: 'Miso', species: 'cat' },
  { id: 2, name: 'Biscuit', species: 'dog' },
];

// DRIFT=1 makes this mock drift from the contract, as mocks do when the API changes and they do not:
// it answers the id as a string, which openapi.yaml says is an integer.
const drift = process.env.DRIFT === '1';

// The shelter API, mocked.
export const handlers = [
  http.get(`${api}/pets`, () => HttpResponse.json(pets)),

  http.get(`${api}/pets/:petId`, ({ params }) => {
    const pet = pets.find((p) => String(p.id) === params.petId);
    if (!pet)
      return HttpResponse.json(
        { title: 'No such pet', status: 404 },
        { status: 404, headers: { 'content-type': 'application/problem+json' } },
      );
    return HttpResponse.json(drift ? { ...pet, id: String(pet.id) } : pet);
  }),

  http.post(`${api}/pets`, async ({ request }) => {
    const pet = (await request.json()) as object;
    return HttpResponse.json({ id: 3, ...pet }, { status: 201 });
  }),
];
