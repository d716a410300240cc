// A CLI worker: checks the files it is sent, one message each, and posts each result back (reports are
// structured-cloned); a null message means there is nothing left (bin/stream.ts hands files out).
import { parentPort, workerData } from 'node:worker_threads';
import { checkOne } from './stream';
import { checkDefaults } from './check-file';

const { url, maxBytes, blankAsZero } = workerData as { url?: string; maxBytes?: number; blankAsZero?: boolean };
if (blankAsZero) checkDefaults.blankAsZero = true;
parentPort!.on('message', (m: { i: number; file: string } | null) => {
  if (!m) {
    parentPort!.close();
    return;
  }
  void checkOne(m.file, url, maxBytes).then((result) => parentPort!.postMessage({ i: m.i, result }));
});
