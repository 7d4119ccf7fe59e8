// Each seed report through the built page, as a reviewer uses it: paste, drop, click,
// download, reload, a bad file — and not one request to another origin.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { PARTS, cliJson, drop, expectSameOrigin, paste, recordRequests, seeds, statuses, storedInputs } from "./helpers.js";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

/** Checks the checklist and the metrics table against the gold file. */
async function expectGold(page, gold) {
  await expect(page.locator("li.part")).toHaveCount(5);
  const got = await statuses(page);
  for (const id of PARTS) {
    const present = got[id] !== "missing";
    expect(present, `part ${id}`).toBe(gold.required[id]);
  }
  // The gold lists the required figures and, separately, borderline ones ("neutral",
  // e.g. a rule such as 2人以上) that are neither required nor wrong.
  const count = Number(await page.getByTestId("metric-count").textContent());
  expect(count).toBeGreaterThanOrEqual(gold.metrics.length);
  expect(count).toBeLessThanOrEqual(gold.metrics.length + gold.neutral.length);
}

for (const seed of seeds()) {
  test.describe(seed.name, () => {
    test("paste: parts, figures, jumps, download, reload", async ({ page, baseURL }) => {
      const requests = recordRequests(page);
      const errors = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto("/");
      const text = readFileSync(seed.path, "utf8");
      await paste(page, text);
      await expect(page.getByTestId("report")).toBeVisible();
      await expectGold(page, seed.gold);

      // Clicking a part that is present scrolls the text to its heading.
      const present = page.locator("li.part[data-status=present] button, li.part[data-status=partial] button").first();
      await present.click();
      const line = await page.evaluate(() => document.activeElement?.id);
      expect(line).toMatch(/^L\d+$/);
      await expect(page.locator(`#${line}`)).toBeInViewport();

      // Clicking a figure's row scrolls to the figure and focuses it.
      // (The figures table is drawn a task or two after the verdict.)
      await expect(page.getByTestId("metric-count")).toBeVisible();
      const rows = page.locator("tr.metric-row");
      if ((await rows.count()) > 0) {
        const last = rows.last();
        const index = await last.getAttribute("data-metric");
        await last.click();
        await expect(page.locator(`#M${index}`)).toBeInViewport();
        await expect(page.locator(`#M${index}`)).toBeFocused();
      }

      // The pasted text survives a reload (once it is stored, a moment after it is drawn).
      await expect.poll(() => storedInputs(page)).toHaveLength(1);
      await page.reload();
      await expect(page.getByTestId("report")).toBeVisible();
      await expectGold(page, seed.gold);
      const shown = await page.locator(".tl .tx").first().textContent();
      expect(text.split(/\r?\n/)[0]).toContain(shown);

      expect(errors).toEqual([]);
      expectSameOrigin(requests, baseURL);
    });

    test("drop: the downloaded JSON equals report-cli; a PNG keeps the analysis", async ({ page, baseURL }) => {
      const requests = recordRequests(page);
      await page.goto("/");
      const bytes = readFileSync(seed.path);
      await drop(page, [{ name: seed.name, bytes }]);
      await expect(page.getByTestId("report")).toBeVisible();
      await expectGold(page, seed.gold);

      const download = page.waitForEvent("download");
      await page.getByTestId("download-json").click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/-summary\.json$/);
      const downloaded = readFileSync(await file.path());
      expect(downloaded.equals(cliJson(seed.path)), "download == report-cli analyze").toBe(true);

      // A picture dropped on the page: a clear message, the analysis stays.
      const before = await statuses(page);
      await drop(page, [{ name: "scan.png", type: "image/png", bytes: Buffer.from("89504e470d0a1a0a0000000d49484452", "hex") }]);
      await expect(page.locator(".notice-error")).toContainText("scan.png");
      expect(await statuses(page)).toEqual(before);
      expectSameOrigin(requests, baseURL);
    });
  });
}
