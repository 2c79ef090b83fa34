// The CLI's code cache (src/cli/codeCache.ts): a second load uses what the first saved and behaves the same; a
// damaged, foreign, linked or odd cache file is never run; an unsafe folder turns the cache off; other builds'
// caches are pruned; the built `handoff-lint` saves one only from a run that analysed a handoff, and prints the same
// report with and without it.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWithCodeCache } from '../../src/cli/codeCache';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

/** A bundle-like module: top-level code, a lazily compiled function, `require` and `__filename` of its own. */
function bundle(dir: string, n: number): string {
  const file = join(dir, 'bundle.js');
  writeFileSync(file, [
    `exports.value = ${n} * 2;`,
    `exports.file = __filename;`,
    `exports.join = require('node:path').join('a', 'b');`,
    `exports.lazy = function lazy(x) { return x.split('').reverse().join('') + ${n}; };`,
  ].join('\n'));
  return file;
}

describe('code cache of the CLI bundle', function () {
  this.timeout(60_000);
  let base: string;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'code-cache-'));
    dir = join(base, 'cache');
    env = { HANDOFF_LINT_CACHE_DIR: dir };
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  const cacheFiles = () => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.cache')) : []);
  const expectWorking = (exports: Record<string, unknown>, file: string, n: number) => {
    assert.equal(exports.value, n * 2);
    assert.equal(exports.file, file);
    assert.equal(exports.join, join('a', 'b'));
    assert.equal((exports.lazy as (s: string) => string)('abc'), `cba${n}`);
  };
  /** Loads once and saves, so the folder holds a sound cache of `file`. */
  const primed = (file: string): string => {
    const first = loadWithCodeCache(file, env);
    (first.exports.lazy as (s: string) => string)('x');
    first.save();
    const [name] = cacheFiles();
    assert.ok(name, 'a cache file written');
    return join(dir, name);
  };

  it('saves on the first load and uses the cache on the next, with the same behaviour', () => {
    const file = bundle(base, 21);
    const first = loadWithCodeCache(file, env);
    assert.equal(first.status, 'absent');
    expectWorking(first.exports, file, 21);
    first.save();
    const [name] = cacheFiles();
    assert.ok(name);
    assert.equal(statSync(join(dir, name)).mode & 0o777, 0o600);
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    const second = loadWithCodeCache(file, env);
    assert.equal(second.status, 'used');
    expectWorking(second.exports, file, 21);
    second.save(); // nothing to write: the file stays as it was
    assert.deepEqual(cacheFiles(), [name]);
  });

  it('a changed bundle of the same length gets a cache of its own, never the old one', () => {
    const file = bundle(base, 21);
    primed(file);
    bundle(base, 37); // same length, other code
    const again = loadWithCodeCache(file, env);
    assert.equal(again.status, 'absent');
    expectWorking(again.exports, file, 37);
  });

  it('a damaged cache file (one byte changed, or cut short) is not run, and is replaced', () => {
    const file = bundle(base, 21);
    const path = primed(file);
    const good = readFileSync(path);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 100] ^= 0xff;
    writeFileSync(path, flipped);
    const damaged = loadWithCodeCache(file, env);
    assert.equal(damaged.status, 'damaged');
    expectWorking(damaged.exports, file, 21);
    damaged.save();
    assert.equal(loadWithCodeCache(file, env).status, 'used');
    writeFileSync(path, good.subarray(0, good.length - 10));
    assert.equal(loadWithCodeCache(file, env).status, 'damaged');
  });

  it('a cache file that is a link, a FIFO or a folder is not read (and nothing hangs)', function () {
    const file = bundle(base, 21);
    const path = primed(file);
    const elsewhere = join(base, 'elsewhere.cache');
    writeFileSync(elsewhere, readFileSync(path));
    rmSync(path);
    symlinkSync(elsewhere, path);
    assert.equal(loadWithCodeCache(file, env).status, 'damaged');
    rmSync(path);
    mkdirSync(path);
    assert.equal(loadWithCodeCache(file, env).status, 'damaged');
    rmSync(path, { recursive: true });
    const fifo = spawnSync('mkfifo', [path]);
    if (fifo.status !== 0) this.skip();
    const r = loadWithCodeCache(file, env);
    assert.equal(r.status, 'damaged');
    expectWorking(r.exports, file, 21);
  });

  it('a folder others may write, a linked folder or a relative one turns the cache off', () => {
    const file = bundle(base, 21);
    mkdirSync(dir);
    chmodSync(dir, 0o777);
    const open = loadWithCodeCache(file, env);
    assert.equal(open.status, 'off');
    expectWorking(open.exports, file, 21);
    open.save();
    assert.deepEqual(cacheFiles(), []);
    const real = join(base, 'real');
    mkdirSync(real, { mode: 0o700 });
    const linked = join(base, 'linked');
    symlinkSync(real, linked);
    assert.equal(loadWithCodeCache(file, { HANDOFF_LINT_CACHE_DIR: linked }).status, 'off');
    assert.equal(loadWithCodeCache(file, { HANDOFF_LINT_CACHE_DIR: 'relative/cache' }).status, 'off');
    assert.equal(loadWithCodeCache(file, { ...env, HANDOFF_LINT_NO_CACHE: '1' }).status, 'off');
  });

  it('HANDOFF_LINT_NO_CACHE turns it off with any value but 0, false, no or empty', () => {
    const file = bundle(base, 21);
    for (const v of ['1', 'true', 'yes']) assert.equal(loadWithCodeCache(file, { ...env, HANDOFF_LINT_NO_CACHE: v }).status, 'off', v);
    for (const v of ['0', 'false', 'no', '']) assert.notEqual(loadWithCodeCache(file, { ...env, HANDOFF_LINT_NO_CACHE: v }).status, 'off', v);
  });

  it('keeps the caches of the four newest builds', () => {
    for (let n = 10; n < 16; n++) {
      const file = bundle(base, n);
      const r = loadWithCodeCache(file, env);
      r.save();
    }
    assert.equal(cacheFiles().length, 4);
    assert.equal(loadWithCodeCache(bundle(base, 15), env).status, 'used');
  });

  it('the built bundle has no dynamic import(), which a script run from the cache has no loader for', () => {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build first');
    const code = readFileSync(join(CLI, '..', 'cli-main.js'), 'utf8').split('\n').filter((l) => !/^\s*(?:\/\/|\*|\/\*)/.test(l));
    const dynamic = code.filter((l) => /(?:^|[^\w$.])import\s*\(/.test(l));
    assert.deepEqual(dynamic, [], 'Node 20 runs a dynamic import in a vm.Script only with an experimental loader (a warning per run)');
  });

  it('a lint run loads no MCP server (its SDK and schemas are in dist/mcp.js, which `handoff-lint mcp` runs) and not the whole of zod', () => {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build first');
    const lintBundle = readFileSync(join(CLI, '..', 'cli-main.js'), 'utf8');
    assert.doesNotMatch(lintBundle, /node_modules\/@modelcontextprotocol|node_modules\/ajv\//);
    assert.doesNotMatch(lintBundle, /node_modules\/zod\/v4\/classic\//, "zod's tree-shakable build only (zod/mini)");
    assert.match(readFileSync(join(CLI, '..', 'mcp.js'), 'utf8'), /node_modules\/@modelcontextprotocol/);
    const help = spawnSync(process.execPath, [CLI, 'mcp', '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout + help.stderr, /^Usage: handoff-lint mcp/m);
  });

  it('a cache is named by the V8 flags the process set at run time (V8 rejects a cache made under other flags)', () => {
    const file = bundle(base, 5);
    const plain = loadWithCodeCache(file, env);
    plain.save();
    const tuned = loadWithCodeCache(file, env, ['--interrupt-budget=270336']);
    assert.equal(tuned.status, 'absent', 'not the cache of the run without the flag');
    tuned.save();
    assert.equal(cacheFiles().length, 2);
    assert.equal(loadWithCodeCache(file, env, ['--interrupt-budget=270336']).status, 'used');
  });

  it('the built handoff-lint sets its V8 flags (engineFlags.ts) before compiling its bundle', () => {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build first');
    const doc = join(base, 'HANDOFF.md');
    writeFileSync(doc, '# Handoff\n\n- [ ] Ship it\n');
    const r = spawnSync(process.execPath, [CLI, '--no-git', '--format', 'json', doc], {
      env: { ...process.env, ...env, HANDOFF_LINT_DEBUG_CACHE: '1' }, encoding: 'utf8',
    });
    assert.match(r.stderr, /code cache absent \(V8 --interrupt-budget=270336 --no-regexp-tier-up\)/);
  });

  it('the built handoff-lint saves no cache from a run that analysed nothing (--version, --help), and one from the first that did', () => {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build first');
    const doc = join(base, 'HANDOFF.md');
    writeFileSync(doc, '# Handoff\n\n- [ ] Ship it\n');
    const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
    assert.equal(cli('--version').status, 0);
    assert.equal(cli('--help').status, 0);
    assert.equal(cli('--no-such-flag').status, 2);
    assert.deepEqual(cacheFiles(), [], 'no cache from runs that compiled little of the bundle');
    assert.equal(cli('--no-git', '--format', 'json', doc).status, 0);
    assert.equal(cacheFiles().length, 1, 'the first analysis saves the cache');
  });

  it('the built handoff-lint prints the same report with its cache as without', function () {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build first');
    const doc = join(base, 'HANDOFF.md');
    writeFileSync(doc, '# Handoff\n\n## Phase 1\n\n- [ ] Ship `src/app.ts:3` after `abc1234`\n');
    const lint = (extra: NodeJS.ProcessEnv) => spawnSync(process.execPath, [CLI, '--no-git', '--format', 'json', doc], {
      env: { ...process.env, ...env, HANDOFF_LINT_DEBUG_CACHE: '1', ...extra }, encoding: 'utf8',
    });
    const plain = lint({ HANDOFF_LINT_NO_CACHE: '1' });
    const first = lint({});
    const second = lint({});
    assert.match(plain.stderr, /code cache off/);
    assert.match(first.stderr, /code cache absent/);
    assert.match(second.stderr, /code cache used/);
    assert.equal(cacheFiles().length, 1);
    for (const r of [first, second]) {
      assert.equal(r.status, plain.status);
      assert.equal(r.stdout, plain.stdout);
    }
    assert.equal(JSON.parse(plain.stdout).documents[0].steps.length, 1);
  });
});
