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
import { readModule } from '../../tools/wasm-module.mjs';

const listFunctions = process.argv.includes('--functions');
const [fileArgument, topArgument] = process.argv.slice(2).filter((argument) => !argument.startsWith('--'));
const file = fileArgument || join(REPO_ROOT, 'target/wasm32-unknown-unknown/release/patchboard.wasm');
const top = Number(topArgument ?? 20);
const bytes = readFileSync(file);

const { sections, importedFunctions, bodies, names } = readModule(bytes);
const bodySizes = bodies.map((body) => body.length);

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
