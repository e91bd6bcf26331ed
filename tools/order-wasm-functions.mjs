// Reorders the functions of a release wasm so that gzip compresses it better:
// the same code, in an order where each function follows the one most like it.
//
//   node tools/order-wasm-functions.mjs path/to/app_bg.wasm
//
// gzip finds repeats only within the last 32 KB, and wasm-opt leaves
// functions in an order that scatters the many near-copies Rust's generics
// make (one per type a view, signal or closure is instantiated for). This
// script estimates how alike two function bodies are (MinHash over their
// 4-byte runs), chains the functions greedily from each to its most similar
// successor, and writes that order into the name section as sortable names.
// Binaryen's own `--reorder-functions-by-name` then renumbers every call and
// table entry, and strips the names again. The output is the input's code,
// renumbered and moved, with nothing optimised again; release builds run it
// from Trunk's post_build hook (tools/finish-release.sh).

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodedSection, encodedText, leb, readModule } from './wasm-module.mjs';

/** Hashes per signature: of 16 to 256, 128 gave nearly all the gain (256: 1 KB more, twice the time). */
const HASHES = 128;
/** Bytes per run compared: 4 compressed best of 4, 6 and 8. */
const RUN = 4;

const WASM_OPT = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.bin', 'wasm-opt');

const SEEDS = Array.from({ length: HASHES }, (_, i) => Math.imul(i + 1, 0x9e3779b1) >>> 0);

/** The MinHash signature of a body's RUN-byte runs. */
function signature(body) {
  const minima = new Uint32Array(HASHES).fill(0xffffffff);
  for (let i = 0; i + RUN <= body.length; i++) {
    let run = 0x811c9dc5;
    for (let j = 0; j < RUN; j++) run = Math.imul(run ^ body[i + j], 0x01000193) >>> 0;
    for (let k = 0; k < HASHES; k++) {
      let hash = Math.imul(run ^ SEEDS[k], 0x85ebca6b) >>> 0;
      hash ^= hash >>> 13;
      hash = Math.imul(hash, 0xc2b2ae35) >>> 0;
      if (hash < minima[k]) minima[k] = hash;
    }
  }
  return minima;
}

/** Function positions in chain order: each next is the unplaced one most like the last. */
function similarityChain(bodies) {
  const signatures = bodies.map(signature);
  const unplaced = new Set(bodies.keys());
  const chain = [];
  let last = 0;
  unplaced.delete(last);
  chain.push(last);
  while (unplaced.size > 0) {
    const from = signatures[last];
    let best = -1;
    let bestShared = -1;
    for (const candidate of unplaced) {
      const to = signatures[candidate];
      let shared = 0;
      for (let k = 0; k < HASHES; k++) if (from[k] === to[k]) shared++;
      if (shared > bestShared) {
        best = candidate;
        bestShared = shared;
        if (shared === HASHES) break;
      }
    }
    unplaced.delete(best);
    chain.push(best);
    last = best;
  }
  return chain;
}

/** A name section that names each defined function by its place in `chain`. */
function nameSection(importedFunctions, chain) {
  const width = String(chain.length).length;
  const entries = new Array(chain.length);
  chain.forEach((position, place) => {
    entries[position] = Buffer.concat([leb(importedFunctions + position), encodedText(String(place).padStart(width, '0'))]);
  });
  const functionNames = Buffer.concat([leb(chain.length), ...entries]);
  return encodedSection(0, Buffer.concat([encodedText('name'), Buffer.from([1]), leb(functionNames.length), functionNames]));
}

const file = process.argv[2];
if (!file) {
  console.error('usage: node tools/order-wasm-functions.mjs FILE.wasm');
  process.exit(2);
}
const bytes = readFileSync(file);
const { sections, importedFunctions, bodies } = readModule(bytes);
if ('custom:name' in sections) {
  throw new Error('the wasm already has a name section; this expects a stripped release build');
}
// Appended, the new name section leaves every other section where it was.
writeFileSync(file, Buffer.concat([bytes, nameSection(importedFunctions, similarityChain(bodies))]));
// The size and optimisation levels make binaryen write the code as compactly
// as `-Oz` did; no optimisation pass runs again.
execFileSync(
  WASM_OPT,
  [file, '-o', file, '--reorder-functions-by-name', '--strip-debug', '--generate-stack-ir', '--optimize-stack-ir', '--optimize-level=2', '--shrink-level=2'],
  { stdio: 'inherit' },
);
