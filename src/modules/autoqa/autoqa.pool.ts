/** A pool of engine worker threads, one per core, that analyses batches in parallel. */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { EngineSettings } from '../../engine/settings.js';
import type { ConversationAnalysis, EngineConversation } from '../../engine/types.js';

const fromSource = import.meta.url.endsWith('.ts');
const workerUrl = new URL(fromSource ? './autoqa.worker.ts' : './autoqa.worker.js', import.meta.url);

function spawn(settings: EngineSettings): Worker {
  if (!fromSource) return new Worker(workerUrl, { workerData: { settings } });
  // Run from source (development, tests): the thread registers the TypeScript loader first.
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(workerUrl.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: { settings } });
}

type Reply = { id: number; analyses: ConversationAnalysis[] } | { id: number; error: string };

/** Analyses batches on `size` threads; `analyze` resolves in the order batches are given. */
export class EnginePool {
  private readonly workers: Worker[];
  private readonly idle: Worker[];
  private readonly waiting = new Map<
    number,
    { resolve(a: ConversationAnalysis[]): void; reject(e: Error): void; worker: Worker }
  >();
  private readonly queue: Array<() => void> = [];
  private nextId = 0;

  constructor(settings: EngineSettings, size = Math.max(1, os.availableParallelism())) {
    this.workers = Array.from({ length: size }, () => spawn(settings));
    this.idle = [...this.workers];
    for (const worker of this.workers) {
      worker.on('message', (reply: Reply) => {
        const pending = this.waiting.get(reply.id);
        if (!pending) return;
        this.waiting.delete(reply.id);
        this.release(pending.worker);
        if ('error' in reply) pending.reject(new Error(reply.error));
        else pending.resolve(reply.analyses);
      });
      worker.on('error', (error) => {
        for (const pending of this.waiting.values()) if (pending.worker === worker) pending.reject(error);
      });
    }
  }

  private release(worker: Worker): void {
    const next = this.queue.shift();
    this.idle.push(worker);
    next?.();
  }

  /** Analyses one batch on the next free thread. */
  async analyze(conversations: EngineConversation[]): Promise<ConversationAnalysis[]> {
    if (this.idle.length === 0) await new Promise<void>((resolve) => this.queue.push(resolve));
    const worker = this.idle.pop() as Worker;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, worker });
      worker.postMessage({ id, conversations });
    });
  }

  /** Stops every thread. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
