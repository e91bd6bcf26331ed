// Starts Patchboard. An external module rather than Trunk's inline loader, so
// the page runs under a Content Security Policy without 'unsafe-inline'.
// Files the app loads itself (demo data, config.json) are found next to this
// script, so a host page may live at any path.
const patchboard = (globalThis.Patchboard ??= {});
// What the app reads from this script (src/ui/data/setup.rs) is not part
// of the host's API: kept out of its listing (Object.keys, a spread).
const internal = (name, value) =>
  Object.defineProperty(patchboard, name, { value, writable: true, configurable: true });
internal("assetBase", new URL("./", import.meta.url).href);
// Until the app starts and replaces it, a token handed over waits where the
// app reads it first (src/ui/host_api.rs), so a host may call setToken as
// soon as this script has run.
patchboard.setToken ??= (token) => {
  if (typeof token === "string" || token === null) patchboard.token = token;
  else console.warn("Patchboard.setToken takes a string, or null to remove the token; the token was left as it was");
};

// config.json is asked for now, while the wasm loads, so that the data
// requests need not wait for its answer behind the first paint. The promise
// never rejects; the app takes its answer (src/ui/data/setup.rs). Not asked
// for when the host page configures the app itself.
if (globalThis.PATCHBOARD_CONFIG == null) {
  internal(
    "configFile",
    fetch(new URL("./config.json", import.meta.url), {
      credentials: "same-origin",
      signal: AbortSignal.timeout(10000),
    })
      .then((response) =>
        response.text().then((text) => ({
          status: response.status,
          text,
          url: response.url,
          redirected: response.redirected,
        })),
      )
      .catch((error) => ({ error: error.name })),
  );
}

// The app's host element (src/ui/mod.rs, HOST_SELECTOR). A portal that
// builds its page in script may add it after this script has run, and one
// that re-renders its page (a route change) may replace it: the app starts
// once it exists, and moves, running and with its state, into a new one.
const HOST_ID = "patchboard";
const hostElement = () => document.getElementById(HOST_ID);

// index.html's note that the code never ran shows two seconds in; on a slow
// link the code is then still arriving, and the note would call a page that
// is about to start broken. This script running is the proof it is not.
const startNote = hostElement()?.querySelector(":scope > .pb-not-started");
if (startNote) startNote.textContent = "Loading Patchboard…";

function whenHostExists() {
  if (hostElement()) return Promise.resolve();
  const loaded = () => {
    if (!hostElement()) console.warn(`Patchboard waits for an element with id "${HOST_ID}" to start in; the page has none yet`);
  };
  if (document.readyState === "complete") loaded();
  else addEventListener("load", loaded, { once: true });
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (hostElement()) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(document.documentElement, { childList: true, subtree: true });
  });
}

// The running app's root, once it has started.
let app = null;

function followHost() {
  app = hostElement()?.querySelector(":scope > .pb-app");
  if (!app) return;
  // Called once per batch of changes anywhere in the document, the app's own
  // included: it looks up one id and compares, and moves only when needed.
  new MutationObserver(() => {
    const host = hostElement();
    // A host that holds an app already holds this one, or its crash panel.
    if (host && !host.querySelector(":scope > .pb-app")) host.replaceChildren(app);
  }).observe(document.documentElement, { childList: true, subtree: true });
}

// Until the app's code runs, nothing else can report a failure: a wasm file
// that is missing or blocked, or a browser that cannot run it, would leave a
// blank page. A panic while starting has already put up its own panel.
// The panel's classes are those of src/ui/crash.rs: change them together.
// Never anywhere but the app's own element: a portal whose page has no host
// now (another route) keeps its page whole.
function showFailure(title, advice, error) {
  const element = (tag, text) => Object.assign(document.createElement(tag), { textContent: text });
  const panel = element("div");
  panel.className = "pb-crash";
  panel.setAttribute("role", "alert");
  // Text content, never markup.
  panel.append(element("h1", title), element("p", advice), element("pre", String(error)));
  // A running app's root takes the panel wherever it is: out of the page,
  // it shows when followHost moves it into the portal's next host.
  if (app) {
    if (!app.querySelector(".pb-crash")) app.replaceChildren(panel);
    return;
  }
  whenHostExists().then(() => {
    const host = hostElement();
    if (host.querySelector(".pb-crash")) return;
    const root = element("div");
    root.className = "pb-app";
    root.append(panel);
    host.replaceChildren(root);
  });
}

// What the page's Content Security Policy blocked of the app while it
// started: the likeliest reason it could not, named so that it can be
// allowed. Not a report-only policy's reports, nor what it blocked of the
// portal's own (a tracking pixel), which would send the search astray.
const blockedByPolicy = new Set();
const APP_NEEDS = ["wasm-eval", "eval", "trusted-types-sink"];
const noteBlocked = (event) => {
  const uri = event.blockedURI;
  const ours = uri.startsWith(patchboard.assetBase) || APP_NEEDS.includes(uri);
  if (event.disposition === "enforce" && ours) blockedByPolicy.add(`${event.effectiveDirective} (${uri})`);
};
document.addEventListener("securitypolicyviolation", noteBlocked);

// Imported here rather than at the top, so that a patchboard.js the server
// did not send is reported like a missing wasm file.
Promise.all([import("./patchboard.js"), whenHostExists()])
  .then(([{ default: init }]) => init({ module_or_path: new URL("./patchboard_bg.wasm", import.meta.url) }))
  .then(followHost)
  // The policy's reports are queued: the one behind this failure may not be in yet.
  .catch((error) => new Promise((done) => setTimeout(done, 50)).then(() => Promise.reject(error)))
  .catch((error) => {
    console.error("Patchboard could not start:", error);
    const advice =
      blockedByPolicy.size > 0
        ? `The page's Content Security Policy blocked what the app needs: ${[...blockedByPolicy].join(", ")}. ` +
          "Nothing was changed on your endpoints. Ask your Patchboard administrator to allow it: " +
          "script-src needs 'wasm-unsafe-eval', connect-src the address the app is served from, " +
          "and Trusted Types (require-trusted-types-for) cannot be required of this page."
        : "This browser could not load or run the app's code. Nothing was changed on your " +
          "endpoints. Reload the page; if this keeps happening, update the browser, and ask " +
          "your Patchboard administrator to check that patchboard.js and patchboard_bg.wasm " +
          "are served beside loader.js and that the page's Content Security Policy allows " +
          "'wasm-unsafe-eval'.";
    showFailure("Patchboard could not start", advice, error);
  })
  .finally(() => document.removeEventListener("securitypolicyviolation", noteBlocked));

// The files whose frames in a stack show that an error passed through the
// app's code.
const APP_FILES = ["./patchboard.js", "./patchboard_bg.wasm"].map((file) => new URL(file, import.meta.url).href);

// Whether a trap is the app's rather than another WebAssembly module's on a
// portal page: its stack names the app's glue or wasm, or no file at all (a
// wasm compiled from bytes, which is not told apart).
function isTheApps(error) {
  const stack = String(error.stack ?? "");
  return APP_FILES.some((file) => stack.includes(file)) || !/\b(https?|file):/.test(stack);
}

// A trap in the running app (memory exhausted by an enormous answer, most
// likely) ends it without a panic, so the panic hook's panel never comes:
// the page would stay as it was, no longer answering.
function onTrap(error) {
  if (!(error instanceof WebAssembly.RuntimeError) || !isTheApps(error)) return;
  showFailure(
    "Patchboard stopped",
    "The app's code could not go on, most likely because an answer from the backend was " +
      "too large for the browser's memory. Nothing was changed on your endpoints. Reload " +
      "the page; if this keeps happening, ask your Patchboard administrator to page or " +
      "filter what the backend sends.",
    error,
  );
}
addEventListener("error", (event) => onTrap(event.error));
addEventListener("unhandledrejection", (event) => onTrap(event.reason));
