import { toHttpResponse, type HeldBody, type HttpResponse } from '../adapters/index.js';
import type { ContractOutcome } from '../openapi/check-response.js';
import { escapeMessage } from './escape.js';
import { contractNotes, type ShownRequest } from './openapi-notes.js';
import { Redactor } from './redactor.js';
import { line, url } from './show.js';

// What checkMocksAgainst reports: for each mocked exchange that breaks the contract, the request, the msw handler
// that answered it, and each way the request or the mocked response breaks the spec. One Redactor learns the
// secrets of both sides first (credential headers, secret query parameters, secret body members), then escapes.

/** The msw handler that answered, as msw describes it (`handler.info`). */
export interface MockHandler {
  /** `GET http://api.test/pets/:petId` */
  readonly header: string;
  /** Where the handler was declared: a stack frame, as msw records it. */
  readonly callFrame?: string | undefined;
}

export interface MockExchange {
  readonly handler: MockHandler | undefined;
  readonly request: ShownRequest;
  readonly requestOutcome: ContractOutcome;
  readonly response: HttpResponse;
  /** The mocked body as the check read it, so that its secret members are known before anything is shown. */
  readonly responseBody: HeldBody | undefined;
  readonly responseOutcome: ContractOutcome;
}

/** One block per side that breaks the contract, or none. */
export function mockViolations(exchange: MockExchange): string[] {
  const { request, response } = exchange;
  const redactor = new Redactor(response, exchange.responseBody).learn(
    toHttpResponse({ status: 200, headers: request.headers, url: request.url, body: request.text }),
  );
  const target = `${line(request.method, 20)} ${url(request.url)}`;
  const handler = `  Handler:  ${exchange.handler ? handlerText(exchange.handler) : '(none of the handlers that msw lists matches it any more)'}`;
  const block = (what: string, outcome: ContractOutcome, status: number): string =>
    escapeMessage(
      redactor.sweep(
        [`${target}: ${what} breaks the contract`, handler, ...contractNotes(outcome, status)]
          .map((text, i) => (i < 2 ? text : text.replace(/^/gm, '  ')))
          .join('\n'),
      ),
    );
  const found = [];
  if (exchange.requestOutcome.problems.length > 0)
    found.push(block('the request the app sent', exchange.requestOutcome, 0));
  if (exchange.responseOutcome.problems.length > 0)
    found.push(block(`the mocked response (status ${response.status})`, exchange.responseOutcome, response.status));
  return found;
}

/** A check that could not run (a body that could not be read, a spec that did not load): why, and for which request. */
export function mockCheckError(request: { method: string; url: string } | undefined, error: unknown): string {
  const why = error instanceof Error ? error.message : String(error);
  const target = request ? `${line(request.method, 20)} ${url(request.url)}: ` : '';
  return escapeMessage(`${target}could not be checked against the contract: ${why}`);
}

/** The error thrown from afterEach: every violation the test's mocked traffic made, in order. */
export function mockViolationsMessage(found: readonly string[]): string {
  const count = found.length === 1 ? '1 violation' : `${found.length} violations`;
  return `The msw traffic of this test breaks the contract (${count}, checkMocksAgainst):\n\n${found.join('\n\n')}`;
}

// msw records the declaring frame as `/abs/test/handlers.ts:12:3` or `at file:///abs/…`: shown relative to the cwd.
function handlerText(handler: MockHandler): string {
  let frame = handler.callFrame
    ?.trim()
    .replace(/^at\s+/, '')
    .replace(/^file:\/\//, '');
  const cwd = (globalThis as { process?: { cwd?: () => string } }).process?.cwd?.();
  if (frame !== undefined && cwd !== undefined && frame.startsWith(`${cwd}/`)) frame = frame.slice(cwd.length + 1);
  return `${line(handler.header, 200)}${frame ? ` (${line(frame, 200)})` : ''}`;
}
