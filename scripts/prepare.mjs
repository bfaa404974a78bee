// `npm install` runs this (the prepare script): build unless dist/ and web/dist/ are newer than every source.
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

if (upToDate && process.env.RASAD_FORCE_BUILD !== '1') {
  console.log('rasad: build is up to date (RASAD_FORCE_BUILD=1 to rebuild)');
} else {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
