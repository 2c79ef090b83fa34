/**
 * The benchmark's repository: `commits` commits on main made by one `git fast-import` from a generated stream,
 * with `refs/remotes/origin/main` `unpushed` commits behind main (so reachability has both answers).
 * Cached under os.tmpdir() by a key of the stream's content: a rerun finds it ready. Deterministic (fixed
 * identity and clock), so the SHAs are the same on every machine.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AUTHOR, FIXTURE_EPOCH, FixtureGit } from '../fixtures/git/exec';

export interface BenchRepo {
  /** The work tree (nothing checked out: the handoffs written here are its only files). */
  dir: string;
  /** Full SHAs, oldest first. */
  shas: string[];
  /** Whether this run built it (false: found in the cache). */
  built: boolean;
  buildMs: number;
}

function stream(commits: number, unpushed: number): string {
  const parts: string[] = [];
  const data = (s: string) => `data ${Buffer.byteLength(s)}\n${s}\n`;
  for (let i = 0; i < commits; i++) {
    parts.push(
      'commit refs/heads/main\n',
      `mark :${i + 1}\n`,
      `author ${AUTHOR.name} <${AUTHOR.email}> ${FIXTURE_EPOCH + i * 60} +0000\n`,
      `committer ${AUTHOR.name} <${AUTHOR.email}> ${FIXTURE_EPOCH + i * 60} +0000\n`,
      data(`Bench commit ${i + 1}: change module ${i % 200}`),
      `M 644 inline src/module-${i % 200}.ts\n`,
      data(`export const value${i % 200} = ${i + 1};\n`),
    );
  }
  parts.push('reset refs/remotes/origin/main\n', `from :${commits - unpushed}\n\n`);
  return parts.join('');
}

export function benchRepo(commits = 5000, unpushed = 100): BenchRepo {
  const t0 = Date.now();
  const input = stream(commits, unpushed);
  const key = createHash('sha256').update(input).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), `handoff-bench-repo-${key}`);
  const list = join(dir, '.git', 'bench-shas.txt');
  if (existsSync(list)) {
    const shas = readFileSync(list, 'utf8').trim().split('\n');
    if (shas.length === commits) return { dir, shas, built: false, buildMs: Date.now() - t0 };
  }
  const g = new FixtureGit();
  const temp = `${dir}.tmp-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  g.run(temp, ['init', '-q', '-b', 'main']);
  g.run(temp, ['fast-import', '--quiet'], input);
  const shas = g.run(temp, ['rev-list', '--reverse', 'main']).split('\n');
  writeFileSync(join(temp, '.git', 'bench-shas.txt'), shas.join('\n') + '\n');
  rmSync(dir, { recursive: true, force: true });
  renameSync(temp, dir);
  return { dir, shas, built: true, buildMs: Date.now() - t0 };
}
