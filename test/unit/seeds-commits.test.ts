/**
 * Commits and refs of the four seed documents (../shared/seeds), expected values written by reading each
 * document, compared as sets. The seeds are not copied into the project: without ../shared the suite is
 * skipped and says so.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../../src/core/parse/parseDocument';
import type { ParsedText } from '../../src/core/parse/blocks';
import { extractCommits } from '../../src/core/extract/commits';
import { extractRefs } from '../../src/core/extract/refs';

const SEEDS = path.join(__dirname, '..', '..', '..', 'shared', 'seeds');

interface Expected {
  file: string;
  what: string;
  /** Every SHA the document uses as a commit. */
  commits: string[];
  /** `name kind claim` for every ref claim. */
  refs: string[];
  /** SHA → an evidence that at least one of its mentions must carry. */
  evidence: Record<string, string>;
}

const EXPECTED: Expected[] = [
  {
    file: '000_18eb067b4f8220f9.txt',
    what: 'text rendering of a session handoff: Branch/Tag SHA table, Commit What table, per-phase "(commit x)" headings, a cherry-pick range',
    commits: ['ad1fd24', '0d57b5e', '8a1b3fc', 'af65598', '1385d50', '1feec2e', 'c8b65a9', '88dadb6', 'd19cfe2', 'bb26cac'],
    refs: [
      'main branch ad1fd24',
      'm3-development branch 0d57b5e',
      'v0.2.0 tag 8a1b3fc',
      'm3-a6-easy-playbook-wizard branch af65598', // the table row and "the … branch is at af65598"
      'm3-a6-easy-playbook-wizard branch pushed=true', // "pushed to origin" in the row's Meaning
    ],
    evidence: { ad1fd24: 'ref-claim', '1385d50': 'column', c8b65a9: 'keyword', bb26cac: 'keyword', '1feec2e': 'range', af65598: 'range' },
  },
  {
    file: '001_198d3c6bff5f8d9c.txt',
    what: 'text rendering of a plan: one SHA, "main is at 753cec3"',
    commits: ['753cec3'],
    refs: ['main branch 753cec3'],
    evidence: { '753cec3': 'ref-claim' },
  },
  {
    file: '002_ab712730e59c0125.txt',
    what: 'HANDOFF.md after a preamble: Branch label, local tip, remote at an all-digit SHA, local-only commits',
    commits: ['0f00ee5', '665530f', '8914391', 'e8ba74e'],
    refs: [
      'feat/escalation-metric-endpoint branch 665530f', // "Local tip is `665530f`"
      'origin/feat/escalation-metric-endpoint remote 8914391', // "Remote (origin) is at `8914391`"
      'feat/escalation-metric-endpoint branch pushed=false', // "the last two commits … are local-only"
    ],
    evidence: { '665530f': 'ref-claim', '8914391': 'ref-claim', '0f00ee5': 'log-line', e8ba74e: 'bare' },
  },
  {
    file: '003_6e1e9b5234f92346.txt',
    what: 'session log: only Alembic revision ids in file names and "feedback", no commits',
    commits: [],
    refs: [],
    evidence: {},
  },
];

function refLine(r: { name: string; kind: string; claim: { sha: string } | { pushed: boolean } }): string {
  return `${r.name} ${r.kind} ${'sha' in r.claim ? r.claim.sha : `pushed=${r.claim.pushed}`}`;
}

describe('seeds: commits and refs', function () {
  before(function () {
    if (!existsSync(SEEDS)) {
      console.log(`    seeds-commits: skipped — ${SEEDS} is absent (the shared seeds live outside the repository)`);
      this.skip();
    }
  });

  for (const e of EXPECTED) {
    describe(`${e.file} (${e.what})`, () => {
      let parsed: ParsedText;
      before(function () {
        if (!existsSync(SEEDS)) this.skip();
        parsed = parseDocument(readFileSync(path.join(SEEDS, e.file), 'utf8'));
      });

      it('finds exactly the commits the document uses', () => {
        const found = new Set(extractCommits(parsed, { path: e.file }).map((c) => c.sha));
        assert.deepEqual([...found].sort(), [...e.commits].sort());
      });

      it('gives each commit the evidence its text holds', () => {
        const commits = extractCommits(parsed, { path: e.file });
        for (const [sha, evidence] of Object.entries(e.evidence)) {
          const seen = commits.filter((c) => c.sha === sha).map((c) => c.evidence);
          assert.ok(seen.includes(evidence as never), `${sha}: expected ${evidence} among ${seen.join(', ')}`);
        }
      });

      it('finds exactly the ref claims', () => {
        const found = new Set(extractRefs(parsed, { path: e.file }).map(refLine));
        assert.deepEqual([...found].sort(), [...e.refs].sort());
      });

      it('every range holds what was found', () => {
        for (const c of extractCommits(parsed, { path: e.file })) assert.equal(parsed.text.slice(c.start, c.end), c.sha);
        for (const r of extractRefs(parsed, { path: e.file })) {
          const written = parsed.text.slice(r.start, r.end);
          assert.ok(r.name.toLowerCase().endsWith(written.toLowerCase()), `${r.name} at ${written}`);
          if (r.sha && 'sha' in r.claim) assert.equal(parsed.text.slice(r.sha.start, r.sha.end), r.claim.sha);
        }
      });
    });
  }
});
