// Which cited paths were there at a handoff's commit, from that commit's tree listing (one cached ls-tree) instead
// of one `<commit>:<path>` question per path: the same deletions, renames and "existed then" answers either way, for
// files, folders, paths never there and a trailing slash, and the per-path questions are no longer asked.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NEVER_CANCELLED as T } from '../../src/core/interfaces';
import { findDeletionsSince, type FilesAt } from '../../src/node/deletionsSince';
import { NodeGitProvider } from '../../src/node/gitFacts';
import type { StdinFeed } from '../../src/node/gitRunner';
import { FileIndex } from '../../src/core/facts/fileIndex';
import { normalizePath } from '../../src/core/git/paths';
import { FixtureGit } from '../fixtures/git/exec';
import { CommitGraph } from '../../src/core/git/graph';

describe('deletions since a commit: paths then from its tree listing', () => {
  let base: string;
  before(() => { base = mkdtempSync(join(tmpdir(), 'deletions-listing-')); });
  after(() => rmSync(base, { recursive: true, force: true }));

  it('a listing answers for files and the folders they are in, nothing else', () => {
    const index = FileIndex.of(['src/app.ts', 'src/lib/x.ts', 'src-old/y.ts', 'README.md']);
    const tree = { has: (p: string) => index.has(normalizePath(p)) };
    for (const p of ['src/app.ts', 'src', 'src/', 'src/lib', 'src-old', 'README.md']) assert.ok(tree.has(p), p);
    for (const p of ['sr', 'src/app', 'src/lib/x', 'lib', '', '/', 'README.md/x']) assert.ok(!tree.has(p), p);
  });

  it('answers as the per-path questions did, without asking them', async () => {
    const g = new FixtureGit();
    const dir = join(base, 'repo');
    g.run(base, ['init', '-q', dir]);
    const write = (rel: string, text: string) => { mkdirSync(join(dir, rel, '..'), { recursive: true }); writeFileSync(join(dir, rel), text); };
    const body = Array.from({ length: 30 }, (_, i) => `export const v${i} = ${i};\n`).join('');
    write('src/engine.ts', body);
    write('src/util/strings.ts', 'export {};\n');
    write('docs/notes.md', '# notes\n');
    write('keep.ts', 'export {};\n');
    const anchor = g.commit(dir, 'start');
    mkdirSync(join(dir, 'lib'), { recursive: true });
    g.run(dir, ['mv', 'src/engine.ts', 'lib/engine.ts']);
    const moved = g.commit(dir, 'move the engine');
    g.run(dir, ['rm', '-q', '-r', 'docs', 'src/util']);
    const dropped = g.commit(dir, 'drop the docs and utils');
    const provider = new NodeGitProvider();
    const found = await provider.discover(dir, T);
    assert.ok(found.ok);
    const repo = found.value;
    // Enough paths for the listing to be worth it (LISTING_FROM): most of them never there, as in a batch of handoffs.
    const never = Array.from({ length: 80 }, (_, i) => `never/there-${i}.ts`);
    const paths = ['docs', 'docs/notes.md', 'keep.ts', ...never, 'src/', 'src/engine.ts', 'src/util/strings.ts'];
    const run = (cwd: string, args: string[], token: typeof T, input?: string | StdinFeed, maxBytes?: number) => provider.runner.run({ cwd, args, input, token, timeoutMs: 10_000, maxBytes });
    const lines: number[] = [];
    const open = (cwd: string, args: string[], token: typeof T) => {
      const s = provider.runner.session(cwd, args, token, 10_000);
      if (!('ask' in s)) return s;
      const ask = s.ask.bind(s);
      s.ask = (l) => { lines.push(l.length); return ask(l); };
      return s;
    };
    const filesAt: FilesAt = (sha, token) => provider.filesAt(repo, sha, token);

    const asked = await findDeletionsSince(run, open, repo, anchor, paths, T);
    const askedLines = lines.splice(0).reduce((a, b) => a + b, 0);
    const listed = await findDeletionsSince(run, open, repo, anchor, paths, T, { filesAt });
    const listedLines = lines.splice(0).reduce((a, b) => a + b, 0);
    assert.ok(asked.ok && listed.ok);
    assert.deepEqual(listed.value, asked.value);
    assert.deepEqual(listed.value.existedAtSince, ['docs', 'docs/notes.md', 'keep.ts', 'src/', 'src/engine.ts', 'src/util/strings.ts']);
    const by = new Map(listed.value.deletions.map((d) => [d.path, [d.sha, d.renamedTo]]));
    assert.deepEqual(by.get('src/engine.ts'), [moved, 'lib/engine.ts']);
    assert.deepEqual(by.get('docs/notes.md'), [dropped, null]);
    assert.deepEqual(by.get('src/util/strings.ts'), [dropped, null]);
    // Asked per path: one line per path, then the bisection. From the listing: the bisection only.
    assert.equal(askedLines - listedLines, paths.length);
  });

  it('a renamed file still there under its new name ends the search: one rename log, not a second with no commit', async () => {
    const g = new FixtureGit();
    const dir = join(base, 'renamed');
    g.run(base, ['init', '-q', dir]);
    mkdirSync(join(dir, 'src'), { recursive: true });
    writeFileSync(join(dir, 'src', 'engine.ts'), Array.from({ length: 30 }, (_, i) => `export const v${i} = ${i};\n`).join(''));
    const anchor = g.commit(dir, 'start');
    mkdirSync(join(dir, 'lib'), { recursive: true });
    g.run(dir, ['mv', 'src/engine.ts', 'lib/engine.ts']);
    const moved = g.commit(dir, 'move the engine');
    // More history after the move: HEAD itself renamed nothing.
    writeFileSync(join(dir, 'README.md'), '# later\n');
    g.commit(dir, 'later');
    const provider = new NodeGitProvider();
    const found = await provider.discover(dir, T);
    assert.ok(found.ok);
    const logs: string[][] = [];
    const run = (cwd: string, args: string[], token: typeof T, input?: string | StdinFeed, maxBytes?: number) => {
      if (args.includes('log')) logs.push(args);
      return provider.runner.run({ cwd, args, input, token, timeoutMs: 10_000, maxBytes });
    };
    const open = (cwd: string, args: string[], token: typeof T) => provider.runner.session(cwd, args, token, 10_000);
    const r = await findDeletionsSince(run, open, found.value, anchor, ['src/engine.ts'], T);
    assert.ok(r.ok);
    assert.deepEqual(r.value.deletions.map((d) => [d.path, d.sha, d.renamedTo]), [['src/engine.ts', moved, 'lib/engine.ts']]);
    // The first-parent line, then renames in the one commit found; lib/engine.ts is at HEAD: nothing more to ask.
    assert.equal(logs.filter((a) => a.includes('--diff-filter=R')).length, 1);
  });

  it('a handoff written on a branch merged later: its line runs down the branch, so the branch\'s own commit moved the file (graph or git)', async () => {
    const g = new FixtureGit();
    const dir = join(base, 'merged-branch');
    g.run(base, ['init', '-q', dir]);
    const write = (rel: string, text: string) => { mkdirSync(join(dir, rel, '..'), { recursive: true }); writeFileSync(join(dir, rel), text); };
    write('README.md', '# r\n');
    g.commit(dir, 'start');
    g.run(dir, ['checkout', '-q', '-b', 'feature']);
    write('src/pkg_state.py', Array.from({ length: 30 }, (_, i) => `v${i} = ${i}\n`).join(''));
    const anchor = g.commit(dir, 'summary of the plan');
    g.run(dir, ['mv', 'src/pkg_state.py', 'src/state.py']);
    const moved = g.commit(dir, 'relocate the state module');
    g.run(dir, ['checkout', '-q', 'main']);
    write('ci.yml', 'on: push\n');
    const ciOnly = g.commit(dir, 'ci only');
    g.run(dir, ['merge', '-q', '--no-ff', '-m', 'merge feature', 'feature']);
    write('ci.yml', 'on: [push]\n');
    g.commit(dir, 'ci again');
    const provider = new NodeGitProvider();
    const found = await provider.discover(dir, T);
    assert.ok(found.ok);
    const run = (cwd: string, args: string[], token: typeof T, input?: string | StdinFeed, maxBytes?: number) => provider.runner.run({ cwd, args, input, token, timeoutMs: 10_000, maxBytes });
    const open = (cwd: string, args: string[], token: typeof T) => provider.runner.session(cwd, args, token, 10_000);
    const graph = await provider.graph(found.value, T);
    assert.ok(graph.ok);
    const head = g.run(dir, ['rev-parse', 'HEAD']);
    const lineSince = async (since: string) => CommitGraph.of(graph.value).lineSince(since, head);
    // The first-parent line from the anchor holds "ci only", where src/pkg_state.py never was: it took the blame.
    assert.ok(CommitGraph.of(graph.value).firstParentsSince(anchor, head)?.some((c) => c.sha === ciOnly));
    for (const known of [{}, { lineSince }]) {
      const r = await findDeletionsSince(run, open, found.value, anchor, ['src/pkg_state.py'], T, known);
      assert.ok(r.ok);
      assert.deepEqual(r.value.deletions.map((d) => [d.path, d.sha, d.renamedTo]), [['src/pkg_state.py', moved, 'src/state.py']], Object.keys(known).join() || 'git');
    }
    // On the branch's line: the anchor's child, the merge, then HEAD.
    assert.deepEqual((await lineSince(anchor))?.map((c) => c.subject), ['relocate the state module', 'merge feature', 'ci again']);
  });
});

