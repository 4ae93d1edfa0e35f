// The Node binaries the version matrix uses (scripts/matrix.mjs), for benchmarks that compare Node majors:
// the npm registry's node-<platform>-<arch> package at an exact version, installed once into
// .cache/node/<version>/ — the same place and the same way as the matrix, so either one's install serves both.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The matrix's Node versions besides the machine's own (keep in step with NODE_VERSIONS in scripts/matrix.mjs). */
export const NODE_VERSIONS = ['22.23.3', '24.21.0', '26.10.0'];

export function nodeBinary(version) {
  return join(
    ROOT,
    '.cache',
    'node',
    version,
    'node_modules',
    `node-${process.platform}-${process.arch}`,
    'bin',
    'node',
  );
}

/** The path of that Node's binary, installed from the npm registry if it is not there yet; checks it reports that version. */
export function ensureNode(version) {
  const bin = nodeBinary(version);
  if (!existsSync(bin)) {
    process.stderr.write(
      `installing node-${process.platform}-${process.arch}@${version} into .cache/node/${version}\n`,
    );
    const install = spawnSync(
      'npm',
      [
        'install',
        '--no-save',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        '--prefix',
        join(ROOT, '.cache', 'node', version),
        `node-${process.platform}-${process.arch}@${version}`,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    if (install.status !== 0) throw new Error(`installing Node ${version} failed: ${install.stderr}`);
  }
  const reported = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  if (reported !== `v${version}`) throw new Error(`${bin} reports ${reported}, expected v${version}`);
  return bin;
}
