// `npm run package`: builds the VSIX users install, with @vscode/vsce from the esbuild bundle
// (vsce runs `vscode:prepublish`, the production build), then checks what went into it.
//
//   node test/host/package.mjs  ->  prints the path of out/handoff-navigator-<version>.vsix
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './paths.mjs';
import { isMain, run } from './proc.mjs';

export const MAX_VSIX_BYTES = 1_000_000;
// The Node and web bundles, the license and the marketplace icon.
const REQUIRED = ['extension/package.json', 'extension/dist/extension.js', 'extension/dist/web/extension.js', 'extension/LICENSE.txt', 'extension/media/icon.png'];
// Sources, tests, dependencies and source maps must never ship: the bundle is self-contained.
const FORBIDDEN = [/^extension\/(src|test|out|node_modules)\//, /\.map$/, /^extension\/\.ci\//];

/** Entry names from a zip's central directory (a VSIX is a zip). */
export function zipEntries(buffer) {
  const eocd = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file: no end-of-central-directory record');
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(offset) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    names.push(buffer.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** Throws unless the VSIX is small and holds exactly the kind of files it should. */
export function checkVsix(file) {
  const { size } = statSync(file);
  if (size >= MAX_VSIX_BYTES) throw new Error(`${file} is ${size} bytes; the limit is ${MAX_VSIX_BYTES}`);
  const entries = zipEntries(readFileSync(file));
  for (const name of REQUIRED) if (!entries.includes(name)) throw new Error(`${file} lacks ${name}`);
  const bad = entries.filter((name) => FORBIDDEN.some((re) => re.test(name)));
  if (bad.length) throw new Error(`${file} ships files it must not: ${bad.join(', ')}`);
  return { size, entries };
}

export async function packageVsix() {
  const { name, version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  const out = join(REPO_ROOT, 'out', `${name}-${version}.vsix`);
  rmSync(out, { force: true });
  // A fresh clone has no out/ yet, and vsce does not create its --out folder.
  mkdirSync(dirname(out), { recursive: true });
  const vsce = join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  // --no-dependencies: esbuild already bundled them; --no-rewrite-relative-links: README images stay relative to
  // the packaged media/, shown from the VSIX itself rather than from the repository's default branch.
  await run(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', out], {
    cwd: REPO_ROOT,
  });
  const { size, entries } = checkVsix(out);
  console.log(`VSIX ${out}: ${size} bytes, ${entries.length} entries`);
  return out;
}

if (isMain(import.meta.url)) {
  packageVsix().catch((err) => {
    console.error(err.stack ?? err);
    process.exit(1);
  });
}
