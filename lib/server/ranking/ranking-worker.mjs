/**
 * The ranking worker thread's entry (started by ranking-worker-client.ts). A
 * plain .mjs file, found from the working directory, because the server's
 * code is bundled by Next.js and a path relative to a bundled chunk would
 * not resolve. It loads the TypeScript compute module with tsx and answers
 * the main thread's requests one at a time: { id, request } in, { id, result }
 * or { id, error } out, typed arrays transferred rather than copied.
 */
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const compute = await tsImport('./ranking-compute.ts', import.meta.url);

parentPort.on('message', ({ id, request }) => {
  try {
    const { result, transfer } = compute.handle(request);
    parentPort.postMessage({ id, result }, transfer);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
  }
});
parentPort.postMessage({ ready: true });
