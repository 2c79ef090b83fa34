/** The field study's figures: precision per rule over what Problems shows, and the real problems still shown. */
import { judgementsOf, keyOf, type Judgement } from './judgements';

export interface Shown {
  scenario: string;
  file: string;
  code: string;
  severity: string;
  line: number;
  token: string;
  message: string;
  context: string;
}

const pct = (a: number, b: number) => (b ? (a / b).toFixed(2) : '–');

export function report(shown: readonly Shown[], judgements: readonly Judgement[], about: { runs: number; repos: number; heading?: string }): string {
  const visible = shown.filter((s) => s.severity !== 'hint');
  const judged = judgementsOf(visible, judgements);
  const verdict = new Map(visible.map((s, i) => [s, judged[i]?.verdict]));
  const codes = [...new Set(visible.map((s) => s.code))].sort();
  const rows = ['| rule | shown | right | noise | wrong | not judged | precision |', '|---|---|---|---|---|---|---|'];
  const total = { n: 0, right: 0, noise: 0, wrong: 0, open: 0 };
  const line = (name: string, list: readonly Shown[]) => {
    const c = { n: list.length, right: 0, noise: 0, wrong: 0, open: 0 };
    for (const s of list) {
      const v = verdict.get(s);
      if (v === 'right') c.right++;
      else if (v === 'noise') c.noise++;
      else if (v === 'wrong') c.wrong++;
      else c.open++;
    }
    rows.push(`| ${name} | ${c.n} | ${c.right} | ${c.noise} | ${c.wrong} | ${c.open} | ${pct(c.right, c.right + c.noise + c.wrong)} |`);
    return c;
  };
  for (const code of codes) {
    const c = line(code, visible.filter((s) => s.code === code));
    if (code !== 'unchecked-step') for (const k of Object.keys(total) as Array<keyof typeof total>) total[k] += c[k];
  }
  rows.push(`| **all but unchecked-step** | ${total.n} | ${total.right} | ${total.noise} | ${total.wrong} | ${total.open} | **${pct(total.right, total.right + total.noise + total.wrong)}** |`);
  const all = visible.length;
  const allRight = visible.filter((s) => verdict.get(s) === 'right').length;
  const allJudged = visible.filter((s) => verdict.get(s) !== undefined).length;
  rows.push(`| **everything Problems shows** | ${all} | ${allRight} | | | ${all - allJudged} | **${pct(allRight, allJudged)}** |`);

  // Real problems: every diagnostic ever judged right, plus the ones written down as missed.
  // A problem judged twice on one line (when the tool reported it twice) is still shown when the line's one is.
  const shownKeys = new Set(visible.map(keyOf));
  const real = judgements.filter((j) => j.verdict === 'right' || j.verdict === 'missed');
  const stillShown = real.filter((j) => shownKeys.has(keyOf(j)));
  const lost = real.filter((j) => !shownKeys.has(keyOf(j)));
  const hints = shown.length - visible.length;
  return [
    about.heading ?? `Field study: ${about.runs} runs of ${about.runs / 2} handoffs in ${about.repos} repositories (each at its own commit and at HEAD).`,
    '',
    ...rows,
    '',
    `Real problems still shown: ${stillShown.length} of ${real.length} (${pct(stillShown.length, real.length)})` +
      (lost.length ? `; not shown: ${lost.slice(0, 12).map((j) => `${j.file.slice(0, 40)}…:${j.line} ${j.code} ${j.token}`).join('; ')}${lost.length > 12 ? ` and ${lost.length - 12} more` : ''}` : ''),
    `Hints (not in Problems): ${hints}.`,
  ].join('\n');
}
