// Peers side by side, in one process, on the same responses from the same local node:http server:
// supertest's `.expect(200)` chain, chai-http's `expect(res).to.have.status(200)` and Playwright's
// `toBeOK()` against the library's matchers, passing (a 200) and failing (a 500, up to the thrown error
// with its message read). Each comparison is interleaved A/B (lib.mjs): ratio = expect-http / the peer.
import { expect as pwExpect, request as pwRequest } from '@playwright/test';
import * as chai from 'chai';
import chaiHttp from 'chai-http';
import { expect } from 'expect';
import supertest from 'supertest';
import { emit, fmtRatio, fmtTime, packageEntry, QUICK, ratioRounds, sized, startServer, table } from './lib.mjs';

const { matchers } = await import(packageEntry('index.js'));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
// A failing response carries a JSON body of this size, so every message that shows a body has one to show.
const FAILING = '/status/500?size=1000';

chai.use(chaiHttp);
expect.extend(matchers);
// Playwright's expect is extended the way a Playwright user would: a new expect with our matchers on it.
const pwOurs = pwExpect.extend(matchers);

const server = await startServer();
const api = await pwRequest.newContext();
const held = {
  ok: await supertest(server.server).get('/status/200'),
  failing: await supertest(server.server).get(FAILING),
  pwOk: await api.get(`${server.url}/status/200`),
  pwFailing: await api.get(`${server.url}${FAILING}`),
};
// Playwright reads the body for its message: keep it in the APIResponse, as a test that looked at it would.
await held.pwFailing.body();

/** The message of what `fn` throws (or rejects with): the thrown error as a user sees it. */
function thrownBy(fn) {
  try {
    fn();
  } catch (error) {
    return error.message;
  }
  throw new Error('expected the assertion to fail');
}
async function rejectedBy(fn) {
  try {
    await fn();
  } catch (error) {
    return error.message;
  }
  throw new Error('expected the assertion to fail');
}

// `ours`/`peer` become ratioRounds' lib/bare: async where the code a user writes awaits, sync where it does not.
const PASSING = [
  {
    name: 'supertest, request included',
    peerText: "await request(server).get('/').expect(200)",
    oursText: "expect(await request(server).get('/')).toHaveStatus(200)",
    ours: async () => expect(await supertest(server.server).get('/status/200')).toHaveStatus(200),
    peer: async () => supertest(server.server).get('/status/200').expect(200),
    slow: true,
  },
  {
    name: 'chai-http, the same supertest response',
    peerText: 'chai.expect(res).to.have.status(200)',
    oursText: 'expect(res).toHaveStatus(200)',
    ours: () => expect(held.ok).toHaveStatus(200),
    peer: () => chai.expect(held.ok).to.have.status(200),
  },
  // Not expect-http: what the two runners charge for any assertion, so the row above can be read.
  {
    name: "reference: jest's `expect` against chai's, no HTTP matcher",
    peerText: 'chai.expect(res.status).to.equal(200)',
    oursText: 'expect(res.status).toBe(200)',
    ours: () => expect(held.ok.status).toBe(200),
    peer: () => chai.expect(held.ok.status).to.equal(200),
  },
  {
    name: 'Playwright, the same APIResponse',
    peerText: 'await expect(res).toBeOK()',
    oursText: 'expect(res).toBeSuccessful()',
    ours: () => pwOurs(held.pwOk).toBeSuccessful(),
    peer: async () => pwExpect(held.pwOk).toBeOK(),
  },
  {
    name: 'Playwright, request included',
    peerText: 'await expect(await request.get(url)).toBeOK()',
    oursText: 'expect(await request.get(url)).toBeSuccessful()',
    ours: async () => pwOurs(await api.get(`${server.url}/status/200`)).toBeSuccessful(),
    peer: async () => pwExpect(await api.get(`${server.url}/status/200`)).toBeOK(),
    slow: true,
  },
];

const FAILING_PAIRS = [
  {
    name: 'supertest, request included',
    peerText: `await request(server).get(url).expect(200)`,
    oursText: 'expect(await request(server).get(url)).toHaveStatus(200)',
    ours: async () => rejectedBy(async () => expect(await supertest(server.server).get(FAILING)).toHaveStatus(200)),
    peer: async () => rejectedBy(() => supertest(server.server).get(FAILING).expect(200)),
    slow: true,
  },
  {
    name: 'chai-http, the same supertest response',
    peerText: 'chai.expect(res).to.have.status(200)',
    oursText: 'expect(res).toHaveStatus(200)',
    ours: () => thrownBy(() => expect(held.failing).toHaveStatus(200)),
    peer: () => thrownBy(() => chai.expect(held.failing).to.have.status(200)),
  },
  {
    name: 'Playwright, the same APIResponse',
    peerText: 'await expect(res).toBeOK()',
    oursText: 'expect(res).toBeSuccessful()',
    ours: () => thrownBy(() => pwOurs(held.pwFailing).toBeSuccessful()),
    peer: async () => rejectedBy(() => pwExpect(held.pwFailing).toBeOK()),
  },
];

// What each failure says, for the table: the length of the message a user reads, and one line of it.
const messages = [];
for (const pair of FAILING_PAIRS) {
  messages.push({ name: pair.name, ours: await pair.ours(), peer: await pair.peer() });
}

const asPairs = (list, prefix) =>
  list.map((p) => ({ name: `${prefix}: ${p.name}`, lib: p.ours, bare: p.peer, slow: p.slow }));
const all = [...asPairs(PASSING, 'pass'), ...asPairs(FAILING_PAIRS, 'fail')];
// The same number of rounds for both groups; a request costs about a millisecond, so those blocks are shorter.
process.stderr.write('peers: held responses\n');
const fast = await ratioRounds(
  all.filter((p) => !p.slow),
  { rounds: ROUNDS, blocks: 12, calls: 100 },
);
process.stderr.write('peers: a request per call\n');
const slow = await ratioRounds(
  all.filter((p) => p.slow),
  { rounds: ROUNDS, blocks: 8, calls: sized(20, 2) },
);
await api.dispose();
await server.close();

const results = [...fast, ...slow];
const resultOf = (prefix, name) => results.find((r) => r.name === `${prefix}: ${name}`);
const rows = (prefix, list) =>
  list.map((p) => {
    const r = resultOf(prefix, p.name);
    return [
      p.name,
      `\`${p.peerText}\``,
      `\`${p.oursText}\``,
      fmtTime(r.bare.median),
      fmtTime(r.lib.median),
      fmtRatio(r.ratio),
    ];
  });
const firstLine = (text) => text.split('\n').find((line) => line.trim() !== '') ?? '';
const clean = (text) => text.replace(/\u001b\[[0-9;]*m/g, '');
const HEADER = [
  'comparison',
  'peer',
  'expect-http',
  'peer: time per call',
  'expect-http: time per call',
  'expect-http / peer',
];

emit(`
## Peers side by side: supertest, chai-http, Playwright

One process, one local node:http server, the same responses for both sides of each row. expect-http runs in
jest's \`expect\` package against supertest and chai-http (the supertest response, status and body already held),
and in Playwright's own \`expect\`, extended with \`expect.extend(matchers)\`, against \`toBeOK()\` (an
\`APIResponse\` from \`request.newContext()\`). Interleaved A/B: each of ${ROUNDS} rounds alternates blocks of
each side (held responses: 12 blocks × 100 calls; a request per call: 8 blocks × 20 calls); times are per call,
medians over the rounds; a ratio's range is min–max of the per-round ratios, and below 1 means expect-http is faster.
${QUICK ? '\n(BENCH_QUICK=1: one round of a few calls; these figures are not measurements.)\n' : ''}
### Passing: a 200

${table(HEADER, rows('pass', PASSING))}

The reference row is no HTTP matcher at all: jest's \`toBe\` (with expect-http registered, as in the other rows)
against chai's \`equal\`, the price of the runner each side runs in.

### Failing: a 500 with a 1 KB JSON body, up to the thrown error with its message read

${table(HEADER, rows('fail', FAILING_PAIRS))}

What the thrown error says (ANSI colours stripped):

${table(
  ['comparison', 'peer: characters, first line', 'expect-http: characters, first line'],
  messages.map((m) => [
    m.name,
    `${clean(m.peer).length}: \`${firstLine(clean(m.peer)).replaceAll('|', '\\|').slice(0, 70)}\``,
    `${clean(m.ours).length}: \`${firstLine(clean(m.ours)).replaceAll('|', '\\|').slice(0, 70)}\``,
  ]),
)}

The peers' messages name the two statuses (Playwright's adds its request log and the response text); expect-http's
add the status's meaning, a hint, the URL, headers and a redacted body excerpt where the response holds one, which is
what the extra time per failure buys. A failure costs this once; a passing assertion, on every run.
`);
