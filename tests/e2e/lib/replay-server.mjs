// A loopback stand-in for the Qualys Patch Management gateway: it replays
// Qualys-shaped responses from data a test hands it, pages them the way the
// gateway does, answers CORS like a gateway that lets a browser app in, and
// records every request so a test can check what the app sent.
//
//   GET  /pm/v1/deploymentjobs/summary?pageNumber=N&pageSize=S   a bare array of jobs
//   GET  /pm/v1/deploymentjob/{id}/runs                          [{jobInstanceId, scheduledDateTime}]
//   POST /pm/v1/deploymentjob/{id}/deploymentjobresult/summary   {id, name, assetCount, patchCount, assets}
//        body {jobInstanceId, pageSize}; paged by the `searchAfter` header:
//        every full page answers with an opaque cursor in the `searchAfter`
//        response header, which the next request sends back in its own
//        `searchAfter` header; a page shorter than pageSize is the last.
//
// Nothing here is Patchboard-specific: it is what the preset has to cope with.

import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'searchAfter',
};

const PREFLIGHT_HEADERS = {
  ...CORS_HEADERS,
  'access-control-allow-methods': 'GET, POST',
  'access-control-allow-headers': 'content-type, authorization, accept, searchAfter',
  'access-control-max-age': '600',
};

/**
 * Starts the replay server on 127.0.0.1 at a free port.
 *
 * @param {object} data
 * @param {object[]} data.jobs Qualys job summaries, in list order
 * @param {Record<string, {jobInstanceId: number|string, scheduledDateTime: number}[]>} [data.runs]
 *   runs by job id, oldest first
 * @param {Record<string, Record<string, object[]>>} [data.results]
 *   asset results by job id, then by jobInstanceId; a request without a
 *   jobInstanceId gets the job's last run (the gateway's "latest")
 * @returns {Promise<{
 *   url: string,
 *   requests: RecordedRequest[],
 *   failWith: (match: (request: RecordedRequest) => boolean, status: number) => void,
 *   stopFailing: () => void,
 *   stop: () => Promise<void>,
 * }>}
 *
 * @typedef {object} RecordedRequest
 * @property {string} method
 * @property {string} path    pathname only
 * @property {string} url     path and query as received
 * @property {URLSearchParams} query
 * @property {Record<string, string>} headers  names lower case
 * @property {any} body       parsed JSON, or the raw text, or null
 * @property {number} status  what the server answered
 * @property {Record<string, string>} responseHeaders  what it added beyond CORS (names as sent)
 * @property {number} itemCount  items in the answered page (-1 when not a list)
 */
export async function startReplayServer({ jobs, runs = {}, results = {} }) {
  const requests = [];
  /** Cursor → offset into one job run's results; cursors are opaque to the client. */
  const cursors = new Map();
  let failure = null;

  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const url = new URL(request.url, 'http://replay.invalid');
      const record = {
        method: request.method,
        path: url.pathname,
        url: request.url,
        query: url.searchParams,
        headers: { ...request.headers },
        body: parseBody(text),
        status: 0,
        responseHeaders: {},
        itemCount: -1,
      };
      if (request.method === 'OPTIONS') {
        response.writeHead(204, PREFLIGHT_HEADERS);
        response.end();
        return;
      }
      requests.push(record);
      const answer = (status, body, extraHeaders = {}) => {
        record.status = status;
        record.responseHeaders = extraHeaders;
        response.writeHead(status, {
          ...CORS_HEADERS,
          ...extraHeaders,
          'content-type': 'application/json',
          'cache-control': 'no-store',
        });
        response.end(JSON.stringify(body));
      };
      if (failure?.match(record)) {
        answer(failure.status, { errorCode: `HTTP_${failure.status}`, message: 'replayed failure' });
        return;
      }
      route(record, answer);
    });
  });

  function route(record, answer) {
    let match;
    if (record.method === 'GET' && record.path === '/pm/v1/deploymentjobs/summary') {
      const pageNumber = Number(record.query.get('pageNumber') ?? 0);
      const pageSize = Number(record.query.get('pageSize') ?? 10);
      const page = jobs.slice(pageNumber * pageSize, (pageNumber + 1) * pageSize);
      record.itemCount = page.length;
      return answer(200, page);
    }
    if (record.method === 'GET' && (match = /^\/pm\/v1\/deploymentjob\/([^/]+)\/runs$/.exec(record.path))) {
      const jobId = decodeURIComponent(match[1]);
      if (!jobs.some((job) => String(job.id) === jobId)) return answer(404, { message: `no job ${jobId}` });
      const list = runs[jobId] ?? [];
      record.itemCount = list.length;
      return answer(200, list);
    }
    if (
      record.method === 'POST' &&
      (match = /^\/pm\/v1\/deploymentjob\/([^/]+)\/deploymentjobresult\/summary$/.exec(record.path))
    ) {
      const jobId = decodeURIComponent(match[1]);
      const job = jobs.find((candidate) => String(candidate.id) === jobId);
      if (!job) return answer(404, { message: `no job ${jobId}` });
      const body = record.body && typeof record.body === 'object' ? record.body : {};
      const pageSize = Number(body.pageSize);
      if (!Number.isInteger(pageSize) || pageSize < 1) {
        return answer(400, { message: 'pageSize must be a positive integer' });
      }
      const byRun = results[jobId] ?? {};
      const jobRuns = runs[jobId] ?? [];
      const wanted = body.jobInstanceId ?? '';
      const runId = wanted === '' ? String(jobRuns.at(-1)?.jobInstanceId ?? '') : String(wanted);
      const assets = byRun[runId];
      if (!assets) return answer(404, { message: `no run ${runId} of job ${jobId}` });
      const cursor = record.headers.searchafter;
      let offset = 0;
      if (cursor !== undefined) {
        const position = cursors.get(cursor);
        if (!position || position.jobId !== jobId || position.runId !== runId) {
          return answer(400, { message: `unknown searchAfter cursor ${cursor}` });
        }
        offset = position.offset;
      }
      const page = assets.slice(offset, offset + pageSize);
      record.itemCount = page.length;
      const headers = {};
      if (page.length === pageSize) {
        const next = `${Date.now()}|${randomBytes(9).toString('base64url')}`;
        cursors.set(next, { jobId, runId, offset: offset + pageSize });
        headers.searchAfter = next;
      }
      return answer(
        200,
        {
          id: job.id,
          name: job.name,
          assetCount: assets.length,
          patchCount: assets.reduce((sum, asset) => sum + (asset.totalPatchCount ?? 0), 0),
          assets: page,
        },
        headers,
      );
    }
    return answer(404, { message: `nothing at ${record.method} ${record.path}` });
  }

  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** Answers every request `match` accepts with `status` until stopFailing(). */
    failWith(match, status) {
      failure = { match, status };
    },
    stopFailing() {
      failure = null;
    },
    stop: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

function parseBody(text) {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
