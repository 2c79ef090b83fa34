/**
 * git started through a small helper process (gitRelayMain.ts) instead of from this one. Node starts a process by
 * forking: the fork copies this process's page tables and leaves its pages copy-on-write, so every git a large run
 * starts costs time in proportion to the memory the run holds — the models of hundreds of handoffs. Forked early,
 * while this process is small, the helper starts each git for a fraction of that; its output comes back over the
 * IPC channel. What the runner sees is a ChildProcess (`SpawnFn`): the same streams and events, the git's real pid
 * (so its process group is killed as before), and `kill` sent on when the pid is not known yet.
 *
 * Anything wrong with the helper (not started, gone) makes every later spawn a direct one: slower, never failing.
 * A spawn in flight when the helper dies ends with an 'error', which the runner turns into a notice.
 */
import { fork, spawn as nodeSpawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { PassThrough, Writable } from 'node:stream';
import type { SpawnFn } from './gitRunner';

export type RelayRequest =
  | { t: 'spawn'; id: number; command: string; args: readonly string[]; cwd?: string; env?: NodeJS.ProcessEnv }
  | { t: 'in'; id: number; d: Uint8Array }
  | { t: 'end'; id: number }
  | { t: 'kill'; id: number };

export type RelayReply =
  | { t: 'pid'; id: number; pid: number | null }
  | { t: 'out' | 'err'; id: number; d: Uint8Array }
  | { t: 'error'; id: number; message: string; code?: string }
  | { t: 'exit' | 'close'; id: number; code: number | null; signal: NodeJS.Signals | null };

export interface SpawnRelay {
  spawn: SpawnFn;
  /** Ends the helper (it kills what it started): the run is over. */
  close(): void;
}

/** A child of the relay, as the runner uses a ChildProcess. */
class RelayedChild extends EventEmitter {
  pid: number | undefined = undefined;
  exitCode: number | null = null;
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  readonly stdin: Writable;

  constructor(readonly id: number, private readonly request: (m: RelayRequest) => void) {
    super();
    this.stdin = new Writable({
      write: (chunk: Buffer | string, _enc, done) => { request({ t: 'in', id, d: typeof chunk === 'string' ? Buffer.from(chunk) : chunk }); done(); },
      final: (done) => { request({ t: 'end', id }); done(); },
    });
  }

  kill(signal: NodeJS.Signals | number = 'SIGTERM'): boolean {
    // The relay starts each git in a process group of its own (as the runner asks): the group goes with it.
    if (this.pid) {
      try { process.kill(process.platform === 'win32' ? this.pid : -this.pid, signal); } catch { /* gone already */ }
    } else this.request({ t: 'kill', id: this.id });
    return true;
  }
}

/**
 * Forks the helper at `helperPath` for `executable`; null when it is not there (a run from sources: the runner then
 * spawns directly).
 */
export function startSpawnRelay(executable: string, helperPath: string): SpawnRelay | null {
  if (!existsSync(helperPath)) return null;
  let helper: ChildProcess | null;
  try {
    helper = fork(helperPath, [executable], { serialization: 'advanced', stdio: ['ignore', 'ignore', 'ignore', 'ipc'], execArgv: [] });
  } catch {
    return null;
  }
  const children = new Map<number, RelayedChild>();
  let next = 0;
  let alive = true;
  // The channel keeps this process alive only while git runs through it.
  const hold = () => { if (children.size === 1) helper?.channel?.ref(); };
  const release = () => { if (children.size === 0) helper?.channel?.unref(); };
  // The helper gone (or closed): what was in flight ends with an error (it killed those processes on its way out).
  const gone = () => {
    alive = false;
    const inFlight = [...children.values()];
    children.clear();
    for (const c of inFlight) c.emit('error', Object.assign(new Error('the git relay ended'), { code: 'ECHILD' }));
  };
  helper.on('error', gone);
  helper.on('exit', gone);
  helper.on('disconnect', gone);
  helper.unref();
  helper.channel?.unref();
  helper.on('message', (m: RelayReply) => {
    const c = children.get(m.id);
    if (!c) return;
    if (m.t === 'pid') c.pid = m.pid ?? undefined;
    else if (m.t === 'out') c.stdout.write(Buffer.from(m.d));
    else if (m.t === 'err') c.stderr.write(Buffer.from(m.d));
    else if (m.t === 'error') {
      // A refused or failed start: no 'close' may follow, so it is done with here.
      children.delete(m.id);
      release();
      c.emit('error', Object.assign(new Error(m.message), { code: m.code }));
    }
    else if (m.t === 'exit') { c.exitCode = m.code; c.emit('exit', m.code, m.signal); }
    else if (m.t === 'close') {
      children.delete(m.id);
      release();
      c.stdout.end();
      c.stderr.end();
      // After the streams' last data: as a ChildProcess closes after its stdio.
      setImmediate(() => c.emit('close', m.code, m.signal));
    }
  });
  const request = (m: RelayRequest) => { if (alive && helper?.connected) helper.send(m); };
  const spawn: SpawnFn = (command: string, args: readonly string[], options: SpawnOptions) => {
    if (!alive || !helper?.connected) return nodeSpawn(command, [...args], options);
    const c = new RelayedChild(next++, request);
    children.set(c.id, c);
    hold();
    request({ t: 'spawn', id: c.id, command, args, ...(options.cwd ? { cwd: String(options.cwd) } : {}), ...(options.env ? { env: options.env } : {}) });
    return c as unknown as ChildProcess;
  };
  return {
    spawn,
    close() {
      try { helper?.disconnect(); } catch { /* gone already */ }
      helper = null;
      gone();
    },
  };
}
