// CodeLens, document links, hovers and the commit document, through VS Code's own command API in the real
// extension host, over a handoff written into the fixture workspace (a real repository with a bare origin:
// pushed, unpushed and amended commits, a moved file, two files sharing a name).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, waitFor } from './helpers';

const HANDOFF_NAME = 'SESSION-HANDOFF-providers.md';
const SYMBOL_FILE = 'src/providers_symbol.py';
const SYMBOL_SOURCE = '"""Fixture for the providers test."""\n\n\ndef upload_file(path):\n    return path\n';

interface Api {
  ready: Promise<void>;
  store: { isHandoff(uri: vscode.Uri): boolean; get(uri: vscode.Uri): {
    analysis: { commitStates: ReadonlyMap<string, unknown>; fileTargets: ReadonlyArray<readonly string[] | null>; model: { files: Array<{ path: string }> } };
  } | undefined;
  };
  setTrusted(trusted: boolean | undefined): void;
}


function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
}

/** Markdown of a hover's contents, joined. */
function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n---\n');
}

describe('providers', function () {
  this.timeout(60_000);
  let root: string;
  let uri: vscode.Uri;
  let text: string;
  const sha: Record<'parser' | 'unpushed' | 'amendedOld' | 'absent', string> = { parser: '', unpushed: '', amendedOld: '', absent: '' };
  const full: Record<'parser' | 'unpushed', string> = { parser: '', unpushed: '' };
  const subject = { unpushed: '' };
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  /** Position of the `occurrence`-th `needle` in the handoff, plus `offset` characters. */
  function at(needle: string, offset = 1, occurrence = 0): vscode.Position {
    let i = -1;
    for (let n = 0; n <= occurrence; n++) i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `${needle} is not in the handoff`);
    const before = text.slice(0, i);
    const line = before.split('\n').length - 1;
    return new vscode.Position(line, i - (before.lastIndexOf('\n') + 1) + offset);
  }

  /** Waits for an analysis with git facts and every breadcrumb but the missing one resolved (new files included). */
  async function settled(what: string): Promise<void> {
    await waitFor(what, () => {
      const analysis = api.store.isHandoff(uri) ? api.store.get(uri)?.analysis : undefined;
      if (!analysis || analysis.commitStates.size === 0) return undefined;
      const gone = ['src/nowhere.ts', 'src/old/helper.ts'];
      const resolved = analysis.model.files.every((f, i) => gone.includes(f.path) || (analysis.fileTargets[i]?.length ?? 0) > 0);
      return resolved ? true : undefined;
    });
  }

  async function lenses(resolve = 100): Promise<Array<{ line: number; title: string; command: vscode.Command | undefined }>> {
    const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, resolve);
    return found.map((l) => ({ line: l.range.start.line, title: l.command?.title ?? '', command: l.command }))
      .sort((a, b) => a.line - b.line || a.title.localeCompare(b.title));
  }

  async function lensTitlesOn(needle: string): Promise<string[]> {
    const line = at(needle).line;
    return (await lenses()).filter((l) => l.line === line).map((l) => l.title);
  }

  let api: Api;

  before(async () => {
    const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
    await api.ready;
    // The test host's workspace is not trusted (no git there); these features are about git facts.
    api.setTrusted(true);
    root = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
    // The SHAs of the fixture: from its repository, and (for the amended-away commit, which only the handoff
    // the workspace builder wrote still names) from that handoff.
    const demo = readFileSync(join(root, 'HANDOFF.md'), 'utf8');
    full.parser = git(root, 'rev-parse', 'v1.0.0^{commit}');
    // Other suites push and amend in this repository; whatever they left, have one commit that is not pushed.
    if (git(root, 'rev-list', '--count', 'origin/main..main') === '0') {
      git(root, '-c', 'user.name=Providers Test', '-c', 'user.email=providers@example.com', 'commit', '-q', '--allow-empty', '-m', 'WIP: providers test');
    }
    full.unpushed = git(root, 'rev-parse', 'main');
    subject.unpushed = git(root, 'log', '-1', '--format=%s', 'main');
    sha.parser = full.parser.slice(0, 7);
    sha.unpushed = full.unpushed.slice(0, 7);
    sha.amendedOld = /First version in ([0-9a-f]{7})/.exec(demo)![1]!;
    sha.absent = /Check commit ([0-9a-f]{7,})/.exec(demo)![1]!;
    text = [
      '# Session handoff: providers test',
      '',
      '## Phase 1: Parser',
      '',
      `- [x] Parser landed in commit \`${sha.parser}\`.`,
      `- [ ] Push the local experiment, commit ${sha.unpushed}.`,
      '- See `src/parser.ts:12` and `src/parser.ts:40-42`.',
      '- Shared names: `index.ts`.',
      '- Gone: `src/nowhere.ts:3`.',
      '',
      '## Phase 2: Config',
      '',
      `- Config loader: commit ${sha.amendedOld} (amended since).`,
      `- Typo: commit ${sha.absent}.`,
      '- Upload entry point: `src/providers_symbol.py::upload_file`.',
      '- Helper: `src/old/helper.ts:4`.',
      '',
    ].join('\n');
    // A file with a symbol in it, for a `path::symbol` breadcrumb (written before the handoff that cites it).
    await vscode.workspace.fs.writeFile(vscode.Uri.file(join(root, SYMBOL_FILE)), new TextEncoder().encode(SYMBOL_SOURCE));
    uri = vscode.Uri.file(join(root, HANDOFF_NAME));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await settled('the store to analyse the test handoff with git');
  });

  after(async () => {
    api?.setTrusted(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.getConfiguration('handoffNavigator').update('codeLens.commits', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.getConfiguration('handoffNavigator').update('codeLens.breadcrumbs', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.getConfiguration('handoffNavigator').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(vscode.Uri.file(join(root, SYMBOL_FILE))).then(undefined, () => undefined);
  });

  describe('CodeLens', () => {
    it('sums each phase heading: steps, unpushed commits, stale references — as Problems counts them', async () => {
      // Not stale: src/nowhere.ts never was in the repository (a hint), index.ts is an ambiguous name (its matches).
      assert.deepEqual(await lensTitlesOn('## Phase 1'), ['1/2 steps · 1 unpushed']);
      // Two unknown commits and the moved helper.
      assert.deepEqual(await lensTitlesOn('## Phase 2'), ['3 stale']);
      // The same count as the warnings Problems shows in that section.
      const phase2 = at('## Phase 2').line;
      const warnings = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'handoff' && d.range.start.line > phase2
        && d.severity <= vscode.DiagnosticSeverity.Warning && (d.code as { value: string }).value !== 'unpushed-commit');
      assert.equal(warnings.length, 3, warnings.map((d) => d.message).join('\n'));
      // Open steps: exactly the unchecked-step diagnostics.
      const open = vscode.languages.getDiagnostics(uri).filter((d) => (d.code as { value: string }).value === 'unchecked-step');
      assert.equal(open.length, 1);
    });

    it('titles commits from git: SHA, subject, age and state, with Show commit for the ones that resolve', async () => {
      const parser = await lensTitlesOn(`\`${sha.parser}\``);
      assert.equal(parser.length, 2, parser.join(' | '));
      assert.match(parser[0]!, new RegExp(`^${sha.parser} · Add parser · (\\d+ \\w+ ago|yesterday|just now)$`));
      assert.equal(parser[1], 'Show commit');
      const unpushed = await lensTitlesOn(`commit ${sha.unpushed}`);
      assert.match(unpushed[0]!, new RegExp(`^${sha.unpushed} · ${escape(subject.unpushed)} · .+ · unpushed$`));
      const amended = await lensTitlesOn(`commit ${sha.amendedOld}`);
      assert.match(amended[0]!, new RegExp(`^${sha.amendedOld} · Add config loader · .+ · on no branch$`));
      assert.deepEqual(await lensTitlesOn(`commit ${sha.absent}`), [`${sha.absent} · not in this repository`]);
    });

    it('lenses only breadcrumbs with news by default; codeLens.breadcrumbs "all" brings one per breadcrumb back, "off" none', async () => {
      const config = vscode.workspace.getConfiguration('handoffNavigator');
      // Default ("news"): a breadcrumb that simply works is a link with a hover, no lens; the ones with news keep theirs.
      assert.deepEqual(await lensTitlesOn('src/parser.ts:12'), []);
      assert.deepEqual(await lensTitlesOn('providers_symbol.py::upload_file'), []);
      assert.deepEqual(await lensTitlesOn('`index.ts`'), ['2 matches for index.ts…']);
      assert.deepEqual(await lensTitlesOn('src/nowhere.ts'), ['nowhere.ts not in this repository · Search…']);
      assert.deepEqual(await lensTitlesOn('src/old/helper.ts'), ['helper.ts moved · Open src/lib/helper.ts:4']);
      try {
        await config.update('codeLens.breadcrumbs', 'all', vscode.ConfigurationTarget.Workspace);
        assert.deepEqual(await waitFor('a lens over every breadcrumb', async () => {
          const titles = await lensTitlesOn('src/parser.ts:12');
          return titles.length ? titles : undefined;
        }), ['Open parser.ts:12', 'Open parser.ts:40-42']);
        assert.deepEqual(await lensTitlesOn('providers_symbol.py::upload_file'), ['Open providers_symbol.py › upload_file']);
        assert.deepEqual(await lensTitlesOn('`index.ts`'), ['2 matches for index.ts…']);
        await config.update('codeLens.breadcrumbs', 'off', vscode.ConfigurationTarget.Workspace);
        await waitFor('no breadcrumb lens at all', async () => ((await lensTitlesOn('`index.ts`')).length === 0 ? true : undefined));
        assert.deepEqual(await lensTitlesOn('src/old/helper.ts'), []);
        assert.ok((await lenses()).some((l) => l.title.includes('stale')), 'the phase lenses stay');
      } finally {
        await config.update('codeLens.breadcrumbs', undefined, vscode.ConfigurationTarget.Workspace);
      }
      await waitFor('the news lenses back', async () => ((await lensTitlesOn('`index.ts`')).length === 1 ? true : undefined));
      assert.deepEqual(await lensTitlesOn('src/parser.ts:12'), []);
      await settled('the store to re-analyse the handoff after the settings change');
    });

    it('opens breadcrumbs: the file at its line, a pick among matches, a search for a missing file', async () => {
      const config = vscode.workspace.getConfiguration('handoffNavigator');
      await config.update('codeLens.breadcrumbs', 'all', vscode.ConfigurationTarget.Workspace);
      await waitFor('a lens over every breadcrumb', async () => ((await lensTitlesOn('src/parser.ts:12')).length ? true : undefined));
      assert.deepEqual(await lensTitlesOn('src/parser.ts:12'), ['Open parser.ts:12', 'Open parser.ts:40-42']);
      assert.deepEqual(await lensTitlesOn('`index.ts`'), ['2 matches for index.ts…']);
      assert.deepEqual(await lensTitlesOn('src/nowhere.ts'), ['nowhere.ts not in this repository · Search…']);
      const open = (await lenses()).find((l) => l.title === 'Open parser.ts:12')!;
      await config.update('codeLens.breadcrumbs', undefined, vscode.ConfigurationTarget.Workspace);
      assert.equal(open.command!.command, 'handoffNavigator.openBreadcrumb');
      const [args] = open.command!.arguments as [{ targets: string[]; fragment: string }];
      assert.deepEqual(args.targets.map((t) => vscode.Uri.parse(t).fsPath), [join(root, 'src', 'parser.ts')]);
      assert.equal(args.fragment, 'L12');
      const pick = (await lenses()).find((l) => l.title.startsWith('2 matches'))!;
      const [pickArgs] = pick.command!.arguments as [{ targets: string[] }];
      assert.deepEqual(pickArgs.targets.map((t) => vscode.workspace.asRelativePath(vscode.Uri.parse(t))).sort(), ['src/a/index.ts', 'src/b/index.ts']);
    });

    it('offers the new home of a file git saw moved', async () => {
      assert.deepEqual(await lensTitlesOn('src/old/helper.ts'), ['helper.ts moved · Open src/lib/helper.ts:4']);
      const lens = (await lenses()).find((l) => l.title.startsWith('helper.ts moved'))!;
      const [args] = lens.command!.arguments as [{ targets: string[]; fragment: string }];
      assert.deepEqual(args.targets.map((t) => vscode.Uri.parse(t).fsPath), [join(root, 'src', 'lib', 'helper.ts')]);
      assert.equal(args.fragment, 'L4');
    });

    it('keeps the moved file\'s lens, link and hover with the missing-file rule off', async () => {
      const config = vscode.workspace.getConfiguration('handoffNavigator');
      await config.update('rules', { 'missing-file': 'off' }, vscode.ConfigurationTarget.Workspace);
      try {
        await waitFor('the missing-file warnings to go', () => {
          const codes = vscode.languages.getDiagnostics(uri).map((d) => (d.code as { value: string } | undefined)?.value);
          return codes.includes('unknown-commit') && !codes.includes('missing-file');
        });
        await settled('the store to re-analyse with missing-file off');
        assert.deepEqual(await lensTitlesOn('src/old/helper.ts'), ['helper.ts moved · Open src/lib/helper.ts:4']);
        const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri);
        const moved = links.find((l) => l.range.contains(at('src/old/helper.ts')));
        assert.equal(moved?.target?.fsPath, join(root, 'src', 'lib', 'helper.ts'));
        const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at('src/old/helper.ts', 2)));
        assert.match(hover, /was \*\*renamed\*\* to `src\/lib\/helper\.ts`/);
        // No warning left to count: the phase's stale count follows Problems.
        assert.deepEqual(await lensTitlesOn('## Phase 2'), ['2 stale']);
      } finally {
        await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
      }
      await waitFor('the missing-file warning back', () =>
        vscode.languages.getDiagnostics(uri).some((d) => (d.code as { value: string } | undefined)?.value === 'missing-file'));
      await settled('the store to re-analyse after the rules change');
    });

    it('drops a lens kind when its setting is turned off, and brings it back', async () => {
      const config = vscode.workspace.getConfiguration('handoffNavigator');
      const commitLine = at(`\`${sha.parser}\``).line;
      await config.update('codeLens.commits', false, vscode.ConfigurationTarget.Workspace);
      const without = await waitFor('commit lenses to go', async () => {
        const all = await lenses();
        return all.some((l) => l.line === commitLine) ? undefined : all;
      });
      assert.ok(without.some((l) => l.title === '2 matches for index.ts…'), 'file lenses stay');
      assert.ok(without.some((l) => l.title.includes('stale')), 'phase lenses stay');
      await config.update('codeLens.commits', undefined, vscode.ConfigurationTarget.Workspace);
      await waitFor('commit lenses to return', async () => ((await lenses()).some((l) => l.line === commitLine) ? true : undefined));
      // A settings change re-analyses every handoff: the next tests need that analysis to have landed whole.
      await settled('the store to re-analyse the handoff, breadcrumbs resolved, after the settings change');
    });
  });

  describe('document links', () => {
    async function links(): Promise<vscode.DocumentLink[]> {
      return vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri);
    }
    function linkAt(all: vscode.DocumentLink[], needle: string) {
      const p = at(needle);
      return all.filter((l) => l.range.contains(p));
    }

    it('links breadcrumbs inside backticks to the file with the line or range selected', async () => {
      const all = await links();
      const [line] = linkAt(all, 'src/parser.ts:12');
      assert.ok(line, 'no link on src/parser.ts:12');
      assert.equal(line.target!.fsPath, join(root, 'src', 'parser.ts'));
      assert.equal(line.target!.fragment, 'L12');
      assert.equal(text.split('\n')[line.range.start.line]!.slice(line.range.start.character, line.range.end.character), 'src/parser.ts:12');
      const [range] = linkAt(all, 'src/parser.ts:40-42');
      assert.equal(range!.target!.fragment, 'L40,1-L43,1');
    });

    it('links an ambiguous name to a pick of its matches, a moved file to its new home, and a missing file to nothing', async () => {
      const all = await links();
      const [ambiguous] = linkAt(all, '`index.ts`');
      assert.equal(ambiguous!.target!.scheme, 'command');
      assert.equal(ambiguous!.target!.path, 'handoffNavigator.openBreadcrumb');
      const [args] = JSON.parse(ambiguous!.target!.query) as [{ targets: string[] }];
      assert.equal(args.targets.length, 2);
      assert.deepEqual(linkAt(all, 'src/nowhere.ts'), []);
      const [moved] = linkAt(all, 'src/old/helper.ts');
      assert.equal(moved!.target!.fsPath, join(root, 'src', 'lib', 'helper.ts'));
      assert.equal(moved!.target!.fragment, 'L4');
    });

    it('opens a path::symbol breadcrumb at the symbol', async () => {
      const [link] = linkAt(await links(), 'providers_symbol.py::upload_file');
      assert.equal(link!.target!.scheme, 'command');
      const [args] = JSON.parse(link!.target!.query) as [{ symbol: string }];
      assert.equal(args.symbol, 'upload_file');
      await vscode.commands.executeCommand(link!.target!.path, args);
      const editor = await waitFor('the symbol\'s file', () =>
        vscode.window.activeTextEditor?.document.uri.fsPath === join(root, SYMBOL_FILE) ? vscode.window.activeTextEditor : undefined);
      const s = editor.selection;
      // `def upload_file(path):` is line 4: the name is selected.
      assert.deepEqual([s.start.line, s.start.character, s.end.line, s.end.character], [3, 4, 3, 15]);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    });

    it('opens the target at its line when followed', async () => {
      const [link] = linkAt(await links(), 'src/parser.ts:40-42');
      await vscode.commands.executeCommand('vscode.open', link!.target);
      const editor = await waitFor('the target editor', () =>
        vscode.window.activeTextEditor?.document.uri.fsPath === join(root, 'src', 'parser.ts') ? vscode.window.activeTextEditor : undefined);
      const s = editor.selection;
      assert.deepEqual([s.start.line, s.start.character, s.end.line, s.end.character], [39, 0, 42, 0]);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    });
  });

  describe('hovers', () => {
    async function hover(p: vscode.Position): Promise<string> {
      return hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, p));
    }

    it('tells a commit\'s subject, author, files, branches, tags and pushed state, with Open Commit and Copy SHA', async () => {
      const md = await hover(at(sha.parser, 2));
      assert.match(md, /\*\*Add parser\*\*/);
      assert.match(md, /1 file changed/);
      assert.match(md, /`main`/);
      assert.match(md, /`origin\/main`/);
      assert.match(md, /Tagged `v1\.0\.0`/);
      assert.match(md, /Pushed \(/);
      assert.match(md, /\[Open Commit\]\(command:handoffNavigator\.openCommit\?/);
      assert.match(md, /\[Copy SHA\]\(command:handoffNavigator\.copySha\?/);
      const unpushed = await hover(at(sha.unpushed, 2));
      assert.match(unpushed, /\*\*Not pushed\*\*/);
      assert.match(await hover(at(sha.absent, 2)), /is not in this repository/);
    });

    it('shows the code a breadcrumb points at, fenced in its language', async () => {
      const md = await hover(at('src/parser.ts:12', 3));
      const lines = [10, 11, 12, 13, 14].map((n) => `// src/parser.ts line ${n}`).join('\n');
      assert.ok(md.includes('```typescript\n' + lines + '\n```'), md);
      assert.match(await hover(at('`index.ts`', 2)), /matches 2 files/);
      assert.match(await hover(at('src/old/helper.ts', 2)), /`src\/old\/helper\.ts` was \*\*renamed\*\* to `src\/lib\/helper\.ts`, in `[0-9a-f]{7}` "/);
      assert.match(await hover(at('src/nowhere.ts', 2)), /`src\/nowhere\.ts` is not in this repository \(planned, or in another repository\?\)/);
    });
  });

  describe('Copy SHA', () => {
    it('copies the full SHA of a resolved commit, and an unresolved one as written', async () => {
      await vscode.commands.executeCommand('handoffNavigator.copySha', { uri: uri.toString(), sha: sha.parser });
      assert.equal(await vscode.env.clipboard.readText(), full.parser);
      await vscode.commands.executeCommand('handoffNavigator.copySha', { uri: uri.toString(), sha: sha.absent });
      assert.equal(await vscode.env.clipboard.readText(), sha.absent);
    });
  });

  describe('git extension diff views', () => {
    it('opens a commit\'s changes in the changes editor, offered in the hover', async function () {
      const git = vscode.extensions.getExtension<{ getAPI(v: 1): { getRepository(u: vscode.Uri): unknown } }>('vscode.git');
      if (!git) this.skip(); // a host without the built-in git extension: the commit document is the view
      const api = (await git!.activate()).getAPI(1);
      await waitFor('the git extension to open the repository', () => (api.getRepository(uri) ? true : undefined));
      const md = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at(sha.parser, 2)));
      assert.match(md, /\[Open Changes\]\(command:handoffNavigator\.openCommitChanges\?/);
      await vscode.commands.executeCommand('handoffNavigator.openCommitChanges', { uri: uri.toString(), sha: sha.parser });
      const tab = await waitFor('the changes editor', () => {
        const active = vscode.window.tabGroups.activeTabGroup.activeTab;
        return active?.label.startsWith(`${sha.parser} · Add parser`) ? active : undefined;
      });
      // The multi-diff tab input is not public API; the title is ours, and the fallback would be a text tab (x.diff).
      assert.ok(!(tab.input instanceof vscode.TabInputText), 'the commit document opened instead of the changes editor');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });
  });

  describe('commit document', () => {
    it('opens a commit\'s header, stat and patch read-only under handoff-commit:', async () => {
      await vscode.commands.executeCommand('handoffNavigator.openCommit', { uri: uri.toString(), sha: sha.parser });
      const editor = await waitFor('the commit document', () =>
        vscode.window.activeTextEditor?.document.uri.scheme === 'handoff-commit' ? vscode.window.activeTextEditor : undefined);
      const content = editor.document.getText();
      assert.match(content, new RegExp(`^commit ${full.parser}`, 'm'));
      assert.match(content, /Add parser/);
      assert.match(content, /src\/parser\.ts \| 50 \+/);
      assert.match(content, /^\+\/\/ src\/parser\.ts line 1$/m);
      assert.equal(editor.document.languageId, 'diff');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });

    it('serves the same content to anyone opening the URI', async () => {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.from({
        scheme: 'handoff-commit', path: `/${sha.unpushed}.diff`, query: new URLSearchParams({ handoff: uri.toString(), sha: full.unpushed }).toString(),
      }));
      assert.match(doc.getText(), new RegExp(`^commit ${full.unpushed}`, 'm'));
      assert.ok(doc.getText().includes(subject.unpushed), doc.getText());
    });
  });
});
