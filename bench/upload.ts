// `npm run bench:upload` — uploading a 1 GB file to the stand-in (in its own process,
// as data.gouv.fr would be) with the extension's own code: the file streamed from the
// disk (src/uploads/fileStream.ts) into the client's multipart body (src/api/multipart.ts).
// Measures the memory of this process while the bytes go: the JS heap, the buffers
// outside it (arrayBuffers: where a body held whole would show) and the RSS. Target:
// heap and buffers each grow by less than 50 MB. Fails (exit code 1) when a target is
// missed or the upload is wrong.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync, openSync, closeSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from '../src/api/client';
import { streamFile } from '../src/uploads/fileStream';
import { nodeUploadTransport } from '../src/api/nodeUploadTransport';
import { SAMPLE_API_KEY } from '../test/server/sampleData';
import { startStandInProcess, stopStandInProcess } from './standInProcess';

const SIZE = Number(process.env.UPLOAD_BYTES ?? 1024 * 1024 * 1024);
const HEAP_TARGET = 50 * 1024 * 1024;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'datagouv-bench-upload-'));
  const path = join(folder, 'mesures.csv');
  const hash = createHash('sha1');
  const block = Buffer.alloc(16 * 1024 * 1024);
  const fd = openSync(path, 'w');
  for (let written = 0, index = 0; written < SIZE; index++) {
    const piece = block.subarray(0, Math.min(block.length, SIZE - written)).fill(index % 251);
    writeSync(fd, piece);
    hash.update(piece);
    written += piece.length;
  }
  closeSync(fd);
  const sha1 = hash.digest('hex');
  const server = await startStandInProcess({ datasets: 0 });
  try {
    // As the Node extension host sends it (src/extension.ts).
    const client = new ApiClient({ apiUrl: server.apiUrl, getApiKey: () => SAMPLE_API_KEY, retryLimit: 0, uploadTransport: nodeUploadTransport });
    const datasetId = (await client.listOrgDatasets({ fields: 'id' }))[0].id;
    global.gc?.();
    const base = process.memoryUsage();
    let peakHeap = base.heapUsed;
    let peakBuffers = base.arrayBuffers;
    let peakRss = base.rss;
    let ticks = 0;
    const sample = setInterval(() => {
      // What is held, not garbage waiting for a collection: collect now and then.
      if (++ticks % 10 === 0) global.gc?.();
      const now = process.memoryUsage();
      peakHeap = Math.max(peakHeap, now.heapUsed);
      peakBuffers = Math.max(peakBuffers, now.arrayBuffers);
      peakRss = Math.max(peakRss, now.rss);
    }, 20);
    let reports = 0;
    const started = performance.now();
    const resource = await client.uploadResource(datasetId, streamFile(path, 'mesures.csv', SIZE), { onProgress: () => reports++ });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sample);
    const heapGrowth = peakHeap - base.heapUsed;
    const buffersGrowth = peakBuffers - base.arrayBuffers;
    const lines = [
      `Uploaded ${mb(SIZE)} in ${seconds.toFixed(1)} s (${mb(SIZE / seconds)}/s), ${reports} progress reports.`,
      `Heap: ${mb(base.heapUsed)} before, peak ${mb(peakHeap)}: growth ${mb(heapGrowth)} (target < ${mb(HEAP_TARGET)}).`,
      `Buffers outside the heap: ${mb(base.arrayBuffers)} before, peak ${mb(peakBuffers)}: growth ${mb(buffersGrowth)} (target < ${mb(HEAP_TARGET)}).`,
      `RSS: ${mb(base.rss)} before, peak ${mb(peakRss)}: growth ${mb(peakRss - base.rss)}.`,
    ];
    console.log(lines.join('\n'));
    const failures: string[] = [];
    if (resource.filesize !== SIZE) failures.push(`the stand-in stored ${resource.filesize} bytes, not ${SIZE}`);
    if (resource.checksum?.value !== sha1) failures.push('the stored file has another SHA-1');
    if (heapGrowth >= HEAP_TARGET) failures.push(`heap growth ${mb(heapGrowth)} ≥ ${mb(HEAP_TARGET)}`);
    if (buffersGrowth >= HEAP_TARGET) failures.push(`buffer growth ${mb(buffersGrowth)} ≥ ${mb(HEAP_TARGET)}: the body is held in memory`);
    if (failures.length) {
      console.log(`\nTARGETS MISSED:\n- ${failures.join('\n- ')}`);
      process.exitCode = 1;
    } else {
      console.log('\nTargets met: the bytes arrived whole; heap and buffers grew by less than 50 MB each.');
    }
    if (process.argv.includes('--write')) writeFileSync(join('bench', 'UPLOAD.md'), `# Upload benchmark\n\n${lines.join('\n\n')}\n`);
  } finally {
    await stopStandInProcess(server);
    rmSync(folder, { recursive: true, force: true });
  }
}

void main();
