/**
 * Item-dense handoffs of a given size, one per shape a hostile or machine-written document can take: each fills
 * the bytes with one kind of item (SHAs, breadcrumbs, steps, ref rows, headings, links…), so the cost per item
 * and the item caps show. Deterministic: the same size gives the same texts.
 *
 *   tsx test/bench/dense.ts 1000000 /tmp/dense     # writes one file per shape there
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const hex = (i: number, n = 7) => createHash('sha1').update(String(i)).digest('hex').slice(0, n);

/** Repeats `line(i)` until the text reaches `bytes`. */
function fill(bytes: number, head: string, line: (i: number) => string): string {
  const parts = [head];
  let size = head.length;
  for (let i = 0; size < bytes; i++) {
    const l = line(i);
    parts.push(l);
    size += l.length;
  }
  return parts.join('');
}

export const DENSE_SHAPES: Record<string, (bytes: number) => string> = {
  'shas-prose': (b) => fill(b, '# Commits\n\n', (i) => `${hex(i)}${i % 10 === 9 ? '\n' : ' '}`),
  'shas-keyword': (b) => fill(b, '# Commits\n\n', (i) => `- commit \`${hex(i)}\` landed\n`),
  'shas-log': (b) => fill(b, '# Log\n\n```\n', (i) => `${hex(i)} feat: change ${i}\n`),
  'shas-table': (b) => fill(b, '# Commits\n\n| Commit | What |\n|---|---|\n', (i) => `| ${hex(i)} | change ${i} |\n`),
  'shas-one-line': (b) => fill(b, '# Commits\n\n', (i) => `${hex(i, 40)} `),
  'breadcrumbs': (b) => fill(b, '# Files\n\n', (i) => `- \`src/mod${i % 97}/file${i}.ts:${(i % 300) + 1}\`\n`),
  'breadcrumbs-prose': (b) => fill(b, '# Files\n\n', (i) => `lock.json:${i + 1}${i % 8 === 7 ? '\n' : ' '}`),
  'links': (b) => fill(b, '# Links\n\n', (i) => `[f${i}](docs/f${i}.md#L${i % 50 + 1}) `),
  'steps': (b) => fill(b, '# Next steps\n\n', (i) => `- [ ] step ${i}\n`),
  'numbered-steps': (b) => fill(b, '# Next steps\n\n', (i) => `${i + 1}. do thing ${i}\n`),
  'refs': (b) => fill(b, '# Branches\n\n| Branch | Tip |\n|---|---|\n', (i) => `| feature/b${i} | ${hex(i)} |\n`),
  'headings': (b) => fill(b, '', (i) => `## Phase ${i}\n`),
  'headings-nested': (b) => fill(b, '', (i) => `${'#'.repeat((i % 6) + 1)} Task ${i}\n\ntext\n\n`),
  'nested-list': (b) => fill(b, '# Deep\n\n', (i) => `${'  '.repeat(i % 40)}- item ${i} \`a/b${i}.ts\`\n`),
  'prose': (b) => fill(b, '# Notes\n\n', (i) => `The session ${i} touched nothing in particular and said so at length.${i % 5 === 4 ? '\n\n' : ' '}`),
  // Shapes found by hand past the goal (2026-12-07): each a cost per item that other shapes did not show.
  'wide-table': (b) => { const n = Math.floor(b / 8); return `# Matrix\n\n${'| c '.repeat(n)}|\n${'|---'.repeat(n)}|\n`; },
  'sha-ranges': (b) => fill(b, '# Ranges\n\n', (i) => `${hex(i)}..${hex(i + 1)} `),
  'tables-many': (b) => fill(b, '# Tables\n\n', (i) => `| a | b |\n|---|---|\n| \`src/x${i % 50}.ts:1\` | ${hex(i)} |\n\n`),
  'words-paths-shas': (b) => fill(b, '# Notes\n\n', (i) => `word src/a${i % 40}.ts:${(i % 90) + 1} ${hex(i)} `),
  'crlf-steps': (b) => fill(b, '# Next steps\r\n\r\n', (i) => `- [ ] step \`src/a${i % 30}.ts:1\`\r\n`),
  'mixed': (b) => fill(b, '# Handoff\n\n', (i) => [
    `## Phase ${i}\n`, `- [ ] step ${i} in \`src/a${i}.ts:${i % 90 + 1}\`\n`, `- commit \`${hex(i)}\` on \`main\`\n`, `| b${i} | ${hex(i + 1)} |\n`,
  ][i % 4]!),
};

export function denseDocuments(bytes: number): Array<{ name: string; text: string }> {
  return Object.entries(DENSE_SHAPES).map(([name, make]) => ({ name, text: make(bytes) }));
}

if (require.main === module) {
  const bytes = Number(process.argv[2] ?? 1_000_000);
  const dir = process.argv[3] ?? '.bench/dense';
  mkdirSync(dir, { recursive: true });
  for (const d of denseDocuments(bytes)) writeFileSync(join(dir, `${d.name}.md`), d.text);
  process.stdout.write(`wrote ${Object.keys(DENSE_SHAPES).length} documents of ${bytes} bytes to ${dir}\n`);
}
