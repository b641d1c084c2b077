// A multipart/form-data body with one file part (field `file`, as udata's upload_parser
// reads it: udata/core/storages/api.py), produced as a stream: the file's bytes are
// pulled from its source as the connection takes them, never held whole in memory, and
// each chunk counts towards the progress. The length is known in advance, so the
// request carries a Content-Length rather than chunked encoding.

/** A file to upload: its name, its size in bytes, and its bytes in order. */
export interface UploadSource {
  name: string;
  size: number;
  /** The bytes, read lazily; the stream is cancelled when the upload is. */
  chunks(): AsyncIterable<Uint8Array>;
}

export interface MultipartBody {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  length: number;
}

const encoder = new TextEncoder();

/** A header value in quotes: quotes and line breaks of a file name cannot break out of it. */
function quoted(value: string): string {
  return `"${value.replace(/[\r\n]+/g, ' ').replace(/(["\\])/g, '\\$1')}"`;
}

export function multipartBody(file: UploadSource, onProgress?: (sent: number, total: number) => void): MultipartBody {
  const boundary = `----datagouv-vscode-${randomHex(16)}`;
  const head = encoder.encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename=${quoted(file.name)}\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = encoder.encode(`\r\n--${boundary}--\r\n`);
  let iterator: AsyncIterator<Uint8Array> | undefined;
  let stage: 'head' | 'file' | 'done' = 'head';
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      switch (stage) {
        case 'head':
          stage = 'file';
          controller.enqueue(head);
          return;
        case 'file': {
          iterator ??= file.chunks()[Symbol.asyncIterator]();
          const next = await iterator.next();
          const changed = (how: string) => {
            controller.error(new Error(`the file changed while it was read: ${how}`));
            stage = 'done';
          };
          if (next.done) {
            if (sent !== file.size) return changed(`${sent} bytes instead of ${file.size}`);
            // Every pull enqueues something: a pull that enqueues nothing is not repeated.
            stage = 'done';
            controller.enqueue(tail);
            controller.close();
            return;
          }
          sent += next.value.byteLength;
          if (sent > file.size) return changed(`more than ${file.size} bytes`);
          controller.enqueue(next.value);
          onProgress?.(sent, file.size);
          return;
        }
        default:
          return;
      }
    },
    async cancel() {
      await iterator?.return?.();
    },
  });
  return { body, contentType: `multipart/form-data; boundary=${boundary}`, length: head.byteLength + file.size + tail.byteLength };
}

/**
 * A boundary only needs to be absent from the file: random enough is enough. Node 18
 * (the extension host of VS Code 1.85) has no global `crypto`: Math.random then.
 */
function randomHex(bytes: number): string {
  const values = new Uint8Array(bytes);
  if (globalThis.crypto?.getRandomValues) globalThis.crypto.getRandomValues(values);
  else for (let i = 0; i < bytes; i++) values[i] = Math.floor(Math.random() * 256);
  return Array.from(values, (value) => value.toString(16).padStart(2, '0')).join('');
}
