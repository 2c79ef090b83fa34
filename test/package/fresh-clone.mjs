// `npm run test:package` (part of `npm test`): what a publisher does, from a fresh clone of the committed tree.
//   1. clones this repository's HEAD commit into a temp folder (uncommitted changes are not in a clone),
//   2. installs its dependencies from the lockfile (`npm ci --prefer-offline`: the npm cache first),
//   3. `npm run package`: the VSIX, checked by test/host/package.mjs (bundles, LICENSE, icon, under 1 MB),
//   4. `npm pack`: the CLI package, checked to hold the bundle, LICENSE and README and to declare no dependency,
//   5. installs that tarball into an empty folder with an empty npm cache and no network (`--offline`): it must
//      need nothing else, then runs `npx --offline handoff-lint` there on a handoff.
// Its last line is `N passed, N failed`, as test:host's.
//
//   node test/package/fresh-clone.mjs [--keep]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const keep = process.argv.includes('--keep');
const NPM = 'npm';
const NPX = 'npx';
/** Each step's limit: a hung install or build fails the run instead of blocking it. */
const STEP_TIMEOUT_MS = 10 * 60_000;

function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: STEP_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024, ...opts });
  if (r.error) throw new Error(`${cmd} ${args.join(' ')}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status ?? r.signal}\n${r.stdout}\n${r.stderr}`);
  return r.stdout.trim();
}

const checks = [];
function step(name, fn) {
  const started = Date.now();
  try {
    const detail = fn();
    checks.push({ name, ok: true });
    console.log(`ok   ${name} (${Math.round((Date.now() - started) / 1000)} s)${detail ? `: ${detail}` : ''}`);
    return true;
  } catch (err) {
    checks.push({ name, ok: false });
    console.log(`FAIL ${name}: ${err.message}`);
    return false;
  }
}

const root = mkdtempSync(join(process.env.HANDOFF_RUN_TMP ?? tmpdir(), 'handoff-fresh-clone-'));
const clone = join(root, 'clone');
const packed = join(root, 'packed');
const empty = join(root, 'empty');
const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
// npm's own environment for the clone's steps; the empty folder gets a fresh cache and home below.
const quiet = ['--no-audit', '--no-fund'];

try {
  const head = sh('git', ['-C', REPO_ROOT, 'rev-parse', 'HEAD']);
  const dirty = sh('git', ['-C', REPO_ROOT, 'status', '--porcelain', '--untracked-files=no']);
  if (dirty) console.log(`note: uncommitted changes in ${REPO_ROOT} are not part of the clone (testing ${head.slice(0, 12)})`);
  let ok = step('clone the committed tree', () => {
    sh('git', ['clone', '--quiet', '--no-checkout', REPO_ROOT, clone]);
    sh('git', ['-C', clone, 'checkout', '--quiet', '--detach', head]);
    return `${head.slice(0, 12)} into ${clone}`;
  });
  ok &&= step('npm ci (lockfile, npm cache first)', () => {
    sh(NPM, ['ci', '--prefer-offline', ...quiet], { cwd: clone });
    return undefined;
  });
  ok &&= step('npm run package (the VSIX)', () => {
    sh(NPM, ['run', 'package'], { cwd: clone });
    const vsix = join(clone, 'out', `handoff-navigator-${version}.vsix`);
    if (!existsSync(vsix)) throw new Error(`no ${vsix}`);
    return vsix;
  });
  let tarball;
  ok &&= step('npm pack (the CLI package)', () => {
    mkdirSync(packed);
    sh(NPM, ['pack', '--pack-destination', packed, ...quiet], { cwd: clone });
    const [name] = readdirSync(packed).filter((f) => f.endsWith('.tgz'));
    if (!name) throw new Error('npm pack made no tarball');
    tarball = join(packed, name);
    const entries = sh('tar', ['-tzf', tarball]).split('\n').sort();
    const expected = ['package/LICENSE', 'package/README.md', 'package/dist/cli-main.js', 'package/dist/cli.js', 'package/dist/git-relay.js', 'package/package.json'];
    if (JSON.stringify(entries) !== JSON.stringify(expected)) throw new Error(`tarball holds ${entries.join(', ')}; expected ${expected.join(', ')}`);
    const manifest = JSON.parse(sh('tar', ['-xzOf', tarball, 'package/package.json']));
    if (Object.keys(manifest.dependencies ?? {}).length) throw new Error(`the CLI package declares dependencies: ${Object.keys(manifest.dependencies).join(', ')}`);
    return `${tarball}: ${entries.length} files, no dependency`;
  });
  ok &&= step('install the tarball into an empty folder, offline, empty npm cache', () => {
    mkdirSync(empty);
    writeFileSync(join(empty, 'package.json'), JSON.stringify({ name: 'empty', version: '1.0.0', private: true }, null, 2));
    sh(NPM, ['install', '--offline', '--cache', join(root, 'npm-cache'), ...quiet, tarball], { cwd: empty, env: isolatedEnv() });
    return undefined;
  });
  ok &&= step('npx handoff-lint from the tarball', () => {
    const env = isolatedEnv();
    const printed = sh(NPX, ['--offline', '--cache', join(root, 'npm-cache'), 'handoff-lint', '--version'], { cwd: empty, env });
    if (!printed.includes(version)) throw new Error(`--version printed ${printed}, not ${version}`);
    writeFileSync(join(empty, 'HANDOFF.md'), '# Handoff\n\n## Next steps\n\n- [x] Packaged the CLI\n- [ ] Publish it\n');
    const report = JSON.parse(sh(NPX, ['--offline', '--cache', join(root, 'npm-cache'), 'handoff-lint', '--no-git', '--format', 'json', 'HANDOFF.md'], { cwd: empty, env }));
    const steps = report.documents?.[0]?.steps ?? [];
    if (steps.length !== 2) throw new Error(`expected the handoff's 2 steps, got ${JSON.stringify(steps).slice(0, 300)}`);
    return `${printed}; HANDOFF.md: ${steps.length} steps`;
  });
} finally {
  if (keep || checks.some((c) => !c.ok)) console.log(`kept ${root}`);
  else rmSync(root, { recursive: true, force: true });
}

/** No inherited npm settings: a fresh home, so no user .npmrc or global prefix helps the install. */
function isolatedEnv() {
  const home = join(root, 'home');
  mkdirSync(home, { recursive: true });
  return { PATH: process.env.PATH, HOME: home, npm_config_update_notifier: 'false' };
}

const passed = checks.filter((c) => c.ok).length;
const failed = checks.length - passed;
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 && checks.length === 6 ? 0 : 1;
