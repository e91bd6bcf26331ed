#!/bin/sh
# Trunk's post_build hook: finishes a release build's staged files, in this
# order (Trunk runs a stage's hooks side by side, so the steps that depend on
# each other share one hook). Debug builds are left as Trunk wrote them.
set -eu
test "$TRUNK_PROFILE" = release || exit 0
cd "$TRUNK_STAGING_DIR"

# Minify wasm-bindgen's JS glue and the loader, which Trunk leaves as they
# are (its minifier cannot parse the glue's `export default` nor the
# loader's dynamic `import()`: the build's two WARNs, "Failed to minify
# JS"): esbuild (npm dev tool) takes the glue from 8.8 to 6.7 KB gzipped.
for script in patchboard.js loader.js; do
  esbuild "$script" --minify --format=esm --log-level=warning --allow-overwrite --outfile="$script"
done
# index.html holds the loader's integrity hash, taken before esbuild.
node "$TRUNK_SOURCE_DIR/tools/update-integrity.mjs" index.html loader.js

# Short import names in the wasm and the glue in place of wasm-bindgen's
# hashed ones: 5.7 KB less gzipped (wasm and js), the code unchanged.
node "$TRUNK_SOURCE_DIR/tools/shorten-import-names.mjs" patchboard_bg.wasm patchboard.js

# Reorder the wasm's functions so that similar ones sit side by side, where
# gzip's 32 KB window finds them: the same code, about 12 KB less gzipped.
node "$TRUNK_SOURCE_DIR/tools/order-wasm-functions.mjs" patchboard_bg.wasm

# Last, once every file is final: gzip (zopfli) and brotli copies beside
# each, for servers that send ready-made copies (docs/embedding.md).
node "$TRUNK_SOURCE_DIR/tools/precompress.mjs" .
