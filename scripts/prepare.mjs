// `npm install` runs this (the prepare script): build unless dist/ and web/dist/ are newer than every source,
// then fill the lexicon start-up cache.
// Why: `npx rasad` installs the project into npx's cache once, which runs prepare again; a fresh build there
// would cost a newcomer most of a minute for nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const inputs = ['src', 'web/src', 'web/index.html', 'web/vite.config.ts', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];
const outputs = ['dist/cli/main.js', 'web/dist/index.html'];

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

const built = outputs.every((file) => existsSync(join(root, file)));
const upToDate =
  built &&
  Math.min(...outputs.map((file) => statSync(join(root, file)).mtimeMs)) >
    Math.max(...inputs.filter((file) => existsSync(join(root, file))).map((file) => newest(join(root, file))));

/** Compile the lexicons once into the start-up cache (src/lexicon/cache.ts), so the first `rasad code` is fast too.
 * A failure here only means the first run compiles them. */
function warmLexiconCache() {
  const script = "import('./dist/lexicon/index.js').then((m) => m.loadResources())";
  spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, stdio: 'ignore' });
}

if (upToDate && process.env.RASAD_FORCE_BUILD !== '1') {
  console.log('rasad: build is up to date (RASAD_FORCE_BUILD=1 to rebuild)');
  warmLexiconCache();
} else {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status === 0) warmLexiconCache();
  process.exit(result.status ?? 1);
}
