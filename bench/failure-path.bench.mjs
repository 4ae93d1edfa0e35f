// Failure path: building the full explained message for a 500 whose JSON body the response object holds
// (supertest keeps the text, axios the parsed value), for bodies of 1 KB, 1 MB and 10 MB. The message
// shows a capped excerpt, so its cost must not grow with the body.
import { expect } from 'expect';
import axios from 'axios';
import supertest from 'supertest';
import { emit, fmtTime, fmtTimeSpread, packageEntry, sized, startServer, table, timeRounds, verdict } from './lib.mjs';

const { matchers } = await import(packageEntry('index.js'));

const TARGET_MS = 1;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
// BENCH_QUICK=1: the same labels on small bodies, so the code runs in seconds.
const SIZES = [
  ['1 KB', 1024],
  ['1 MB', sized(1024 ** 2, 10_000)],
  ['10 MB', sized(10 * 1024 ** 2, 20_000)],
];

// The runner's real matcher context (utils, colours, equals), captured once from jest's expect.
let context;
expect.extend({
  ...matchers,
  captureContext() {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the bench needs the runner's real matcher context
    context = this;
    return { pass: true, message: () => '' };
  },
});
expect(null).captureContext();

const server = await startServer();
const tasks = [];
for (const [label, size] of SIZES) {
  const path = `/status/500?size=${size}`;
  const st = await supertest(server.server).get(path);
  const ax = await axios.get(`${server.url}${path}`, { validateStatus: () => true });
  for (const [kind, res] of [
    ['supertest (text held)', st],
    ['axios (parsed data held)', ax],
  ]) {
    tasks.push({
      name: `${kind}, ${label}`,
      kind,
      label,
      what: 'message',
      fn: () => matchers.toHaveStatus.call(context, res, 200).message(),
    });
    tasks.push({
      name: `${kind}, ${label}, thrown`,
      kind,
      label,
      what: 'thrown',
      fn: () => {
        try {
          expect(res).toHaveStatus(200);
        } catch (error) {
          return error.message;
        }
        throw new Error('expected a failure');
      },
    });
  }
}
await server.close();

// A sanity check that the message is the full explained one, and how long it is.
const sample = tasks.find((t) => t.what === 'message' && t.label === '10 MB').fn();
// At least 8 samples of 5 calls per task and round: a message for a 10 MB body takes milliseconds (the secret scan).
const results = await timeRounds(tasks, { rounds: ROUNDS, time: 300, inner: 5, iterations: 8 });
const worst = Math.max(...results.map((r) => r.median));
const by = (kind, label, what) =>
  results.find((r, i) => tasks[i].kind === kind && tasks[i].label === label && tasks[i].what === what);
const kinds = [...new Set(tasks.map((t) => t.kind))];
emit(`
## Failure path: the explained message for a 500 with a large JSON body (target < ${TARGET_MS} ms, flat in body size): ${verdict(worst < TARGET_MS)}

\`expect(res).toHaveStatus(200)\` on a real 500 response from supertest and axios whose JSON body is 1 KB, 1 MB
or 10 MB. "message" is the matcher's \`message()\` alone (status meaning, hint, request, headers, capped body
excerpt, secret sweep), called with jest's matcher context; "thrown" is the whole failing assertion through jest's
\`expect\` including the thrown error. Per message: median of ${ROUNDS} rounds (min–max).

${table(
  ['response', ...SIZES.map(([l]) => `${l}: message`), ...SIZES.map(([l]) => `${l}: thrown`)],
  kinds.map((kind) => [
    kind,
    ...SIZES.map(([l]) => fmtTimeSpread(by(kind, l, 'message'))),
    ...SIZES.map(([l]) => fmtTimeSpread(by(kind, l, 'thrown'))),
  ]),
)}

The 10 MB message is ${sample.length.toLocaleString('en-US')} characters long; its body excerpt is capped by \`excerptLength\`
(default 1024), and a text body over 64 KB is cut without being parsed, so the cost does not follow the body.
Slowest: ${fmtTime(worst)}.
`);
