/**
 * What the property tests generate and check (issue 12, item 9): handoff-like Markdown made of the fragments real
 * handoffs and hostile ones are made of, the project's own handoff fixtures mutated, and the properties every
 * analysis must have — it never throws, every range lies in the text, each item's range text is the item, and it
 * takes bounded time.
 */
import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { HandoffModel, Range } from '../../../src/core/model';
import { createLanguageService } from '../../../src/core/service';
import { stripBom } from '../../../src/core/parse/lines';
import { FIXTURES } from './fixtures';
import { flatPhases, rangeContains, rangeMismatches } from './ranges';

const hex = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), minLength: min, maxLength: max });
const word = fc.constantFrom('Phase', 'Wave', 'Task', 'Session', 'Step', 'Milestone', 'Next steps', 'Resume point', 'Archive', 'Completed',
  'commit', 'HEAD', 'main', 'origin/main', 'pushed', 'local-only', 'NOT YET PUSHED', 'DONE', '✅', 'TODO', 'tip', 'merged', 'Status: DONE');
const name = fc.constantFrom('src', 'app', 'docs', 'tests', 'a', '.github/workflows', 'api/app/(auth)', 'lib', '..', '.', '~', 'node_modules');
const ext = fc.constantFrom('.ts', '.py', '.md', '.json', '.yml', '.mll', '.tar.gz', '', '.');
const path = fc.tuple(fc.array(name, { maxLength: 3 }), fc.constantFrom('index', 'app', 'Style Guide', 'lock', 'x', 'graphWebview'), ext)
  .map(([dirs, base, e]) => [...dirs, base + e].join('/'));
const suffix = fc.oneof(fc.constant(''), fc.nat(9999).map((n) => `:${n}`), fc.tuple(fc.nat(99), fc.nat(99)).map(([a, b]) => `:${a}-${b}`),
  fc.constant('::test_name'), fc.constant(':upload_file'), fc.nat(99).map((n) => `#L${n}`));
const crumb = fc.tuple(path, suffix).map(([p, s]) => p + s);
const special = fc.constantFrom('\v', '\f', '\r', '\u2028', '\u2029', '\ufeff', '\0', '\x1b[31m', '\x07', '\t', '\u00a0', '\u200b', '🙂', '👨‍👩‍👧', 'é', 'ｺﾐｯﾄ', '：', '\\', '|', '`', '*', '_', '~', '[', ']', '(', ')', '<', '>', '#', '-', '!');
const inline = fc.oneof(
  word, hex(4, 42), crumb, special,
  crumb.map((c) => `\`${c}\``), hex(7, 40).map((h) => `\`${h}\``), fc.tuple(hex(7, 12), hex(7, 12)).map(([a, b]) => `${a}..${b}`),
  fc.tuple(fc.string({ maxLength: 8 }), crumb).map(([l, c]) => `[${l}](${c})`), fc.string({ maxLength: 12 }).map((s) => `**${s}**`),
  fc.string({ maxLength: 12 }).map((s) => `~~${s}~~`), fc.string({ maxLength: 20 }), fc.constant('<!-- a1b2c3d -->'), fc.constant('https://x.io/a.ts:3'),
);
const text = fc.array(inline, { maxLength: 8 }).map((xs) => xs.join(' '));
const line = fc.oneof(
  { weight: 3, arbitrary: text },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), text).map(([n, t]) => `${'#'.repeat(n)} ${t}`) },
  {
    weight: 3,
    arbitrary: fc.tuple(fc.nat(12), fc.constantFrom('-', '*', '+', '1.', '2)'), fc.constantFrom('', '[ ] ', '[x] ', '[-] ', '[!] ', '[>] ', '[~] '), text)
      .map(([indent, m, box, t]) => `${' '.repeat(indent)}${m} ${box}${t}`),
  },
  fc.array(text, { minLength: 1, maxLength: 4 }).map((cells) => `| ${cells.join(' | ')} |`),
  fc.constantFrom('|---|---|', '| Commit | What |', '| Branch | Tip |', '```', '```bash', '~~~', '---', '***', '> ', '<details>', '</details>', '', '    indented code'),
  fc.tuple(fc.integer({ min: 1, max: 60 }), fc.constantFrom('>', '- ', '  ', '[', '`')).map(([n, s]) => s.repeat(n)),
);
const eol = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r', '\n\n');

/** Handoff-like Markdown: lines of fragments, with any line ending, maybe front matter, maybe a BOM. */
export const markdown: fc.Arbitrary<string> = fc.tuple(
  fc.boolean(), fc.boolean(), fc.array(fc.tuple(line, eol), { maxLength: 40 }), fc.boolean(),
).map(([bom, front, lines, end]) => (bom ? '\ufeff' : '') + (front ? '---\ngit_commit: 1a2b3c4\nbranch: main\n---\n' : '')
  + lines.map(([l, e]) => l + e).join('') + (end ? '' : '\n'));

/** Every fixture handoff, the dialect folders' included. */
const fixtures = (readdirSync(FIXTURES, { recursive: true, withFileTypes: true }) as Dirent[])
  .filter((d) => d.isFile())
  .map((d) => join(d.parentPath ?? d.path, d.name))
  .sort()
  .map((f) => readFileSync(f, 'utf8'));

type Mutation = (s: string) => string;
const at = (s: string, f: number) => Math.floor(f * (s.length + 1));
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(200)).map(([f, n]): Mutation => (s) => s.slice(0, at(s, f)) + s.slice(at(s, f) + n)),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(300)).map(([f, n]): Mutation => (s) => s.slice(0, at(s, f) + n) + s.slice(at(s, f))),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.oneof(inline, line, special)).map(([f, x]): Mutation => (s) => s.slice(0, at(s, f)) + x + s.slice(at(s, f))),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), special).map(([f, c]): Mutation => (s) => s.slice(0, at(s, f)) + c + s.slice(at(s, f) + 1)),
  fc.double({ min: 0, max: 1, noNaN: true }).map((f): Mutation => (s) => s.slice(0, at(s, f))),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })).map(([f, g]): Mutation => (s) => {
    const [a, b] = [at(s, Math.min(f, g)), at(s, Math.max(f, g))];
    return s.slice(b) + s.slice(a, b) + s.slice(0, a); // sections moved around
  }),
);

/** A fixture handoff with a few mutations: deletions, duplications, insertions, special characters, truncation. */
export const mutatedFixture: fc.Arbitrary<string> = fc.tuple(fc.constantFrom(...fixtures), fc.array(mutation, { minLength: 1, maxLength: 6 }))
  .map(([s, ms]) => ms.reduce((t, m) => m(t), s));

/** Every way a range can be wrong: reversed, past the last line, past the end of its line (UTF-16 units). */
function outOfBounds(lines: readonly string[], what: string, r: Range): string | null {
  const ok = (p: Range['start']) => Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.character >= 0
    && p.line < lines.length && p.character <= lines[p.line]!.length;
  if (!ok(r.start) || !ok(r.end)) return `${what}: ${JSON.stringify(r)} is outside the text`;
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) return `${what}: ${JSON.stringify(r)} ends before it starts`;
  return null;
}

export interface Checked {
  problems: string[];
  ms: number;
}

/** The analysis of `input` (no git: pure) and every property it breaks. */
export async function checkAnalysis(input: string): Promise<Checked> {
  const started = performance.now();
  const a = await createLanguageService().analyze({ path: 'docs/HANDOFF.md', version: 0, text: input });
  const ms = performance.now() - started;
  const model: HandoffModel = a.model;
  const textAnalysed = stripBom(input);
  const lines = textAnalysed.split(/\r\n|\r|\n/);
  const problems: string[] = [];
  const check = (what: string, r: Range) => { const p = outOfBounds(lines, what, r); if (p) problems.push(p); };
  for (const c of model.commits) check(`commit ${c.sha}`, c.range);
  for (const f of model.files) check(`file ${f.path}`, f.range);
  for (const s of model.steps) check(`step ${s.text.slice(0, 20)}`, s.range);
  for (const r of model.refs) { check(`ref ${r.name}`, r.range); if (r.shaRange) check(`ref ${r.name} sha`, r.shaRange); }
  for (const h of model.history) check('history', h);
  for (const d of a.diagnostics) check(`diagnostic ${d.code}`, d.range);
  for (const p of flatPhases(model.phases)) {
    check(`phase ${p.label}`, p.range);
    check(`phase ${p.label} section`, p.sectionRange);
    if (!rangeContains(p.sectionRange, p.range)) problems.push(`phase ${p.label}: its range ${JSON.stringify(p.range)} is outside its section ${JSON.stringify(p.sectionRange)}`);
  }
  if (!problems.length) problems.push(...rangeMismatches(textAnalysed, model));
  problems.push(...a.notices.filter((n) => /extraction failed|checks skipped|stopped early/.test(n)));
  return { problems, ms };
}
