// Patchboard's performance benchmark: the release build in headless Chromium
// over loopback, on generated fleets of 1k, 10k and 100k assets and endpoints.
//
//   node bench/run.mjs [--sizes 1000,10000,100000] [--runs 3] [--rebuild] [--regenerate]
//
// Prints a table per page, checks the budgets (PASS / MISS with the gap) and
// writes bench/out/results.json. Exits 1 if a budget is missed, 2 on error.
// See BENCHMARKS.md for what each figure means.

import { cp, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { closeBrowser } from '../tests/e2e/lib/browser.mjs';
import { startServer } from '../tests/e2e/lib/server.mjs';
import { ensureBuild, ensureDataSet, OUT_DIR } from './lib/build.mjs';
import { clearSearch, csvExport, filterKeystroke, loadPage, refreshNow, scrollJump, sortClick } from './lib/measure.mjs';
import { cpuCounters, stolenPercent } from './lib/steal.mjs';

const KB = 1024;
const BUDGET = {
  gzippedBytes: 200 * KB,
  firstRowsMs: 1500, // the 100k job, from navigation
  keystrokeMs: 50, // at 100k
  domNodes: 3000, // at any N, exclusive
  growthSlack: 1.5, // per-row cost at the largest N over the one before
};
/** A character that narrows every generated fleet without emptying it. */
const FILTER_KEY = '7';
const TRIALS = 3;
/** Where each scroll trial moves the table to, as a share of its length. */
const SCROLL_TO = [0.5, 0.9, 0.1];

const { values: options } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    runs: { type: 'string', default: '3' },
    rebuild: { type: 'boolean', default: false },
    regenerate: { type: 'boolean', default: false },
  },
});
const SIZES = options.sizes.split(',').map(Number);
const RUNS = Number(options.runs);

const median = (values) => {
  const sorted = values.filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Bytes of the app's wasm, js and css: raw; as shipped in the build's gzip
 * (zopfli) and brotli copies, which a server with precompressed files sends
 * (a file without a copy goes as it is); and gzip level 9 of each response,
 * which a server compressing on the fly sends at best. The budget is the
 * shipped gzip's.
 */
async function bundleSizes(dist) {
  const sizes = {};
  const copySize = async (file, suffix) => (await stat(file + suffix).catch(() => null))?.size ?? null;
  for (const name of await readdir(dist)) {
    const kind = extname(name).slice(1);
    if (!['wasm', 'js', 'css'].includes(kind)) continue;
    const file = join(dist, name);
    const bytes = await readFile(file);
    const entry = (sizes[kind] ??= { files: [], raw: 0, gzip: 0, gzipOnTheFly: 0, brotli: 0 });
    entry.files.push(name);
    entry.raw += bytes.length;
    const [gzipCopy, brotliCopy] = [await copySize(file, '.gz'), await copySize(file, '.br')];
    if (kind === 'wasm' && gzipCopy === null) {
      throw new Error(`${file} has no gzip copy: was it built by tools/finish-release.sh?`);
    }
    entry.gzip += gzipCopy ?? bytes.length;
    entry.gzipOnTheFly += gzipSync(bytes, { level: 9 }).length;
    entry.brotli += brotliCopy ?? bytes.length;
  }
  const total = { raw: 0, gzip: 0, gzipOnTheFly: 0, brotli: 0 };
  for (const entry of Object.values(sizes)) for (const key of Object.keys(total)) total[key] += entry[key];
  return { ...sizes, total };
}

/** A copy of the build with the data set as its demo/ (linked, not copied). */
async function serveWith(dist, dataDir) {
  const root = await mkdtemp(join(tmpdir(), 'patchboard-bench-'));
  await cp(dist, root, { recursive: true, filter: (source) => !source.startsWith(join(dist, 'demo')) });
  await symlink(dataDir, join(root, 'demo'), 'dir');
  const server = await startServer({ root });
  return { url: server.url, stop: async () => { await server.stop(); await rm(root, { recursive: true, force: true }); } };
}

/** Loads the page RUNS times (medians), then times filtering, sorting, scrolling, exporting and refreshing on the last load. */
async function benchPage(url, dataPath) {
  const counters = cpuCounters();
  const loads = [];
  let session = null;
  for (let run = 0; run < RUNS; run++) {
    await session?.close();
    const loaded = await loadPage(url, dataPath);
    session = loaded.session;
    loads.push(loaded.result);
  }
  const { page } = session;
  const keystrokes = [];
  const sorts = [];
  const scrolls = [];
  const exports = [];
  const refreshes = [];
  try {
    for (let trial = 0; trial < TRIALS; trial++) {
      keystrokes.push(await filterKeystroke(page, FILTER_KEY));
      await clearSearch(page);
    }
    for (let trial = 0; trial < TRIALS; trial++) sorts.push(await sortClick(page));
    for (const fraction of SCROLL_TO) scrolls.push(await scrollJump(page, fraction));
    for (let trial = 0; trial < TRIALS; trial++) exports.push(await csvExport(page));
    for (let trial = 0; trial < TRIALS; trial++) refreshes.push(await refreshNow(page));
  } finally {
    await session.close();
  }
  const pick = (key) => median(loads.map((load) => load[key]));
  const measure = (name, field) => median(loads.map((load) => load.measures[name]?.[field] ?? null));
  return {
    firstRowsMs: pick('firstRowsMs'),
    dataToPaintMs: pick('dataToPaintMs'),
    dataBytes: loads[0].dataBytes,
    rowCount: loads[0].rowCount,
    domNodes: Math.max(...loads.map((load) => load.domNodes)),
    rowsInDom: loads[0].rowsInDom,
    jsHeapUsed: pick('jsHeapUsed'),
    jsHeapUsedCdp: pick('jsHeapUsedCdp'),
    wasmMemory: pick('wasmMemory'),
    fetchMs: measure('pb:fetch', 'max'),
    decodeMs: measure('pb:decode', 'max'),
    deriveMs: measure('pb:derive', 'max'),
    sortOnLoadMs: measure('pb:sort', 'max'),
    filterOnLoadMs: measure('pb:filter', 'max'),
    keystrokeMs: median(keystrokes.map((k) => k.ms)),
    keystrokeFilterMs: median(keystrokes.map((k) => k.filterMs)),
    keystrokeRows: `${keystrokes[0].before} → ${keystrokes[0].after}`,
    sortClickMs: median(sorts.map((s) => s.ms)),
    sortClickSortMs: median(sorts.map((s) => s.sortMs)),
    scrollJumpMs: median(scrolls.map((s) => s.ms)),
    exportMs: median(exports.map((e) => e.ms)),
    exportFrameGapMs: median(exports.map((e) => e.longestFrameGapMs)),
    refreshMs: median(refreshes.map((r) => r.ms)),
    refreshFrameGapMs: median(refreshes.map((r) => r.longestFrameGapMs)),
    stolenPercent: stolenPercent(counters, cpuCounters()),
    runs: loads,
    keystrokes,
    sorts,
    scrolls,
    exports,
    refreshes,
  };
}

const PAGES = [
  { name: 'Job Progress', key: 'job', route: (set) => `#/jobs/${set.jobId}`, dataPath: (set) => `/demo/jobs/${set.jobId}/results.json`, rows: (set) => set.assets },
  { name: 'Endpoint Exemptions', key: 'exemptions', route: () => '#/exemptions', dataPath: () => '/demo/endpoints.json', rows: (set) => set.endpoints },
];

const fmtMs = (v) => (v === null || v === undefined ? '–' : v >= 100 ? `${Math.round(v)} ms` : `${v.toFixed(1)} ms`);
const fmtPercent = (v) => (v === null || v === undefined ? '–' : `${v.toFixed(0)} %`);
const fmtBytes = (v) => (v === null || v === undefined ? '–' : v >= 10 * KB * KB ? `${(v / KB / KB).toFixed(1)} MB` : `${(v / KB).toFixed(1)} KB`);

const ROWS = [
  ['rows loaded', (r) => r.rowCount ?? '–'],
  ['data file (raw JSON)', (r) => fmtBytes(r.dataBytes)],
  ['navigation → first rows painted', (r) => fmtMs(r.firstRowsMs)],
  ['last data byte → first rows painted', (r) => fmtMs(r.dataToPaintMs)],
  ['pb:fetch (request → body read)', (r) => fmtMs(r.fetchMs)],
  ['pb:decode (JSON parse + mapping)', (r) => fmtMs(r.decodeMs)],
  ['pb:derive (rows)', (r) => fmtMs(r.deriveMs)],
  ['pb:sort (initial sort)', (r) => fmtMs(r.sortOnLoadMs)],
  ['pb:filter (initial)', (r) => fmtMs(r.filterOnLoadMs)],
  [`filter keystroke → repaint ("${FILTER_KEY}")`, (r) => fmtMs(r.keystrokeMs)],
  ['  of which pb:filter', (r) => fmtMs(r.keystrokeFilterMs)],
  ['sort click → repaint (first column)', (r) => fmtMs(r.sortClickMs)],
  ['  of which pb:sort', (r) => fmtMs(r.sortClickSortMs)],
  [`scroll jump → repaint (to ${SCROLL_TO.map((f) => f * 100).join('/')} %)`, (r) => fmtMs(r.scrollJumpMs)],
  ['Export CSV click → file offered', (r) => fmtMs(r.exportMs)],
  ['  longest frame gap meanwhile', (r) => fmtMs(r.exportFrameGapMs)],
  ['Refresh now click → new rows painted', (r) => fmtMs(r.refreshMs)],
  ['  longest frame gap meanwhile', (r) => fmtMs(r.refreshFrameGapMs)],
  ['JS heap used (CDP, after GC)', (r) => fmtBytes(r.jsHeapUsedCdp)],
  ['JS heap used (performance.memory, bucketed)', (r) => fmtBytes(r.jsHeapUsed)],
  ['wasm linear memory', (r) => fmtBytes(r.wasmMemory)],
  ['DOM nodes (max over loads)', (r) => r.domNodes],
  ['CPU time stolen by the hypervisor', (r) => fmtPercent(r.stolenPercent)],
];

function table(title, columns, rows) {
  const header = ['', ...columns.map((c) => c.label)];
  const body = rows.map(([label, cell]) => [label, ...columns.map((c) => String(cell(c.value)))]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => row[i].length)));
  const line = (row) => `| ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(' | ')} |`;
  return [`### ${title}`, '', line(header), `| ${widths.map((w, i) => (i === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`, ...body.map(line), ''].join('\n');
}

function checkBudgets(bundle, results) {
  const checks = [];
  const check = (name, value, limit, unit, { exclusive = false } = {}) => {
    const pass = value !== null && (exclusive ? value < limit : value <= limit);
    const gap =
      value === null
        ? 'not measured'
        : `${formatUnit(value, unit)} (limit ${formatUnit(limit, unit)}): ${formatUnit(Math.abs(limit - value), unit)} ${pass ? 'to spare' : 'over'}`;
    checks.push({ name, value, limit, unit, pass, gap });
  };
  const formatUnit = (v, unit) => (unit === 'KB' ? `${(v / KB).toFixed(1)} KB` : unit === 'ms' ? `${v.toFixed(1)} ms` : unit === 'x' ? `${v.toFixed(2)}×` : `${Math.round(v)} ${unit}`);
  check("gzipped wasm + js + css (the build's gzip copies) ≤ 200 KB", bundle.total.gzip, BUDGET.gzippedBytes, 'KB');
  const largest = Math.max(...SIZES);
  const jobLargest = results.job[largest];
  check(`${largest} job: first rows ≤ 1.5 s from navigation`, jobLargest?.firstRowsMs ?? null, BUDGET.firstRowsMs, 'ms');
  for (const page of PAGES) {
    const at = results[page.key][largest];
    check(`${page.name}: filter keystroke ≤ 50 ms at ${largest}`, at?.keystrokeMs ?? null, BUDGET.keystrokeMs, 'ms');
  }
  for (const page of PAGES) {
    const worst = Math.max(...SIZES.map((n) => results[page.key][n]?.domNodes ?? Infinity));
    check(`${page.name}: DOM nodes < 3000 at every N`, worst, BUDGET.domNodes, 'nodes', { exclusive: true });
  }
  const sorted = [...SIZES].sort((a, b) => a - b);
  if (sorted.length >= 2) {
    const [small, big] = sorted.slice(-2);
    for (const page of PAGES) {
      for (const [label, key] of [['decode', 'decodeMs'], ['filter', 'keystrokeFilterMs']]) {
        const a = results[page.key][small]?.[key];
        const b = results[page.key][big]?.[key];
        const ratio = a && b ? (b / big) / (a / small) : null;
        check(`${page.name}: ${label} per row at ${big} ≤ 1.5 × at ${small}`, ratio, BUDGET.growthSlack, 'x');
      }
    }
  }
  return checks;
}

async function main() {
  const started = Date.now();
  const dist = ensureBuild({ force: options.rebuild });
  const counters = cpuCounters();
  const bundle = await bundleSizes(dist);
  const results = { job: {}, exemptions: {} };
  const dataSets = {};
  try {
    for (const size of SIZES) {
      const set = await ensureDataSet(size, { force: options.regenerate });
      dataSets[size] = set;
      const served = await serveWith(dist, set.dir);
      try {
        for (const page of PAGES) {
          console.log(`${page.name}, N = ${size} (${page.rows(set)} rows): ${RUNS} loads, ${TRIALS} keystrokes, ${TRIALS} sorts, ${SCROLL_TO.length} scrolls, ${TRIALS} exports`);
          results[page.key][size] = await benchPage(served.url + page.route(set), page.dataPath(set));
        }
      } finally {
        await served.stop();
      }
    }
  } finally {
    await closeBrowser();
  }

  const lines = [
    '',
    '### Bundle (bench/out/dist: its gzip and brotli copies, and gzip level 9 on the fly)',
    '',
    '| file kind | raw | gzip copy | brotli copy | gzip -9 on the fly |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const kind of ['wasm', 'js', 'css', 'total']) {
    const entry = bundle[kind];
    if (entry) lines.push(`| ${kind} | ${fmtBytes(entry.raw)} | ${fmtBytes(entry.gzip)} | ${fmtBytes(entry.brotli)} | ${fmtBytes(entry.gzipOnTheFly)} |`);
  }
  lines.push('');
  for (const page of PAGES) {
    const columns = SIZES.map((n) => ({ label: `N = ${n.toLocaleString('en')}`, value: results[page.key][n] }));
    lines.push(table(page.name, columns, ROWS));
  }
  const checks = checkBudgets(bundle, results);
  lines.push('### Budgets', '');
  for (const c of checks) lines.push(`${c.pass ? 'PASS' : 'MISS'}  ${c.name}: ${c.gap}`);
  const stolen = stolenPercent(counters, cpuCounters());
  lines.push('', `CPU time stolen by the hypervisor during the run: ${fmtPercent(stolen)}. Above a few percent`);
  lines.push('every figure runs slow: compare builds measured in the same hour.');
  console.log(lines.join('\n'));

  const report = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, stolenPercent: stolen },
    sizes: SIZES,
    runs: RUNS,
    trials: TRIALS,
    filterKey: FILTER_KEY,
    bundle,
    dataSets,
    results,
    budgets: checks,
    seconds: (Date.now() - started) / 1000,
  };
  const out = join(OUT_DIR, 'results.json');
  await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwrote ${out}`);
  return checks.every((c) => c.pass) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
