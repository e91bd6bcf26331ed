// Gives the wasm's imports short names, in the wasm and in the JS glue that
// supplies them, so a release build downloads less.
//
//   node tools/shorten-import-names.mjs path/to/app_bg.wasm path/to/app.js
//
// wasm-bindgen names each import after what it calls plus a 16-digit hash
// (`__wbg_addEventListener_847fd86b8c33ec43`), and both files spell every
// name out: about 190 names whose hashes gzip cannot shrink. Each becomes
// `a`, `b`, … `aa`, … in import order, in the wasm's import section and as
// its key in the glue's import object, where it must appear exactly once:
// if wasm-bindgen ever writes a name anywhere else, this fails the build
// rather than ship a glue that no longer matches its wasm. Nothing else in
// either file changes. Release builds run it from tools/finish-release.sh.

import { readFileSync, writeFileSync } from 'node:fs';
import { IMPORT_SECTION, WasmReader, encodedSection, encodedText, leb } from './wasm-module.mjs';

/** The `index`th short name: a … z, aa … zz, aaa … (an object key may be any word, `do` and `in` too). */
function shortName(index) {
  let name = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    name = String.fromCharCode(97 + ((rest - 1) % 26)) + name;
  }
  return name;
}

/** Where `name` stands as an object key in the glue; throws unless that is its only appearance. */
function keyPosition(glue, name) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const appearances = [...glue.matchAll(new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`, 'g'))];
  if (appearances.length !== 1 || glue[appearances[0].index + name.length] !== ':') {
    throw new Error(`the glue does not name the import ${name} exactly once, as an object key`);
  }
  return appearances[0].index;
}

/** The import section with every name replaced; `renames` collects old → new. */
function shortenedImports(payload, renames) {
  const entries = [];
  const count = payload.u32();
  for (let index = 0; index < count; index++) {
    const { module, name, descriptor } = payload.importEntry();
    const short = shortName(index);
    renames.set(name, short);
    entries.push(encodedText(module), encodedText(short), descriptor);
  }
  return encodedSection(IMPORT_SECTION, Buffer.concat([leb(count), ...entries]));
}

const [wasmFile, glueFile] = process.argv.slice(2);
if (!wasmFile || !glueFile) {
  console.error('usage: node tools/shorten-import-names.mjs FILE.wasm FILE.js');
  process.exit(2);
}
const wasm = readFileSync(wasmFile);
const renames = new Map();
const parts = [wasm.subarray(0, 8)];
for (const { id, start, end, payload } of new WasmReader(wasm).sections()) {
  parts.push(id === IMPORT_SECTION ? shortenedImports(payload, renames) : wasm.subarray(start, end));
}
let glue = readFileSync(glueFile, 'utf8');
// Checked first, replaced from the end backwards, so no replacement moves a position still to be used.
const positions = [...renames].map(([name, short]) => ({ at: keyPosition(glue, name), name, short }));
for (const { at, name, short } of positions.sort((a, b) => b.at - a.at)) {
  glue = glue.slice(0, at) + short + glue.slice(at + name.length);
}
writeFileSync(wasmFile, Buffer.concat(parts));
writeFileSync(glueFile, glue);
