// A file of the local disk as the bytes of an upload, read in 1 MiB pieces as the
// connection takes them: the memory used stays flat whatever the file's size. Node
// only (the benchmark uses it as the extension does).
import { createReadStream } from 'node:fs';
import type { UploadSource } from '../api/multipart';

const READ_SIZE = 1024 * 1024;

export function streamFile(path: string, name: string, size: number): UploadSource {
  return { name, size, chunks: () => createReadStream(path, { highWaterMark: READ_SIZE }) as AsyncIterable<Uint8Array> };
}
