// Starts the app. A separate file (not an inline script) so that the Content Security
// Policy in index.html can forbid inline scripts entirely.
import init from "./report-lens.js";

init({ module_or_path: new URL("./report-lens_bg.wasm", import.meta.url) }).then(() => {
  // Offline after the first visit (sw.js): registered once the app runs, so that what it
  // downloads does not hold up the first load. Its scope is this directory, wherever the
  // app is deployed. Without service workers (an http:// address other than localhost, some
  // private windows) the app works as before, online only.
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker
      .register(new URL("./sw.js", import.meta.url), { scope: new URL("./", import.meta.url).href })
      .catch((error) => console.warn("Report Lens works online only here:", error));
  }
});
