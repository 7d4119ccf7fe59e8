// The analysis runs in a Web Worker: the page stays responsive while a 24 MB file or a
// 200-file batch is analysed, a new paste supersedes the work under way, a batch can be
// stopped, and the figures table of a huge report is drawn where the reader looks.
// The texts are our own fixtures (crates/report-core/tests/fixtures), repeated.
import { test, expect } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { drop, dropPrepared, filesToDrop, paste, projectRoot } from "./helpers.js";

const fixturesDir = join(projectRoot, "crates/report-core/tests/fixtures");
const fixtures = readdirSync(fixturesDir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(join(fixturesDir, f), "utf8"));

/** Whole fixture reports repeated to about `bytes` (never over). */
function textOfSize(bytes) {
  const parts = [];
  let size = 0;
  for (let i = 0; ; i++) {
    const next = fixtures[i % fixtures.length] + "\n";
    const n = Buffer.byteLength(next);
    if (size + n > bytes) break;
    parts.push(next);
    size += n;
  }
  return parts.join("");
}

/** The longest main-thread task from now on (PerformanceObserver "longtask"). */
async function watchLongTasks(page) {
  await page.addInitScript(() => {
    window.__longest = 0;
    window.__tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__longest = Math.max(window.__longest, e.duration);
        window.__tasks.push(Math.round(e.duration));
      }
    }).observe({ type: "longtask", buffered: true });
  });
}

/** Scrolls the page and types in the paste box while `done` has not happened. */
async function scrollAndType(page, done) {
  const area = page.getByRole("textbox", { name: /报告全文|Report text/ });
  for (let i = 0; i < 40 && !(await done()); i++) {
    await page.mouse.wheel(0, i % 2 ? -300 : 300);
    await area.press("x");
    await page.waitForTimeout(50);
  }
}

// One test at a time (and after every other spec: see playwright.config.js).
test.describe.configure({ mode: "serial" });

// The gate, as issue 11 asks: no main-thread task over 200 ms while the page analyses, on a
// shared 2-core machine. Measured here (2026-12-02, the text read a piece per task, the text
// view's model built by the worker, a stored input copied out a piece per task): most runs
// of either test have no task over 50 ms at all; the longest seen was 133 ms. Before those
// three changes the 24 MB file reached 232-292 ms. `npm run bench` reports medians.
const LONGEST_TASK_MS = 200;

test("a 24 MB file is analysed while the page scrolls and takes keys, no task over 200 ms", async ({ page }) => {
  test.setTimeout(180_000);
  await watchLongTasks(page);
  await page.goto("/");
  await page.getByRole("textbox").waitFor();
  // Let the worker load first: its start-up is not what is measured.
  await page.waitForTimeout(1500);
  const text = textOfSize(24 * 1000 * 1000);
  expect(Buffer.byteLength(text)).toBeGreaterThan(23 * 1000 * 1000);
  const dataTransfer = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], "huge.txt"));
    return dt;
  }, text);
  await page.evaluate(() => { window.__longest = 0; window.__tasks = []; });
  await page.dispatchEvent(".app", "drop", { dataTransfer });
  const report = page.getByTestId("report");
  await scrollAndType(page, () => report.isVisible());
  await expect(report).toBeVisible({ timeout: 120_000 });
  await expect(page.locator(".header-card")).toContainText("22.9 MB");
  const { longest, tasks } = await page.evaluate(() => ({ longest: window.__longest, tasks: window.__tasks }));
  console.log(`24 MB file: longest main-thread task ${longest.toFixed(0)} ms (${tasks.length} long tasks: ${tasks.join(", ")})`);
  // Where the page's time went while it filed the answer (user timings of the analysis queue).
  const steps = await page.evaluate(() => {
    const longest = {};
    for (const m of performance.getEntriesByType("measure")) longest[m.name] = Math.max(longest[m.name] ?? 0, Math.round(m.duration));
    return longest;
  });
  console.log(`24 MB file: longest step of each kind (ms): ${JSON.stringify(steps)}`);
  expect(longest).toBeLessThan(LONGEST_TASK_MS);

  // The figures table of a report this size is drawn where the reader looks.
  const count = Number(await page.getByTestId("metric-count").textContent());
  expect(count).toBeGreaterThan(10_000);
  const drawn = await page.locator("tr.metric-row").count();
  expect(drawn).toBeLessThan(200);
  await page.evaluate(() => { window.__longest = 0; });
  const scroller = page.getByTestId("metrics-scroll");
  await scroller.evaluate((el) => { el.scrollTop = el.scrollHeight / 2; });
  // Rows from the middle of the list are drawn.
  await expect
    .poll(async () => Number(await page.locator("tr.metric-row").first().getAttribute("data-metric")), { timeout: 10_000 })
    .toBeGreaterThan(1000);
  await scroller.evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await expect(page.locator("tr.metric-row").last()).toBeVisible();
  expect(await page.evaluate(() => window.__longest)).toBeLessThan(LONGEST_TASK_MS);
});

test("a 200-file batch is analysed while the page scrolls and takes keys, and can be stopped", async ({ page }) => {
  test.setTimeout(180_000);
  await watchLongTasks(page);
  await page.goto("/");
  await page.getByRole("textbox").waitFor();
  await page.waitForTimeout(1500);
  const files = Array.from({ length: 200 }, (_, i) => ({ name: `r-${String(i).padStart(3, "0")}.txt`, bytes: Buffer.from(fixtures[i % fixtures.length]) }));
  // The files are made on the page before the timing starts (that is the test's work).
  const dataTransfer = await filesToDrop(page, files);
  await page.evaluate(() => { window.__longest = 0; window.__tasks = []; });
  await dropPrepared(page, dataTransfer);
  const rows = page.locator("tr.compare-row");
  const count = page.getByTestId("row-count");
  const compared = async () => Number(((await count.textContent({ timeout: 100 }).catch(() => "")) ?? "").match(/\d+/)?.[0] ?? 0);
  await scrollAndType(page, async () => (await compared()) === 200);
  await expect(count).toContainText("200", { timeout: 120_000 });
  // The charts are drawn last, a part per task: the timing ends when they are.
  await expect(page.getByTestId("chart-kind")).toBeVisible();
  const { longest, tasks } = await page.evaluate(() => ({ longest: window.__longest, tasks: window.__tasks }));
  console.log(`200 files: longest main-thread task ${longest.toFixed(0)} ms (${tasks.length} long tasks: ${tasks.join(", ")})`);
  expect(longest).toBeLessThan(LONGEST_TASK_MS);

  // The comparison draws the rows its box shows; scrolled to the end, the last report's.
  const drawn = await rows.count();
  expect(drawn).toBeGreaterThan(10);
  expect(drawn).toBeLessThan(100);
  await page.evaluate(() => { window.__longest = 0; });
  const box = page.getByTestId("compare-scroll");
  await box.evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await expect(rows.last()).toHaveAttribute("data-report", "r-199.txt");
  // …and it is where the box shows it, not under a spacer.
  const inBox = await box.evaluate((el) => {
    const rows = el.querySelectorAll("tr.compare-row");
    const [row, seen] = [rows[rows.length - 1].getBoundingClientRect(), el.getBoundingClientRect()];
    return row.top >= seen.top && row.bottom <= seen.bottom + 1;
  });
  expect(inBox).toBe(true);
  // Sorted by name the other way (a click or two on the report column), the first row
  // is that report.
  await box.evaluate((el) => { el.scrollTop = 0; });
  const byReport = page.locator(".compare-table thead .sort").first();
  await byReport.click();
  await expect(rows.first()).toHaveAttribute("data-report", /^r-(000|199)\.txt$/);
  if ((await rows.first().getAttribute("data-report")) !== "r-199.txt") await byReport.click();
  await expect(rows.first()).toHaveAttribute("data-report", "r-199.txt");
  expect(await page.evaluate(() => window.__longest)).toBeLessThan(LONGEST_TASK_MS);

  // A second batch, stopped on the way: what was analysed stays, the page is idle again.
  // Its files are larger (about 200 KB each, seconds for the batch), so that it is still
  // running when the stop is clicked.
  await page.getByTestId("add-mode").check();
  const larger = Buffer.from(textOfSize(200_000));
  await drop(page, Array.from({ length: 100 }, (_, i) => ({ name: `again-${String(i).padStart(3, "0")}.txt`, bytes: larger })));
  const progress = page.getByTestId("batch-progress");
  await expect(progress).toBeVisible();
  await expect.poll(async () => Number(await progress.getAttribute("value")), { timeout: 60_000, intervals: [50] }).toBeGreaterThan(2);
  await page.getByTestId("stop-batch").click();
  await expect(progress).toBeHidden();
  // The comparison draws the rows its box shows: its count says how many reports it has.
  const kept = await compared();
  expect(kept).toBeGreaterThan(200);
  expect(kept).toBeLessThan(300);
  // Nothing more arrives after the stop.
  await page.waitForTimeout(1500);
  expect(await compared()).toBe(kept);
});

test("a second paste during a running analysis shows the second report", async ({ page }) => {
  test.setTimeout(120_000);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/");
  await page.getByRole("textbox").waitFor();
  await page.waitForTimeout(1000);
  // A large first paste keeps the worker busy for a while.
  const first = "青禾县人民政府2024年法治政府建设情况报告\n" + textOfSize(8 * 1000 * 1000);
  const second = fixtures.find((t) => t.includes("一、")) ?? fixtures[0];
  await paste(page, first);
  await expect(page.locator(".busy, .batch")).toBeVisible();
  await paste(page, second);
  const report = page.getByTestId("report");
  await expect(report).toBeVisible({ timeout: 60_000 });
  await expect(page.locator(".tl").first()).toBeVisible();
  // The report shown is the second paste (its first line), and it stays so: the first
  // analysis, superseded, never replaces it.
  const firstLine = second.split(/\r?\n/).find((l) => l.trim());
  await expect(page.locator(".tl .tx").first()).toContainText(firstLine.trim().slice(0, 8));
  await page.waitForTimeout(3000);
  await expect(page.locator(".tl .tx").first()).toContainText(firstLine.trim().slice(0, 8));
  await expect(page.locator(".header-card")).not.toContainText("青禾县人民政府2024年");
});
