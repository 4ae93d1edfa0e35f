import { isHtml, parseMediaType } from '../body/media-type.js';
import { looksBinary } from './body-excerpt.js';
import { safeLine } from './escape.js';

/**
 * Why a body is not JSON, in words: empty, binary, an HTML page (a proxy's or framework's error page
 * is the usual reason), or the parser's complaint with the start of the body. Never a SyntaxError stack.
 */
export function notJsonLines(
  text: string,
  bytes: Uint8Array,
  contentType: string | undefined,
  status: number,
  error: unknown,
): string[] {
  const type = contentType === undefined ? 'no Content-Type' : `Content-Type: ${safeLine(contentType, 100)}`;
  if (bytes.length === 0 || text.trim() === '') {
    const why = status === 204 || status === 304 ? ` (a ${status} never has a body)` : '';
    return [`The body is empty${why}, so there is no JSON to parse (${type}).`];
  }
  // A declared charset (UTF-16 has NULs, Latin-1 is not UTF-8) makes it text, decoded by that charset.
  if (parseMediaType(contentType)?.params.has('charset') !== true && looksBinary(bytes.subarray(0, 4096)))
    return [`The body is binary data, not JSON (${type}).`];
  const start = text.trimStart();
  const starts = `The body starts with ${safeLine(JSON.stringify(start.length > 80 ? `${start.slice(0, 80)}…` : start))}`;
  if (isHtml(parseMediaType(contentType)) || /^<(!doctype\s+html|html)\b/i.test(start)) {
    const title = /<title[^>]*>([^<]{1,200})<\/title>/i.exec(start.slice(0, 4096))?.[1]?.trim();
    // The page itself follows in the body excerpt; its title is the one-line summary worth reading first.
    const page = `The body is an HTML page, not JSON (${type}): often an error page from a proxy, gateway or the framework, not from your handler.`;
    return title ? [page, `Its title: ${safeLine(JSON.stringify(title))}.`] : [page];
  }
  const reason = (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
  return [`The body is not valid JSON (${type}): ${safeLine(reason, 200)}.`, `${starts}.`];
}
