// A CLI worker: checks the files it is sent, one message each, and posts each result back (reports are
// structured-cloned); a null message means there is nothing left (bin/stream.ts hands files out).
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile } from './check-file';

const { url, maxBytes } = workerData as { url?: string; maxBytes?: number };
parentPort!.on('message', (m: { i: number; file: string } | null) => {
  if (!m) {
    parentPort!.close();
    return;
  }
  try {
    parentPort!.postMessage({ i: m.i, result: { file: m.file, report: checkFile(m.file, url, maxBytes) } });
  } catch (e) {
    parentPort!.postMessage({ i: m.i, result: { file: m.file, error: `无法读取或解析：${e instanceof Error ? e.message : String(e)}` } });
  }
});
