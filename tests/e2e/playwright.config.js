// End-to-end tests against the built dist/ (run `trunk build --release` first; scripts/test.sh does).
import { defineConfig } from "@playwright/test";

// E2E_PORT: another port when several checkouts run their tests on one machine.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: "./specs",
  reporter: [["list"]],
  timeout: 60_000,
  workers: 2,
  // The main-thread timings (worker.spec.js) run after every other spec, alone: two specs
  // at once on two cores would measure each other.
  projects: [
    { name: "specs", testIgnore: /worker\.spec\.js/ },
    { name: "main-thread timings", testMatch: /worker\.spec\.js/, dependencies: ["specs"] },
  ],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      // Debian's Chromium; Playwright's own browser download is not reachable here.
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    command: `node static-server.mjs ../../dist ${port}`,
    url: `http://127.0.0.1:${port}/index.html`,
    reuseExistingServer: false,
    stdout: "ignore",
  },
});
