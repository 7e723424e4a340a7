import 'server-only';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type {
  ComputeRequest,
  ComputeWindow,
  EnsureFeaturesRequest,
  EnsureFeaturesResult,
  ScoreRequest,
  ScoreResult,
} from './ranking-compute';

/**
 * The main thread's side of the ranking worker: one long-lived worker thread
 * per process (created at the first call), which does the CPU work of
 * ranking (ranking-compute.ts) so that the event loop keeps serving votes
 * and pages meanwhile. Requests are answered in order. The worker is
 * unref()'d while idle, so a command-line script or a test ends when its own
 * work does, and ref()'d while a call is pending, so none ends under it. If
 * it dies, every pending call is rejected (the rank job then fails and is
 * retried) and the next call starts a new one, with an empty cache.
 *
 * The entry is a plain .mjs file found from the working directory (the
 * repository, where `npm start` and `next start` run): this module is bundled
 * by Next.js, so a path relative to it would point into the build folder.
 */
const ENTRY = ['lib', 'server', 'ranking', 'ranking-worker.mjs'];

/** The worker stopped (crashed, ran out of memory, or was terminated) before answering. */
export class RankingWorkerStoppedError extends Error {
  constructor(reason: string) {
    super(`The ranking worker stopped (${reason}) before it finished; nothing was ranked.`);
    this.name = 'RankingWorkerStoppedError';
  }
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type State = { worker: Worker; pending: Map<number, Pending>; nextId: number; windows: ComputeWindow[] };

// On globalThis: Next.js may load this module in more than one bundle (routes, instrumentation); one worker serves them all.
const holder = globalThis as typeof globalThis & { __tandemRankingWorker?: State };

function start(): State {
  const worker = new Worker(join(/* turbopackIgnore: true */ process.cwd(), ...ENTRY), {
    // The entry loads its TypeScript with tsx itself; the parent's loader flags (tsx, --conditions) are not needed.
    execArgv: [],
    name: 'tandem-ranking',
  });
  const state: State = { worker, pending: new Map(), nextId: 1, windows: [] };
  const stop = (reason: string) => {
    if (holder.__tandemRankingWorker === state) holder.__tandemRankingWorker = undefined;
    const error = new RankingWorkerStoppedError(reason);
    for (const { reject } of state.pending.values()) reject(error);
    state.pending.clear();
  };
  worker.on('message', (message: { id?: number; result?: unknown; error?: string; ready?: boolean }) => {
    if (message.id === undefined) return;
    const call = state.pending.get(message.id);
    if (!call) return;
    state.pending.delete(message.id);
    if (state.pending.size === 0) worker.unref();
    if (message.error !== undefined) call.reject(new Error(`Ranking failed in the worker: ${message.error}`));
    else call.resolve(message.result);
  });
  worker.on('error', (error) => {
    console.error('The ranking worker failed', error);
    stop(error.message);
  });
  worker.on('exit', (code) => stop(`exit code ${code}`));
  worker.unref();
  return state;
}

function call<T>(request: ComputeRequest, transfer: ArrayBuffer[] = []): Promise<T> {
  const state = holder.__tandemRankingWorker ?? (holder.__tandemRankingWorker = start());
  const id = state.nextId++;
  return new Promise<T>((resolve, reject) => {
    state.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    state.worker.ref();
    state.worker.postMessage({ id, request }, transfer);
  });
}

function noteWindow(window: ComputeWindow | null): void {
  const state = holder.__tandemRankingWorker;
  if (!window || !state) return;
  state.windows.push(window);
  if (state.windows.length > 20) state.windows.shift();
}

/** A copy of `bytes` in an ArrayBuffer of its own, to transfer (a Buffer may be a view of a shared pool). */
function ownBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
}

/** See ranking-compute.ts `ensureFeatures`: the stored bytes are copied once and transferred. */
export async function ensureFeaturesInWorker(request: Omit<EnsureFeaturesRequest, 'op'>): Promise<EnsureFeaturesResult> {
  const stored = request.stored ? ownBuffer(request.stored) : undefined;
  const result = await call<EnsureFeaturesResult>({ op: 'ensureFeatures', ...request, stored }, stored ? [stored.buffer] : []);
  if (!result.isMissing) noteWindow(result.window);
  return result;
}

/** See ranking-compute.ts `score`. */
export async function scoreInWorker(request: Omit<ScoreRequest, 'op'>): Promise<ScoreResult> {
  const result = await call<ScoreResult>({ op: 'score', ...request }, [request.labels.buffer as ArrayBuffer]);
  if (!result.isMissing) noteWindow(result.window);
  return result;
}

/** Forget the worker's decoded features and warm starts. Ordered before any later call; nothing to do without a worker. */
export function clearWorkerCache(): void {
  const state = holder.__tandemRankingWorker;
  if (state) void call({ op: 'clear' }).catch(() => {});
}

/** When the worker's recent CPU work ran (epoch ms; the last 20): a test checks the main thread was free meanwhile. */
export function recentComputeWindows(): readonly ComputeWindow[] {
  return [...(holder.__tandemRankingWorker?.windows ?? [])];
}

/** Stop the worker (a test of what happens when it dies); pending calls are rejected, the next call starts another. */
export async function terminateRankingWorker(): Promise<void> {
  const state = holder.__tandemRankingWorker;
  if (state) await state.worker.terminate();
}
