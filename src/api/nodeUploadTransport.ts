// How the Node extension host sends an upload: node:http(s) with a stream pipeline, so
// that the file is read only as fast as the connection takes it. (fetch in Node does
// not wait for the socket: a 1 GB file read faster than it is sent piles up in memory;
// bench/upload.ts measures it.) VS Code for the Web uses fetch, where the browser does
// this. No redirect is followed: node:http never does.
import * as http from 'node:http';
import * as https from 'node:https';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { UploadTransport } from './client';

export const nodeUploadTransport: UploadTransport = (url, init) =>
  new Promise<Response>((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).request(url, { method: init.method, headers: init.headers, signal: init.signal });
    let answered = false;
    request.on('response', (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
        }
        const status = response.statusCode ?? 0;
        const body = chunks.length && status !== 204 && status !== 304 ? Buffer.concat(chunks) : null;
        resolve(new Response(body, { status, headers }));
      });
    });
    // A server may answer (a 413, a 400 for the extension) before it read the whole body,
    // then close: the answer counts, not the broken pipe that follows.
    request.on('error', (error) => answered || reject(error));
    pipeline(Readable.fromWeb(init.body as NodeReadableStream<Uint8Array>), request).catch((error: unknown) => answered || reject(error));
  });
