/**
 * The words path judgement rests on: extensions, extensionless file names, dotfiles, and the names that look
 * like files but are libraries, hosts or code receivers. Data only; `pathShape` and `pathLookalikes` decide.
 */

/** Extensions that make even a bare name (`session.md`, `plugin.json`, `logo.png`) a file. */
export const BARE_EXTENSIONS = new Set(
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
export const DIR_ONLY_EXTENSIONS = new Set('c h m mm r s d f pl pm ml mli fs in am so o a out ac csproj sln vb'.split(' '));
/** Hosts are not paths: `api.example.com/x.json`, `github.com/o/r/blob/x.md`. */
export const HOST_SUFFIXES = new Set(
  'com org net io dev ai app co uk de fr jp cn ru edu gov us me info biz xyz farm cloud site tech sh ly gg to'.split(' '),
);
/** `Next.js` is a framework, not a file; likewise the other `X.js` library names written in prose. */
export const JS_LIBRARIES = new Set(
  ('next node vue react express three d3 chart nuxt nest ember backbone angular socket moment alpine solid p5 ' +
    'anime deno bun meteor knockout handlebars underscore lodash require pixi babylon phaser plotly leaflet day ' +
    'paper fabric konva popper hammer video howler tone matter brain ml5 sigma cytoscape vis mermaid marked ' +
    'highlight prism quill slate draft immer ramda mapbox-gl chartjs hls dash ' +
    'electron gatsby svelte preact mithril hapi koa sails feathers ionic cypress jest mocha chai sinon zod ' +
    'tailwind bootstrap jquery immutable rx redux mobx vite webpack rollup esbuild turbo nx lerna yarn npm pnpm')
    .split(' '),
);
/** `console.log`, `Math.log`, `self.db`, `res.json`: a receiver and a member, not a file (checked on bare names). */
export const RECEIVERS = new Set(
  ('console logger logging math Math np numpy torch tf self this cls res req resp ctx window document ' +
    // builtin collections: `list.zip`, `items.zip`, `dict.json`
    'list dict tuple str arr array iter items').split(' '),
);
export const MEMBER_EXTENSIONS = new Set('log json db html zip'.split(' '));
/** Extensionless file names worth a breadcrumb (when backticked, linked or after a directory). */
export const PLAIN_NAMES = new Set(
  ('Makefile makefile GNUmakefile Dockerfile Containerfile Procfile Gemfile Rakefile Jenkinsfile Vagrantfile ' +
    'Brewfile Justfile justfile Pipfile Caddyfile Tiltfile LICENSE LICENCE README CHANGELOG CODEOWNERS NOTICE ' +
    'AUTHORS CONTRIBUTING COPYING VERSION OWNERS').split(' '),
);
/** Dotfiles: `.env`, `.env.example`, `.gitignore`, `.envrc` … (checked without the leading dot). */
export const DOTFILES = new Set(
  ('env envrc gitignore gitattributes gitmodules gitkeep dockerignore npmrc nvmrc yarnrc editorconfig prettierrc ' +
    'prettierignore eslintrc eslintignore babelrc stylelintrc vscodeignore npmignore mailmap python-version ' +
    'node-version ruby-version tool-versions pre-commit-config.yaml mocharc bashrc zshrc profile bash_profile ' +
    'flake8 pylintrc coveragerc dockerfile htaccess gitlab-ci.yml travis.yml golangci.yml markdownlint.json')
    .split(' '),
);
