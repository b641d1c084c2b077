// Uploads to the stand-in: a streaming multipart/form-data reader (werkzeug's form
// parser as udata's upload_parser sees it: the `file` part and the form fields), and
// the storage of the files in a temporary folder of the stand-in's own. A request body
// is never held whole in memory: the file part goes to disk as it arrives, with its
// size and SHA-1 computed on the way (udata/core/storages/utils.py, MeasuredStream).
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** One upload as `GET /__control/uploads` lists it. */
export interface UploadRecord {
  datasetId: string;
  /** The resource made or replaced; null when the upload did not complete. */
  resourceId: string | null;
  /** The stored (normalized) name, or the name sent when the upload did not complete. */
  filename: string;
  /** Bytes of the file: all of them, or those received before the connection ended. */
  size: number;
  sha1: string | null;
  complete: boolean;
}

export interface ReceivedFile {
  /** The temporary file holding the bytes. */
  path: string;
  /** The file name the client sent (not normalized). */
  filename: string;
  size: number;
  sha1: string;
}

export interface ReceivedForm {
  fields: Record<string, string>;
  /** The first file part named `file` (werkzeug: request.files["file"]). */
  file?: ReceivedFile;
}

/** The request's connection ended before its body did (client abort or injected reset). */
export class ConnectionGone extends Error {
  constructor(
    readonly partial: { filename: string; size: number } | null,
    readonly reason: 'aborted' | 'reset',
  ) {
    super(`connection ${reason}`);
  }
}

/** The body went over the size limit; the rest of it is being discarded. */
export class BodyTooLarge extends Error {}

export interface ReceiveOptions {
  /** Destroy the connection once this many bytes of the body have arrived. */
  resetAfterBytes?: number;
  /** Refuse a body longer than this (BodyTooLarge), counted as it arrives. */
  maxBytes?: number;
}

/** The files of one stand-in, in a folder of its own under the system's temporary folder. */
export class UploadStore {
  readonly root = mkdtempSync(join(tmpdir(), 'datagouv-stand-in-'));
  readonly records: UploadRecord[] = [];

  /** A fresh path for an incoming file. */
  incomingPath(): string {
    const dir = join(this.root, 'incoming');
    mkdirSync(dir, { recursive: true });
    return join(dir, randomUUID());
  }

  /** The folder of a chunked upload's parts (udata/core/storages/api.py, chunk_filename). */
  chunkPath(uuid: string, part: number): string {
    const dir = join(this.root, 'chunks', uuid.replace(/[^A-Za-z0-9_-]/g, '_'));
    mkdirSync(dir, { recursive: true });
    return join(dir, String(part));
  }

  discardChunks(uuid: string): void {
    rmSync(join(this.root, 'chunks', uuid.replace(/[^A-Za-z0-9_-]/g, '_')), { recursive: true, force: true });
  }

  /** Moves a received file to `resources/<prefix>/<filename>`; returns its fs_filename. */
  keep(path: string, prefix: string, filename: string): string {
    let fsFilename = `${prefix}/${filename}`;
    for (let n = 1; existsSync(this.pathOf(fsFilename)); n++) {
      const dot = filename.lastIndexOf('.');
      fsFilename = dot > 0 ? `${prefix}/${filename.slice(0, dot)}-${n}${filename.slice(dot)}` : `${prefix}/${filename}-${n}`;
    }
    mkdirSync(dirname(this.pathOf(fsFilename)), { recursive: true });
    renameSync(path, this.pathOf(fsFilename));
    return fsFilename;
  }

  pathOf(fsFilename: string): string {
    return join(this.root, 'resources', ...fsFilename.split('/').filter((part) => part && part !== '..'));
  }

  /** A stored file's path and size, when it exists. */
  stat(fsFilename: string): { path: string; size: number } | undefined {
    const path = this.pathOf(fsFilename);
    try {
      const stats = statSync(path);
      return stats.isFile() ? { path, size: stats.size } : undefined;
    } catch {
      return undefined;
    }
  }

  remove(fsFilename: string | null): void {
    if (fsFilename) rmSync(this.pathOf(fsFilename), { force: true });
  }

  /** Forgets the records and deletes every file. */
  reset(): void {
    this.records.length = 0;
    for (const dir of ['incoming', 'chunks', 'resources']) rmSync(join(this.root, dir), { recursive: true, force: true });
  }

  close(): void {
    this.records.length = 0;
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** Concatenates files into one, computing its size and SHA-1; streamed. */
export async function concatenate(sources: string[], target: string): Promise<{ size: number; sha1: string }> {
  const hash = createHash('sha1');
  let size = 0;
  const out = createWriteStream(target);
  try {
    for (const source of sources) {
      for await (const chunk of createReadStream(source) as AsyncIterable<Buffer>) {
        hash.update(chunk);
        size += chunk.length;
        if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      }
    }
  } finally {
    await new Promise<void>((resolve) => out.end(() => resolve()));
  }
  return { size, sha1: hash.digest('hex') };
}

/** The boundary of a multipart/form-data Content-Type, when it is one. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (!contentType || !/^\s*multipart\/form-data\s*(;|$)/i.test(contentType)) return undefined;
  const match = /;\s*boundary\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(contentType);
  const boundary = match ? (match[1]?.replace(/\\(.)/g, '$1') ?? match[2]) : undefined;
  return boundary && boundary.length <= 200 ? boundary : undefined;
}

/** The parameters of a Content-Disposition header (quoted strings unescaped, RFC 5987 decoded). */
function dispositionParams(value: string): Record<string, string> {
  const params: Record<string, string> = {};
  const pattern = /;\s*([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
  for (let match = pattern.exec(value); match; match = pattern.exec(value)) {
    const name = match[1].toLowerCase();
    let text = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3].trim();
    if (name.endsWith('*')) {
      const encoded = /^([^']*)'[^']*'(.*)$/.exec(text);
      if (encoded) {
        try {
          text = decodeURIComponent(encoded[2]);
        } catch {
          continue;
        }
      }
      params[name.slice(0, -1)] = text;
    } else if (!(name in params)) {
      params[name] = text;
    }
  }
  return params;
}

const CRLF = Buffer.from('\r\n');
const HEADERS_END = Buffer.from('\r\n\r\n');
const MAX_HEADERS = 16 * 1024;
const MAX_FIELD = 64 * 1024;

/**
 * Reads a multipart/form-data body as it arrives: the first file part named `file` goes
 * to `path` (a temporary file), the other parts' values to `fields` (other files are
 * skipped). Like werkzeug's (silent) parser, a body that is not multipart or is
 * malformed gives an empty form. Rejects with ConnectionGone if the connection ends
 * first (nothing is kept), with BodyTooLarge past `maxBytes`.
 */
export function receiveMultipart(req: IncomingMessage, path: string, options: ReceiveOptions = {}): Promise<ReceivedForm> {
  const boundary = multipartBoundary(req.headers['content-type']);
  return new Promise<ReceivedForm>((resolve, reject) => {
    const fields: Record<string, string> = {};
    const delimiter = boundary ? Buffer.from(`\r\n--${boundary}`) : Buffer.alloc(0);
    // The body starts with `--boundary`: a CRLF in front makes it one more delimiter.
    let buffer: Buffer = Buffer.from(CRLF);
    let state: 'preamble' | 'delimiter' | 'headers' | 'body' | 'epilogue' | 'malformed' = boundary ? 'preamble' : 'malformed';
    let received = 0;
    let settled = false;
    // The current part: the file being written, a field being collected, or skipped.
    let part: { kind: 'file' } | { kind: 'field'; name: string; chunks: Buffer[]; size: number } | { kind: 'skip' } | undefined;
    let file: { filename: string; size: number; hash: ReturnType<typeof createHash>; out: ReturnType<typeof createWriteStream>; done: boolean } | undefined;

    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      req.off('error', onClose);
    };
    const discardFile = () => {
      if (!file) return;
      file.out.destroy();
      rmSync(path, { force: true });
    };
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      cleanup();
      discardFile();
      reject(error);
    };

    const emit = (data: Buffer) => {
      if (!data.length || !part) return;
      if (part.kind === 'file' && file) {
        file.hash.update(data);
        file.size += data.length;
        if (!file.out.write(data)) {
          req.pause();
          file.out.once('drain', () => req.resume());
        }
      } else if (part.kind === 'field') {
        if (part.size + data.length > MAX_FIELD) state = 'malformed';
        else {
          part.chunks.push(data);
          part.size += data.length;
        }
      }
    };
    const endPart = () => {
      if (part?.kind === 'file' && file) file.done = true;
      if (part?.kind === 'field') fields[part.name] ??= Buffer.concat(part.chunks).toString('utf8');
      part = undefined;
    };
    const startPart = (head: string) => {
      const headers: Record<string, string> = {};
      for (const line of head.split('\r\n')) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      const disposition = headers['content-disposition'] ?? '';
      if (!/^\s*form-data\s*(;|$)/i.test(disposition)) {
        part = { kind: 'skip' };
        return;
      }
      const params = dispositionParams(disposition);
      if (params.filename !== undefined) {
        // werkzeug: a part with a file name is a file; udata reads request.files["file"],
        // the first one, and an empty name (an empty file input) is no file.
        if (params.name === 'file' && !file && params.filename !== '') {
          file = { filename: params.filename, size: 0, hash: createHash('sha1'), out: createWriteStream(path), done: false };
          file.out.on('error', (error) => fail(error));
          part = { kind: 'file' };
        } else {
          part = { kind: 'skip' };
        }
      } else if (params.name !== undefined) {
        part = { kind: 'field', name: params.name, chunks: [], size: 0 };
      } else {
        part = { kind: 'skip' };
      }
    };

    const parse = () => {
      for (;;) {
        switch (state) {
          case 'preamble': {
            const at = buffer.indexOf(delimiter);
            if (at < 0) {
              buffer = buffer.subarray(Math.max(0, buffer.length - delimiter.length + 1));
              return;
            }
            buffer = buffer.subarray(at + delimiter.length);
            state = 'delimiter';
            break;
          }
          case 'delimiter': {
            if (buffer.length < 2) return;
            if (buffer[0] === 0x2d && buffer[1] === 0x2d) {
              state = 'epilogue';
              break;
            }
            // Transport padding (spaces, tabs) may come before the line break.
            const eol = buffer.indexOf(CRLF);
            if (eol < 0) {
              if (buffer.length > 256) state = 'malformed';
              return;
            }
            if (!/^[ \t]*$/.test(buffer.subarray(0, eol).toString('latin1'))) {
              state = 'malformed';
              break;
            }
            buffer = buffer.subarray(eol + 2);
            state = 'headers';
            break;
          }
          case 'headers': {
            const at = buffer.indexOf(HEADERS_END);
            if (at < 0) {
              // The part has no header at all: its body starts right away.
              if (buffer.length >= 2 && buffer[0] === 0x0d && buffer[1] === 0x0a) {
                startPart('');
                buffer = buffer.subarray(2);
                state = 'body';
                break;
              }
              if (buffer.length > MAX_HEADERS) state = 'malformed';
              return;
            }
            startPart(buffer.subarray(0, at).toString('utf8'));
            buffer = buffer.subarray(at + HEADERS_END.length);
            state = 'body';
            break;
          }
          case 'body': {
            const at = buffer.indexOf(delimiter);
            if (at < 0) {
              // Keep what may be the start of a delimiter cut by the chunk's end.
              const keep = Math.min(buffer.length, delimiter.length - 1);
              emit(buffer.subarray(0, buffer.length - keep));
              buffer = buffer.subarray(buffer.length - keep);
              return;
            }
            emit(buffer.subarray(0, at));
            endPart();
            buffer = buffer.subarray(at + delimiter.length);
            state = 'delimiter';
            break;
          }
          case 'epilogue':
          case 'malformed':
            buffer = Buffer.alloc(0);
            return;
        }
      }
    };

    function onData(chunk: Buffer) {
      if (settled) return;
      let data = chunk;
      if (options.resetAfterBytes !== undefined && received + data.length >= options.resetAfterBytes) {
        // The bytes up to the cut are received; then the connection is reset.
        data = data.subarray(0, Math.max(0, options.resetAfterBytes - received));
        received += data.length;
        buffer = buffer.length ? Buffer.concat([buffer, data]) : data;
        parse();
        const partial = file ? { filename: file.filename, size: file.size } : null;
        req.socket.destroy();
        fail(new ConnectionGone(partial, 'reset'));
        return;
      }
      received += data.length;
      if (options.maxBytes !== undefined && received > options.maxBytes) {
        fail(new BodyTooLarge());
        req.resume(); // the rest is read and discarded, so that the answer gets through
        return;
      }
      buffer = buffer.length ? Buffer.concat([buffer, data]) : data;
      parse();
    }
    function onEnd() {
      if (settled) return;
      settled = true;
      cleanup();
      const complete = state === 'epilogue';
      if (!file) return resolve({ fields: complete ? fields : {} });
      const current = file;
      if (!complete || !current.done) {
        // werkzeug gives up on a body that ends in the middle: no file, no field.
        discardFile();
        return resolve({ fields: {} });
      }
      current.out.end(() => resolve({ fields, file: { path, filename: current.filename, size: current.size, sha1: current.hash.digest('hex') } }));
    }
    function onClose() {
      if (settled || req.complete) return;
      fail(new ConnectionGone(file ? { filename: file.filename, size: file.size } : null, 'aborted'));
    }

    req.on('data', onData);
    req.on('end', onEnd);
    req.on('close', onClose);
    req.on('error', onClose);
  });
}
