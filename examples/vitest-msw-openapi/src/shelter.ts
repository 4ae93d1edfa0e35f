// The code under test: a small client of the shelter API (openapi.yaml), as an app would have it.
export interface Pet {
  id: number;
  name: string;
  species: 'cat' | 'dog' | 'rabbit';
}

export class ShelterClient {
  constructor(private readonly base = 'https://api.shelter.test/v1') {}

  async listPets(limit = 20): Promise<Pet[]> {
    const res = await fetch(`${this.base}/pets?limit=${limit}`);
    if (!res.ok) throw new Error(`listPets: ${res.status}`);
    return (await res.json()) as Pet[];
  }

  /** undefined when the shelter has no such pet. */
  async getPet(id: number): Promise<Pet | undefined> {
    const res = await fetch(`${this.base}/pets/${id}`);
    if (res.status === 404) return undefined;
    if (!res.ok) throw new Error(`getPet: ${res.status}`);
    return (await res.json()) as Pet;
  }

  async adoptOut(pet: Omit<Pet, 'id'>): Promise<Pet> {
    const res = await fetch(`${this.base}/pets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(pet),
    });
    if (res.status !== 201) throw new Error(`adoptOut: ${res.status}`);
    return (await res.json()) as Pet;
  }
}
