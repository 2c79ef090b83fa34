// Which analysis answers a provider (freshAnswer.ts): the newest of the version it asks about, taken after the
// last change the store has heard of. A stale landed analysis is not the answer while a refresh is on its way; a
// run that a newer one superseded hands over to that one instead of leaving the provider without an answer; the
// caller's cancellation ends its wait only; and the wait is bounded.
import { strict as assert } from 'node:assert';
import { freshAnswer, freshStep, type FreshRun, type FreshSource, type FreshState } from '../../src/vscode/store/freshAnswer';
import { cancellation } from '../fixtures/cancellation';

interface Result { version: number; epoch: number; id: string }

const NEVER = cancellation().token;

/** A run whose result the test decides. */
function run(version: number, epoch: number): FreshRun<Result> & { land(id: string): void; supersede(): void } {
  let settle!: (r: Result | undefined) => void;
  const promise = new Promise<Result | undefined>((r) => { settle = r; });
  return { version, epoch, promise, land: (id: string) => settle({ version, epoch, id }), supersede: () => settle(undefined) };
}

/** The store's state for one document, as freshAnswer reads it: plain values the test moves. */
function store(version: number) {
  const s = {
    epoch: 1,
    landed: undefined as Result | undefined,
    running: undefined as ReturnType<typeof run> | undefined,
    editDue: false,
    refreshDue: false,
    started: [] as Array<ReturnType<typeof run>>,
    refreshWaiters: [] as Array<() => void>,
    asked: true,
    /** The scheduled refresh starts: one run of the document in the current epoch. */
    refresh() {
      s.refreshDue = false;
      s.running = run(version, s.epoch);
      s.refreshWaiters.splice(0).forEach((w) => w());
      return s.running;
    },
  };
  const source: FreshSource<Result> = {
    stillAsked: () => s.asked,
    epoch: () => s.epoch,
    landed: () => s.landed && { version: s.landed.version, epoch: s.landed.epoch, result: s.landed },
    running: () => s.running,
    editDue: () => s.editDue,
    refreshDue: () => s.refreshDue,
    waitEdit: async () => undefined,
    waitRefresh: () => new Promise<void>((r) => s.refreshWaiters.push(r)),
    analyse: () => {
      const r = run(version, s.epoch);
      s.running = r;
      s.started.push(r);
      return r;
    },
  };
  return { s, source };
}

const settled = () => new Promise((r) => setImmediate(r));

describe('vscode fresh answer', () => {
  const base: FreshState = { version: 3, epoch: 5, editDue: false, refreshDue: false, late: false };

  it('steps: answer a current landed analysis; wait for the edit or refresh on its way; join a current run; else analyse', () => {
    assert.equal(freshStep({ ...base, landed: { version: 3, epoch: 5 } }), 'answer');
    // The right text, but the repository before a commit the store has heard of: not the answer.
    assert.equal(freshStep({ ...base, landed: { version: 3, epoch: 4 }, refreshDue: true }), 'wait-refresh');
    assert.equal(freshStep({ ...base, landed: { version: 3, epoch: 4 } }), 'analyse');
    assert.equal(freshStep({ ...base, landed: { version: 2, epoch: 5 }, editDue: true }), 'wait-edit');
    assert.equal(freshStep({ ...base, running: { version: 3, epoch: 5 }, refreshDue: true }), 'join', 'a run started after the change is current');
    assert.equal(freshStep({ ...base, running: { version: 3, epoch: 4 } }), 'analyse', 'a run started before the change is not');
    assert.equal(freshStep({ ...base, running: { version: 2, epoch: 5 } }), 'analyse');
    // Past the bound: any analysis of this version.
    assert.equal(freshStep({ ...base, landed: { version: 3, epoch: 4 }, refreshDue: true, late: true }), 'answer');
    assert.equal(freshStep({ ...base, running: { version: 3, epoch: 1 }, editDue: true, late: true }), 'join');
  });

  it('does not answer from the analysis landed before a commit while the refresh is due: it waits for the refresh', async () => {
    const { s, source } = store(3);
    s.landed = { version: 3, epoch: 1, id: 'before the commit' };
    s.epoch = 2; // the commit was reported
    s.refreshDue = true;
    const answer = freshAnswer(3, source, NEVER, 5_000);
    await settled();
    assert.deepEqual(s.started, [], 'no analysis of its own while the refresh is on its way');
    const refresh = s.refresh();
    await settled();
    refresh.land('after the commit');
    assert.equal((await answer)?.id, 'after the commit');
  });

  it('hands over to the newer run when the one it joined is superseded, instead of answering nothing', async () => {
    const { s, source } = store(7);
    s.landed = { version: -1, epoch: 1, id: 'from disk' }; // the document was just opened
    const answer = freshAnswer(7, source, NEVER, 5_000);
    await settled();
    assert.equal(s.started.length, 1, 'its own analysis of the open version');
    // A refresh starts meanwhile and supersedes it (its run is cancelled: no result).
    const refresh = s.refresh();
    s.started[0]!.supersede();
    await settled();
    refresh.land('the refresh');
    assert.equal((await answer)?.id, 'the refresh');
  });

  it('a run that landed in an epoch ended meanwhile is not the answer: it analyses again', async () => {
    const { s, source } = store(4);
    const answer = freshAnswer(4, source, NEVER, 5_000);
    await settled();
    s.epoch = 2; // a file was created while the first run was listing files
    s.started[0]!.land('stale listing');
    await settled();
    assert.equal(s.started.length, 2);
    s.started[1]!.land('current listing');
    assert.equal((await answer)?.id, 'current listing');
  });

  it("the caller's cancellation ends its own wait only: the run goes on for the others", async () => {
    const { s, source } = store(2);
    const c = cancellation();
    const first = freshAnswer(2, source, c.token, 5_000);
    await settled();
    const second = freshAnswer(2, source, NEVER, 5_000);
    await settled();
    assert.equal(s.started.length, 1, 'the second caller joins the first one\'s run');
    c.cancel();
    assert.equal(await first, undefined);
    s.started[0]!.land('shared');
    assert.equal((await second)?.id, 'shared');
  });

  it('is bounded: with the epoch moving on at every step it answers with this version\'s analysis, and nothing once the document is gone', async () => {
    const { s, source } = store(9);
    const answer = freshAnswer(9, source, NEVER, 60_000, 4);
    for (let i = 0; i < 4; i++) {
      await settled();
      const last = s.started.at(-1);
      s.epoch++;
      last?.land(`run ${i}`);
    }
    assert.match((await answer)?.id ?? '', /^run \d$/);
    s.asked = false;
    assert.equal(await freshAnswer(9, source, NEVER, 60_000), undefined);
  });
});
