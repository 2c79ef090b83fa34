/**
 * `handoff-lint new`: writes a new handoff from the repository — front matter, branch, HEAD, upstream with
 * ahead/behind, unpushed commits, uncommitted changes, files changed since the previous handoff, its open steps
 * carried over, an empty Resume point — to `docs/handoffs/YYYY-MM-DD-<slug>.md` (or prints it with --stdout).
 * Gathering is the core's (newHandoff/gather.ts over the Node git provider), composing is pure (newHandoff/compose.ts).
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { NEVER_CANCELLED } from '../core/interfaces';
import { compareNewestFirst } from '../core/newest';
import { composeHandoff } from '../core/newHandoff/compose';
import { gatherWorkingState } from '../core/newHandoff/gather';
import { previousHandoff } from '../core/newHandoff/previous';
import { checkSlug, handoffFileName, isoDate, slugify } from '../core/newHandoff/slug';
import { MAX_TEMPLATE_CHARS } from '../core/newHandoff/template';
import type { PreviousHandoff } from '../core/newHandoff/types';
import { createLanguageService, type HandoffLanguageService } from '../core/service';
import { DEFAULT_SETTINGS } from '../core/settings';
import { createNodeGitCheck } from '../node/cliGit';
import { notReadReason, readRegular } from '../node/safeRead';
import { SiblingHandoffs } from '../node/siblings';
import { eachFlag, UsageError } from './args';
import { discover } from './discover';
import { markAnalysed } from './analysedMark';

export const NEW_USAGE = `Usage: handoff-lint new [--dir DIR] [--slug SLUG] [--template FILE] [--stdout] [--repo DIR] [--no-git]

Writes a new handoff from the repository: front matter (date, git_commit, branch, repository, status), branch,
HEAD, upstream with ahead/behind, unpushed commits, uncommitted changes, files changed since the previous
handoff's commit, the previous handoff's open steps carried over, and an empty Resume point.

Options:
  --dir DIR          folder to write into (default: docs/handoffs at the top of the repository)
  --slug SLUG        words naming the work; the file is YYYY-MM-DD-<slug>.md (default: the branch name)
  --template FILE    a Markdown template with {{placeholders}} (see the README, "New Handoff")
  --stdout           print the handoff instead of writing it
  --repo DIR         the repository to describe (default: the one holding the current folder)
  --no-git           start no git process: the repository facts are left out
  -h, --help         show this help

Prints the path written. Exit status: 0 written, 2 usage error, unreadable template, or the file exists.`;

export interface NewOptions {
  dir: string | null;
  slug: string | null;
  template: string | null;
  stdout: boolean;
  repo: string | null;
  git: boolean;
  help: boolean;
}

export function parseNewArgs(argv: readonly string[]): NewOptions {
  const o: NewOptions = { dir: null, slug: null, template: null, stdout: false, repo: null, git: true, help: false };
  for (const { arg, flag, value } of eachFlag(argv)) {
    switch (flag) {
      case '--dir': o.dir = value(); break;
      case '--slug': o.slug = value(); break;
      case '--template': o.template = value(); break;
      case '--repo': o.repo = value(); break;
      case '--stdout': o.stdout = true; break;
      case '--no-git': o.git = false; break;
      case '-h': case '--help': o.help = true; break;
      default: throw new UsageError(arg.startsWith('-') ? `unknown option ${arg} for new` : `new takes no paths ("${arg}"); use --dir`);
    }
  }
  return o;
}

export async function runNew(argv: readonly string[], out: (s: string) => void, err: (s: string) => void, now = new Date()): Promise<number> {
  let o: NewOptions;
  try {
    o = parseNewArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) { err(`handoff-lint new: ${e.message}\n(try new --help)\n`); return 2; }
    throw e;
  }
  if (o.help) { out(NEW_USAGE + '\n'); return 0; }
  let slug: string | null = null;
  if (o.slug !== null) {
    const c = checkSlug(o.slug);
    if (!c.ok) { err(`handoff-lint new: --slug: ${c.message}\n`); return 2; }
    slug = c.slug;
  }
  let template: string | undefined;
  if (o.template) {
    try {
      // A FIFO or a device named as the template is refused, not waited on (safeRead.ts).
      const read = readRegular(o.template, MAX_TEMPLATE_CHARS * 4);
      if (read.kind !== 'text') throw new Error(notReadReason(read, { missing: 'no such file', tooLarge: 'larger than 64 KB' }));
      template = read.text;
      if (template.length > MAX_TEMPLATE_CHARS) throw new Error('larger than 64 KB');
    } catch (e) {
      err(`handoff-lint new: cannot read template ${o.template}: ${e instanceof Error ? e.message.split('\n')[0] : e}\n`);
      return 2;
    }
  }

  const folder = resolve(o.repo ?? '.');
  const git = o.git ? createNodeGitCheck({ timeoutMs: DEFAULT_SETTINGS.gitTimeoutMs }) : undefined;
  try {
    const found = git ? await git.provider.discover(folder, NEVER_CANCELLED) : null;
    const repo = found?.ok ? found.value : null;
    const root = repo ? resolve(repo.root) : folder;
    const date = isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
    slug ??= (repo?.head.kind === 'branch' || repo?.head.kind === 'unborn' ? slugify(repo.head.name) : '') || 'handoff';
    const dir = o.dir ? resolve(o.dir) : join(root, 'docs', 'handoffs');
    const target = join(dir, handoffFileName(date, slug));
    if (!o.stdout && existsSync(target)) {
      err(`handoff-lint new: ${relative(process.cwd(), target) || target} exists; choose another --slug\n`);
      return 2;
    }
    const service = createLanguageService({ settings: { ...DEFAULT_SETTINGS, git: Boolean(git) }, git: git?.check, files: git?.files });
    const previous = await newestHandoff(service, root, [target, ...(o.template ? [resolve(o.template)] : [])]);
    const gathered = git ? await gatherWorkingState(git.provider, root, previous?.anchor ?? null, NEVER_CANCELLED) : null;
    const text = composeHandoff({
      date, slug, repository: basename(root), git: gathered?.state ?? null,
      gitNote: gathered ? gathered.note : 'git was not asked (--no-git)', previous,
    }, template);
    if (gathered?.note) err(`handoff-lint new: repository facts left out: ${gathered.note}\n`);
    if (o.stdout) { out(text); return 0; }
    mkdirSync(dir, { recursive: true });
    writeFileSync(target, text, { flag: 'wx' });
    out(`${relative(process.cwd(), target) || target}\n`);
    return 0;
  } finally {
    git?.dispose();
  }
}

/** A handoff larger than this is not read to find the newest (a log of years, or not a handoff at all). */
const MAX_HANDOFF_BYTES = 16 * 1024 * 1024;

/**
 * The newest handoff under `root` (by its stated date, then file time), analysed with git: not the new file, nor
 * the template (a name such as `handoff-template.md` makes it look like a handoff).
 */
async function newestHandoff(service: HandoffLanguageService, root: string, skip: readonly string[]): Promise<PreviousHandoff | null> {
  const target = skip[0]!;
  let files: string[];
  try {
    files = discover([root]).map((f) => resolve(f)).filter((f) => !skip.includes(f));
  } catch {
    return null; // an unreadable or huge tree: the new handoff simply cites no previous one
  }
  // Each read as a regular file, capped: one swapped for a FIFO since it was listed is skipped, not waited on.
  const dated = files.flatMap((path) => {
    try {
      const read = readRegular(path, MAX_HANDOFF_BYTES);
      if (read.kind !== 'text') return [];
      const { date } = service.getModel({ path, version: 0, text: read.text });
      service.forget(path);
      return [{ path, date, mtime: statSync(path).mtimeMs }];
    } catch {
      return [];
    }
  });
  const newest = dated.sort(compareNewestFirst)[0];
  if (!newest) return null;
  const read = readRegular(newest.path, MAX_HANDOFF_BYTES);
  if (read.kind !== 'text') return null;
  const text = read.text;
  const supersededBy = new SiblingHandoffs().newerThan(newest.path, text);
  const a = await service.analyze({ path: newest.path, version: 0, text, supersededBy });
  markAnalysed();
  return previousHandoff({ path: newest.path, model: a.model, facts: a.facts, supersededBy: a.supersededBy }, target);
}
