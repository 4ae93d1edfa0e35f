/**
 * Every status code the registry knows, sorted by code.
 *
 * Official codes follow the IANA HTTP Status Code Registry: `reason` is the IANA phrase and `spec`
 * names the defining section (for a temporary registration, the Internet-Draft IANA cites).
 * Unofficial codes carry `origin` (who sends them) and no `spec`.
 * Descriptions and hints are our own words; keep each description to one sentence and each hint
 * to one or two short ones. Data only: lookups and derived fields live in the registry module.
 */
import type { StatusRecord } from './types.js';

// Frozen like every exported table, so no importer can change what the next lookup sees.
export const STATUS_RECORDS: readonly StatusRecord[] = Object.freeze([
  // 1xx Informational
  {
    code: 100,
    reason: 'Continue',
    description: 'The server has received the request headers and the client may go on to send the body.',
    hint: 'Servers normally send it only in reply to Expect: 100-continue, and most HTTP libraries hide it behind the final status, so seeing it in a test usually means the response was read too early.',
    spec: 'RFC 9110 §15.2.1',
  },
  {
    code: 101,
    reason: 'Switching Protocols',
    description:
      "The server accepts the client's Upgrade request and switches the connection to another protocol, such as WebSocket.",
    hint: 'Expected for a WebSocket handshake; check the Upgrade and Connection headers, and use a WebSocket client rather than a plain HTTP request to test what comes after.',
    spec: 'RFC 9110 §15.2.2',
  },
  {
    code: 102,
    reason: 'Processing',
    description:
      'An interim WebDAV response saying a long request is still being worked on, dropped again by the later WebDAV spec RFC 4918.',
    spec: 'RFC 2518 §10.1',
  },
  {
    code: 103,
    reason: 'Early Hints',
    description:
      'An interim response that sends Link headers ahead of the final response so the client can start preloading resources.',
    hint: 'The final status follows on the same request, so assert on that one; look at the Link headers here only when testing preload hints.',
    spec: 'RFC 8297 §2',
  },
  {
    code: 104,
    reason: 'Upload Resumption Supported',
    description:
      "An interim response saying the server supports resumable uploads, with the upload's own URL in Location, from a draft spec IANA has registered only for now.",
    hint: 'The final status follows on the same request, so assert on that one; the Location header here is where an interrupted upload resumes.',
    spec: 'draft-ietf-httpbis-resumable-upload',
    temporary: true,
  },

  // 2xx Successful
  {
    code: 200,
    reason: 'OK',
    description: 'The request succeeded and the body carries the result, whose meaning depends on the method.',
    hint: 'If you expected an error, read the body: some APIs report failures inside a 200, and single-page app fallbacks serve index.html with 200 for unknown paths.',
    hintWhenExpecting: ['4xx', '5xx'],
    spec: 'RFC 9110 §15.3.1',
  },
  {
    code: 201,
    reason: 'Created',
    description: 'The request succeeded and created a new resource, usually in reply to POST or PUT.',
    hint: 'The Location header should point at the new resource; if you expected 200, check whether this call creates a record where you meant to update one.',
    spec: 'RFC 9110 §15.3.2',
  },
  {
    code: 202,
    reason: 'Accepted',
    description:
      'The server has taken the request for processing but has not finished it, so the outcome is not known yet.',
    hint: 'The work happens later: poll the status URL the response gives (often in Location or the body) instead of asserting on the final state straight away.',
    spec: 'RFC 9110 §15.3.3',
  },
  {
    code: 203,
    reason: 'Non-Authoritative Information',
    description:
      'The request succeeded, but a transforming proxy changed the content from what the origin server sent.',
    hint: 'Something between the client and the origin rewrote the response; look at the proxies and CDNs on the path.',
    spec: 'RFC 9110 §15.3.4',
  },
  {
    code: 204,
    reason: 'No Content',
    description: 'The request succeeded and the response deliberately has no body.',
    hint: 'Do not parse a body: response.json() on a 204 throws; assert on the headers, or fetch the resource again to check its new state.',
    spec: 'RFC 9110 §15.3.5',
  },
  {
    code: 205,
    reason: 'Reset Content',
    description: 'The request succeeded and the client should clear the form or view that sent it; there is no body.',
    spec: 'RFC 9110 §15.3.6',
  },
  {
    code: 206,
    reason: 'Partial Content',
    description: 'The server is sending only the byte ranges that the Range header of the request asked for.',
    hint: 'Content-Range says which bytes came back; if you wanted the whole resource, look for a Range header added by your client or an earlier step.',
    spec: 'RFC 9110 §15.3.7',
  },
  {
    code: 207,
    reason: 'Multi-Status',
    description: 'A WebDAV response whose XML body holds a separate status for each of several resources.',
    hint: 'The 207 on its own says little: read the per-resource statuses in the body, because some of them may be errors.',
    spec: 'RFC 4918 §11.1',
  },
  {
    code: 208,
    reason: 'Already Reported',
    description:
      'Used inside a WebDAV multistatus body to say that the members of a collection were already listed earlier in the same response.',
    spec: 'RFC 5842 §7.1',
  },
  {
    code: 226,
    reason: 'IM Used',
    description:
      'The server answered a GET with the result of instance manipulations, such as a delta against a version the client already has.',
    spec: 'RFC 3229 §10.4.1',
  },

  // 3xx Redirection
  {
    code: 300,
    reason: 'Multiple Choices',
    description:
      'The resource has several representations and the client is expected to pick one, often from a list in the body.',
    hint: 'Rare in APIs; when a Location header is present it names the choice the server prefers.',
    spec: 'RFC 9110 §15.4.1',
  },
  {
    code: 301,
    reason: 'Moved Permanently',
    description: 'The resource has a new permanent URI, given in the Location header.',
    hint: 'Cacheable by default, so a browser may follow it again without asking the server. Clients may also resend a POST as a GET, so use 308 when the method must survive; check Location and whether your client follows redirects.',
    spec: 'RFC 9110 §15.4.2',
  },
  {
    code: 302,
    reason: 'Found',
    aliases: ['Moved Temporarily'],
    description:
      'The resource is temporarily at the URI in the Location header, and the client should keep using the original URI for later requests.',
    hint: 'Clients often turn a POST into a GET when following it; 307 keeps the method and body, 303 switches to GET on purpose. This response is the 3xx itself: the client did not follow it (fetch, axios and got follow by default).',
    spec: 'RFC 9110 §15.4.3',
  },
  {
    code: 303,
    reason: 'See Other',
    description: 'The result is at another URI, given in Location, which the client should fetch with GET.',
    hint: 'Typical after a successful form POST: the follow-up request is a GET (a HEAD stays a HEAD), so the original body is not sent again.',
    spec: 'RFC 9110 §15.4.4',
  },
  {
    code: 304,
    reason: 'Not Modified',
    description:
      "The client's cached copy is still current, so the server answers a conditional request without a body.",
    hint: 'The request was conditional (If-None-Match or If-Modified-Since) and the cached copy is still valid, so there is no body; drop those headers if you expected a 200.',
    spec: 'RFC 9110 §15.4.5',
  },
  {
    code: 305,
    reason: 'Use Proxy',
    description:
      'Once told the client to repeat the request through the proxy named in Location, and is deprecated because letting a response pick the proxy is a security risk.',
    spec: 'RFC 9110 §15.4.6',
    deprecated: true,
  },
  {
    code: 306,
    reason: '(Unused)',
    aliases: ['Switch Proxy'],
    description: 'Called Switch Proxy in an earlier version of HTTP, this code is no longer used and stays reserved.',
    spec: 'RFC 9110 §15.4.7',
    deprecated: true,
  },
  {
    code: 307,
    reason: 'Temporary Redirect',
    description:
      'The resource is temporarily at the URI in Location, and the client must repeat the request there with the same method and body.',
    hint: 'Unlike 302, the method and body are kept, so a POST is sent again as a POST; check Location and whether your client follows redirects on its own.',
    spec: 'RFC 9110 §15.4.8',
  },
  {
    code: 308,
    reason: 'Permanent Redirect',
    description:
      'The resource has a new permanent URI in Location, and the client must keep the same method and body when following it.',
    hint: 'The permanent twin of 307: a POST stays a POST; servers often send it to add or strip a trailing slash or to force HTTPS, so compare the URL you called with Location.',
    spec: 'RFC 9110 §15.4.9',
  },

  // 4xx Client Error
  {
    code: 400,
    reason: 'Bad Request',
    description:
      'The server will not process the request because it looks malformed, such as broken syntax or a body it cannot parse.',
    hint: 'The generic answer when no more specific 4xx fits, so read the response body for the parser or validation message; malformed JSON, a Content-Type that does not match the body and missing query parameters are common causes.',
    spec: 'RFC 9110 §15.5.1',
  },
  {
    code: 401,
    reason: 'Unauthorized',
    description: 'The request lacks valid authentication credentials for the target resource.',
    hint: 'The credentials are missing, malformed or expired: check the Authorization header (Bearer prefix, token expiry), the session cookie and any API-key header. WWW-Authenticate names the scheme the server expects.',
    spec: 'RFC 9110 §15.5.2',
  },
  {
    code: 402,
    reason: 'Payment Required',
    description:
      'Reserved by the spec for future use, though some APIs send it when a plan, quota or payment is missing.',
    hint: 'Not standardised, so read the body, which usually names the billing or quota problem with the account the test uses.',
    spec: 'RFC 9110 §15.5.3',
  },
  {
    code: 403,
    reason: 'Forbidden',
    description:
      'The server understood the request but refuses to carry it out, for lack of permission or for reasons that have nothing to do with credentials.',
    hint: 'Check the roles and scopes of the test user, CSRF tokens, IP allow-lists and WAF rules. AWS API Gateway answers an unknown path or method with 403 Missing Authentication Token, so check the URL and method too.',
    spec: 'RFC 9110 §15.5.4',
  },
  {
    code: 404,
    reason: 'Not Found',
    description: 'The server has nothing at the target URI, or will not admit that something exists there.',
    hint: 'Check the path, the ids in it and the base URL (a missing prefix or version segment is common), and that the route is registered. Express answers a wrong method on an existing route with 404 Cannot POST /x, not 405.',
    spec: 'RFC 9110 §15.5.5',
  },
  {
    code: 405,
    reason: 'Method Not Allowed',
    description: 'The resource exists but does not accept the method used in the request.',
    hint: 'Wrong method for this route: the Allow header lists the accepted ones. Also check for a handler registered under another path, such as with or without a trailing slash.',
    spec: 'RFC 9110 §15.5.6',
  },
  {
    code: 406,
    reason: 'Not Acceptable',
    description:
      'The server cannot produce a representation that matches the Accept, Accept-Language or Accept-Encoding headers of the request.',
    hint: 'Check the Accept header your client sends, such as application/xml to a JSON-only API; sending application/json or dropping the header usually fixes it.',
    spec: 'RFC 9110 §15.5.7',
  },
  {
    code: 407,
    reason: 'Proxy Authentication Required',
    description: 'Like 401, except that the missing credentials are for a proxy between the client and the server.',
    hint: 'A proxy on the path wants credentials, named in Proxy-Authenticate; check the HTTP_PROXY and HTTPS_PROXY settings of the CI environment.',
    spec: 'RFC 9110 §15.5.8',
  },
  {
    code: 408,
    reason: 'Request Timeout',
    aliases: ['Request Time-out'],
    description: 'The server stopped waiting for the client to finish sending the request.',
    hint: 'The client was too slow to send the whole request, often because Content-Length promises more bytes than were sent or a streamed body never ended; servers also send it on idle keep-alive connections.',
    spec: 'RFC 9110 §15.5.9',
  },
  {
    code: 409,
    reason: 'Conflict',
    description:
      'The request clashes with the current state of the resource, such as a duplicate record or an edit based on an old version.',
    hint: 'Often data left over from an earlier run (a unique email or id already taken) or a version clash; reset fixtures or use unique values, and read the body for the field in conflict.',
    spec: 'RFC 9110 §15.5.10',
  },
  {
    code: 410,
    reason: 'Gone',
    description: 'The resource used to exist at this URI and was removed on purpose, with no forwarding address.',
    hint: 'The route or record was removed deliberately, often with a retired API version; update the URL or the test data rather than retrying.',
    spec: 'RFC 9110 §15.5.11',
  },
  {
    code: 411,
    reason: 'Length Required',
    description: 'The server refuses a request body that comes without a Content-Length header.',
    hint: 'Send Content-Length rather than chunked encoding, for example by passing the body as a string or buffer instead of a stream.',
    spec: 'RFC 9110 §15.5.12',
  },
  {
    code: 412,
    reason: 'Precondition Failed',
    description:
      'A condition in the request headers, such as If-Match or If-Unmodified-Since, did not hold on the server.',
    hint: 'A condition failed: a stale or weak ETag in If-Match (W/ tags never pass its strong comparison), If-None-Match: * on a create-only PUT to something that exists, or If-Unmodified-Since. Proxies or compression can change ETags too.',
    spec: 'RFC 9110 §15.5.13',
  },
  {
    code: 413,
    reason: 'Content Too Large',
    aliases: ['Payload Too Large', 'Request Entity Too Large'],
    description: 'The request body is bigger than the server, or a proxy in front of it, is willing to accept.',
    hint: "Compare the body size with the limits of the app's body parser, the proxy (nginx client_max_body_size) and the platform; raise the limit or upload in chunks.",
    spec: 'RFC 9110 §15.5.14',
  },
  {
    code: 414,
    reason: 'URI Too Long',
    aliases: ['Request-URI Too Long', 'Request-URI Too Large'],
    description: 'The request target is longer than the server is willing to read.',
    hint: 'Usually a huge query string, a redirect loop that keeps adding parameters, or data that belongs in a POST body.',
    spec: 'RFC 9110 §15.5.15',
  },
  {
    code: 415,
    reason: 'Unsupported Media Type',
    description:
      'The server refuses the request body because of its format, as declared by Content-Type or Content-Encoding.',
    hint: 'Check the Content-Type of the request body: form data sent to a JSON endpoint, or a missing header that makes a string body default to text/plain, are the usual causes.',
    spec: 'RFC 9110 §15.5.16',
  },
  {
    code: 416,
    reason: 'Range Not Satisfiable',
    aliases: ['Requested Range Not Satisfiable'],
    description: 'None of the ranges in the Range header of the request overlap the current content of the resource.',
    hint: 'The Range header asks for bytes past the end; Content-Range in the response gives the real size, so clear any stale resume offset.',
    spec: 'RFC 9110 §15.5.17',
  },
  {
    code: 417,
    reason: 'Expectation Failed',
    description:
      'The server cannot meet the Expect header of the request, which is almost always Expect: 100-continue.',
    hint: 'Some clients add Expect: 100-continue to large uploads; drop the header, or make the server or proxy support it.',
    spec: 'RFC 9110 §15.5.18',
  },
  {
    code: 418,
    reason: '(Unused)',
    aliases: ["I'm a teapot"],
    description:
      "Defined as I'm a teapot by the April Fools' RFC 2324 and reserved by RFC 9110 because real servers do send it.",
    hint: 'Not a real error condition: some servers return it as an easter egg or to turn away bots and scrapers, so check whether your request looks automated.',
    spec: 'RFC 9110 §15.5.19',
    deprecated: true,
  },
  {
    code: 419,
    reason: 'Page Expired',
    description:
      'Laravel sends this when the CSRF token is missing or no longer matches the session, often because the session expired.',
    hint: 'Send the token from the same session in the X-CSRF-TOKEN or X-XSRF-TOKEN header (or the _token field) and keep the session cookie between requests.',
    origin: 'Laravel',
  },
  {
    code: 420,
    reason: 'Enhance Your Calm',
    description:
      'An old Twitter API code telling a client it was being rate limited, long since replaced by the standard 429.',
    hint: 'Treat it like 429: back off and send requests less often.',
    origin: 'Twitter',
  },
  {
    code: 421,
    reason: 'Misdirected Request',
    description: 'The request reached a server that cannot answer for the scheme and host name in the target URI.',
    hint: 'Often a reused HTTP/2 or TLS connection sent to a host name its certificate or virtual host does not cover; check the Host header, SNI and certificate names.',
    spec: 'RFC 9110 §15.5.20',
  },
  {
    code: 422,
    reason: 'Unprocessable Content',
    aliases: ['Unprocessable Entity'],
    description: "The body is well-formed and of a supported type, but its content breaks the server's rules.",
    hint: 'The body parsed but failed validation; the response lists the fields and rules that failed, so compare them with your payload. FastAPI, Laravel and Rails answer validation errors with 422 where Express-style APIs use 400.',
    spec: 'RFC 9110 §15.5.21',
  },
  {
    code: 423,
    reason: 'Locked',
    description: 'The WebDAV resource is locked and the request did not supply the lock token needed to change it.',
    hint: 'Another client or an earlier test step holds the lock; release it or send its token in the If header.',
    spec: 'RFC 4918 §11.3',
  },
  {
    code: 424,
    reason: 'Failed Dependency',
    description:
      'The action was not performed because another action it depended on, often in the same request, failed.',
    hint: 'This is a knock-on failure: look for the first error in the same request or batch.',
    spec: 'RFC 4918 §11.4',
  },
  {
    code: 425,
    reason: 'Too Early',
    description: 'The server will not process a request sent in TLS early data, because a replay of it could do harm.',
    hint: 'The request went out as TLS 1.3 early data (0-RTT); the client should retry after the handshake completes, which most clients do on their own.',
    spec: 'RFC 8470 §5.2',
  },
  {
    code: 426,
    reason: 'Upgrade Required',
    description:
      'The server refuses the request over the current protocol and names the one to switch to in the Upgrade header.',
    hint: 'Check the Upgrade header of the response; a WebSocket endpoint called with plain HTTP, or a server that demands TLS or a newer HTTP version, are typical causes.',
    spec: 'RFC 9110 §15.5.22',
  },
  {
    code: 428,
    reason: 'Precondition Required',
    description:
      'The server requires this request to be conditional, so that concurrent edits cannot overwrite each other.',
    hint: 'Send If-Match with the ETag from an earlier GET (or If-Unmodified-Since) on this write.',
    spec: 'RFC 6585 §3',
  },
  {
    code: 429,
    reason: 'Too Many Requests',
    description: 'The client has sent too many requests in a given time and is being rate limited.',
    hint: 'Rate limited: Retry-After says when to try again. Space out the requests, reset the limiter between tests, or raise the limit in the test environment.',
    spec: 'RFC 6585 §4',
  },
  {
    code: 431,
    reason: 'Request Header Fields Too Large',
    description: 'The server refuses the request because one header field, or all of them together, are too large.',
    hint: 'Usually an oversized Cookie or Authorization header, such as cookies piling up across tests or a huge JWT; clear the cookie jar or shrink the token.',
    spec: 'RFC 6585 §5',
  },
  {
    code: 440,
    reason: 'Login Time-out',
    description: "Microsoft IIS and Outlook Web App send this when the client's login session has expired.",
    hint: 'Log in again for a fresh session cookie, and check that test steps do not share a session that has timed out.',
    origin: 'Microsoft IIS',
  },
  {
    code: 444,
    reason: 'No Response',
    description: 'nginx closes the connection without sending any response, and writes 444 in its access log.',
    hint: 'The client sees a dropped connection, not this code; look for a return 444 rule in the nginx config, often used to drop unknown Host headers or bots.',
    origin: 'nginx',
  },
  {
    code: 449,
    reason: 'Retry With',
    description:
      'A Microsoft IIS extension asking the client to retry the request after supplying information the server names.',
    hint: 'Read the response for the missing parameter and send the request again with it.',
    origin: 'Microsoft IIS',
  },
  {
    code: 451,
    reason: 'Unavailable For Legal Reasons',
    description:
      'The server denies access because of a legal demand, such as a court order or government censorship (Microsoft IIS with Exchange ActiveSync also sends 451, unofficially, to mean Redirect).',
    hint: 'A Link header with rel="blocked-by" may name who demanded the block. From an Exchange ActiveSync server, it is the IIS redirect instead: the client should move to the server it names.',
    spec: 'RFC 7725 §3',
  },
  {
    code: 460,
    reason: 'Client Closed Connection',
    description:
      'An AWS Application Load Balancer writes this in its access log when the client closed the connection before the idle timeout, while the request was still being served.',
    hint: "Seen only in the load balancer's logs, never by the client, which gave up first: its timeout is shorter than the target takes, so raise the test client's timeout or speed up the endpoint.",
    origin: 'AWS Elastic Load Balancing',
  },
  {
    code: 463,
    reason: 'Too Many Forwarded IP Addresses',
    description:
      'An AWS load balancer rejects the request because its X-Forwarded-For header lists more than 30 IP addresses.',
    hint: 'Too many proxies appended to X-Forwarded-For, or a test forged a long one; have the first proxy replace the header instead of appending to it.',
    origin: 'AWS Elastic Load Balancing',
  },
  {
    code: 464,
    reason: 'Incompatible Protocol Versions',
    description:
      'An AWS load balancer got a request whose protocol does not match the protocol version of the target group.',
    hint: 'Compare the target group protocol version (HTTP/1.1, HTTP/2 or gRPC) with what the client sends; a gRPC target group, for example, accepts only gRPC over HTTP/2.',
    origin: 'AWS Elastic Load Balancing',
  },
  {
    code: 494,
    reason: 'Request Header Too Large',
    aliases: ['Request Header Or Cookie Too Large'],
    description: 'nginx logs this when the request headers overflow its buffers, and sends the client a 400 instead.',
    hint: 'Shrink the Cookie or Authorization header, or raise large_client_header_buffers in nginx; the client sees 400 Request Header Or Cookie Too Large.',
    origin: 'nginx',
  },
  {
    code: 495,
    reason: 'SSL Certificate Error',
    description:
      'nginx logs this when the client certificate offered for mutual TLS fails verification, and sends the client a 400 instead.',
    hint: 'Check that the client certificate is signed by the CA nginx trusts (ssl_client_certificate), has not expired and matches its key.',
    origin: 'nginx',
  },
  {
    code: 496,
    reason: 'SSL Certificate Required',
    description:
      'nginx logs this when mutual TLS requires a client certificate and none was sent, and sends the client a 400 instead.',
    hint: 'Configure the test client to present its certificate and key, usually through the cert and key options of its HTTPS agent.',
    origin: 'nginx',
  },
  {
    code: 497,
    reason: 'HTTP Request Sent to HTTPS Port',
    description:
      'nginx logs this when plain HTTP arrives on a port that expects TLS, and sends the client a 400 instead.',
    hint: 'Use https:// in the base URL for this port, or check which port the test points at.',
    origin: 'nginx',
  },
  {
    code: 498,
    reason: 'Invalid Token',
    description:
      'Esri ArcGIS servers send this when the token passed with the request has expired or is otherwise invalid, and nginx does not use it.',
    hint: 'Generate a fresh token and check that it goes in the parameter or header the service expects.',
    origin: 'Esri ArcGIS',
  },
  {
    code: 499,
    reason: 'Client Closed Request',
    description: 'nginx logs this when the client closed the connection before nginx could send the response.',
    hint: 'The client gave up first, usually because its timeout is shorter than the upstream takes, so the client itself never sees 499. Esri ArcGIS uses 499 differently, to say a token is required.',
    origin: 'nginx',
  },

  // 5xx Server Error
  {
    code: 500,
    reason: 'Internal Server Error',
    description:
      'The server hit an unexpected condition, typically an unhandled exception, and could not complete the request.',
    hint: 'A server-side exception: look at the server logs and the response body for the stack trace or error id; your input may trigger it, but the bug is on the server.',
    spec: 'RFC 9110 §15.6.1',
  },
  {
    code: 501,
    reason: 'Not Implemented',
    description:
      'The server does not support the functionality the request needs, such as a method it does not recognise.',
    hint: 'Unlike 405, which is about one route, the server does not support this at all; check the spelling of the method and whether the endpoint is still a stub.',
    spec: 'RFC 9110 §15.6.2',
  },
  {
    code: 502,
    reason: 'Bad Gateway',
    description: 'A gateway or proxy got an invalid response from the upstream server it forwarded the request to.',
    hint: 'A gateway or proxy got a bad answer from the upstream: the app may have crashed, closed the connection, or not be listening on the port the proxy targets; check the app and proxy logs.',
    spec: 'RFC 9110 §15.6.3',
  },
  {
    code: 503,
    reason: 'Service Unavailable',
    description:
      'The server cannot handle the request right now, because it is overloaded, in maintenance or not ready yet.',
    hint: 'Overloaded, in maintenance or still starting up; honour Retry-After, and in CI wait for the health check to pass before the first test.',
    spec: 'RFC 9110 §15.6.4',
  },
  {
    code: 504,
    reason: 'Gateway Timeout',
    aliases: ['Gateway Time-out'],
    description: 'A gateway or proxy did not get a response from the upstream server in time.',
    hint: "A gateway or proxy got no answer in time from the upstream; look for a slow query or a hung handler, and compare the proxy's timeout with how long the endpoint really takes.",
    spec: 'RFC 9110 §15.6.5',
  },
  {
    code: 505,
    reason: 'HTTP Version Not Supported',
    description: 'The server does not support the major HTTP version used in the request.',
    hint: 'The version in the request line is one the server will not speak, such as HTTP/2.0 written as HTTP/1.x text; check what the client, or a proxy in between, sends.',
    spec: 'RFC 9110 §15.6.6',
  },
  {
    code: 506,
    reason: 'Variant Also Negotiates',
    description:
      'The content negotiation setup on the server is broken, because the variant it chose is itself set up to negotiate.',
    spec: 'RFC 2295 §8.1',
  },
  {
    code: 507,
    reason: 'Insufficient Storage',
    description:
      'The server cannot store what it needs to complete the request, such as an upload when its disk is full.',
    hint: 'The server or its storage is out of space; check disk usage and quotas in the test environment.',
    spec: 'RFC 4918 §11.5',
  },
  {
    code: 508,
    reason: 'Loop Detected',
    description:
      'The server stopped a WebDAV operation because it ran into an infinite loop, typically while following bindings with Depth: infinity.',
    spec: 'RFC 5842 §7.2',
  },
  {
    code: 509,
    reason: 'Bandwidth Limit Exceeded',
    description: 'Shared hosts running Apache with cPanel send this when the site has used up its bandwidth allowance.',
    hint: 'The hosting account hit its traffic quota; wait for the quota period to reset or raise the limit of the plan.',
    origin: 'Apache / cPanel',
  },
  {
    code: 510,
    reason: 'Not Extended',
    description:
      'The server wanted the request to declare a mandatory HTTP extension; RFC 2774 has since been moved to Historic and IANA marks the code obsoleted.',
    spec: 'RFC 2774 §7',
    deprecated: true,
  },
  {
    code: 511,
    reason: 'Network Authentication Required',
    description:
      'The client must log in to the network, as with a captive portal, before it can reach anything beyond it.',
    hint: "A captive portal or corporate gateway answered instead of your service, so the problem is the CI runner's network access.",
    spec: 'RFC 6585 §6',
  },
  {
    code: 520,
    reason: 'Web Server Returned an Unknown Error',
    aliases: ['Unknown Error'],
    description: 'Cloudflare got an empty, unknown or unexpected response from the origin server.',
    hint: "The origin crashed, reset the connection, or sent invalid or oversized headers; check the origin's logs for the same request.",
    origin: 'Cloudflare',
  },
  {
    code: 521,
    reason: 'Web Server Is Down',
    description: 'Cloudflare could not reach the origin server because the origin refused the connection.',
    hint: "The origin is not running or a firewall blocks Cloudflare's IP ranges; check that the service listens on the expected port.",
    origin: 'Cloudflare',
  },
  {
    code: 522,
    reason: 'Connection Timed Out',
    description: 'Cloudflare timed out while trying to open a TCP connection to the origin server.',
    hint: "The origin is overloaded, unreachable or silently dropping Cloudflare's packets; check firewalls, the IP in the DNS record and the origin's load.",
    origin: 'Cloudflare',
  },
  {
    code: 523,
    reason: 'Origin Is Unreachable',
    description:
      'Cloudflare found no route to the origin server, often because its DNS record points at a wrong or private address.',
    hint: 'Check the A, AAAA or CNAME record in the Cloudflare DNS settings and the network routing of the origin.',
    origin: 'Cloudflare',
  },
  {
    code: 524,
    reason: 'A Timeout Occurred',
    description:
      'Cloudflare connected to the origin but got no HTTP response before its timeout, which is 100 seconds by default.',
    hint: 'The origin took too long to answer; speed up the endpoint or move long work to a background job the client polls.',
    origin: 'Cloudflare',
  },
  {
    code: 525,
    reason: 'SSL Handshake Failed',
    description: 'Cloudflare could not complete the TLS handshake with the origin server.',
    hint: 'Check that the origin serves TLS on the expected port with a valid certificate, and supports the SNI name and cipher suites Cloudflare offers.',
    origin: 'Cloudflare',
  },
  {
    code: 526,
    reason: 'Invalid SSL Certificate',
    description:
      "Cloudflare could not validate the origin's TLS certificate while the zone uses the Full (strict) SSL mode.",
    hint: 'The origin certificate is expired, self-signed or issued for another host name; install a valid one or a Cloudflare Origin CA certificate.',
    origin: 'Cloudflare',
  },
  {
    code: 529,
    reason: 'Site is overloaded',
    aliases: ['Overloaded'],
    description:
      'The service is over capacity for the moment; Qualys SSL Labs uses it, and the Anthropic API sends it as overloaded_error.',
    hint: 'Not caused by your request; retry with exponential backoff, and keep it apart from a 429, which is aimed at your own usage.',
    origin: 'Qualys SSL Labs, Anthropic API',
  },
  {
    code: 530,
    // Cloudflare gives 530 no reason phrase of its own; the 1xxx number in the body says what went wrong.
    reason: '1xxx Error',
    description:
      'Cloudflare sends this with a 1xxx error number in the body that names the real problem, such as 1016 (origin DNS error) or 1033 (Cloudflare Tunnel not connected).',
    hint: "Read the 1xxx number in the response body and look it up in Cloudflare's error docs: 1016 means the origin's DNS record is missing or wrong, 1033 that no cloudflared connector is running for the tunnel.",
    origin: 'Cloudflare',
  },
  {
    code: 561,
    reason: 'Unauthorized',
    description:
      'An AWS Application Load Balancer got an error from the identity provider while authenticating a user for a listener rule.',
    hint: 'Check the OIDC or Cognito settings of the listener rule (issuer, client id and secret, callback URL) and that the load balancer can reach the identity provider.',
    origin: 'AWS Elastic Load Balancing',
  },
  {
    code: 598,
    reason: 'Network Read Timeout Error',
    description:
      'Some HTTP proxies send this when the server behind them stopped sending data for too long after the connection was made.',
    hint: 'Treat it like 504 from the read phase: the upstream connected but answered too slowly, so look for the slow handler.',
    origin: 'Some HTTP proxies',
  },
  {
    code: 599,
    reason: 'Network Connect Timeout Error',
    description:
      'Some HTTP proxies send this when they could not connect to the server behind them in time, and some clients, such as Tornado, report it themselves when no response came.',
    hint: 'If no server sent it, your client made it up for a timeout or a failed connection; otherwise treat it like 504 from the connect phase: the upstream is down, unreachable or not listening.',
    origin: 'Some HTTP proxies',
  },
]);
