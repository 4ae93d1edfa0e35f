/**
 * Headers that identify one request in the server's logs and traces: a failure always shows them (they find the
 * request), and a response snapshot masks them (they are new on every request).
 */
export const TRACE_HEADERS: readonly string[] = [
  'x-request-id',
  'request-id',
  'x-correlation-id',
  'correlation-id',
  'traceparent',
  'tracestate',
  'b3',
  'x-b3-traceid',
  'x-b3-spanid',
  'x-b3-parentspanid',
  'x-b3-sampled',
  'x-trace-id',
  'x-span-id',
  'cf-ray',
  'x-amzn-requestid',
  'x-amzn-trace-id',
  'x-amz-request-id',
  'x-amz-id-2',
  'x-amz-cf-id',
  'x-cloud-trace-context',
];
