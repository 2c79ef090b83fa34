// The injection grammar, tokenised with VS Code's own TextMate engine (vscode-textmate + vscode-oniguruma):
// SHAs, breadcrumbs and phase labels get their scopes inside Markdown, and nothing else does.
//
// Markdown's grammar comes from the VS Code the test host installed, when it is there (the real thing); a
// small stand-in with the same shapes (match-rule headings and code spans, begin/end paragraphs and fences)
// is always tested too, so the suite does not depend on the host install.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const ROOT = join(__dirname, '..', '..');
const INJECTION = join(ROOT, 'syntaxes', 'handoff.injection.tmLanguage.json');
const MARKDOWN_SCOPE = 'text.html.markdown';
const INJECTION_SCOPE = 'text.handoff.injection';

const SHA = 'constant.numeric.hex.sha.handoff';
const CRUMB = 'markup.underline.link.breadcrumb.handoff';
const PHASE = 'keyword.control.phase.handoff';

/** The shapes of VS Code's Markdown grammar that matter to an injection. */
const STAND_IN_MARKDOWN = {
  scopeName: MARKDOWN_SCOPE,
  patterns: [{ include: '#fenced' }, { include: '#heading' }, { include: '#paragraph' }],
  repository: {
    fenced: {
      begin: '^(`{3,})(\\w*)\\s*$', end: '^(\\1)\\s*$', name: 'markup.fenced_code.block.markdown',
      patterns: [{ match: '.+', name: 'meta.embedded.block' }],
    },
    heading: {
      match: '^(#{1,6})\\s+(.*)$', name: 'markup.heading.markdown',
      captures: { 1: { name: 'punctuation.definition.heading.markdown' }, 2: { name: 'entity.name.section.markdown', patterns: [{ include: '#inline' }] } },
    },
    paragraph: { begin: '^(?=\\S)', end: '$', name: 'meta.paragraph.markdown', patterns: [{ include: '#inline' }] },
    inline: {
      patterns: [
        { match: '(`+)((?:[^`]|(?!(?<!`)\\1(?!`))`)*+)(\\1)', name: 'markup.inline.raw.string.markdown' },
        { match: '(\\[)([^\\]]*)(\\])(\\()([^)]*)(\\))', name: 'meta.link.inline.markdown', captures: { 5: { name: 'markup.underline.link.markdown' } } },
      ],
    },
  },
};

function realMarkdownGrammar(): string | undefined {
  const cache = process.env.HANDOFF_TEST_HOST_CACHE ?? join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'handoff-navigator', 'test-host');
  for (const version of ['1.100.3', '1.139.1']) {
    const path = join(cache, version, 'node_modules', 'code-server', 'lib', 'vscode', 'extensions', 'markdown-basics', 'syntaxes', 'markdown.tmLanguage.json');
    if (existsSync(path)) return path;
  }
  return undefined;
}

let onigReady: Promise<void> | undefined;
function loadOniguruma(): Promise<void> {
  onigReady ??= oniguruma.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer as ArrayBuffer);
  return onigReady;
}

async function markdownGrammar(markdown: object): Promise<textmate.IGrammar> {
  await loadOniguruma();
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName === MARKDOWN_SCOPE) return textmate.parseRawGrammar(JSON.stringify(markdown), 'markdown.json');
      if (scopeName === INJECTION_SCOPE) return textmate.parseRawGrammar(readFileSync(INJECTION, 'utf8'), INJECTION);
      return null;
    },
    // As package.json's `grammars` contribution does: { injectTo: ["text.html.markdown"] }.
    getInjections: (scopeName) => (scopeName === MARKDOWN_SCOPE ? [INJECTION_SCOPE] : undefined),
  });
  const grammar = await registry.loadGrammar(MARKDOWN_SCOPE);
  assert.ok(grammar, 'the Markdown grammar did not load');
  return grammar;
}

interface Token {
  text: string;
  scopes: string[];
}

function tokenize(grammar: textmate.IGrammar, text: string): Token[][] {
  let state = textmate.INITIAL;
  return text.split('\n').map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The texts of the tokens carrying `scope`, per document. */
function withScope(lines: Token[][], scope: string): string[] {
  return lines.flat().filter((t) => t.scopes.includes(scope)).map((t) => t.text);
}

function suiteFor(name: string, load: () => object) {
  describe(`injection grammar on ${name}`, () => {
    let grammar: textmate.IGrammar;
    before(async () => {
      grammar = await markdownGrammar(load());
    });

    it('scopes plausible SHAs in prose, in code spans and at both ends of a range', () => {
      const lines = tokenize(grammar, [
        'Landed in af65598 and `b1c2d3e4`; compare 0a1b2c3..9f8e7d6.',
        'Full: 0123456789abcdef0123456789abcdef01234567 done',
      ].join('\n'));
      assert.deepEqual(withScope(lines, SHA), ['af65598', 'b1c2d3e4', '0a1b2c3', '9f8e7d6', '0123456789abcdef0123456789abcdef01234567']);
      // The code span keeps Markdown's look around the SHA.
      const span = lines[0]!.find((t) => t.text === 'b1c2d3e4')!;
      assert.ok(span.scopes.includes('markup.inline.raw.string.markdown'), span.scopes.join(' '));
    });

    it('leaves hex that is no plausible SHA alone', () => {
      const lines = tokenize(grammar, [
        'Numbers 1234567 and words deadbeef, facade and abcdefab have no digit or no letter.',
        'Too short abc123, too long 0123456789abcdef0123456789abcdef012345678, in a word xaf65598 or af65598x.',
        'Paths src/af65598/x.ts, ids #af65598 and upper AF65598 stay plain.',
      ].join('\n'));
      assert.deepEqual(withScope(lines, SHA), []);
    });

    it('scopes breadcrumbs with folders, lines, ranges and symbols, in prose and code spans', () => {
      const lines = tokenize(grammar, [
        'See app/arq_setup.py:113 and `src/parser.ts:49-51`, then arq_setup.py:7 and tests/x.py::test_name.',
        'Also `index.ts`, ./lib/util.js#L10 and `helper.ts:5`.',
      ].join('\n'));
      assert.deepEqual(withScope(lines, CRUMB), [
        'app/arq_setup.py:113', 'src/parser.ts:49-51', 'arq_setup.py:7', 'tests/x.py::test_name', 'index.ts', './lib/util.js#L10', 'helper.ts:5',
      ]);
    });

    it('does not take URLs, e-mail addresses, versions or abbreviations for breadcrumbs', () => {
      const lines = tokenize(grammar, 'Visit https://example.com/docs/page.html or mail a.b@example.com about v1.2.3, e.g. the README.md.');
      assert.deepEqual(withScope(lines, CRUMB), []);
    });

    it('scopes phase labels in headings and prose', () => {
      const lines = tokenize(grammar, [
        '## Phase 5: Easy-playbook endpoints',
        '',
        'Resume from Wave D.2, then Task 80 and Session 3.',
        'The next step 2 and Phases 4 stay plain; so does Phase5.',
      ].join('\n'));
      assert.deepEqual(withScope(lines, PHASE), ['Phase 5', 'Wave D.2', 'Task 80', 'Session 3']);
      const heading = lines[0]!.find((t) => t.text === 'Phase 5')!;
      assert.ok(heading.scopes.includes('entity.name.section.markdown'), 'the label keeps its heading scope underneath');
    });

    it('leaves fenced code blocks to their own language', () => {
      const lines = tokenize(grammar, ['```', 'af65598 src/app.ts:12 Phase 5', '```'].join('\n'));
      assert.deepEqual([...withScope(lines, SHA), ...withScope(lines, CRUMB), ...withScope(lines, PHASE)], []);
    });
  });
}

suiteFor('a stand-in Markdown grammar', () => STAND_IN_MARKDOWN);

const real = realMarkdownGrammar();
if (real) suiteFor(`VS Code's Markdown grammar (${real.split('/test-host/')[1]?.split('/')[0] ?? real})`, () => JSON.parse(readFileSync(real, 'utf8')));
else describe('injection grammar on VS Code\'s Markdown grammar', () => it.skip('needs the test host\'s VS Code install (npm test installs it)'));
