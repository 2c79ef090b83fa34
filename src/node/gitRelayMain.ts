/**
 * The spawn relay's own process (dist/git-relay.js, forked by spawnRelay.ts): it starts the git processes a large
 * `handoff-lint` run asks for and relays their input, output and end over its IPC channel. Starting a process from
 * a small one costs a fraction of starting it from the run, whose fork copies the page tables of hundreds of
 * megabytes of models (measured: 553 `git diff`s of one repository's series of handoffs took a quarter of the run).
 *
 * It starts only the executable it was forked with (its first argument), with an argument array, never a shell, in
 * its own process group as the runner would. It outlives nothing: when the run's channel closes (the run ended or
 * died), every process it started is killed with what that process started, and it exits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { killTree } from './killTree';
import type { RelayReply, RelayRequest } from './spawnRelay';

const executable = process.argv[2];
const children = new Map<number, ChildProcess>();
// A reply after the run's channel closed is dropped: the callback takes the error that would end this process
// before it stopped what it started.
const send = (m: RelayReply) => { if (process.connected) process.send!(m, undefined, undefined, () => {}); };

function start(m: Extract<RelayRequest, { t: 'spawn' }>): void {
  if (!executable || m.command !== executable) {
    send({ t: 'error', id: m.id, message: 'the relay starts only the executable it was given', code: 'EPERM' });
    return;
  }
  let child: ChildProcess;
  try {
    child = spawn(executable, m.args, { cwd: m.cwd, env: m.env, shell: false, windowsHide: true, stdio: ['pipe', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
  } catch (e) {
    send({ t: 'error', id: m.id, message: (e as Error).message, code: (e as NodeJS.ErrnoException).code });
    return;
  }
  children.set(m.id, child);
  send({ t: 'pid', id: m.id, pid: child.pid ?? null });
  child.stdout!.on('data', (d: Buffer) => send({ t: 'out', id: m.id, d }));
  child.stderr!.on('data', (d: Buffer) => send({ t: 'err', id: m.id, d }));
  child.stdin!.on('error', () => {}); // a git that exits early closes its input: its exit code tells the story
  child.on('error', (e: NodeJS.ErrnoException) => send({ t: 'error', id: m.id, message: e.message, code: e.code }));
  child.on('exit', (code, signal) => send({ t: 'exit', id: m.id, code, signal }));
  child.on('close', (code, signal) => {
    children.delete(m.id);
    send({ t: 'close', id: m.id, code, signal });
  });
}

process.on('message', (m: RelayRequest) => {
  if (m.t === 'spawn') start(m);
  else if (m.t === 'in') children.get(m.id)?.stdin?.write(Buffer.from(m.d));
  else if (m.t === 'end') children.get(m.id)?.stdin?.end();
  else if (m.t === 'kill') { const c = children.get(m.id); if (c) killTree(c); }
});
// Ctrl-C reaches this process too: the run decides what to stop (it kills the groups it knows), and the channel's
// end stops the rest.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => {});
const stopAll = () => {
  for (const c of children.values()) killTree(c);
  children.clear();
};
process.on('disconnect', () => {
  stopAll();
  process.exit(0);
});
// However this process ends, what it started ends with it.
process.on('exit', stopAll);
process.on('uncaughtException', () => {
  stopAll();
  process.exit(1);
});
