import { describe, expect, test } from 'vitest';
import { ShelterClient } from '../src/shelter.js';

const shelter = new ShelterClient();

describe('ShelterClient', () => {
  test('lists the pets', async () => {
    expect(await shelter.listPets(10)).toEqual([
      { id: 1, name: 'Miso', species: 'cat' },
      { id: 2, name: 'Biscuit', species: 'dog' },
    ]);
  });

  test('gets one pet by id', async () => {
    const pet = await shelter.getPet(1);
    expect(pet?.name).toBe('Miso');
  });

  test('gets undefined for a pet the shelter does not have', async () => {
    expect(await shelter.getPet(99)).toBeUndefined();
  });

  test('lists a pet for adoption', async () => {
    expect(await shelter.adoptOut({ name: 'Clover', species: 'rabbit' })).toEqual({
      id: 3,
      name: 'Clover',
      species: 'rabbit',
    });
  });
});
