// `npm run fuzz`: the property tests of test/unit/fuzz.test.ts with 100,000 cases each and a fresh seed, printed so a
// failure can be replayed (`HANDOFF_FUZZ_SEED=<seed> npm run fuzz`); HANDOFF_FUZZ_RUNS sets the count. `npm test`
// runs the same properties with a fixed seed and 2,000 cases each.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const mocha = require.resolve('mocha/bin/mocha.js');
const seed = process.env.HANDOFF_FUZZ_SEED ?? String(Date.now() % 2_147_483_647);
const runs = process.env.HANDOFF_FUZZ_RUNS ?? '100000';
process.stdout.write(`fuzz: ${runs} cases per property, seed ${seed}\n`);
const r = spawnSync(process.execPath, [mocha, '--no-config', '-r', 'tsx/cjs', '--timeout', '0', 'test/unit/fuzz.test.ts'], {
  stdio: 'inherit', env: { ...process.env, HANDOFF_FUZZ_SEED: seed, HANDOFF_FUZZ_RUNS: runs },
});
process.exit(r.status ?? 1);
