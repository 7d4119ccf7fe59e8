// Offline after the first visit (issue 11): the service worker (sw.js, written by
// scripts/write-sw.mjs) keeps every file of the build; with the network off a reload shows
// the app and restores the session. Served here under a sub-path, as the README's
// deployment section describes, by a static server of its own.
import { test, expect } from "@playwright/test";
import { execFileSync, spawn } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { drop, projectRoot, storedInputs, townReport } from "./helpers.js";

const PORT = Number(process.env.E2E_OFFLINE_PORT ?? 4174);
const APP = `http://127.0.0.1:${PORT}/tools/report-lens/`;
const dist = resolve(projectRoot, "dist");
let server;
let root;

test.beforeAll(async () => {
  // The site's root holds dist/ as tools/report-lens/.
  root = mkdtempSync(join(tmpdir(), "report-lens-site-"));
  mkdirSync(join(root, "tools"));
  symlinkSync(dist, join(root, "tools", "report-lens"));
  // A copy of its own for the test that deploys a new build over it.
  cpSync(dist, join(root, "deployed"), { recursive: true });
  server = spawn(process.execPath, [resolve(projectRoot, "tests/e2e/static-server.mjs"), root, String(PORT)], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise((ready) => server.stdout.once("data", ready));
});

test.afterAll(() => {
  server?.kill();
  rmSync(root, { recursive: true, force: true });
});

const TOWNS = ["东坪镇", "西岭乡", "南溪镇", "北坡乡", "青禾镇", "云河乡", "石桥镇", "竹溪乡", "松林镇", "梅岭乡"];

test("with the network off, a reload shows the app and its ten reports; a new tab opens too", async ({ page, context }) => {
  await page.goto(APP);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(APP);
  await drop(page, TOWNS.map((town, i) => ({ name: `r${String(i + 1).padStart(2, "0")}.txt`, bytes: Buffer.from(townReport(town, i)) })));
  await expect(page.locator("tr.compare-row")).toHaveCount(10);
  await page.locator('tr.compare-row[data-report="r04.txt"] button.open-report').click();
  await expect(page).toHaveURL(/#\/report\/4$/);
  await expect.poll(() => storedInputs(page)).toHaveLength(10);

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator(".report-title")).toContainText("北坡乡");
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await page.getByTestId("back-to-compare").click();
  await expect(page.locator("tr.compare-row")).toHaveCount(10);
  // What the page loads later (the GBK and Big5 tables) comes from the cache too.
  expect(await page.evaluate(async () => (await fetch("legacy-encodings.bin")).status)).toBe(200);

  const other = await context.newPage();
  await other.goto(APP);
  await expect(other.getByTestId("back-to-compare").or(other.locator("tr.compare-row").first())).toBeVisible();
  await context.setOffline(false);
});

test("the cache is the build's: every file of dist/, named by the build's hash", async ({ page }) => {
  await page.goto(APP);
  await page.evaluate(async () => navigator.serviceWorker.ready);
  const sw = readFileSync(join(dist, "sw.js"), "utf8");
  const build = sw.match(/const BUILD = "([0-9a-f]{16})";/)[1];
  const files = JSON.parse(sw.match(/const FILES = (\[[\s\S]*?\]);\n/)[1]).map(([path]) => path);
  expect(files).toContain("index.html");
  expect(files).toContain("report-lens_bg.wasm");
  expect(files).not.toContain("sw.js");
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names[0]);
    return { names, urls: (await cache.keys()).map((r) => r.url) };
  });
  expect(cached.names).toEqual([`report-lens ${APP} ${build}`]);
  expect(cached.urls.map((u) => u.slice(APP.length)).sort()).toEqual([...files].sort());
});

test("a new deployment: open pages keep the old build whole; once they are closed the new one replaces the old cache", async ({ context }) => {
  const site = join(root, "deployed");
  const app = `http://127.0.0.1:${PORT}/deployed/`;
  const page = await context.newPage();
  await page.goto(app);
  await page.evaluate(async () => navigator.serviceWorker.ready);
  const first = await page.evaluate(() => caches.keys());
  expect(first).toHaveLength(1);
  await page.reload();
  const html = () => page.evaluate(async () => (await fetch("index.html")).text());
  expect(await html()).not.toContain("<!-- build 2 -->");

  // Deployed over it: another index.html, and the sw.js that the build writes for it.
  appendFileSync(join(site, "index.html"), "<!-- build 2 -->\n");
  execFileSync(process.execPath, [resolve(projectRoot, "scripts/write-sw.mjs")], {
    env: { ...process.env, TRUNK_STAGING_DIR: site, TRUNK_SOURCE_DIR: projectRoot, TRUNK_PROFILE: "release" },
  });
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration.update();
    while (!registration.waiting) await new Promise((r) => setTimeout(r, 50));
  });
  // Installed beside the old one, not in use: the open page still gets the old build's files.
  expect(await page.evaluate(() => caches.keys())).toHaveLength(2);
  expect(await html()).not.toContain("<!-- build 2 -->");
  await page.reload();
  expect(await html()).not.toContain("<!-- build 2 -->");

  // Every page of the old build closed: the new build serves, its cache alone remains.
  await page.close();
  const next = await context.newPage();
  await next.goto(app);
  // (The new worker activates as the last old page goes: the first new page may come just before.)
  await expect
    .poll(async () => {
      await next.reload();
      return next.evaluate(async () => (await fetch("index.html")).text());
    })
    .toContain("<!-- build 2 -->");
  expect(await next.evaluate(async () => (await navigator.serviceWorker.ready).active === navigator.serviceWorker.controller)).toBe(true);
  await expect.poll(() => next.evaluate(() => caches.keys())).toHaveLength(1);
  expect(await next.evaluate(() => caches.keys())).not.toEqual(first);
  await expect(next.getByLabel("报告全文")).toBeVisible();
});
