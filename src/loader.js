// Starts Patchboard. An external module rather than Trunk's inline loader, so
// the page runs under a Content Security Policy without 'unsafe-inline'.
// Files the app loads itself (demo data, config.json) are found next to this
// script, so a host page may live at any path.
import init from "./patchboard.js";

const patchboard = (globalThis.Patchboard ??= {});
patchboard.assetBase = new URL("./", import.meta.url).href;

init({ module_or_path: new URL("./patchboard_bg.wasm", import.meta.url) });
