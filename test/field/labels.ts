/**
 * Phase labels on real handoffs: every phase of every document of ../shared/corpus, as the model gives it and as
 * the Handoffs view shows it (src/vscode/tree/phaseText.ts), checked for raw Markdown markup (backticks, `**`,
 * `__`, `~~`) and for length. Prints the counts and the offenders (at most 20).
 *
 *   tsx test/field/labels.ts [corpus folder]   (default ../shared/corpus beside the checkout)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../src/core/parse/parseDocument';
import { buildModel } from '../../src/core/buildModel';
import type { Phase } from '../../src/core/model';
import { MAX_LABEL, phaseLabel } from '../../src/vscode/tree/phaseText';

const MARKUP = /`|\*\*|__|~~/;
const corpus = process.argv[2] ?? join(__dirname, '..', '..', '..', 'shared', 'corpus');
const files = readdirSync(corpus).filter((f) => f.endsWith('.md')).sort();

let phases = 0;
let units = 0;
let longest = 0;
const markup: string[] = [];
const tooLong: string[] = [];
for (const file of files) {
  const path = file.split('__').slice(2).join('/');
  const { model } = buildModel(parseDocument(readFileSync(join(corpus, file), 'utf8')), { path });
  const stack: Phase[] = [...model.phases];
  while (stack.length) {
    const p = stack.pop()!;
    stack.push(...p.children);
    phases++;
    if (p.kind !== 'section') units++;
    const shown = phaseLabel(p);
    longest = Math.max(longest, shown.length);
    if (MARKUP.test(p.label) || MARKUP.test(shown)) markup.push(`${file}:${p.range.start.line + 1}: ${JSON.stringify(p.label)} → ${JSON.stringify(shown)}`);
    if (shown.length > MAX_LABEL) tooLong.push(`${file}:${p.range.start.line + 1}: ${shown.length} ${JSON.stringify(shown)}`);
  }
}
console.log(`${files.length} documents, ${phases} phases (${units} units, ${phases - units} sections)`);
console.log(`labels with raw markup (model label or tree label): ${markup.length}`);
for (const m of markup.slice(0, 20)) console.log(`  ${m}`);
console.log(`tree labels over ${MAX_LABEL} characters: ${tooLong.length}; longest ${longest}`);
for (const m of tooLong.slice(0, 20)) console.log(`  ${m}`);
process.exitCode = markup.length || tooLong.length ? 1 : 0;
