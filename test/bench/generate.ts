/**
 * Makes handoffs for the benchmark from the corpus, deterministically: variant i of corpus document i mod n,
 * with its sections shuffled (the text before the first section heading stays first), its SHAs renamed (to
 * other hex of the same length, or to commits of a given repository) and its paths moved to other folders.
 *
 *   tsx test/bench/generate.ts 1000 /tmp/handoffs     # writes 1000 handoffs there
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCorpus, prng, type CorpusDoc } from './util';

export interface Generated {
  name: string;
  text: string;
}

/** Hex that reads as a SHA: 7–40 characters with a letter and a digit (so neither plain numbers nor words). */
const SHA_LIKE = /\b[0-9a-f]{7,40}\b/g;
/** A relative path with at least one folder and an extension: `src/core/service.ts`, `docs/a-b/c.md`. */
const PATH_LIKE = /(?<![\w/.:-])([A-Za-z_][\w-]*)\/((?:[\w.-]+\/)*[\w-]+\.[A-Za-z]{1,5})\b/g;

/** Splits at ATX headings of level 2 and deeper outside fenced code: [preamble, ...sections]. */
export function splitSections(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  const parts: string[] = [];
  let current = '';
  let fence: string | null = null;
  for (const line of lines) {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) fence = fence === null ? f[1]![0]! : f[1]![0] === fence ? null : fence;
    if (fence === null && /^#{2,6}\s/.test(line) && current) {
      parts.push(current);
      current = '';
    }
    current += line;
  }
  parts.push(current);
  return parts;
}

function shuffle<T>(xs: T[], random: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

function hexOf(seed: string, length: number): string {
  let out = '';
  for (let k = 0; out.length < length; k++) out += createHash('sha1').update(`${seed}#${k}`).digest('hex');
  return out.slice(0, length);
}

/**
 * Variant `index` of a text. `shaPool` (full SHAs of a repository): every SHA-like token becomes a prefix of the
 * same length of a pool commit, chosen by the token and the index, so the variant cites real commits.
 */
export function variant(text: string, index: number, shaPool?: readonly string[]): string {
  const random = prng(0x5eed + index * 7919);
  const [preamble = '', ...sections] = splitSections(text);
  const body = preamble + shuffle(sections, random).map((s) => (s.endsWith('\n') ? s : s + '\n')).join('');
  const renamed = body.replace(SHA_LIKE, (token) => {
    if (!/[a-f]/.test(token) || !/[0-9]/.test(token)) return token;
    if (shaPool?.length) {
      const pick = parseInt(hexOf(`${index}:${token}`, 8), 16) % shaPool.length;
      return shaPool[pick]!.slice(0, token.length);
    }
    return hexOf(`${index}:${token}`, token.length);
  });
  const folder = `v${index % 97}`;
  return renamed.replace(PATH_LIKE, (_m, top: string, rest: string) => `${top}-${folder}/${rest}`);
}

/** `count` handoffs: variant i of corpus document i mod n. */
export function generateHandoffs(docs: readonly CorpusDoc[], count: number, shaPool?: readonly string[]): Generated[] {
  const out: Generated[] = [];
  for (let i = 0; i < count; i++) {
    const doc = docs[i % docs.length]!;
    out.push({ name: `${String(i).padStart(5, '0')}-${doc.name.replace(/[^\w.-]/g, '_')}`, text: variant(doc.text, i, shaPool) });
  }
  return out;
}

/** How many SHA-like tokens a text has. */
const shaCount = (text: string) => [...text.matchAll(SHA_LIKE)].filter(([t]) => /[a-f]/.test(t) && /[0-9]/.test(t)).length;

/**
 * One large handoff: whole corpus documents concatenated to `targetBytes`, those citing the most SHAs first
 * (so that the git side of an edit has commits to keep), the last one cut at a section boundary.
 */
export function concatenated(docs: readonly CorpusDoc[], targetBytes: number, shaPool?: readonly string[]): string {
  const order = [...docs].sort((a, b) => shaCount(b.text) - shaCount(a.text) || a.name.localeCompare(b.name));
  let text = '';
  for (let i = 0; Buffer.byteLength(text) < targetBytes; i++) {
    const doc = order[i % order.length]!;
    const room = targetBytes - Buffer.byteLength(text);
    const next = variant(doc.text, 10_000 + i, shaPool);
    // The last piece is cut at a section boundary near the target, so the result stays ~targetBytes.
    if (Buffer.byteLength(next) > room * 1.1) {
      let piece = '';
      for (const s of splitSections(next)) {
        if (Buffer.byteLength(piece + s) > room && piece) break;
        piece += s;
      }
      text += piece.endsWith('\n') ? piece : piece + '\n';
      break;
    }
    text += (next.endsWith('\n') ? next : next + '\n') + '\n';
  }
  return text;
}

if (require.main === module && /generate\.[cm]?[jt]s$/.test(process.argv[1] ?? '')) {
  const [countArg, outDir] = process.argv.slice(2);
  const count = Number(countArg);
  if (!Number.isInteger(count) || count < 1 || !outDir) {
    process.stderr.write('usage: tsx test/bench/generate.ts COUNT OUT_DIR\n');
    process.exit(2);
  }
  mkdirSync(outDir, { recursive: true });
  const docs = generateHandoffs(loadCorpus().docs, count);
  for (const d of docs) writeFileSync(join(outDir, d.name), d.text);
  process.stdout.write(`${docs.length} handoffs in ${outDir}\n`);
}
