// A loopback backend in Patchboard's native format (src/source/presets/native.json)
// whose answer per path can be switched by the test: good JSON, an HTTP error,
// silence, a dropped connection, an empty body, an HTML page, truncated JSON,
// JSON of the wrong shape, or any body the test hands over.
//
// Paths, as the native preset asks for them:
//   /jobs.json                  {generated_at, jobs: [...]}
//   /jobs/<id>/runs.json        {generated_at, runs: [...]}
//   /jobs/<id>/results.json     {generated_at, assets: [...]}; with ?run=<run id>,
//                               404 unless the job has that run, as a backend would
//   /endpoints.json             {generated_at, endpoints: [...]}
//
// CORS is open (the app is served from another loopback port), preflights
// included. Every request is recorded with what it was answered with.

import { createServer } from 'node:http';

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': '*',
};

const PREFLIGHT_HEADERS = {
  ...CORS_HEADERS,
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': '*',
  'access-control-max-age': '600',
};

/**
 * What a path answers instead of its data.
 *
 * @typedef {(
 *   | {kind: 'status', status: number, body?: string, headers?: Record<string, string>}
 *   | {kind: 'hang'}
 *   | {kind: 'stalled'}
 *   | {kind: 'trickle', parts: number, everyMs: number}
 *   | {kind: 'reset'}
 *   | {kind: 'empty'}
 *   | {kind: 'html'}
 *   | {kind: 'truncated'}
 *   | {kind: 'wrong-shape'}
 *   | {kind: 'raw', body: string | Buffer, status?: number, contentType?: string}
 * )} Fault
 */

/** Faults by name, for tests that loop over them. */
export const FAULTS = {
  status: (status, headers = {}) => ({ kind: 'status', status, headers }),
  hang: () => ({ kind: 'hang' }),
  /** A 200 whose body stops halfway with the connection left open. */
  stalled: () => ({ kind: 'stalled' }),
  /** A 200 whose body comes whole, in `parts` parts `everyMs` apart: slow, never stalled. */
  trickle: (parts, everyMs) => ({ kind: 'trickle', parts, everyMs }),
  reset: () => ({ kind: 'reset' }),
  empty: () => ({ kind: 'empty' }),
  html: () => ({ kind: 'html' }),
  truncated: () => ({ kind: 'truncated' }),
  /** A 200 whose body stops halfway as the connection drops. */
  broken: () => ({ kind: 'broken' }),
  wrongShape: () => ({ kind: 'wrong-shape' }),
  raw: (body, options = {}) => ({ kind: 'raw', body, ...options }),
};

/** The list key of each path's body in the native format. */
const LIST_KEYS = [
  [/^\/jobs\.json$/, 'jobs'],
  [/^\/jobs\/[^/]+\/runs\.json$/, 'runs'],
  [/^\/jobs\/[^/]+\/results\.json$/, 'assets'],
  [/^\/endpoints\.json$/, 'endpoints'],
];

/** The native list key a path's body carries its items under, or undefined. */
export function listKeyOf(path) {
  return LIST_KEYS.find(([pattern]) => pattern.test(path))?.[1];
}

export const HTML_PAGE =
  '<!doctype html>\n<html lang="en"><head><title>Sign in</title></head><body><h1>Please sign in</h1></body></html>\n';

/**
 * Starts the server.
 *
 * @param {object} data the native-format data; each may be replaced later with setData()
 * @param {object[]} [data.jobs]
 * @param {Record<string, object[]>} [data.runs] job id → runs
 * @param {Record<string, object[]>} [data.results] job id → asset results
 * @param {object[]} [data.endpoints]
 * @returns {Promise<{
 *   url: string,
 *   port: number,
 *   requests: {method: string, path: string, answer: string}[],
 *   setData: (patch: object) => void,
 *   setFault: (path: string | RegExp, fault: Fault) => void,
 *   clearFaults: () => void,
 *   setBody: (path: string, body: string) => void,
 *   stop: () => Promise<void>,
 * }>}
 */
export async function startFaultServer(data = {}) {
  let current = { jobs: [], runs: {}, results: {}, endpoints: [], ...data };
  /** [matcher, fault] in the order set; the last match wins. */
  let faults = [];
  /** Exact bodies for a path, served as JSON text (for bodies JSON.stringify cannot make). */
  const bodies = new Map();
  const requests = [];
  const hanging = new Set();
  const generatedAt = new Date().toISOString();

  const server = createServer((request, response) => {
    const url = new URL(request.url, 'http://fault.invalid');
    const path = decodeURIComponent(url.pathname);
    const record = { method: request.method, path, query: url.search, contentType: request.headers['content-type'], apiKey: request.headers['x-api-key'], answer: '', at: Date.now() };
    if (request.method === 'OPTIONS') {
      response.writeHead(204, PREFLIGHT_HEADERS);
      response.end();
      return;
    }
    requests.push(record);
    const send = (status, body, contentType = 'application/json', headers = {}) => {
      record.answer = `${status}`;
      response.writeHead(status, { ...CORS_HEADERS, 'content-type': contentType, 'cache-control': 'no-store', ...headers });
      response.end(body);
    };
    const fault = [...faults].reverse().find(([match]) => (typeof match === 'string' ? match === path : match.test(path)))?.[1];
    if (fault) {
      record.answer = fault.kind;
      switch (fault.kind) {
        case 'status':
          return send(fault.status, fault.body ?? JSON.stringify({ error: `HTTP ${fault.status}`, path }), undefined, fault.headers);
        case 'hang':
          // Never answer; the app's timeout aborts the request.
          hanging.add(response);
          response.on('close', () => hanging.delete(response));
          return;
        case 'trickle': {
          const text = bodyFor(path) ?? JSON.stringify({ generated_at: generatedAt, items: [1, 2, 3] });
          response.writeHead(200, { ...CORS_HEADERS, 'content-type': 'application/json', 'cache-control': 'no-store' });
          const size = Math.ceil(text.length / fault.parts);
          let sent = 0;
          const next = () => {
            if (response.destroyed) return;
            const part = text.slice(sent, sent + size);
            sent += size;
            if (sent >= text.length) response.end(part);
            else {
              response.write(part);
              setTimeout(next, fault.everyMs);
            }
          };
          setTimeout(next, fault.everyMs);
          return;
        }
        case 'stalled': {
          const text = bodyFor(path) ?? JSON.stringify({ generated_at: generatedAt, items: [1, 2, 3] });
          response.writeHead(200, { ...CORS_HEADERS, 'content-type': 'application/json', 'cache-control': 'no-store' });
          response.write(text.slice(0, Math.max(1, Math.floor(text.length / 2))));
          hanging.add(response);
          response.on('close', () => hanging.delete(response));
          return;
        }
        case 'reset':
          // Drop the connection without a response: the browser sees a network error.
          request.socket.destroy();
          return;
        case 'empty':
          return send(200, '');
        case 'html':
          return send(200, HTML_PAGE, 'text/html; charset=utf-8');
        case 'truncated': {
          const full = bodyFor(path);
          const text = full ?? JSON.stringify({ generated_at: generatedAt, items: [1, 2, 3] });
          return send(200, text.slice(0, Math.max(1, Math.floor(text.length / 2))));
        }
        case 'broken': {
          const text = bodyFor(path) ?? JSON.stringify({ generated_at: generatedAt, items: [1, 2, 3] });
          record.answer = 'broken';
          response.writeHead(200, { ...CORS_HEADERS, 'content-type': 'application/json', 'cache-control': 'no-store' });
          response.write(text.slice(0, Math.max(1, Math.floor(text.length / 2))));
          setTimeout(() => request.socket.destroy(), 50);
          return;
        }
        case 'wrong-shape': {
          // An object where the items pointer expects an array.
          const key = listKeyOf(path) ?? 'items';
          return send(200, JSON.stringify({ generated_at: generatedAt, [key]: { count: 1, first: { id: 'x' } } }));
        }
        case 'raw': {
          // A function makes a new body for each request, from its URL.
          const body = typeof fault.body === 'function' ? fault.body(url) : fault.body;
          return send(fault.status ?? 200, body, fault.contentType ?? 'application/json');
        }
        default:
          return send(500, `unknown fault ${fault.kind}`, 'text/plain');
      }
    }
    const body = bodyFor(path, url.searchParams.get('run'));
    if (body === undefined) return send(404, JSON.stringify({ error: `nothing at ${path}` }));
    return send(200, body);
  });

  /** The JSON text a path (and run, if asked for) answers with normally, or undefined for a 404. */
  function bodyFor(path, run = null) {
    if (bodies.has(path)) return bodies.get(path);
    if (path === '/jobs.json') return JSON.stringify({ generated_at: generatedAt, jobs: current.jobs });
    if (path === '/endpoints.json') return JSON.stringify({ generated_at: generatedAt, endpoints: current.endpoints });
    let match;
    if ((match = /^\/jobs\/([^/]+)\/runs\.json$/.exec(path))) {
      if (!current.jobs.some((job) => String(job.id) === match[1])) return undefined;
      return JSON.stringify({ generated_at: generatedAt, runs: current.runs[match[1]] ?? [] });
    }
    if ((match = /^\/jobs\/([^/]+)\/results\.json$/.exec(path))) {
      const assets = current.results[match[1]];
      if (!assets) return undefined;
      if (run !== null && !(current.runs[match[1]] ?? []).some((known) => String(known.id) === run)) return undefined;
      return JSON.stringify({ generated_at: generatedAt, assets });
    }
    return undefined;
  }

  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    /** Replaces parts of the data: {jobs}, {results: {id: [...]}}, …. */
    setData(patch) {
      current = { ...current, ...patch };
    },
    /** Answers requests for `path` (exact, decoded) or matching a RegExp with `fault`. */
    setFault(path, fault) {
      faults.push([path, fault]);
    },
    /** How many requests a 'hang' or 'stalled' fault holds open: the browser has not given them up. */
    openRequests() {
      return hanging.size;
    },
    clearFaults() {
      faults = [];
      for (const response of hanging) response.destroy();
      hanging.clear();
    },
    /** Serves `body` (JSON text, sent as is) for `path` until clearBodies(). */
    setBody(path, body) {
      bodies.set(path, body);
    },
    clearBodies() {
      bodies.clear();
    },
    stop: () =>
      new Promise((done) => {
        for (const response of hanging) response.destroy();
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** A native-format config for `baseUrl`: no automatic refresh, short timeouts. */
export function nativeConfig(baseUrl, { timeoutSeconds } = {}) {
  const config = { preset: 'native', base_url: baseUrl, refresh_seconds: 0 };
  if (timeoutSeconds !== undefined) {
    config.resources = Object.fromEntries(
      ['jobs', 'job_runs', 'job_results', 'endpoints'].map((name) => [name, { timeout_seconds: timeoutSeconds }]),
    );
  }
  return config;
}
