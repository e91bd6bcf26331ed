// Which crates the wasm's code comes from: sums each function body's size by
// the first crate its (mangled) name mentions. Reads cargo's wasm before
// wasm-bindgen and wasm-opt (it still has the name section), so the figures
// are shares, not the shipped bytes; generic code counts for the crate that
// defines it, wherever it was instantiated.
//
//   node bench/lib/wasm-crates.mjs [target/wasm32-unknown-unknown/release/patchboard.wasm] [top] [--functions]
//
// With --functions it also lists the `top` largest functions, with their crate.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../tests/e2e/lib/server.mjs';

const listFunctions = process.argv.includes('--functions');
const [fileArgument, topArgument] = process.argv.slice(2).filter((argument) => !argument.startsWith('--'));
const file = fileArgument || join(REPO_ROOT, 'target/wasm32-unknown-unknown/release/patchboard.wasm');
const top = Number(topArgument ?? 20);
const bytes = readFileSync(file);

let at = 8;
const u32 = () => {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    result += (byte & 0x7f) * 2 ** shift;
    if (!(byte & 0x80)) return result;
    shift += 7;
  }
};
const text = (length) => bytes.toString('utf8', at, (at += length));

let importedFunctions = 0;
const bodySizes = [];
const names = new Map();
const sections = {};
while (at < bytes.length) {
  const id = bytes[at++];
  const size = u32();
  const end = at + size;
  if (id === 0) {
    const name = text(u32());
    sections[`custom:${name}`] = size;
    if (name === 'name') {
      while (at < end) {
        const kind = bytes[at++];
        const length = u32();
        const subEnd = at + length;
        if (kind === 1) {
          for (let count = u32(); count > 0; count--) {
            const index = u32();
            names.set(index, text(u32()));
          }
        }
        at = subEnd;
      }
    }
  } else {
    sections[['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'][id] ?? id] = size;
    if (id === 2) {
      for (let count = u32(); count > 0; count--) {
        text(u32());
        text(u32());
        const kind = bytes[at++];
        if (kind === 0) { importedFunctions++; u32(); }
        else if (kind === 1) { at++; const flags = u32(); u32(); if (flags & 1) u32(); }
        else if (kind === 2) { const flags = u32(); u32(); if (flags & 1) u32(); }
        else if (kind === 3) { at += 2; }
      }
    } else if (id === 10) {
      for (let count = u32(); count > 0; count--) {
        const length = u32();
        bodySizes.push(length);
        at += length;
      }
    }
  }
  at = end;
}

// Crate names from Cargo.lock, longest first so `leptos_router` wins over `leptos`.
const crates = [...readFileSync(join(REPO_ROOT, 'Cargo.lock'), 'utf8').matchAll(/^name = "([^"]+)"$/gm)]
  .map(([, name]) => name.replaceAll('-', '_'))
  .concat(['core', 'alloc', 'std', 'compiler_builtins', 'dlmalloc'])
  .sort((a, b) => b.length - a.length);
const crateOf = (name) => {
  let best = null;
  for (const crate of crates) {
    // Mangled paths spell a crate as its length then its name ("14reactive_graph"); impl paths as "crate..".
    const found = name.search(new RegExp(`((?<![0-9])${crate.length}${crate}(?=[0-9A-Z_]|$))|((?<![A-Za-z0-9_])${crate}(::|\\.\\.))`));
    if (found !== -1 && (best === null || found < best.at)) best = { crate, at: found };
  }
  return best?.crate ?? '(unnamed)';
};

const byCrate = new Map();
const functions = [];
let code = 0;
bodySizes.forEach((size, i) => {
  code += size;
  const name = names.get(importedFunctions + i) ?? '';
  const crate = crateOf(name);
  functions.push({ size, crate, name });
  byCrate.set(crate, (byCrate.get(crate) ?? 0) + size);
});
console.log(`${file}\nsections (bytes): ${JSON.stringify(sections)}`);
console.log(`code: ${bodySizes.length} functions, ${code} bytes; by crate (share of code):`);
for (const [crate, size] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${(size / 1024).toFixed(1).padStart(8)} KB  ${((100 * size) / code).toFixed(1).padStart(5)} %  ${crate}`);
}
if (listFunctions) {
  console.log(`largest ${top} functions (bytes, crate, name):`);
  for (const { size, crate, name } of functions.sort((a, b) => b.size - a.size).slice(0, top)) {
    console.log(`${String(size).padStart(8)}  ${crate.padEnd(16)} ${name.slice(0, 160)}`);
  }
}
