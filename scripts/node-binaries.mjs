// The Node, Bun and Deno binaries the version matrix (scripts/matrix.mjs) and the memory benchmark run on:
// npm registry packages at exact versions, installed once into .cache/<name>/<version>/ (the binary ships
// inside the package: node-<platform>-<arch>, or bun's and deno's platform packages).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = join(ROOT, '.cache');

/** The matrix's Node versions besides the machine's own: latest of each even major at the time of writing. */
export const NODE_VERSIONS = ['22.23.3', '24.21.0', '26.10.0'];

/** `npm install <spec>` into .cache/<name>/<version>/, outside the project's own node_modules. */
export function installIntoCache(name, version, spec) {
  const args = ['install', '--no-save', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];
  const install = spawnSync('npm', [...args, '--prefix', join(CACHE, name, version), spec], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (install.status !== 0) throw new Error(`npm install ${spec} failed: ${install.stderr}`);
  return join(CACHE, name, version, 'node_modules');
}

export function nodeBinary(version) {
  return join(CACHE, 'node', version, 'node_modules', `node-${process.platform}-${process.arch}`, 'bin', 'node');
}

/** The path of that Node's binary, installed from the npm registry if it is not there yet; checks it reports that version. */
export function ensureNode(version) {
  const bin = nodeBinary(version);
  if (!existsSync(bin)) installIntoCache('node', version, `node-${process.platform}-${process.arch}@${version}`);
  const reported = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  if (reported !== `v${version}`) throw new Error(`${bin} reports ${reported}, expected v${version}`);
  return bin;
}
