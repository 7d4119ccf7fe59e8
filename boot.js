// Starts the app. A separate file (not an inline script) so that the Content Security
// Policy in index.html can forbid inline scripts entirely.
import init from "./report-lens.js";

init({ module_or_path: new URL("./report-lens_bg.wasm", import.meta.url) });
