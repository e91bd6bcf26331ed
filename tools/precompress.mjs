// Writes a gzip copy (`.gz`) and a brotli copy (`.br`) beside every text asset
// of a release build, for servers that send a file's ready-made copy to a
// browser that accepts it (nginx `gzip_static`/`brotli_static`, Caddy's
// `precompressed`). The gzip copy is made by zopfli: ordinary gzip that any
// browser reads, about 6 % smaller than `gzip -9`, at a cost of seconds per
// build that a server compressing each response could not pay.
//
//   node tools/precompress.mjs <dir>
//
// A copy that would not be smaller than its file is not written. The output
// is the same from build to build.

import { gzipAsync } from '@gfx/zopfli';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

/** The kinds of file a build holds that compress. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.wasm', '.json', '.svg']);

/** Every compressible file under `dir`, at any depth. */
async function compressibleFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && COMPRESSIBLE.has(extname(entry.name)))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

async function precompress(file) {
  const bytes = await readFile(file);
  const copies = {
    '.gz': Buffer.from(await gzipAsync(bytes, { numiterations: 15 })),
    '.br': brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
  };
  for (const [suffix, copy] of Object.entries(copies)) {
    if (copy.length < bytes.length) await writeFile(file + suffix, copy);
  }
}

const [dir] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node tools/precompress.mjs <dir>');
  process.exit(2);
}
for (const file of await compressibleFiles(dir)) await precompress(file);
