import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DeskError } from '../../shared/errors.js';
import type { ProofField, ProofFinding } from '../../shared/proofing/proofing-rules.js';
import type { SpellingRequest } from './spelling-worker.js';

/** From source, the worker registers tsx first (as electron/cli/desk.mjs does), then loads the TypeScript entry. */
function sourceWorker(): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./spelling-worker.ts', import.meta.url).href;
  const script = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(script, { eval: true });
}

type Pending = { resolve: (findings: ProofFinding[]) => void; reject: (error: Error) => void };

/**
 * The spelling checker on a worker thread, so a long article's suggestions never hold up saves
 * and searches on the main thread. The packaged app runs the bundled worker; from source (host,
 * CLI, tests) the TypeScript file runs through tsx.
 */
export class SpellingThread {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  private start(): Worker {
    if (this.worker) return this.worker;
    const bundled = new URL('./spelling-worker.mjs', import.meta.url);
    const worker = existsSync(fileURLToPath(bundled)) ? new Worker(bundled) : sourceWorker();
    worker.on('message', (message: { id: number; findings?: ProofFinding[]; error?: string }) => {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (this.pending.size === 0) worker.unref();
      if (!waiting) return;
      if (message.findings) waiting.resolve(message.findings);
      else waiting.reject(new DeskError('internal', `Soát chính tả không chạy được: ${message.error ?? ''}`));
    });
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', () => {
      this.worker = null;
      this.failAll(new Error('spelling worker stopped'));
    });
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(new DeskError('internal', `Soát chính tả không chạy được: ${error.message}`));
    this.pending.clear();
  }

  check(fields: [ProofField, string][], extraWords: string[]): Promise<ProofFinding[]> {
    const worker = this.start();
    worker.ref();
    const id = this.nextId++;
    const request: SpellingRequest = { id, fields, extraWords };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}
