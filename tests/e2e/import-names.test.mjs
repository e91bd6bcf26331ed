// The release build's short import names (tools/shorten-import-names.mjs):
// the built wasm and glue carry no hashed names, and the tool renames both
// files alike or refuses. Every other e2e test runs the renamed build, so a
// glue that failed to supply an import would stop them all at start-up.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { DIST_DIR, REPO_ROOT } from './lib/server.mjs';
import { encodedSection, encodedText, leb } from '../../tools/wasm-module.mjs';

const SHORTEN = join(REPO_ROOT, 'tools/shorten-import-names.mjs');
/** wasm-bindgen's hashed names: a name, then 16 hex digits. */
const HASHED = /_[0-9a-f]{16}\b/;

/** A module that imports one `() -> ()` function per name from `./app_bg.js`. */
function moduleImporting(names) {
  const types = encodedSection(1, Buffer.concat([leb(1), Buffer.from([0x60, 0, 0])]));
  const imports = names.map((name) => Buffer.concat([encodedText('./app_bg.js'), encodedText(name), Buffer.from([0, 0])]));
  const importSection = encodedSection(2, Buffer.concat([leb(names.length), ...imports]));
  return Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), types, importSection]);
}

describe('short import names', () => {
  let dir;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'patchboard-imports-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('the release wasm imports by short names, and the glue spells no hashed one', async () => {
    const module = new WebAssembly.Module(await readFile(join(DIST_DIR, 'patchboard_bg.wasm')));
    const names = WebAssembly.Module.imports(module).map(({ name }) => name);
    assert.ok(names.length > 100, `only ${names.length} imports`);
    assert.deepEqual(names.filter((name) => !/^[a-z]{1,2}$/.test(name)), []);
    assert.doesNotMatch(await readFile(join(DIST_DIR, 'patchboard.js'), 'utf8'), HASHED);
  });

  test('renames each import alike in the wasm and as its key in the glue', async () => {
    const wasm = join(dir, 'app_bg.wasm');
    const glue = join(dir, 'app.js');
    const names = ['__wbg_alert_0123456789abcdef', '__wbg_log_fedcba9876543210', '__wbindgen_init_externref_table'];
    await writeFile(wasm, moduleImporting(names));
    await writeFile(glue, `const i={"./app_bg.js":{__proto__:null,${names.map((n, k) => `${n}:()=>${k}`).join(',')}}};`);
    await promisify(execFile)(process.execPath, [SHORTEN, wasm, glue]);
    const renamed = WebAssembly.Module.imports(new WebAssembly.Module(await readFile(wasm)));
    assert.deepEqual(renamed.map(({ name }) => name), ['a', 'b', 'c']);
    // Each key still holds the function its import had: `a` the first, and so on.
    assert.equal(await readFile(glue, 'utf8'), 'const i={"./app_bg.js":{__proto__:null,a:()=>0,b:()=>1,c:()=>2}};');
  });

  test('refuses a glue that names an import anywhere but its key', async () => {
    const wasm = join(dir, 'twice_bg.wasm');
    const glue = join(dir, 'twice.js');
    const name = '__wbg_alert_0123456789abcdef';
    const before = `const i={m:{${name}:()=>0}};${name}();`;
    await writeFile(wasm, moduleImporting([name]));
    await writeFile(glue, before);
    await assert.rejects(promisify(execFile)(process.execPath, [SHORTEN, wasm, glue]), /exactly once, as an object key/);
    assert.equal(await readFile(glue, 'utf8'), before, 'the glue was rewritten');
    assert.deepEqual(WebAssembly.Module.imports(new WebAssembly.Module(await readFile(wasm))).map(({ name: n }) => n), [name]);
  });
});
