// Starts Patchboard. An external module rather than Trunk's inline loader, so
// the page runs under a Content Security Policy without 'unsafe-inline'.
// Files the app loads itself (demo data, config.json) are found next to this
// script, so a host page may live at any path.
import init from "./patchboard.js";

const patchboard = (globalThis.Patchboard ??= {});
patchboard.assetBase = new URL("./", import.meta.url).href;

// config.json is asked for now, while the wasm loads, so that the data
// requests need not wait for its answer behind the first paint. The promise
// never rejects; the app takes its answer (src/ui/data/setup.rs). Not asked
// for when the host page configures the app itself.
if (globalThis.PATCHBOARD_CONFIG == null) {
  patchboard.configFile = fetch(new URL("./config.json", import.meta.url), {
    credentials: "same-origin",
    signal: AbortSignal.timeout(10000),
  })
    .then((response) => response.text().then((text) => ({ status: response.status, text })))
    .catch((error) => ({ error: error.name }));
}

init({ module_or_path: new URL("./patchboard_bg.wasm", import.meta.url) });
