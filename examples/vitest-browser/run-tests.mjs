// npm test: runs the browser tests in Debian's Chromium. Without a Chromium that starts, says why and skips
// (exit 0 with an "EXAMPLE SKIPPED:" line that scripts/examples.mjs reports), instead of failing obscurely.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Only Debian's own path is ours to install into; a CHROMIUM_PATH the user chose is theirs.
if (!process.env.CHROMIUM_PATH && !existsSync(chromium) && process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log(`No browser at ${chromium}: installing Debian's chromium package (apt-get install chromium)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-q'], ['install', '-y', '-q', '--no-install-recommends', 'chromium']]) {
    const apt = spawnSync('apt-get', args, { env, encoding: 'utf8' });
    if (apt.status !== 0) {
      console.log(`apt-get ${args.join(' ')} failed:\n${(apt.stderr || apt.stdout).trim().split('\n').slice(-5).join('\n')}`);
      break;
    }
  }
}

if (!existsSync(chromium)) {
  skip(`no Chromium at ${chromium}. Install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH.`);
}

// A quick start-and-quit, so a browser that cannot run here (missing libraries, no /dev/shm) is named as the reason.
const probe = spawnSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--dump-dom', 'about:blank'], {
  encoding: 'utf8',
  timeout: 60_000,
});
if (probe.error || probe.status !== 0 || !probe.stdout.includes('<html')) {
  const why = probe.error?.message ?? (probe.stderr.trim().split('\n').filter((l) => !/dbus/i.test(l)).pop() || `exit code ${probe.status}`);
  skip(`Chromium at ${chromium} did not start: ${why}`);
}

const bin = fileURLToPath(new URL('./node_modules/.bin/vitest', import.meta.url));
const vitest = spawnSync(bin, ['run', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(vitest.status ?? 1);

function skip(reason) {
  console.log(`EXAMPLE SKIPPED: ${reason}`);
  process.exit(0);
}
