/**
 * Stops a process the tool started and whatever it started: git runs in a process group of its own (so a Ctrl-C of
 * the terminal does not reach it half-way), which is killed whole. Shared by the runner and the spawn relay's own
 * process (dist/git-relay.js), which bundles nothing else of the runner.
 */
import type { ChildProcess } from 'node:child_process';

export function killTree(child: ChildProcess): void {
  try {
    if (process.platform !== 'win32' && child.pid) process.kill(-child.pid, 'SIGKILL');
    else child.kill('SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}
