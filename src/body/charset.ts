import { charsetOf } from './media-type.js';

/**
 * A decoder for the Content-Type's charset (UTF-8 when none is given). A label TextDecoder does not know falls
 * back to UTF-8, with a note saying so. A leading BOM is dropped, as TextDecoder does by default.
 */
export function textDecoderFor(contentType: string | undefined): { decoder: TextDecoder; unknownCharset?: string } {
  const charset = charsetOf(contentType);
  if (charset === undefined) return { decoder: new TextDecoder() };
  try {
    return { decoder: new TextDecoder(charset) };
  } catch {
    return { decoder: new TextDecoder(), unknownCharset: charset };
  }
}

// One UTF-8 decoder for every body without another charset: a decode() without { stream: true } keeps no state, and
// a new TextDecoder per body was a measurable part of a small body's read.
const utf8 = new TextDecoder();

/** The body's bytes as text, by its declared charset. */
export function decodeText(bytes: Uint8Array, contentType: string | undefined): string {
  const charset = charsetOf(contentType);
  if (charset === undefined || /^utf-?8$/i.test(charset)) return utf8.decode(bytes);
  return textDecoderFor(contentType).decoder.decode(bytes);
}

/** Text without a leading byte order mark: a BOM says how the text is encoded, it is not part of it. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
