// A parsing thread for `iom ingest`: read + repair + extract + normalize one file per message
// and post the records back; the main thread stores them (SQLite is written by one thread only).
// Started by pool.ts; never imported by the main thread.
import { parentPort } from 'node:worker_threads';
import { IomError, InputError } from '../errors.js';
import { decodeDocument, readBytes } from '../read/index.js';
import { checkTextSize, parseDocument } from './index.js';
import type { Task, Reply } from './pool.js';
import type { OcrProgress } from '../read/ocr.js';

parentPort!.on('message', async (task: Task) => {
  let reply: Reply;
  try {
    const bytes = await readBytes(task.path, task.opts);
    if (task.knownHash !== undefined && task.knownHash === bytes.hash) {
      reply = { seq: task.seq, ok: true, unchanged: true };
    } else {
      checkTextSize(bytes, task.opts);
      const onOcrProgress = (progress: OcrProgress) => parentPort!.postMessage({ seq: task.seq, progress } satisfies Reply);
      const raw = await decodeDocument(bytes, { ...task.opts, onOcrProgress });
      const parsed = parseDocument(raw.path, raw, task.today ? new Date(task.today) : undefined);
      // The main thread stores the records and the source's facts, not the document's texts:
      // they are not copied across (an HTML page is ~100 KB of markup).
      parsed.doc = { ...parsed.doc, text: '', rawText: '', html: undefined, meta: undefined };
      reply = { seq: task.seq, ok: true, unchanged: false, parsed };
    }
  } catch (err) {
    if (err instanceof IomError) {
      reply = { seq: task.seq, ok: false, iom: true, name: err.name, message: err.message, path: err instanceof InputError ? err.path : task.path, exitCode: err.exitCode };
    } else {
      reply = { seq: task.seq, ok: false, iom: false, name: (err as Error)?.name ?? 'Error', message: String((err as Error)?.stack ?? err), path: task.path, exitCode: 1 };
    }
  }
  parentPort!.postMessage(reply);
});
