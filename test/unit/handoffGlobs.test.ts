// The default globs find each dialect's files and nothing ordinary; every dialect can be turned off by taking its
// glob out of the include list; package.json mirrors the list (the setting's default and the activation events).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, isHandoffPath } from '../../src/core/handoffGlobs';

/** Each dialect's files, as they sit in a repository, and the one default glob that finds them. */
const DIALECTS: Record<string, { glob: string; paths: string[] }> = {
  'GSD state': { glob: '**/.planning/STATE.md', paths: ['.planning/STATE.md', 'apps/web/.planning/STATE.md'] },
  'GSD roadmap': { glob: '**/.planning/ROADMAP.md', paths: ['.planning/ROADMAP.md'] },
  'GSD plans and summaries': {
    glob: '**/.planning/phases/**/*-{PLAN,SUMMARY}.md',
    paths: ['.planning/phases/03-ledger-import/03-02-PLAN.md', '.planning/phases/03-ledger-import/03-01-SUMMARY.md', '.planning/phases/03.1-guard/03.1-01-PLAN.md'],
  },
  'GSD pause file': { glob: '**/.continue-here*.md', paths: ['.planning/phases/03-ledger-import/.continue-here.md', '.continue-here-2026-05-09.md'] },
  'Spec Kit': { glob: '**/specs/[0-9][0-9][0-9]-*/tasks.md', paths: ['specs/004-offline-sync/tasks.md', 'app/specs/012-export/tasks.md'] },
  Kiro: { glob: '**/.kiro/specs/*/tasks.md', paths: ['.kiro/specs/offline-sync/tasks.md'] },
  'Claude Code plans': { glob: '**/.claude/plans/*.md', paths: ['.claude/plans/amber-river-lantern.md'] },
  'Cursor plans': { glob: '**/.cursor/plans/*.md', paths: ['.cursor/plans/cache_warmup_5e1d2c3b.plan.md'] },
  'Cline memory bank': { glob: '**/memory-bank/{activeContext,progress}.md', paths: ['memory-bank/activeContext.md', 'memory-bank/progress.md'] },
  HumanLayer: { glob: '**/thoughts/shared/handoffs/**/*.md', paths: ['thoughts/shared/handoffs/ENG-2041/2026-05-09_14-02-11_ENG-2041_ledger-import.md'] },
  'resume notes': { glob: '**/{NEXT_STEPS,NEXT-STEPS,TODO_NEXT,TODO-NEXT,RESUME_HERE,RESUME-HERE}.md', paths: ['NEXT_STEPS.md', 'docs/NEXT_STEPS.md', 'TODO_NEXT.md', 'RESUME_HERE.md', 'docs/NEXT-STEPS.md'] },
  'session records': { glob: '**/docs/sessions/**/*.md', paths: ['docs/sessions/2026-05-09-ledger-import.md'] },
  'dated logs': { glob: '**/{SESSION_LOG,SESSION-LOG,WORKLOG,DEVLOG}*.md', paths: ['WORKLOG.md', 'docs/SESSION_LOG-2026.md', 'DEVLOG.md'] },
  handovers: { glob: '**/*{HANDOVER,handover,Handover}*.md', paths: ['docs/CORE/AI_HANDOVER.md', 'handover-notes.md'] },
  // Any case, anywhere in the name: `AGENT_HANDOFF.md` is at the root of over a thousand public repositories.
  handoffs: {
    glob: '**/*{HANDOFF,handoff,Handoff}*.md',
    paths: ['HANDOFF.md', 'docs/handoffs-archive/handoff-2026-05-19.md', 'AGENT_HANDOFF.md', 'SESSION_HANDOFF.md', 'SESSION-HANDOFF-2026-05-19.md', 'docs/Session-Handoff.md', 'Handoff.md'],
  },
};

const ORDINARY = [
  'notes.md', 'README.md', 'docs/guide.md', 'CHANGELOG.md', 'specs/README.md', 'specs/004-offline-sync/spec.md', 'specs/004-offline-sync/plan.md',
  'specs/tasks.md', 'docs/specs/tasks.md', '.planning/PROJECT.md', '.planning/REQUIREMENTS.md', '.planning/research/SUMMARY.md',
  '.planning/phases/03-ledger-import/03-CONTEXT.md', '.kiro/specs/offline-sync/design.md', '.kiro/steering/tech.md', '.claude/commands/plan.md',
  '.claude/agents/reviewer.md', '.cursor/rules/style.md', 'docs/plans/cache.md', 'thoughts/shared/plans/2026-05-02-plan.md', 'memory-bank/systemPatterns.md',
  'docs/session-notes.md', 'src/sessions/README.md', 'RESUME.md', 'docs/next-steps-for-the-api.md', 'TODO.md',
];

describe('handoff globs: the dialects', () => {
  for (const [dialect, { glob, paths }] of Object.entries(DIALECTS)) {
    it(`finds ${dialect} by its own glob, and not once that glob is taken out`, () => {
      assert.ok(DEFAULT_INCLUDE.includes(glob), glob);
      const without = DEFAULT_INCLUDE.filter((g) => g !== glob);
      for (const path of paths) {
        assert.ok(isHandoffPath(path), path);
        assert.ok(!isHandoffPath(path, without), `${path} is still found without ${glob}`);
      }
    });
  }

  it('leaves ordinary Markdown out', () => {
    for (const path of ORDINARY) assert.ok(!isHandoffPath(path), path);
  });

  it("leaves out coding agents' instructions on writing handoffs (rules, commands, skills), wherever they sit", () => {
    for (const path of ['.clinerules/98-task-handoff.md', 'app/.cursor/rules/handoff.md', '.roo/rules/memory-bank/activeContext.md',
      '.windsurf/rules/session-handoff.md', '.claude/commands/handoff.md', '.claude/skills/handoff/HANDOFF.md', '.claude/agents/handoff-writer.md',
      '.github/instructions/handoff.md', '.github/prompts/handoff.md', '.qwen/commands/ll/handoff.md', '.gemini/commands/handoff.md',
      '.codex/prompts/handoff.md', '.opencode/command/handoff.md']) {
      assert.ok(!isHandoffPath(path), path);
    }
    // Plans and handoffs beside those folders are still found.
    for (const path of ['.claude/plans/sharded-queue.md', '.cursor/plans/plan.md', 'docs/handoffs/2026-05-19-topic.md', 'HANDOFF.md']) assert.ok(isHandoffPath(path), path);
  });

  it('leaves out handoff templates (named or filed as one); a handoff about templates is still found', () => {
    for (const path of ['docs/HANDOFF_TEMPLATE.md', 'docs/reference/CVF_AGENT_HANDOFF_TEMPLATE.md', 'handoff-template.md', 'HANDOFF.template.md',
      'docs/handoffs/template.md', 'docs/handoffs/TEMPLATE.md', 'bots/_template/context/HANDOFF.md', 'templates/AGENT_HANDOFF.md']) {
      assert.ok(!isHandoffPath(path), path);
    }
    for (const path of ['docs/handoffs/2026-05-19-template-engine.md', 'HANDOFF-templates-rewrite.md', 'src/templates-handoff/HANDOFF.md']) assert.ok(isHandoffPath(path), path);
  });

  it('is mirrored in package.json: the include default and an activation event per glob', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.configuration.properties['handoffNavigator.include'].default, DEFAULT_INCLUDE);
    assert.deepEqual(pkg.contributes.configuration.properties['handoffNavigator.exclude'].default, DEFAULT_EXCLUDE);
    const events = pkg.activationEvents.filter((e: string) => e.startsWith('workspaceContains:')).map((e: string) => e.slice('workspaceContains:'.length));
    assert.deepEqual(events, DEFAULT_INCLUDE);
  });
});
