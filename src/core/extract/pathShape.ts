/**
 * Decides whether a token reads as a file path, and whether that path is in the workspace. Handoffs are full
 * of dotted and slashed look-alikes (module names, hosts, versions, package names, routes, ratios, span names),
 * so a path must end in a file name we recognise: a known extension, a known dotfile, or a known extensionless
 * name. Bare names (no `/`) are held to a stricter list than paths with a directory, because a directory part
 * is already strong evidence.
 */

/** Extensions that make even a bare name (`session.md`, `plugin.json`, `logo.png`) a file. */
const BARE_EXTENSIONS = new Set(
  (
    // code
    'ts tsx mts cts js jsx mjs cjs py pyi pyx rb go rs java kt kts scala swift cpp cc cxx hpp hh cs php lua dart ' +
    'ex exs erl hrl clj cljs elm hs nim zig sol vue svelte astro sh bash zsh fish ps1 psm1 bat cmd sql graphql gql ' +
    'proto ipynb asm wasm groovy tcl vim el ' +
    // config
    'json jsonc json5 yaml yml toml ini cfg conf properties xml plist lock gradle cmake mk tf tfvars hcl nix ' +
    'editorconfig npmrc nvmrc ' +
    // docs and web
    'md mdx markdown rst txt adoc tex pdf doc docx odt rtf csv tsv xls xlsx html htm xhtml css scss sass less ' +
    'ejs hbs njk pug j2 jinja jinja2 tmpl tpl template liquid ' +
    // data, archives, logs
    'jsonl ndjson parquet avro db sqlite sqlite3 log zip tar gz tgz bz2 xz 7z whl jar war dmg pkl pickle npy npz ' +
    'h5 onnx pt ckpt safetensors bin dat sfc smc rom ' +
    // images and media
    'png jpg jpeg gif svg ico webp bmp avif tiff heic mp4 mov webm mp3 wav ogg flac ttf otf woff woff2 eot ' +
    // patches and misc
    'diff patch snap'
  ).split(' '),
);
/** Extensions too ambiguous in prose (`a.m.`, `Apple.in`) for a bare name, but fine after a directory. */
const DIR_ONLY_EXTENSIONS = new Set('c h m mm r s d f pl pm ml mli fs in am so o a out ac csproj sln vb'.split(' '));
/** Hosts are not paths: `api.example.com/x.json`, `github.com/o/r/blob/x.md`. */
const HOST_SUFFIXES = new Set(
  'com org net io dev ai app co uk de fr jp cn ru edu gov us me info biz xyz farm cloud site tech sh ly gg to'.split(' '),
);
/** `Next.js` is a framework, not a file; likewise the other `X.js` library names written in prose. */
const JS_LIBRARIES = new Set(
  ('next node vue react express three d3 chart nuxt nest ember backbone angular socket moment alpine solid p5 ' +
    'anime deno bun meteor knockout handlebars underscore lodash require pixi babylon phaser plotly leaflet day ' +
    'paper fabric konva popper hammer video howler tone matter brain ml5 sigma cytoscape vis mermaid marked ' +
    'highlight prism quill slate draft immer ramda mapbox-gl chartjs hls dash ' +
    'electron gatsby svelte preact mithril hapi koa sails feathers ionic cypress jest mocha chai sinon zod ' +
    'tailwind bootstrap jquery immutable rx redux mobx vite webpack rollup esbuild turbo nx lerna yarn npm pnpm')
    .split(' '),
);
/** `console.log`, `Math.log`, `self.db`, `res.json`: a receiver and a member, not a file (checked on bare names). */
const RECEIVERS = new Set(
  'console logger logging math Math np numpy torch tf self this cls res req resp ctx window document'.split(' '),
);
const MEMBER_EXTENSIONS = new Set('log json db html'.split(' '));
/** Extensionless file names worth a breadcrumb (when backticked, linked or after a directory). */
const PLAIN_NAMES = new Set(
  ('Makefile makefile GNUmakefile Dockerfile Containerfile Procfile Gemfile Rakefile Jenkinsfile Vagrantfile ' +
    'Brewfile Justfile justfile Pipfile Caddyfile Tiltfile LICENSE LICENCE README CHANGELOG CODEOWNERS NOTICE ' +
    'AUTHORS CONTRIBUTING COPYING VERSION OWNERS').split(' '),
);
/** Dotfiles: `.env`, `.env.example`, `.gitignore`, `.envrc` … (checked without the leading dot). */
const DOTFILES = new Set(
  ('env envrc gitignore gitattributes gitmodules gitkeep dockerignore npmrc nvmrc yarnrc editorconfig prettierrc ' +
    'prettierignore eslintrc eslintignore babelrc stylelintrc vscodeignore npmignore mailmap python-version ' +
    'node-version ruby-version tool-versions pre-commit-config.yaml mocharc bashrc zshrc profile bash_profile ' +
    'flake8 pylintrc coveragerc dockerfile htaccess gitlab-ci.yml travis.yml golangci.yml markdownlint.json')
    .split(' '),
);

const DRIVE = /^[A-Za-z]:[\\/]/;
const EXT_SHAPE = /^[A-Za-z][A-Za-z0-9]{0,9}$/;
/** Globs, placeholders, template syntax, shell variables, escapes and Windows separators. */
const NOT_LITERAL = /[*?<>{}$\\]/;

export type PathKind = 'workspace' | 'external';

/**
 * `path` is the token without any `:line`/`::symbol`/`#anchor` suffix. `quoted` is true for backticks and link
 * targets, where the author plainly meant a name, so extensionless names like `Makefile` are accepted.
 */
export function classifyPath(path: string, quoted: boolean): PathKind | null {
  const n = path.length;
  if (n < 2 || n > 400) return null;
  if (path.charCodeAt(n - 1) === 47 /* / */) return null; // a directory
  let body = path;
  let external = false;
  if (DRIVE.test(body)) {
    // A Windows absolute path: outside the workspace, with either separator.
    body = body.slice(3).replace(/\\/g, '/');
    external = true;
  }
  if (NOT_LITERAL.test(body) || body.includes('//')) return null;
  if (!external && body.startsWith('~/')) {
    external = true;
    body = body.slice(2);
  } else if (!external && body.charCodeAt(0) === 126 /* ~ */) {
    return null; // `~L462`, `~12 files`
  } else if (!external && body.charCodeAt(0) === 47) {
    external = true; // absolute, or a site route with a file name (`/learn/otel-eval.html`)
    body = body.slice(1);
  }
  const segments = body.split('/');
  const last = segments[segments.length - 1];
  const hasDir = segments.length > 1;
  for (let i = 0; i < segments.length - 1; i++) {
    const s = segments[i];
    // `a//b`; `plans/.../x.md` is a placeholder, though an elided outside path (`~/.claude/.../x.md`) is kept.
    if (s === '' || (s !== '.' && s !== '..' && /^\.+$/.test(s) && !external)) return null;
    if ((s === '.' || s === '..') && i > 0 && segments[i - 1] !== '..' && segments[i - 1] !== '.') return null;
  }
  if (hasDir && !external && looksLikeHost(segments[0])) return null;
  if (!fileNameOk(last, hasDir || external, quoted)) return null;
  return external ? 'external' : 'workspace';
}

function looksLikeHost(first: string): boolean {
  if (first.charCodeAt(0) === 46 /* . */) return false;
  const dot = first.lastIndexOf('.');
  if (dot <= 0) return false;
  const tld = first.slice(dot + 1).toLowerCase();
  return HOST_SUFFIXES.has(tld) || first.startsWith('www.');
}

function fileNameOk(name: string, hasDir: boolean, quoted: boolean): boolean {
  if (name === '' || name === '.' || name === '..') return false;
  if (name.charCodeAt(0) === 46 /* . */) return DOTFILES.has(name.slice(1)) || /^\.env\.[\w.-]+$/.test(name);
  if (PLAIN_NAMES.has(name)) return hasDir || quoted;
  // `Dockerfile.dev`, `Makefile.local`: the known name decides, not the suffix.
  const dot = name.lastIndexOf('.');
  if (/^(Dockerfile|Containerfile|Makefile|Procfile|Jenkinsfile)[.-]/.test(name)) return true;
  if (dot <= 0) return false;
  const ext = name.slice(dot + 1);
  if (!EXT_SHAPE.test(ext)) return false; // versions (`v0.2.0`), numbers, `json()`
  const lower = ext.toLowerCase();
  const stem = name.slice(0, dot);
  if (!/[A-Za-z0-9]/.test(stem)) return false; // `-.md`, `+.ts`
  if (hasDir) return BARE_EXTENSIONS.has(lower) || DIR_ONLY_EXTENSIONS.has(lower);
  if (!BARE_EXTENSIONS.has(lower)) return false;
  // A bare name: reject one-letter stems in prose (`a.m.`-like abbreviations) and `X.js` library names.
  if (stem.length < 2 && !quoted) return false;
  if (stem.charCodeAt(0) === 40 /* ( */) return false; // `Chrono Trigger (USA).sfc`: the tail of a spaced name
  if ((lower === 'js' || lower === 'ts') && JS_LIBRARIES.has(stem.toLowerCase())) return false;
  if (MEMBER_EXTENSIONS.has(lower) && RECEIVERS.has(stem)) return false;
  return true;
}
