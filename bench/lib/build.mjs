// The inputs of a benchmark run: the release build in bench/out/dist and the
// generated data sets in bench/out/data/<N>, each made once and reused until
// what it is made from changes.

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from '../../tests/e2e/lib/server.mjs';

export const OUT_DIR = join(REPO_ROOT, 'bench/out');
export const BENCH_DIST = join(OUT_DIR, 'dist');

/** What the release build is made from; newer than the build means rebuild. */
const BUILD_INPUTS = ['src', 'style', 'demo', 'tools', 'index.html', 'Cargo.toml', 'Cargo.lock', 'Trunk.toml', 'favicon.svg', 'package-lock.json'];

function newestMtime(path) {
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), info.mtimeMs);
}

function run(command, args) {
  console.log(`$ ${command} ${args.join(' ')}`);
  // npm binaryen's wasm-opt (version_132) must come first on PATH: Debian's breaks the wasm.
  const PATH = `${join(REPO_ROOT, 'node_modules/.bin')}:${process.env.HOME}/.cargo/bin:${process.env.PATH}`;
  const result = spawnSync(command, args, { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, PATH } });
  if (result.status !== 0) throw new Error(`${command} failed with status ${result.status}`);
}

/**
 * The release build in bench/out/dist (never dist/, which tests use), rebuilt
 * when a source is newer than it or `force` is set.
 */
export function ensureBuild({ force = false } = {}) {
  const index = join(BENCH_DIST, 'index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = Math.max(...BUILD_INPUTS.map((input) => newestMtime(join(REPO_ROOT, input))));
  if (!force && built > sources) {
    console.log(`reusing ${BENCH_DIST} (newer than every source)`);
    return BENCH_DIST;
  }
  run('trunk', ['build', '--release', '--offline', '--dist', BENCH_DIST]);
  return BENCH_DIST;
}

/** What the data sets are made from; newer than a data set means make it again. */
const GENERATOR_INPUTS = ['src/source/demo_gen.rs', 'examples/generate_fleet.rs'];

/** The job the generator gives the largest share (30 %): its id holds `size` assets. */
const LARGEST_SHARE_PERCENT = 30;

/**
 * A data set whose largest job holds `size` assets and with `size` endpoints,
 * in bench/out/data/<size>. The generator spreads assets over six jobs, so it
 * is asked for enough in all that the largest job gets `size`.
 *
 * @returns {Promise<{dir: string, jobId: string, assets: number, endpoints: number}>}
 */
export async function ensureDataSet(size, { force = false } = {}) {
  const dir = join(OUT_DIR, 'data', String(size));
  const jobsFile = join(dir, 'jobs.json');
  const made = existsSync(jobsFile) ? statSync(jobsFile).mtimeMs : 0;
  const generator = Math.max(...GENERATOR_INPUTS.map((input) => newestMtime(join(REPO_ROOT, input))));
  if (force || made <= generator || !existsSync(join(dir, 'endpoints.json'))) {
    await rm(dir, { recursive: true, force: true });
    const total = Math.ceil((size * 100) / LARGEST_SHARE_PERCENT);
    run('cargo', ['run', '--quiet', '--release', '--example', 'generate_fleet', '--',
      '--out', dir, '--assets', String(total), '--endpoints', String(size)]);
  } else {
    console.log(`reusing data set ${dir}`);
  }
  const { jobs } = JSON.parse(await readFile(jobsFile, 'utf8'));
  const largest = jobs.reduce((a, b) => ((b.asset_count ?? 0) > (a.asset_count ?? 0) ? b : a));
  const { endpoints } = JSON.parse(await readFile(join(dir, 'endpoints.json'), 'utf8'));
  return { dir, jobId: largest.id, assets: largest.asset_count, endpoints: endpoints.length };
}
