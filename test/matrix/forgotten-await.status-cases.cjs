// Run by both forgotten-await fixtures (readBodyOnFailure set): the body in a status failure. Under vitest a failing
// status assertion reads an excerpt and then fails; under jest it fails at once, without it. It never passes.
'use strict';

/** Declares the tests in the calling runner; `url()` is the slow server's address. */
function defineStatusFailureTests({ test, expect, url }) {
  test('forgets the await on a failing status matcher', async () => {
    const res = await fetch(`${url()}/500`);
    expect(res).toHaveStatus(200);
  });

  test('awaits a failing status matcher', async () => {
    const res = await fetch(`${url()}/500`);
    await expect(res).toHaveStatus(200);
  });

  test('a passing status matcher stays synchronous and reads nothing', async () => {
    const res = await fetch(`${url()}/500`);
    const returned = expect(res).toHaveStatus(500);
    if (typeof returned?.then === 'function') throw new Error('a passing status assertion returned a promise');
    if (res.bodyUsed) throw new Error('a passing status assertion read the body');
    await res.arrayBuffer();
  });

  test('the body is still readable after a failing status matcher', async () => {
    const res = await fetch(`${url()}/500`);
    try {
      await expect(res).toHaveStatus(200);
    } catch {
      // The failure is the point; the body must still be there.
    }
    const body = await res.json();
    if (body.error !== 'database down') throw new Error(`the body read afterwards was ${JSON.stringify(body)}`);
  });
}

module.exports = { defineStatusFailureTests };
