// Writes the integrity hash of a script changed after Trunk hashed it (the
// loader, minified by esbuild in the post-build hook) into the page that
// loads it, so the browser does not block it as tampered with.
//
//   node tools/update-integrity.mjs <page.html> <script.js>

import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';

const [page, script] = process.argv.slice(2);
const hash = createHash('sha384').update(await readFile(script)).digest('base64');
const html = await readFile(page, 'utf8');
// The tag that loads `script`, its attributes quoted or not (Trunk minifies the page).
const tag = new RegExp(`<script[^>]*\\bsrc="?\\./${script.replace('.', '\\.')}"?[^>]*>`);
const found = html.match(tag);
if (!found || !/\bintegrity="?sha384-/.test(found[0])) {
  throw new Error(`${page} has no script tag with a sha384 integrity for ./${script}`);
}
const updated = found[0].replace(/\bintegrity=("?)sha384-[A-Za-z0-9+/=]+\1/, `integrity=$1sha384-${hash}$1`);
await writeFile(page, html.replace(found[0], updated));
