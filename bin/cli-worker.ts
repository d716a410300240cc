// A CLI worker: checks the files it is given and posts each result back (reports are structured-cloned).
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile } from './check-file';

const { files, url, maxBytes } = workerData as { files: string[]; url?: string; maxBytes?: number };
for (const file of files) {
  try {
    parentPort!.postMessage({ file, report: checkFile(file, url, maxBytes) });
  } catch (e) {
    parentPort!.postMessage({ file, error: `无法读取或解析：${e instanceof Error ? e.message : String(e)}` });
  }
}
