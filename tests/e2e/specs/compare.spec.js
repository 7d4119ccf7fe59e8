// Many reports side by side: the five seeds dropped at once.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { PARTS, drop, paste, projectRoot, seeds, storedInputs } from "./helpers.js";

const all = seeds();

test("five seeds dropped at once: a row each, sort, filter, CSV, reload, chart", async ({ page, baseURL }) => {
  test.skip(all.length === 0, "no corpus");
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.setViewportSize({ width: 1366, height: 1000 });
  await page.goto("/");
  await drop(page, all.map((s) => ({ name: s.name, bytes: readFileSync(s.path) })));
  const rows = page.locator("tr.compare-row");
  await expect(rows).toHaveCount(all.length);

  // Each row's parts match the gold.
  for (const seed of all) {
    const row = page.locator(`tr.compare-row[data-report="${seed.name}"]`);
    for (const id of PARTS) {
      const status = await row.locator(`td[data-part=${id}]`).getAttribute("data-status");
      expect(status !== "missing", `${seed.name} ${id}`).toBe(seed.gold.required[id]);
    }
  }

  // Sorting by the number of figures, descending.
  await page.getByRole("button", { name: /^数据/ }).click();
  await page.getByRole("button", { name: /^数据/ }).click();
  const counts = await rows.locator("td:nth-child(12)").allTextContents();
  const sorted = [...counts].map(Number).sort((a, b) => b - a);
  expect(counts.map(Number)).toEqual(sorted);

  // Filtering to the reports that lack the first-responsible part.
  await page.getByTestId("filter-missing").selectOption("first_responsible");
  const lacking = all.filter((s) => !s.gold.required.first_responsible).length;
  await expect(rows).toHaveCount(lacking);
  await page.getByTestId("filter-missing").selectOption("");
  await expect(rows).toHaveCount(all.length);

  // The comparison CSV: a header and one row per report, parseable.
  const download = page.waitForEvent("download");
  await page.getByTestId("download-table-csv").click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("report-lens-comparison-table.csv");
  const csv = readFileSync(await file.path(), "utf8").replace(/^\uFEFF/, "");
  const lines = csv.trim().split(/\r\n/);
  expect(lines).toHaveLength(all.length + 1);
  expect(lines.every((l) => l.split(",").length === lines[0].split(",").length)).toBe(true);
  // In the Chinese UI it is worded for a reader: Chinese column names and values.
  expect(lines[0].startsWith("报告,报告单位,层级,报告年度,发布日期,逾期公开,主要举措和成效,")).toBe(true);
  expect(lines.slice(1).every((l) => /(已具备|不完整|缺失)/.test(l))).toBe(true);

  // The charts are drawn; a screenshot for the README.
  await expect(page.getByTestId("chart-parts")).toBeVisible();
  await expect(page.getByTestId("chart-parts").locator("rect")).toHaveCount(all.length * 2);
  // The figure chart never adds unlike things: 宣传资料 and 宣传小礼品 (both in 份) are two
  // kinds, each with its own bars, never one bar of 30600.
  const kindChart = page.getByTestId("chart-kind");
  await expect(kindChart).toBeVisible();
  await expect(kindChart.getByTestId("kind-group").filter({ hasText: "宣传资料（份）" })).toHaveCount(1);
  await expect(kindChart.getByTestId("kind-group").filter({ hasText: "宣传小礼品（份）" })).toHaveCount(1);
  await expect(kindChart).not.toContainText("30600");
  await page.screenshot({ path: resolve(projectRoot, "docs/screenshot-compare.png"), fullPage: false });

  // A row opens its report; back returns to the table.
  await page.locator("button.open-report").first().click();
  await expect(page.getByTestId("report")).toBeVisible();
  await page.getByTestId("back-to-compare").click();
  await expect(rows).toHaveCount(all.length);

  // The batch survives a reload (once it is stored, and the address names the comparison).
  await expect.poll(() => storedInputs(page)).toHaveLength(all.length);
  await expect(page).toHaveURL(/#\/compare(\?|$)/);
  await page.reload();
  await expect(page.locator("tr.compare-row")).toHaveCount(all.length);
  expect(requests.every((u) => u.startsWith(new URL(baseURL).origin))).toBe(true);
});

test("pasting one report after another with “add to comparison”", async ({ page }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/");
  const one = "甲镇2024年法治政府建设情况报告\n一、主要举措和成效\n开展培训3次。\n";
  const two = "乙乡2024年法治政府建设情况报告\n一、存在的不足和原因\n由于人员少。\n";
  await paste(page, one);
  await expect(page.getByTestId("report")).toBeVisible();
  await page.getByTestId("add-mode").check();
  await paste(page, two);
  await expect(page.getByTestId("back-to-compare")).toBeVisible();
  await page.getByTestId("back-to-compare").click();
  await expect(page.locator("tr.compare-row")).toHaveCount(2);
  const issuers = await page.locator("tr.compare-row td:nth-child(2)").allTextContents();
  expect(issuers.sort()).toEqual(["乙乡", "甲镇"].sort());
});

test("a comparison longer than its box: rows drawn where it looks, a report far down opened and back, its row focused", async ({ page }) => {
  await page.goto("/");
  // Our own small reports, 90 of them.
  const reports = Array.from({ length: 90 }, (_, i) => {
    const text = `第${i + 1}号镇人民政府2024年度法治政府建设情况报告\n一、主要举措和成效\n开展讲座${i + 1}场。\n二、存在的不足和原因\n人员少。\n`;
    return { name: `long-${String(i).padStart(2, "0")}.txt`, bytes: Buffer.from(text) };
  });
  await drop(page, reports);
  await expect(page.getByTestId("row-count")).toContainText("90 / 90");
  const rows = page.locator("tr.compare-row");
  await expect(rows.first()).toHaveAttribute("data-report", "long-00.txt");
  expect(await rows.count()).toBeLessThan(90);

  // Scrolled to the end of the box: the last rows are drawn, the first are not.
  const box = page.getByTestId("compare-scroll");
  await box.evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await expect(rows.last()).toHaveAttribute("data-report", "long-89.txt");
  await expect(page.locator('tr.compare-row[data-report="long-00.txt"]')).toHaveCount(0);

  // The 86th report opened, the next report stepped to, then back to the comparison.
  const row = page.locator('tr.compare-row[data-report="long-85.txt"] button.open-report');
  await row.click();
  await expect(page.locator(".report-title")).toContainText("第86号镇");
  await page.getByTestId("next-report").click();
  await expect(page.locator(".report-title")).toContainText("第87号镇");
  await page.getByTestId("back-to-compare").click();
  const back = page.locator('tr.compare-row[data-report="long-86.txt"] button.open-report');
  await expect(back).toBeFocused();
  await expect(back).toBeVisible();

  // From the top of the box, the first report opened and 40 stepped past ("]"): back, the
  // box opens at that report's row, which the old position would not show.
  await box.evaluate((el) => { el.scrollTop = 0; });
  await page.locator('tr.compare-row[data-report="long-00.txt"] button.open-report').click();
  await expect(page.locator(".report-title")).toContainText("第1号镇");
  for (let i = 0; i < 40; i++) await page.keyboard.press("]");
  await expect(page.locator(".report-title")).toContainText("第41号镇");
  await page.getByTestId("back-to-compare").click();
  const far = page.locator('tr.compare-row[data-report="long-40.txt"] button.open-report');
  await expect(far).toBeFocused();
  await expect(far).toBeInViewport();
});
