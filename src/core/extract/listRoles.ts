/**
 * Checklists that are not things to do. A plan's "Acceptance criteria" boxes are ticked when the work is
 * verified, an "Expected tests" list says what a run should show, a "Roadmap"/"Backlog"/"Later"/"Deferred"
 * list is what nobody has decided to do now, and "Ground rules" are never done. The steps stay in the model (the tree
 * shows them); `unchecked-step` does not report them as open work.
 *
 * The role comes from the heading the list sits under (an enclosing heading counts, unless a nearer one is
 * itself a to-do heading such as "Next steps"), or from the label just before it: a bold or colon-ended
 * line (`**Done when:**`, `Acceptance criteria:`) or a list item that is only such a label. Labels are matched
 * whole, so "Acceptance tests for the importer" or "Backlog prioritization" name work, not a role.
 */
import type { StepListRole } from '../model';
import type { Block } from '../parse/blocks';
import { memoized } from '../memo';
import { plainTitle } from './titleText';

/**
 * After the phrase: the end, a separator (a full-width colon too: `验收标准：`) and more words, or `for …`/`of …`/`to …`
 * (`Acceptance criteria for Phase 2`, `Ideas to explore`). A hyphen counts only spaced: "Rules-based matcher" names work.
 */
const END = String.raw`(?:$|\s*[:：—–(]|\s+-\s|\s+(?:for|of|to)\b)`;
/** A word before "lessons" or "learnings" that makes the title work ("Apply the lessons", "Document learnings"). */
const NOT_TO_APPLY = String.raw`(?!(?:apply|use|share|document|capture|record|review|write|the|a|an)\b)`;

/** Each role's phrases; a label has the role when it is one of them, whole (see `END`). */
const PHRASES: ReadonlyArray<readonly [StepListRole, readonly string[]]> = [
  ['acceptance', [
    String.raw`acceptance(?:\s+(?:criteria|criterion|conditions?|checks?|checklist|gates?))?`, String.raw`definition\s+of\s+done`, 'dod',
    String.raw`done\s+(?:when|if|criteria)`, String.raw`(?:success|exit|completion|done|verification)\s+criteria`,
    // How success is measured ("Success Metrics" → "Pending: cross-browser compatibility"), not work.
    String.raw`success\s+(?:metrics?|measures?|indicators?|kpis?)`,
    // A gate for another occasion: "Deployment Checklist", "QA checklist — what a human should test before
    // deploying", "Pre-production checklist" (run when that moment comes; `Deploy the checklist app` is work).
    String.raw`(?:pre-?)?(?:deploy(?:ment)?|release|launch|production|go-?live|qa|merge)\s+(?:checklist|checks|gates?)`,
    // The occasion after the checklist: "Security Checklist (Before Production)", "Checklist before merging" (`Run the
    // checklist before release` is work); and in Chinese, "上线前检查清单" (before going live), "发布检查清单".
    String.raw`(?:(?!(?:run|use|do|complete|finish|follow|fill|go|work|update|write|review|check|verify|create|add|the|a|an)\b)[a-z-]+\s+){0,2}checklist\s*(?:\(\s*)?(?:before|pre-?)\s*(?:production|prod|deploy(?:ment|ing)?|release|releasing|launch(?:ing)?|go(?:ing)?[\s-]?live|merg(?:e|ing)|shipping)\s*\)?`,
    String.raw`(?:上线|上線|发布|發布|部署|投产|投產)前?(?:检查|檢查|核对|核對)(?:清单|清單|表)?`,
    // The gate a phase passes before it is called done: "Verification Checklist", "Phase Completion Checklist",
    // "Before marking GREEN complete:", "Before marking any phase complete:" (`Verify the checklist app` is work).
    // "Manual Verification Checklist", "Final verification checklist", "Quality Gates", "Code Review Checklist": what a
    // change must pass, not the change (`Run the quality gates`, "Review checklist items" are work).
    // "Validation Checklist" is the same gate; "Post-Deployment Verification" the one after a deploy (`Validate the
    // importer`, "Deployment verification to add" are work).
    String.raw`(?:(?:manual|final|human|qa|pre-?merge|pre-?release)\s+)?(?:verification|validation)\s+checklist`, String.raw`(?:[a-z0-9-]+\s+){0,2}completion\s+checklist`,
    String.raw`post-?deploy(?:ment)?\s+(?:verification|validation|checks|checklist)`,
    String.raw`quality\s+gates?`, String.raw`(?:code|pr|pull\s+request)\s+review\s+checklist`,
    String.raw`before\s+marking\s+(?:[^:]{1,60}?\s+)?(?:complete|completed|done|finished)`,
    // The gate every commit passes: "Before committing:" over "Component works in Storybook", "No console errors";
    // "Pre-commit checklist" (`Commit the fix before pushing` is work).
    String.raw`before\s+(?:committing|pushing|merging|(?:you\s+|each\s+|every\s+)(?:commit|push|merge))`, String.raw`pre-?(?:commit|push)\s+(?:checklist|checks)`,
    // The same in the other languages handoffs are written in: "Akzeptanzkriterien", "Critères d'acceptation",
    // "Criterios de aceptación", "次段階の完了条件", "验收标准", "완료 기준".
    String.raw`(?:akzeptanz|abnahme)kriterien`, String.raw`crit(?:è|e)res\s+d['’]acceptation`, String.raw`crit(?:e|é)rios?\s+de\s+ace(?:p|i)ta(?:ci(?:ó|o)n|(?:ç|c)(?:ã|a)o)`,
    String.raw`criteri\s+di\s+accettazione`, 'acceptatiecriteria', String.raw`kryteria\s+(?:akceptacji|odbioru|uko(?:ń|n)czenia)`,
    String.raw`(?:[^\s:]{1,12}の)?(?:完了条件|受け?入れ?(?:条件|基準))`, String.raw`(?:验收|驗收|完成)(?:标准|標準|条件|條件)`, String.raw`(?:[^\s:]{1,12}\s){0,2}(?:완료|수용|인수)\s*(?:기준|조건)`,
  ]],
  ['expected-test', [
    String.raw`expected\s+(?:tests?|test\s+(?:results?|output|coverage)|results?|outcomes?|output|behaviou?r|failures?|passes)`,
    // "Test Cases:" over what a request should get ("valid JWT → receives Tenant A data"); `Test cases to add` is work.
    String.raw`test\s+(?:cases?|scenarios?)(?!\s+to\b)`,
  ]],
  ['roadmap', [
    // Roadmap, Product roadmap, Monetization roadmap (`Update the roadmap` is work).
    String.raw`(?:(?:long[\s-]term|(?!(?:update|review|revise|write|draft|create|finish|publish|fix|refresh|define|build|the)\b)[a-z0-9-]+)\s+)?roadmap`,
    // Future work, Future polish, Future UI ideas: what comes after this (`Future-proof the API` is work).
    String.raw`future(?:\s+[a-z][a-z/-]*){0,2}`,
    // "Future / Parked", "Parked ideas": set aside on purpose.
    String.raw`future\s*\/\s*[a-z]+`, String.raw`parked(?:\s+(?:items?|ideas?|work|tasks?|features?))?`,
    // "Coming Soon" over the features a product announces for later ("Coming soon: dark mode" is one of them).
    'later', String.raw`coming\s+soon`, String.raw`someday(?:\s*\/\s*maybe)?`, 'icebox', String.raw`parking\s+lot`, String.raw`wish\s*list`, String.raw`nice[\s-]to[\s-]haves?`,
    String.raw`deferred(?:\s+(?:items?|tasks?|work|features?|enhancements?|ideas?))?`, String.raw`(?:(?:product|project|feature)\s+)?backlog`,
    // "Items to Revisit Later", "Deferred / open loops", "Refactor phase (future)", "Phase 3: Integration & Testing
    // (Future)", "Dark mode (post-MVP)": put off by the title's own word (`Revisit the parser` is work).
    String.raw`(?:(?:items|things|topics|issues|ideas|questions)\s+to\s+revisit(?:\s+later)?|revisit\s+later)`, String.raw`deferred\s*\/\s*[a-z]+(?:\s+[a-z]+)?`,
    String.raw`[^()]{1,60}\s\((?:future|parked|someday|post-?mvp|icebox)\)`,
    String.raw`(?:(?:feature|future|more|open)\s+)?ideas`, String.raw`(?:long|medium|mid)[\s-]term(?:\s+(?:plans?|goals?|work|ideas?|items?|tasks?))?`,
    // "Planned Features" over "Short Term" / "Medium Term" lists: a product roadmap (`Planned work` may be this session's).
    String.raw`(?:planned|upcoming|proposed)\s+(?:features?|enhancements?|improvements?|capabilities)`,
    // A lead-in that files the list under later work: "The following areas are being considered for future
    // development:", "Ideas for future releases:" (`Next steps for future sessions` is this work's plan).
    String.raw`(?:[^:]{0,80}\s)?(?:for|in)\s+(?:the\s+)?future\s+(?:development|work|improvements?|enhancements?|releases?|versions?|iterations?|consideration|phases?|milestones?)`,
    // "Current likely options:" — alternatives to choose among, not all to do (`Add options to the CLI` is work).
    String.raw`(?:(?:current|possible|likely|candidate|other|open)\s+){0,2}options`,
  ]],
  ['rules', [
    String.raw`(?:(?:ground|hard|house|golden|working|standing)\s+)?rules`, 'guardrails', String.raw`do'?s\s+and\s+don'?ts`, String.raw`don'?ts`, 'invariants',
    // The process every change goes through: "Council governance reminder", "Doctrine reminders" (`Reminders` alone may be work).
    String.raw`(?:(?:governance|doctrine|process|council|workflow|policy|review)\s+){1,2}reminders?`,
    // "Important Reminders" over "Always…", "Don't…": kept in mind every session (`Reminders` alone may be work).
    String.raw`(?:important|key|general|standing)\s+reminders`,
  ]],
  // What to know, read or hand on: facts for whoever does the work, not the work.
  ['context', [
    // Why a choice was made: "Why Zustand?", "**Why**:", "Rationale" (reasons, not work; `Why the build fails: fix X` is
    // no question and stays work only under a to-do heading of its own).
    String.raw`why(?:\s+[^\s?:]+){0,6}\s*\?`, 'why', 'rationale', 'motivation', String.raw`(?:key\s+)?(?:benefits|advantages)`, String.raw`pros(?:\s+(?:and|&)\s+cons)?`, String.raw`trade-?offs`,
    String.raw`(?:(?:critical|key|important|essential|useful|more|additional|extra|background)\s+)?context`, 'background',
    // An appendix is reference: "Appendix A: endpoint coverage checklist", "附录 A：接口覆盖清单", "Anhang B".
    String.raw`(?:appendix|annexe?|anhang|ap[ée]ndice|附录|附錄|付録|부록)(?:\s*[a-z0-9]{1,3}(?:\.\d+)?)?`,
    String.raw`(?:key\s+)?(?:gotchas|caveats|pitfalls|quirks)`, String.raw`(?:notable|key|main|interesting)\s+(?:findings|observations)`,
    // "Implementation Tips", "Debugging tips", "Pro tips" (`Add tips to the tour` is work).
    String.raw`(?:(?!(?:add|write|update|show|fix|review|the|a|an)\b)[a-z-]+\s+){0,2}tips`,
    // For when something goes wrong, not what to do next: "Rollback Plan (If Issues)", "If anything breaks:",
    // "Troubleshooting" (`Roll back the migration` is work).
    String.raw`(?:rollback|roll-back|contingency|fallback)(?:\s+(?:plans?|steps|procedures?|instructions))?`, 'troubleshooting',
    String.raw`if\s+(?:anything|something|it|this|that|the\s+[a-z-]+)\s+(?:breaks|fails|goes\s+wrong)`, String.raw`if\s+(?:issues|problems)(?:\s+arise)?`, String.raw`in\s+case\s+of\s+(?:issues|problems|failures?|trouble)`,
    // What is there now, described: "The landing page currently shows:", "What a Salesperson Currently Sees in
    // Sidebar", "Current Issue" (the bug as it stands; `Currently failing tests:`, "Current Status" are work), and
    // "Current State Summary" over "What's Done" and "What's Broken Right Now" (the next steps come under their own heading).
    String.raw`(?:[^:]{0,60}\s)?currently\s+(?:sees?|shows?|displays?|contains?|includes?|looks\s+like)(?:\s+[^:]{1,40})?`,
    String.raw`current\s+(?:issues?|problems?|behaviou?rs?|situation)`, String.raw`current\s+state(?:\s+(?:summary|overview))?`,
    // "Important Notes for Next Session", "Dev Notes": facts and conventions to keep in mind (`Notes to self: …` may
    // be work); "Canvas API — Research Summary": what was found out, its setup steps included.
    String.raw`(?:important|key|critical|general|additional|dev|developer|development|technical|implementation|engineering)\s+notes`,
    String.raw`(?:[^:]{0,60}\s)?research\s+(?:summary|notes|findings)`,
    // Where the repository stands: "Git State" over "Branch: master", "All changes committed locally"; a snapshot
    // of where things stand at the handoff: "Status snapshot" over "`main` is at the v0.7.1 merge", "Tests: …".
    String.raw`(?:git|repo|repository|branch)\s+(?:state|status)`, String.raw`(?:(?:status|state|project|repo|repository)\s+)?snapshot`,
    // What probes or runs established: "04-04 followup probes proved:", "The completed HP-030 drill verified:",
    // "Verification runs", "Test results" (not "To be verified:", "Still needs to be confirmed:").
    String.raw`(?![^:]*\b(?:to\s+be|needs?|must|should|still|not|yet|once)\b)(?:[a-z0-9.-]+\s+){0,4}(?:proved|showed|revealed|confirmed|verified|established|demonstrated)(?:\s+that)?`, String.raw`(?:verification|test|benchmark)\s+(?:runs|results)`,
    // A recipe for any such change: "Each provider follows the same pattern:", "To add a new provider:".
    String.raw`(?:each|every|a)\s+(?:new\s+)?[a-z-]+\s+follows\s+(?:the\s+same|this)\s+(?:pattern|recipe|steps)`,
    String.raw`(?:how\s+)?to\s+add\s+(?:a\s+new|another|more|new)\s+[a-z-]+`, String.raw`(?:${NOT_TO_APPLY}[a-z0-9-]+\s+){0,2}lessons(?:\s+(?:learned|learnt))?(?:\s+from\b[^:]{0,80})?`, String.raw`(?:${NOT_TO_APPLY}[a-z-]+\s+){0,2}learnings`, String.raw`(?:reference|references|further\s+reading)`,
    // What to read before starting: a reading list is never done (`Read the spec, then build the parser` is work).
    String.raw`(?:(?:always|must)\s+)?(?:re-?)?read(?:\s+(?:this|these|them|me))?\s+first`, String.raw`reading\s+list`,
    // GSD's `.continue-here.md` opens with "Required Reading" (the files to load before resuming).
    String.raw`(?:required|recommended|suggested|mandatory|essential)\s+reading`,
    String.raw`(?:(?:key|important|essential)\s+)?(?:files|docs|documents|reports|notes)\s+to\s+(?:re-?)?read(?:\s+first)?`,
    // Where things are: "Key Files" over a table of paths and purposes, "Useful commands", "Files changed" (a record;
    // `Files to modify`, "Key files to update" are work).
    String.raw`(?:key|important|relevant|main|core|useful|handy)\s+(?:files|paths|locations|modules|components|commands|urls|links|endpoints|documents|docs)(?!\s+to\b)`,
    // "Key Reference Documents" over the guides, the invariants and the main source file to have open (`Reference docs to write` is work).
    String.raw`(?:(?:key|important|relevant|main|core|useful|related)\s+)?reference\s+(?:documents?|docs|materials?|files|links|guides?)(?!\s+to\b)`,
    String.raw`files\s+(?:changed|touched|modified|created|added)(?:\s+(?:this\s+session|so\s+far|today))?`,
    // An account of what already happened: "**What happened:**" over an incident's numbered events ("Buyer paid for
    // …", "Operator retried …"), "What went wrong", "Root cause", "Sequence of events", "What we tried" (`Find out
    // what happened to the cache` is work).
    String.raw`what\s+(?:happened|went\s+wrong|broke)(?:\s+(?:here|today|this\s+session))?`, String.raw`root\s+causes?(?:\s+analysis)?`,
    String.raw`(?:incident\s+)?(?:chronology|sequence\s+of\s+events)`, String.raw`what\s+(?:we|i)\s+(?:did|tried)`,
    // A record of what is there now, or was done: "What shipped, with file pointers:", "Implemented:", "What Was
    // Accomplished This Session", "Review Fixes Applied (Round 1)", "Scanner parity — Already Done", "The implemented
    // protocol is:" (`What was not done`, `To be implemented:`, `Fixes to apply`, "The current next steps are:" are work).
    String.raw`what\s+(?:was\s+|were\s+|has\s+been\s+|have\s+been\s+|we\s+|i\s+)?(?:shipped|implemented|delivered|landed|built|done|accomplished|completed|achieved|fixed|changed)(?:\s+(?:this\s+session|so\s+far|today))?(?:,[^:]*)?`,
    // …and what a release or sprint shipped: "Completed in v0.4.0:", "Fixed in this release", "Done in Sprint 3".
    String.raw`(?:shipped|implemented|delivered|landed|accomplished|completed|finished|fixed|done)(?:\s+(?:this\s+session|so\s+far|today|(?:in|with)\s+(?:v?\d+(?:\.\d+)*[\w.-]*|(?:this|the\s+last|last|the\s+previous|previous)\s+(?:release|session|sprint|version|iteration|phase|milestone)|(?:release|sprint|version|phase|milestone|iteration)\s+[\w.-]+)))?`,
    String.raw`(?:session\s+)?accomplishments(?:\s+(?:this\s+session|so\s+far|today))?`,
    String.raw`(?:[a-z-]+\s+){0,2}(?:fixes|changes)\s+(?:applied|made)(?:\s+(?:this\s+session|so\s+far|today))?`,
    String.raw`(?:[^:]{0,60}\s)?already\s+(?:done|complete|completed|implemented|shipped|fixed)`,
    String.raw`the\s+(?:implemented|shipped|existing)\s+[^:]{1,60}?\s+(?:is|are|works\s+like\s+this|works\s+as\s+follows)`,
    // What the work made possible, after it shipped: "Users can now:" over the commands they can run (`Users can
    // now log in, so:` names no list; "Next, users must:" is work).
    String.raw`(?:(?:the\s+)?(?:users?|you|we|they|operators?|developers?|customers?|admins?|agents?)\s+can\s+now(?:\s+(?:use|run|do))?)`,
  ]],
  // What every session does on its way in or out: not this handoff's work.
  ['routine', [
    String.raw`before\s+(?:starting|ending|closing|finishing|leaving|you\s+(?:start|begin|end|finish|leave|close))(?:\s+(?:the\s+|a\s+|your\s+|this\s+|each\s+)?(?:session|work|day|task))?`,
    String.raw`(?:(?:session|handover|handoff|hand-off)\s+)?(?:start(?:-?up)?|end|closing|close|opening|wrap-?up)\s+checklist`,
    String.raw`(?:handover|handoff|hand-off|session|onboarding)\s+checklist`,
    // "Resumption checklist for the next session" over "Read this file", "`git log` — confirm …": how to pick up.
    String.raw`(?:resumption|resume|re-?entry|pick-?up|orientation)\s+checklist`,
    String.raw`(?:at\s+the\s+)?(?:end|start)\s+of\s+(?:each|every|the|a)\s+session`, String.raw`every\s+session`,
    // "Session Setup" over "Start VS Code from the WSL terminal", "Verify environment" (`Set up the session store` is work).
    String.raw`session\s+(?:setup|set-up|start(?:-?up)?|bootstrap)`,
  ]],
];
const ROLES = PHRASES.map(([role, phrases]) => [role, new RegExp(`^(?:${phrases.join('|')})${END}`)] as const);

/** The role a heading or label gives the list under it, or null for an ordinary list (work to do). */
export const listRoleOf: (label: string) => StepListRole | null = memoized((label) => {
  const words = plainTitle(label).toLowerCase();
  for (const [role, re] of ROLES) if (re.test(words)) return role;
  return null;
});

/**
 * Follows the blocks in order and says which role the list item at hand has. `isTodoHeading` names the
 * headings that end an enclosing role ("Next steps" under "Roadmap" is work again).
 */
export class ListRoleTracker {
  /** Headings from the outermost to the innermost, with the role each gives (undefined: a to-do heading). */
  private headings: Array<{ depth: number; role: StepListRole | null | undefined }> = [];
  /** A label line's role, until the list after it ends. */
  private label: { role: StepListRole; itemDepth: number } | null = null;

  constructor(private readonly text: string, private readonly isTodoHeading: (title: string) => boolean) {}

  /** Call for every block in order; returns the role of a list item block (null for other blocks). */
  next(b: Block): StepListRole | null {
    const { text } = this;
    if (b.kind === 'heading') {
      while (this.headings.length && this.headings[this.headings.length - 1].depth >= b.depth) this.headings.pop();
      const title = text.slice(b.contentStart, b.contentEnd);
      // A heading's own role wins over its wording ("Ground rules for the next session" are rules).
      const role = listRoleOf(title);
      this.headings.push({ depth: b.depth, role: role ?? (this.isTodoHeading(title) ? undefined : null) });
      this.label = null;
      return null;
    }
    // A table right after a label is the label's list ("What shipped:" over a table of what shipped).
    if (b.kind === 'tableRow' && this.label?.itemDepth === -1) return this.label.role;
    if (b.kind === 'listItem') {
      if (this.label && this.label.itemDepth >= 0 && b.depth <= this.label.itemDepth) this.label = null;
      const role = this.label?.role ?? this.headingRole();
      const own = b.checkbox ? null : labelRole(text, b.contentStart, b.contentEnd);
      if (own) this.label = { role: own, itemDepth: b.depth }; // an item that is only a label: its sub-items
      return role;
    }
    const own = b.kind === 'paragraph' ? labelRole(text, b.contentStart, b.contentEnd) : null;
    // A block inside a list item (indented) continues the list; one at the margin ends the label's list.
    if (own) this.label = { role: own, itemDepth: -1 };
    else if (!indented(text, b.start)) this.label = null;
    return null;
  }

  /** The role the headings above give whatever comes next (a table row, a paragraph). */
  headingRole(): StepListRole | null {
    for (let i = this.headings.length - 1; i >= 0; i--) {
      const { role } = this.headings[i];
      if (role === undefined) return null;
      if (role) return role;
    }
    return null;
  }
}

/**
 * A short line that labels the list after it: all bold, or ending in a colon. A paragraph's last line counts
 * ("Implement the importer.\n**Acceptance:**" is one paragraph when no blank line separates them).
 */
function labelRole(text: string, start: number, end: number): StepListRole | null {
  // A label ends in `:` or its bold's `**`/`__`: most items and paragraphs are refused on their last character.
  let last = end;
  while (last > start && WHITESPACE.test(text[last - 1])) last--;
  const c = text[last - 1];
  if (c !== ':' && c !== '*' && c !== '_') return null;
  let lineStart = end;
  while (lineStart > start && end - lineStart <= 120 && text[lineStart - 1] !== '\n' && text[lineStart - 1] !== '\r') lineStart--;
  const line = text.slice(lineStart, end).trim();
  // A longer line: only its last sentence may label ("…, choose the next slice from the plan. Current likely options:").
  const whole = end - lineStart <= 120;
  const bold = whole ? /^(?:\*\*|__)(.+?)(?:\*\*|__)\s*:?$/.exec(line) : null;
  if (!bold && !/:\s*$/.test(line)) return null;
  if (bold) return listRoleOf(bold[1]);
  // The label may be the line's last sentence: "This plan completes the reset commands. Users can now:", "**That
  // assumption was wrong.** The probes proved:".
  const lastSentence = /[.!?](?:\*\*|__)?\s+([^.!?]+)$/.exec(line);
  return (whole ? listRoleOf(line) : null) ?? (lastSentence ? listRoleOf(lastSentence[1]) : null);
}

const WHITESPACE = /\s/;

/** Whether the line holding `offset` starts with blanks (bounded: a block starts near its line's start). */
function indented(text: string, offset: number): boolean {
  let at = offset;
  const stop = Math.max(0, offset - 200);
  while (at > stop && text[at - 1] !== '\n' && text[at - 1] !== '\r') at--;
  return text[at] === ' ' || text[at] === '\t';
}
