// A CLI worker: checks the files it is given and posts each result back (reports are structured-cloned).
import { parentPort, workerData } from 'node:worker_threads';
import { checkFileAsync, InputError } from './check-file';

const { files, url } = workerData as { files: string[]; url?: string };
for (const file of files) {
  try {
    parentPort!.postMessage({ file, report: await checkFileAsync(file, url) });
  } catch (e) {
    if (e instanceof InputError) parentPort!.postMessage({ file, error: e.message, code: e.code });
    else parentPort!.postMessage({ file, error: `无法读取或解析：${e instanceof Error ? e.message : String(e)}` });
  }
}
