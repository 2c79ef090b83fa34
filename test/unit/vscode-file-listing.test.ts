// The editor's file listing lasts one epoch (fileListing.ts): a listing taken while a rename was half done (the old
// file deleted, the new one not written yet) is never used once the store has heard of a change, however recent it
// is; within an epoch, analyses asking at the same time share one listing. Over a real repository.
import { strict as assert } from 'node:assert';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NEVER_CANCELLED } from '../../src/core/interfaces';
import { NodeWorkspaceFiles } from '../../src/node/workspaceFiles';
import { EpochListing } from '../../src/vscode/store/fileListing';
import { smallRepo, type SmallRepo } from '../fixtures/git/hostile';

describe('vscode file listing per epoch', function () {
  this.timeout(30_000);
  let base: string;
  let repo: SmallRepo;
  before(() => {
    base = realpathSync(mkdtempSync(join(tmpdir(), 'epoch-listing-')));
    repo = smallRepo(join(base, 'repo'));
  });
  after(() => base && rmSync(base, { recursive: true, force: true }));

  it('a listing taken mid-rename is not used after the change is reported, however recent', async () => {
    let epoch = 0;
    // An hour: only the epoch can end a listing here.
    const files = new EpochListing(new NodeWorkspaceFiles({ ttlMs: 0 }), () => epoch, 3_600_000);
    const file = (name: string) => `${repo.root}/${name}`;
    assert.ok((await files.listFiles(repo.root)).includes(file('a.txt')));

    // The rename half done: a.txt deleted, moved.txt not written yet. An analysis lists the files now.
    rmSync(join(repo.root, 'a.txt'));
    epoch++; // the deletion is reported
    const midway = await files.listFiles(repo.root);
    assert.ok(!midway.includes(file('a.txt')) && !midway.includes(file('moved.txt')));

    writeFileSync(join(repo.root, 'moved.txt'), 'two\n');
    repo.git.commit(repo.root, 'Move a.txt');
    assert.equal(await files.listFiles(repo.root), midway, 'until a change is reported, the listing is shared');
    epoch++; // the creation and the commit are reported
    const after = await files.listFiles(repo.root);
    assert.ok(after.includes(file('moved.txt')), 'the listing after the reported change has the new file');
    assert.ok(!after.includes(file('a.txt')));
  });

  it('analyses asking at the same time share one listing; line counts pass through', async () => {
    const files = new EpochListing(new NodeWorkspaceFiles({ ttlMs: 0 }), () => 7);
    const [first, second] = [files.listFiles(repo.root), files.listFiles(repo.root)];
    assert.equal(first, second);
    assert.ok((await first).includes(`${repo.root}/b.txt`));
    assert.equal(await files.lineCount(`${repo.root}/b.txt`, NEVER_CANCELLED), 1);
  });
});
