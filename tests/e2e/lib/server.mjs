// A small static file server for end-to-end tests: serves a directory (usually
// Trunk's dist/) on 127.0.0.1 at a free port, optionally under a sub-path and
// with extra response headers (a Content-Security-Policy, say).

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file's location. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Where `trunk build` puts the app. */
export const DIST_DIR = join(REPO_ROOT, 'dist');

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  // The right type lets the browser compile wasm while it streams in.
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Serves the built app (dist/), after checking that trunk has built it. */
export async function startBuiltApp() {
  assert.ok(existsSync(join(DIST_DIR, 'index.html')), `no ${DIST_DIR}/index.html: run trunk build first`);
  return startServer({ root: DIST_DIR });
}

/**
 * Starts serving `root`.
 *
 * Paths without an extension that match no file get `index.html`, so client-side
 * routes load the app; missing assets are a plain 404.
 *
 * @param {object} options
 * @param {string} [options.root] directory to serve (default: dist/)
 * @param {string} [options.prefix] sub-path the app lives under, e.g. '/patchboard/'
 * @param {Record<string, string>} [options.headers] extra headers on every response
 * @param {Record<string, string>} [options.files] bodies served at these paths
 *   (relative to the app's address) instead of anything in `root`, e.g. a
 *   config.json beside the app
 * @param {boolean} [options.precompressed] send a file's brotli (`.br`) or
 *   gzip (`.gz`) copy, when it has one and the request accepts it, as nginx's
 *   `brotli_static` and `gzip_static` do
 * @returns {Promise<{url: string, port: number, requests: string[], stop: () => Promise<void>}>}
 *   `url` is the app's address, prefix included, ending in '/'; `requests`
 *   the path of every request so far, in order.
 */
export async function startServer({ root = DIST_DIR, prefix = '/', headers = {}, files = {}, precompressed = false } = {}) {
  const base = `/${prefix.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const rootDir = resolve(root);
  const requests = [];
  const server = createServer((request, response) => {
    requests.push(new URL(request.url, 'http://localhost').pathname);
    respond(request, response, { rootDir, base, headers, files, precompressed }).catch((error) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    });
  });
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${base}`,
    port,
    requests,
    stop: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

async function respond(request, response, { rootDir, base, headers, files, precompressed }) {
  const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
  if (!`${path}/`.startsWith(base)) {
    return send(response, 404, headers, 'text/plain', `outside ${base}`);
  }
  const relative = path.slice(base.length);
  if (Object.hasOwn(files, relative)) {
    const type = CONTENT_TYPES[extname(relative)] ?? 'text/plain; charset=utf-8';
    return send(response, 200, headers, type, files[relative], request.method);
  }
  const file = await findFile(rootDir, relative);
  if (file) {
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    const copy = precompressed ? await compressedCopy(file, request.headers['accept-encoding'] ?? '') : null;
    if (copy) {
      const encoded = { ...headers, 'content-encoding': copy.encoding, vary: 'accept-encoding' };
      return send(response, 200, encoded, type, await readFile(copy.file), request.method);
    }
    return send(response, 200, headers, type, await readFile(file), request.method);
  }
  const lastSegment = relative.split('/').pop();
  if (extname(lastSegment) === '') {
    const index = join(rootDir, 'index.html');
    return send(response, 200, headers, CONTENT_TYPES['.html'], await readFile(index), request.method);
  }
  return send(response, 404, headers, 'text/plain', `not found: ${path}`);
}

/** The first copy of `file` the request accepts: brotli, then gzip. */
async function compressedCopy(file, acceptEncoding) {
  const accepted = acceptEncoding.split(',').map((coding) => coding.split(';')[0].trim());
  for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
    if (accepted.includes(encoding) && (await stat(file + suffix).catch(() => null))?.isFile()) {
      return { encoding, file: file + suffix };
    }
  }
  return null;
}

/** The file `relative` names inside `rootDir` (a directory means its index.html). */
async function findFile(rootDir, relative) {
  const candidate = normalize(join(rootDir, relative));
  if (candidate !== rootDir && !candidate.startsWith(rootDir + sep)) return null;
  const info = await stat(candidate).catch(() => null);
  if (info?.isFile()) return candidate;
  if (info?.isDirectory()) {
    const index = join(candidate, 'index.html');
    if ((await stat(index).catch(() => null))?.isFile()) return index;
  }
  return null;
}

function send(response, status, headers, type, body, method = 'GET') {
  response.writeHead(status, { ...headers, 'content-type': type, 'cache-control': 'no-store' });
  response.end(method === 'HEAD' ? undefined : body);
}

/** A loopback port nothing listens on (at the moment of asking). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}
