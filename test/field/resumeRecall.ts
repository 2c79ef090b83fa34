/**
 * How many of the real open steps a resuming reader has to do are reported. The hand-made expectations in
 * ../shared/corpus-truth/ name each document's resume section (`resume_section`: "Next Steps", "Pending Work",
 * "11. Next-session entry point"…); every item of that section — a list item at its first level, a table row, or
 * the section's lone paragraph — is a step the reader still has to do. A step is found when `unchecked-step`
 * would report it: a step still to do (the core's `stepsToDo`, what the rule lists) starts on the item's line.
 * Prints the recall per document and the items missed. Not every item of a resume section is a step (a status
 * table, the ✅ list of what was done, context for the implementer): test/field/resumeItems.tsv holds the verdicts
 * on the items that are not plainly steps, and the judged recall counts only steps (`found-below`: the item is a
 * heading whose own paragraph is the reported step).
 *
 *   tsx test/field/resumeRecall.ts [--verbose]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../src/core/parse/parseDocument';
import { buildModel } from '../../src/core/buildModel';
import { stepsToDo } from '../../src/core/extract/currentSteps';

const SHARED = join(__dirname, '..', '..', '..', 'shared');
const verbose = process.argv.includes('--verbose');
const HEADING = /^(#{1,6})\s+(.*)$/;
const ITEM = /^(?:[-*+]|\d{1,3}[.)])\s+\S/;
const plain = (t: string) => t.replace(/[*_`~#]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();

const judged = new Map<string, string>();
for (const row of readFileSync(join(__dirname, 'resumeItems.tsv'), 'utf8').split('\n').slice(1)) {
  const [file, line, verdict] = row.split('\t');
  if (file && line && verdict) judged.set(`${file}:${line}`, verdict);
}
let items = 0;
let found = 0;
let steps = 0;
let stepsFound = 0;
const unjudged: string[] = [];
const lines: string[] = [];
for (const name of readdirSync(join(SHARED, 'corpus-truth')).filter((f) => f.endsWith('.json')).sort()) {
  let truth: { file: string; resume_section?: string | null };
  try { truth = JSON.parse(readFileSync(join(SHARED, 'corpus-truth', name), 'utf8')); } catch { continue; }
  const path = join(SHARED, 'corpus', truth.file);
  if (!truth.resume_section || !existsSync(path)) continue;
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const rows = text.split(/\r\n|\r|\n/);
  const want = plain(truth.resume_section);
  const start = rows.findIndex((l) => { const m = HEADING.exec(l); return !!m && plain(m[2]).includes(want); });
  if (start < 0) { lines.push(`${truth.file}: resume section "${truth.resume_section}" not found as a heading`); continue; }
  const level = HEADING.exec(rows[start])![1].length;
  let end = start + 1;
  while (end < rows.length && !(HEADING.exec(rows[end]) && HEADING.exec(rows[end])![1].length <= level)) end++;
  // The section's items: first-level list items and table body rows outside code fences; else its first paragraph.
  const section: number[] = [];
  let fenced = false;
  for (let i = start + 1; i < end; i++) {
    const l = rows[i];
    if (/^\s*(```|~~~)/.test(l)) { fenced = !fenced; continue; }
    if (fenced || HEADING.test(l)) continue;
    if (ITEM.test(l) || (/^\|/.test(l) && !/^\|[\s:|-]+\|?\s*$/.test(l) && !/^\|[\s:|-]+\|?\s*$/.test(rows[i + 1] ?? ''))) section.push(i);
  }
  if (section.length === 0) {
    const first = rows.findIndex((l, i) => i > start && i < end && l.trim() !== '');
    if (first >= 0) section.push(first);
  }
  const { model } = buildModel(parseDocument(text), { path: truth.file.split('__').slice(2).join('/') });
  const reported = new Set(stepsToDo(model).map((s) => s.range.start.line));
  const hit = section.filter((i) => reported.has(i));
  items += section.length;
  found += hit.length;
  for (const i of section) {
    const verdict = judged.get(`${truth.file}:${i + 1}`);
    if (verdict === 'not-step') continue;
    steps++;
    if (reported.has(i) || verdict === 'found-below') stepsFound++;
    else if (verdict !== 'step') unjudged.push(`${truth.file}:${i + 1}`);
  }
  lines.push(`${truth.file.slice(0, 70)}: ${hit.length}/${section.length} of "${truth.resume_section}"`);
  if (verbose) for (const i of section.filter((j) => !reported.has(j))) lines.push(`    missed ${i + 1}: ${rows[i].slice(0, 110)}`);
}
console.log(lines.join('\n'));
console.log(`resume-section items reported as open steps: ${found} of ${items} (${items ? (found / items).toFixed(2) : '–'})`);
console.log(`real open steps (items judged in resumeItems.tsv) reported: ${stepsFound} of ${steps} (${steps ? (stepsFound / steps).toFixed(2) : '–'})`);
if (unjudged.length) console.log(`missed items not judged yet (add them to resumeItems.tsv): ${unjudged.join(', ')}`);
