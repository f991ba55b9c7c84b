import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { CallInput, CallName, CallOutput } from '../../shared/contract.js';
import { repoRoot } from '../support/run-cli.js';

const URL_LINE = /http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]+)/;

/** The host answered with an error: a refusal or a bug, never a consequence of a kill. */
export class HostRefused extends Error {
  constructor(
    readonly call: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${call}: HTTP ${status} ${body.slice(0, 500)}`);
  }
}

/**
 * `desk serve` on one data folder, as a child process that can be killed without warning and
 * started again on the same folder: the browser host the UI talks to, with its background outbox
 * sender. Calls go over HTTP with the launch's token, as the renderer's API client sends them.
 */
export class DeskProcess {
  private child: ChildProcess | null = null;
  private base = '';
  private token = '';
  private killing = false;
  /** Set when the host ended without being told to: a crash the soak must report. */
  unexpectedExit: string | null = null;
  output = '';

  constructor(readonly dataDir: string) {}

  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  async start(): Promise<void> {
    this.killing = false;
    const child = spawn(process.execPath, ['electron/cli/desk.mjs', 'serve', '--data', this.dataDir, '--port', '0'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let output = '';
    const match = await new Promise<RegExpExecArray>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`desk serve printed no URL within 60 s:\n${output}`)), 60_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const found = URL_LINE.exec(output);
        if (found) {
          clearTimeout(timer);
          resolve(found);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`desk serve exited with ${code}:\n${output}`));
      });
    });
    this.base = `http://127.0.0.1:${match[1]}`;
    this.token = match[2]!;
    child.stderr?.on('data', (chunk: Buffer) => (this.output = (this.output + chunk.toString('utf8')).slice(-20_000)));
    child.once('exit', (code, signal) => {
      if (!this.killing) this.unexpectedExit = `desk serve ended by itself (code ${code}, signal ${signal}):\n${this.output}`;
    });
  }

  /** SIGKILL: no handler runs, nothing is flushed; resolves once the process is gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.killing = true;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.kill('SIGKILL');
      await exited;
    }
    this.child = null;
  }

  /** Ctrl+C: the host closes the workspace cleanly. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.killing = true;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.kill('SIGTERM');
      const guard = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(guard);
    }
    this.child = null;
  }

  /** Resident memory of the host process now, in bytes (Linux /proc). */
  rss(): number | null {
    if (!this.child?.pid) return null;
    try {
      const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.child.pid}/status`, 'utf8'))?.[1];
      return kib ? Number(kib) * 1024 : null;
    } catch {
      return null;
    }
  }

  /**
   * One contract call. A network failure (the process is gone) rejects with the fetch error; an
   * answer other than success rejects with HostRefused.
   */
  async call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
    const response = await fetch(`${this.base}/api/call/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${this.token}` },
      body: JSON.stringify(input),
    });
    const text = await response.text();
    if (response.status !== 200) throw new HostRefused(name, response.status, text);
    const json = JSON.parse(text) as { ok: boolean; result: CallOutput<N> };
    if (!json.ok) throw new HostRefused(name, response.status, text);
    return json.result;
  }
}
