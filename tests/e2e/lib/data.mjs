// Reading what the app is given and what it is specified to do, so tests
// compute their expectations instead of hard-coding numbers:
// - the demo data files the app serves (dist/demo/, else the repo's demo/);
// - the status and exemption catalogues in docs/statuses.md and
//   docs/exemptions.md, parsed from their Markdown tables;
// - small ports of the app's rules the tests need (OS family placement,
//   natural ordering, URL tokens) and an RFC 4180 CSV reader.

import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST_DIR, REPO_ROOT } from './server.mjs';

/** The demo folder the app loads: dist/demo/ when built, else the repo's demo/. */
export const DEMO_DIR = existsSync(join(DIST_DIR, 'demo/jobs.json')) ? join(DIST_DIR, 'demo') : join(REPO_ROOT, 'demo');

async function readJson(path) {
  return JSON.parse(await readFile(path, 'utf8'));
}

/** demo/jobs.json: {generated_at, jobs: [...]}. */
export function readJobs(dir = DEMO_DIR) {
  return readJson(join(dir, 'jobs.json'));
}

/** demo/jobs/<id>/results.json: {generated_at, assets: [...]}. */
export function readResults(jobId, dir = DEMO_DIR) {
  return readJson(join(dir, 'jobs', jobId, 'results.json'));
}

/** demo/jobs/<id>/runs.json: {generated_at, runs: [...]}. */
export function readRuns(jobId, dir = DEMO_DIR) {
  return readJson(join(dir, 'jobs', jobId, 'runs.json'));
}

/** demo/endpoints.json: {generated_at, endpoints: [...]}. */
export function readEndpoints(dir = DEMO_DIR) {
  return readJson(join(dir, 'endpoints.json'));
}

/** Milliseconds since the epoch of a `generated_at` value. */
export function millis(at) {
  return typeof at === 'number' ? at : Date.parse(at);
}

// ---------------------------------------------------------------------------
// Catalogues, from the docs

/** The rows of the first Markdown table after `heading` whose header starts with `firstColumn`. */
function markdownTable(text, { heading, firstColumn }) {
  const lines = text.split('\n');
  let index = heading ? lines.findIndex((line) => line.trim() === heading) : 0;
  if (index < 0) throw new Error(`no heading ${heading}`);
  index = lines.findIndex((line, i) => i > index && new RegExp(`^\\|\\s*${firstColumn}\\s*\\|`).test(line));
  if (index < 0) throw new Error(`no table starting with ${firstColumn} after ${heading}`);
  const cells = (line) =>
    line
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((cell) => cell.trim());
  const header = cells(lines[index]);
  const rows = [];
  for (let i = index + 2; i < lines.length && lines[i].trim().startsWith('|'); i++) {
    const values = cells(lines[i]);
    rows.push(Object.fromEntries(header.map((name, column) => [name, values[column]])));
  }
  return rows;
}

const PHASE_TOKENS = {
  Succeeded: 'succeeded',
  Failed: 'failed',
  Canceled: 'canceled',
  Skipped: 'skipped',
  'Not applicable': 'not-applicable',
  Running: 'running',
  Waiting: 'waiting',
  Queued: 'queued',
  Unknown: 'unknown',
};

/** docs/statuses.md's phases: [{label, token, final ('yes' | 'no'), meaning}]. */
export function phaseCatalogue() {
  return markdownTable(readFileSync(join(REPO_ROOT, 'docs/statuses.md'), 'utf8'), { heading: '## Phases', firstColumn: 'Phase' }).map(
    (row) => ({ label: row.Phase, token: row.Token.replaceAll('`', ''), final: row.Final, meaning: row.Meaning }),
  );
}

let statusCatalogueCache = null;

/**
 * docs/statuses.md's catalogue: [{code, state, token "code-state", name,
 * phase (token), final, applies: {windows, linux, mac} as 'Y' | 'N' | '—'}].
 */
export function statusCatalogue() {
  statusCatalogueCache ??= markdownTable(readFileSync(join(REPO_ROOT, 'docs/statuses.md'), 'utf8'), {
    heading: '## Catalogue',
    firstColumn: 'Code',
  }).map((row) => {
    const phase = PHASE_TOKENS[row.Phase];
    if (!phase) throw new Error(`docs/statuses.md: unknown phase ${row.Phase}`);
    return {
      code: Number(row.Code),
      state: Number(row.State),
      token: `${row.Code}-${row.State}`,
      name: row.Name,
      phase,
      final: row.Final === 'yes',
      applies: { windows: row.Win, linux: row.Linux, mac: row.Mac },
    };
  });
  return statusCatalogueCache;
}

/**
 * The description the app shows for each status, keyed by "code-state": the
 * catalogue's own text (src/domain/status/catalogue.rs), which docs/statuses.md
 * does not repeat.
 */
export function statusDescriptions() {
  const source = readFileSync(join(REPO_ROOT, 'src/domain/status/catalogue.rs'), 'utf8');
  const descriptions = new Map();
  const entry = /code:\s*(\d+),\s*state:\s*(\d+),\s*name:\s*"(?:[^"\\]|\\.)*",\s*description:\s*"((?:[^"\\]|\\.)*)"/g;
  for (const [, code, state, text] of source.matchAll(entry)) {
    descriptions.set(`${code}-${state}`, JSON.parse(`"${text}"`));
  }
  return descriptions;
}

/**
 * docs/exemptions.md: [{name, impact: 'cannot_patch' | 'temporarily_cannot_patch', ours}], where
 * `ours` says what Patchboard wrote where JetPatch's text left a gap ('' for nothing).
 */
export function exemptionCatalogue() {
  const text = readFileSync(join(REPO_ROOT, 'docs/exemptions.md'), 'utf8');
  return markdownTable(text, { heading: '## Catalogue', firstColumn: 'Exemption' }).map((row) => ({
    name: row.Exemption,
    impact: { C: 'cannot_patch', T: 'temporarily_cannot_patch' }[row.Impact],
    ours: row.Ours,
  }));
}

/** docs/exemptions.md's warnings: [{name, ours}], `ours` as for exemptions. */
export function warningCatalogue() {
  const text = readFileSync(join(REPO_ROOT, 'docs/exemptions.md'), 'utf8');
  return markdownTable(text, { heading: '## Catalogue', firstColumn: 'Warning' }).map((row) => ({ name: row.Warning, ours: row.Ours }));
}

/** Names compare ignoring case and everything but letters and digits. */
function nameKey(name) {
  return String(name ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * The catalogue entry of a raw status {code, state, name} by the rule in
 * docs/statuses.md ("Resolving what a backend sends"), or null when it is
 * ambiguous or unknown.
 */
export function resolveStatus(raw) {
  const catalogue = statusCatalogue();
  const known = new Set(catalogue.map((entry) => nameKey(entry.name)));
  const name = raw?.name != null && known.has(nameKey(raw.name)) ? nameKey(raw.name) : null;
  let candidates;
  if (raw?.code != null) {
    candidates = catalogue.filter((entry) => entry.code === Number(raw.code));
  } else if (name) {
    candidates = catalogue.filter((entry) => nameKey(entry.name) === name);
  } else {
    return null;
  }
  if (raw?.state != null) candidates = candidates.filter((entry) => entry.state === Number(raw.state));
  if (name) candidates = candidates.filter((entry) => nameKey(entry.name) === name);
  return candidates.length === 1 ? candidates[0] : null;
}

/** The phase token of an asset result ('unknown' when its status does not resolve). */
export function phaseOf(asset) {
  return resolveStatus(asset.status)?.phase ?? 'unknown';
}

/** The "code-state" token of an asset's status, or null. */
export function statusTokenOf(asset) {
  return resolveStatus(asset.status)?.token ?? null;
}

// ---------------------------------------------------------------------------
// Ports of small app rules

const MAC_MARKERS = ['macos', 'mac os', 'os x', 'osx', 'darwin'];
const WINDOWS_MARKERS = ['windows', 'microsoft'];
const LINUX_MARKERS = ['linux', 'ubuntu', 'debian', 'red hat', 'redhat', 'rhel', 'centos', 'suse', 'sles', 'fedora', 'rocky', 'alma', 'kali', 'raspbian'];

/** The OS family token of an OS name (src/domain/os.rs): windows, linux, mac or other. */
export function osFamily(name) {
  const text = String(name ?? '').trim().toLowerCase();
  const mentions = (markers) => markers.some((marker) => text.includes(marker));
  if (mentions(MAC_MARKERS)) return 'mac';
  if (mentions(WINDOWS_MARKERS) || text.startsWith('win')) return 'windows';
  if (mentions(LINUX_MARKERS)) return 'linux';
  return 'other';
}

/** Whether the asset's status is one the catalogue says does not apply to its OS. */
export function isAnomalous(asset) {
  const entry = resolveStatus(asset.status);
  const os = osFamily(asset.os);
  return Boolean(entry) && os !== 'other' && entry.applies[os] === 'N';
}

/** An exemption name as a URL token: lower case, words joined by dashes. */
export function exemptionToken(name) {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase())
    .join('-');
}

function naturalTokens(text) {
  const tokens = [];
  for (let i = 0; i < text.length; ) {
    if (/[0-9]/.test(text[i])) {
      let end = i;
      while (end < text.length && /[0-9]/.test(text[end])) end++;
      tokens.push({ number: text.slice(i, end).replace(/^0+/, '') });
      i = end;
    } else {
      const codePoint = text.codePointAt(i);
      let char = String.fromCodePoint(codePoint);
      if (/[A-Z]/.test(char)) char = char.toLowerCase();
      tokens.push({ char });
      i += char.length;
    }
  }
  return tokens;
}

const plain = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const byCodePoint = (a, b) => plain(a.codePointAt(0), b.codePointAt(0));

/** Natural order as the app's tables use it: digit runs by value, ASCII letters ignoring case. */
export function naturalCompare(a, b) {
  const left = naturalTokens(a);
  const right = naturalTokens(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const x = left[i];
    const y = right[i];
    let order;
    if (x.number !== undefined && y.number !== undefined) {
      order = plain(x.number.length, y.number.length) || plain(x.number, y.number);
    } else if (x.number !== undefined) {
      order = byCodePoint('0', y.char);
    } else if (y.number !== undefined) {
      order = byCodePoint(x.char, '0');
    } else {
      order = byCodePoint(x.char, y.char);
    }
    if (order !== 0) return order;
  }
  return plain(left.length, right.length) || plain(a, b);
}

// ---------------------------------------------------------------------------
// CSV

/** Parses RFC 4180 CSV text into rows of fields. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A count as the app shows it, thousands grouped by commas ("100,000"). */
export function grouped(count) {
  return count.toLocaleString('en-US');
}
