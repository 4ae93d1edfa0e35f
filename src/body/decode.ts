import { collectStream, openStream, type Collected } from './collect.js';

// Content-Encoding (RFC 9110 §8.4) undone, for the clients that hand over the bytes as sent: Node's
// http.IncomingMessage and undici.request. fetch, axios, got and supertest decode by themselves.
// The output is read through collectStream, so bodyLimit and bodyTimeout bound the decoded bytes: a
// decompression bomb stops at bodyLimit.

/** The codings a Content-Encoding header lists, in the order they were applied; identity dropped. */
export function contentCodings(header: string | undefined): string[] {
  if (header === undefined) return [];
  return header
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
}

export type Decoded = Collected | { readonly unsupported: string };

/** The bytes with every listed coding undone (last applied, first undone), or the first coding that cannot be. */
export async function decodeContent(bytes: Uint8Array, codings: readonly string[], limit: number): Promise<Decoded> {
  let current = bytes;
  for (const coding of [...codings].reverse()) {
    const decoder = decoderFor(coding, current);
    if (decoder === undefined) return { unsupported: coding };
    const opened = openStream(decoder(current));
    if (opened.state !== 'open') return { unsupported: coding };
    const read = await collectStream(opened.chunks, limit);
    if (!('bytes' in read)) return read;
    current = read.bytes;
  }
  return { bytes: current };
}

type Decoder = (bytes: Uint8Array) => unknown;

interface NodeZlib {
  createBrotliDecompress?: () => NodeDuplex;
  createZstdDecompress?: () => NodeDuplex;
}
interface NodeDuplex {
  end(chunk: Uint8Array): void;
}

function decoderFor(coding: string, bytes: Uint8Array): Decoder | undefined {
  if (coding === 'gzip' || coding === 'x-gzip') return web('gzip');
  // "deflate" means the zlib format (RFC 9110 §8.4.1.2), but some servers send raw deflate: zlib's first two
  // bytes are a multiple of 31 with compression method 8.
  if (coding === 'deflate') return web(isZlibHeader(bytes) ? 'deflate' : 'deflate-raw');
  if (coding === 'br') return web('brotli') ?? node('createBrotliDecompress');
  if (coding === 'zstd') return web('zstd') ?? node('createZstdDecompress');
  return undefined;
}

function web(format: string): Decoder | undefined {
  if (typeof DecompressionStream !== 'function') return undefined;
  try {
    new DecompressionStream(format as CompressionFormat);
  } catch {
    // Node before 22.15 knows no 'brotli' format; browsers know no 'zstd'.
    return undefined;
  }
  return (bytes) => {
    const stream = new DecompressionStream(format as CompressionFormat);
    const writer = stream.writable.getWriter();
    // A corrupt body rejects these writes; the read of `readable` reports it.
    writer.write(bytes as Uint8Array<ArrayBuffer>).catch(ignore);
    writer.close().catch(ignore);
    return stream.readable;
  };
}

// node:zlib, only where the runtime offers it synchronously (Node 20.16+, Bun, Deno): no import to bundle.
function node(factory: keyof NodeZlib): Decoder | undefined {
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const zlib = process?.getBuiltinModule?.('node:zlib') as NodeZlib | undefined;
  const create = zlib?.[factory];
  if (typeof create !== 'function') return undefined;
  return (bytes) => {
    const stream = create.call(zlib);
    stream.end(bytes);
    return stream;
  };
}

function isZlibHeader(bytes: Uint8Array): boolean {
  const [cmf, flg] = bytes;
  return cmf !== undefined && flg !== undefined && (cmf & 0x0f) === 8 && (cmf * 256 + flg) % 31 === 0;
}

function ignore(): void {}
