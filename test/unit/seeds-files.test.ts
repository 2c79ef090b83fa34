// File breadcrumbs on the four seed handoffs (../shared/seeds, outside this repository). The expectations
// below were written by reading each document: the breadcrumbs a reader clearly sees (each must be found,
// with its line/symbol where one is written), and look-alikes (routes, modules, branches, hosts, code
// expressions) that must not come out as workspace files. Extra findings are not failures here: the corpus
// script measures those.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from '../../src/core/parse/parseDocument';
import { extractFiles } from '../../src/core/extract/files';
import type { FoundFile } from '../../src/core/extract/types';

const seedsDir = join(__dirname, '..', '..', '..', 'shared', 'seeds');

interface SeedExpectation {
  file: string;
  /** Workspace paths (as written) that must be found. */
  files: string[];
  /** `path`, and the line / symbol written with it, for breadcrumbs that carry one. */
  withSuffix?: Array<{ path: string; line?: number; endLine?: number; symbol?: string }>;
  /** Link targets that must be found with source `link`. */
  links?: string[];
  /** Paths that must be found, but only as external. */
  external?: string[];
  /** Strings that must never be a workspace breadcrumb's path. */
  notFiles: string[];
}

const seeds: SeedExpectation[] = [
  {
    // Text rendering of an lq-ai session handoff (phases 1-5 shipped, phase 6 next).
    file: '000_18eb067b4f8220f9.txt',
    files: [
      'docs/SESSION-HANDOFF-2026-05-19-m3-a6-phases-1-5-shipped-phase-6-kickoff.md',
      'app/workers/document_pipeline.py', 'api/app/workers/arq_setup.py', 'docker-compose.yml',
      'api/tests/test_arq_smoke.py', 'docs/architecture.md', 'app/api/playbooks.py', 'app/models/playbook.py',
      'app/schemas/playbooks.py', 'alembic/versions/0034_playbooks_deleted_at.py',
      'tests/test_playbook_crud_endpoints.py', 'tests/test_playbook_models.py', 'docs/api/backend-openapi.yaml',
      'skills/playbook-easy-extract/SKILL.md', 'api/app/playbooks/easy/extractor.py', 'app/playbooks/nodes.py',
      'SKILL.md', 'tests/test_easy_playbook_extractor.py', 'app/playbooks/easy/clustering.py',
      'app/playbooks/easy/assembly.py', 'app/workers/easy_playbook_worker.py', 'app/workers/queue.py',
      'app/workers/arq_setup.py', 'web/src/lib/lq-ai/api/playbooks.ts', 'PlaybookEditor.svelte',
      'PlaybookEditorPosition.svelte', 'PlaybookEditorFallbackTier.svelte',
      'web/src/routes/lq-ai/playbooks/easy/+page.svelte', 'PlaybookDisclaimerBanner.svelte',
      'web/src/routes/lq-ai/playbooks/+page.svelte', 'web/cypress/e2e/m3-a6-easy-playbook-wizard.cy.ts',
      'docs/superpowers/plans/2026-05-19-m3-a6-easy-playbook-wizard.md', 'app/workers/_constants.py', 'api/uv.lock',
      '.gitignore', 'docs/PRD.md', 'api/tests/test_endpoints.py', 'api/tests/test_openapi.py',
      'web/src/lib/lq-ai/components/PlaybookDisclaimerBanner.svelte', 'PlaybookExecuteModal.svelte',
      'feedback_migration_rebuild_all_workers.md', 'project_lq_ai_status.md', 'MEMORY.md',
    ],
    withSuffix: [
      { path: '.github/workflows/ci.yml', line: 113 },
      { path: 'tests/playbooks/test_executor.py', symbol: '_StubGateway' },
      { path: 'tests/test_arq_smoke.py', symbol: 'test_queue_name_is_disjoint_from_arq_default' },
    ],
    external: ['/var/lib/docker/buildkit/containerd-overlayfs/metadata_v2.db'],
    notFiles: [
      'arq:m3a6', '/api/v1/playbooks', '/api/v1/playbooks/easy', '/v1/embeddings', 'v0.2.0', 'LQ.AI', 'LQ.AI\'s',
      'db.flush', 'db.refresh', 'WorkerSettings.functions', 'FromClause.delete', 'noreply@anthropic.com',
      'anthropic.com', '/lq-ai/playbooks', '/lq-ai/playbooks/easy', 'docs/quickstart/', 'docs/quickstart', 'api/',
      '0034_playbooks_deleted_at', '0035_easy_playbook_generations', 'origin/m3-development', 'state.draft_playbook',
      'api/tests/', '/var/lib/docker/buildkit/containerd-overlayfs/metadata_v2.db', 'e.g',
    ],
  },
  {
    // Text rendering of a Phase 3.5 cleanup plan; many spaces between words and paths were lost.
    file: '001_198d3c6bff5f8d9c.txt',
    files: [
      'CLAUDE.md', 'scene_summarize.py', 'regenerate.py', 'turns.py', 'skip_narration.py', 'addressee.py',
      '2026-04-26-v2.5-phase2.5-cleanup.md', 'tests/test_world.py', 'chat/services/scene_summarize.py',
      'tests/test_per_pov_summary.py', 'chat/web/turns.py', 'chat/services/regenerate.py', 'chat/web/skip.py',
      'chat/web/drawer.py', 'chat/services/memory_write.py', 'chat/services/skip_narration.py',
      'tests/test_skip_narration.py', 'chat/services/addressee.py', 'tests/test_addressee.py', 'chat/state/memory.py',
      'chat/services/prompt.py', 'tests/test_prompt.py', 'tests/test_drawer_events_threads_skip.py',
      'tests/test_turn_flow.py', 'tests/test_phase3_integration.py', 'chat/services/turn_common.py',
      'tests/test_regenerate.py', 'tests/test_turn_common.py', 'tests/test_memory_write.py', 'chat/web/meanwhile.py',
      'tests/test_meanwhile_turn_flow.py', 'chat/templates/chat.html', 'chat/static/app.css',
      'tests/test_streaming_ux.py', 'chat/web/render.py', 'chat.html',
    ],
    withSuffix: [
      { path: 'chat/llm/featherless.py', symbol: 'FeatherlessClient.generate' },
      { path: 'chat/state/world.py', symbol: 'get_scene' },
      { path: 'chat/services/prompt.py', symbol: 'consume_pending_meanwhile_digests' },
      { path: 'chat/web/turns.py', symbol: 'post_turn' },
      { path: 'chat/services/regenerate.py', symbol: 'regenerate_assistant_turn' },
    ],
    notFiles: [
      'data.html', 'ev.data', 'chat.id', 'chat.app', 'JSON.parse', 'datetime.now', 'json.dumps', 'client.generate',
      'chat.services.prompt', 'AddresseeDecision.confidence', 'T64.fix', 'phase-3.5', 'v2.5', 'tmpl.innerHTML',
      'document.getElementById', '/chats/', 'e.g', 'tests/test_skip_narration.py(add',
    ],
  },
  {
    // GitHub-style rendering of a HANDOFF.md: Markdown source, with `|` gutters between its lines.
    file: '002_ab712730e59c0125.txt',
    // The repository paths written as link labels (`[`backend/app/core/escalation_bus.py`](../backend/…)`) are
    // the link targets' files: a link gives its target only, listed under `links`.
    files: ['SESSION_LOG.md', 'HANDOFF.md', 'CURRENT_TASK.md', 'DECISIONS.md', 'FlowPilotSessionPage.tsx'],
    links: [
      'CURRENT_TASK.md', 'DECISIONS.md', '../docs/plans/2026-04-27-escalation-mode-wedge-design.md',
      '../backend/app/api/endpoints/session_handoffs.py', '../backend/app/core/escalation_bus.py',
      '../frontend/src/api/aiSessions.ts', '../frontend/src/components/flowpilot/EscalationQueue.tsx',
      '../frontend/src/components/flowpilot/HandoffContextScreen.tsx', '../frontend/src/pages/AssistantChatPage.tsx',
      '../backend/app/services/handoff_manager.py', '../backend/app/api/endpoints/flowpilot_analytics.py',
    ],
    notFiles: [
      'feat/escalation-metric-endpoint', '/escalations', '/analytics/escalations', 'client.stream',
      'axios.isAxiosError', 'HandoffResponse.ai_assessment_data.confidence', 'flowpilot_engine.escalate_session',
      'noreply@anthropic.com', 'AssistantChatPage.handleStartHere', 'e.response', 'e.response?.status',
      'ai_assessment_data.suggested_steps', 'docs/handoff',
    ],
  },
  {
    // Markdown source of a multi-session HANDOFF (workflow-hub), newest session first.
    file: '003_6e1e9b5234f92346.txt',
    files: [
      'agent_runner.py', 'todo.json', 'scripts/agent_runner.py', 'app/services/llm_service.py',
      'app/services/handoff_service.py', 'app/views/api.py', '.gitignore', 'app/models/proof.py',
      'scripts/backfill_proofs.py', 'app/models/__init__.py', 'app/urls.py',
      'alembic/versions/d2657c9e4cb3_add_proofs_table.py', '_spec/DIRECTOR.md', '_spec/AGENTS.md', 'app/models/task.py',
      'alembic/versions/8ff917fb21f0_add_pipeline_stage_to_tasks.py', 'app/services/run_service.py', 'run_detail.html',
      'task_row.html', 'app/templates/run_detail.html', 'app/templates/partials/task_row.html',
      'tests/test_ui_screenshots.py', 'security_report.json', 'bugs.json', 'app/services/webhook_service.py',
      'app/services/agent_service.py',
    ],
    external: ['/Users/mz/.claude/plans/structured-prancing-tiger.md'],
    notFiles: [
      'ai/qwen3-coder:latest', 'ai/qwen3-coder', 'ai/qwen3-vl', 'ai/gemma3', '/api/tasks/{id}/proof-history',
      '/api/tasks/queue', '/ui/run/432/', 'enum.Enum', 'app.services.llm_service', '0.0.0.0:8000', 'localhost:8000',
      '.cache/', '.cache', 'file:line', 'http://localhost:8000/ui/', 'localhost', '/path/to/screenshot.png',
      'alembic/versions/8ff917fb21f0_*.py', 'Llama 3.2', '3.2', 'branch→primary_branch',
    ],
  },
];

describe('seeds: file breadcrumbs', function () {
  before(function () {
    if (!existsSync(seedsDir)) {
      console.log(`  (skipped: the seed handoffs are not here: ${seedsDir})`);
      this.skip();
    }
  });

  for (const seed of seeds) {
    describe(seed.file, () => {
      let found: FoundFile[] = [];
      let text = '';
      before(function () {
        if (!existsSync(seedsDir)) this.skip();
        const parsed = parseDocument(readFileSync(join(seedsDir, seed.file), 'utf8'));
        text = parsed.text;
        found = extractFiles(parsed, { path: seed.file });
      });

      it('finds the breadcrumbs a reader sees', () => {
        const workspace = new Set(found.filter((f) => !f.external).map((f) => f.path));
        const missing = seed.files.filter((p) => !workspace.has(p));
        assert.deepEqual(missing, [], `missing in ${seed.file}`);
      });

      it('reads lines and symbols written with them', () => {
        for (const want of seed.withSuffix ?? []) {
          const hit = found.find((f) => f.path === want.path && (want.line === undefined || f.line === want.line) &&
            (want.symbol === undefined || f.symbol === want.symbol));
          assert.ok(hit, `${want.path} with ${JSON.stringify(want)} not found`);
          if (want.endLine !== undefined) assert.equal(hit.endLine, want.endLine);
        }
      });

      it('reads link targets and keeps absolute paths as external', () => {
        const links = new Set(found.filter((f) => f.source === 'link').map((f) => f.path));
        assert.deepEqual((seed.links ?? []).filter((p) => !links.has(p)), [], 'link targets missing');
        const ext = new Set(found.filter((f) => f.external).map((f) => f.path));
        assert.deepEqual((seed.external ?? []).filter((p) => !ext.has(p)), [], 'external paths missing');
      });

      it('leaves look-alikes out', () => {
        const workspace = new Set(found.filter((f) => !f.external).map((f) => f.path));
        assert.deepEqual(seed.notFiles.filter((p) => workspace.has(p)), [], `look-alikes taken as files in ${seed.file}`);
      });

      it('every range holds its breadcrumb as written', () => {
        for (const f of found) {
          const at = text.slice(f.start, f.end).replace(/\r?\n[ \t>]*/g, '');
          assert.ok(at.startsWith(f.path), `${JSON.stringify(at)} at ${f.start} does not start with ${f.path}`);
        }
      });
    });
  }
});
