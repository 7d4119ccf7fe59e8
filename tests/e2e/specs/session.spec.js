// A reviewer's session never loses work (issue 14): typing does not replace the
// comparison, destructive actions can be undone, Back and Forward stay in the app. The
// reports are small texts written here (never the corpus's).
import { test, expect } from "@playwright/test";
import { drop, paste, storedInputs, townReport } from "./helpers.js";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const TOWNS = ["东山镇", "西河乡", "南岭镇", "北湖街道", "青石镇", "白沙乡", "红岩镇", "绿水乡", "金田镇", "银杏街道"];

const report = townReport;

/** Ten reports dropped at once: the comparison of ten rows. */
async function openTen(page) {
  await drop(
    page,
    TOWNS.map((town, i) => ({ name: `r${String(i + 1).padStart(2, "0")}.txt`, bytes: Buffer.from(report(town, i)) })),
  );
  await expect(page.locator("tr.compare-row")).toHaveCount(10);
}

const area = (page) => page.getByRole("textbox", { name: /报告全文|Report text/ });

test("typing in the paste box keeps the ten reports; only Analyse, Ctrl+Enter or a pasted report replaces them", async ({ page }) => {
  await page.goto("/");
  await openTen(page);
  const rows = page.locator("tr.compare-row");

  // One keystroke, a pause longer than the old typing delay: nothing is analysed.
  await area(page).click();
  await page.keyboard.type("x");
  await page.waitForTimeout(800);
  await expect(rows).toHaveCount(10);
  await expect(page.getByTestId("analyse")).toBeDisabled();
  await expect(page.getByTestId("analyse-hint")).toHaveText("至少 20 个字才能作为报告分析（现有 1 个）");

  // Undoing the keystroke in the box, Ctrl+Enter on too short a text: still the ten, no notice.
  await page.keyboard.press("Control+Z");
  await expect(area(page)).toHaveValue("");
  await page.keyboard.type("一、存在问题");
  await page.keyboard.press("Control+Enter");
  await page.waitForTimeout(500);
  await expect(rows).toHaveCount(10);
  await expect(page.locator(".notice")).toHaveCount(0);

  // A short paste goes into the box like typing.
  await paste(page, "二、不足");
  await expect(area(page)).toHaveValue("一、存在问题二、不足");
  await expect(rows).toHaveCount(10);

  // Typed out to a report and analysed with Ctrl+Enter: it replaces the comparison.
  await area(page).fill("");
  await area(page).pressSequentially("东风镇2024年度法治政府建设情况报告 一、主要举措和成效");
  await expect(page.getByTestId("analyse")).toBeEnabled();
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("report")).toBeVisible();
  await expect(page.locator(".report-title")).toContainText("东风镇");
  await expect(area(page)).toHaveValue("");
});

test("清空全部 asks first; undo brings the ten back, after a reload too", async ({ page }) => {
  await page.goto("/");
  await openTen(page);
  const rows = page.locator("tr.compare-row");

  // Cancelled with Escape: nothing happens, the focus is back on the button.
  await page.getByTestId("clear-all").click();
  const dialog = page.getByTestId("confirm-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("清空全部 10 份报告？");
  await expect(page.getByTestId("confirm-cancel")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(rows).toHaveCount(10);
  await expect(page.getByTestId("clear-all")).toBeFocused();

  // Confirmed with the keyboard: cleared, and undone.
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(page.getByTestId("confirm-ok")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(rows).toHaveCount(0);
  await expect(page.getByTestId("undo")).toHaveText("撤销清空（恢复 10 份报告）");
  await page.getByTestId("undo").click();
  await expect(rows).toHaveCount(10);

  // The session brought back is the one kept across a reload (once it is stored).
  await expect.poll(() => storedInputs(page)).toHaveLength(10);
  await page.reload();
  await expect(page.locator("tr.compare-row")).toHaveCount(10);
});

test("undo after a pasted report replaced the comparison, and after removing one", async ({ page }) => {
  await page.goto("/");
  await openTen(page);
  const rows = page.locator("tr.compare-row");
  await page.getByRole("button", { name: "移除 r03.txt" }).click();
  await expect(rows).toHaveCount(9);
  await expect(page.getByTestId("undo")).toHaveText("撤销移除“r03.txt”");

  await paste(page, report("东风镇", 20));
  await expect(page.getByTestId("report")).toBeVisible();
  await expect(rows).toHaveCount(0);
  await expect(page.getByTestId("undo")).toHaveText("撤销替换（恢复之前的 9 份报告）");
  await page.getByTestId("undo").click();
  await expect(rows).toHaveCount(9);
  await page.getByTestId("undo").click();
  await expect(rows).toHaveCount(10);
  await expect(page.locator('tr.compare-row[data-report="r03.txt"]')).toHaveCount(1);
  await expect(page.getByTestId("undo")).toHaveCount(0);
});

test("Back and Forward move between the comparison and a report; the scroll and the row come back; previous and next", async ({ page }) => {
  // A short window, so that the page scrolls.
  await page.setViewportSize({ width: 1100, height: 520 });
  await page.goto("/");
  await openTen(page);
  await expect(page).toHaveURL(/#\/compare$/);
  await page.getByTestId("filter-level").selectOption("township");
  await page.getByRole("button", { name: /^数据/ }).click();
  await page.getByRole("button", { name: /^数据/ }).click();
  await expect(page).toHaveURL(/#\/compare\?level=township&sort=metrics-desc$/);
  const compareUrl = page.url();

  // Not scrolled at all: the first row opened, Back, its row has the focus.
  const first = page.locator("button.open-report").first();
  await first.click();
  await expect(page).toHaveURL(/#\/report\/10$/);
  await page.goBack();
  await expect(first).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);

  // Scrolled down, the eighth report opened.
  const row = page.locator('tr.compare-row[data-report="r08.txt"] button.open-report');
  await row.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 40));
  await page.waitForTimeout(100);
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(0);
  await row.click();
  await expect(page.getByTestId("report")).toBeVisible();
  await expect(page).toHaveURL(/#\/report\/8$/);
  await expect(page.locator(".report-title")).toContainText("绿水乡");

  // Back: the comparison as it was, scrolled as it was, the row focused.
  await page.goBack();
  await expect(page.locator("tr.compare-row")).toHaveCount(10);
  expect(page.url()).toBe(compareUrl);
  await expect(row).toBeFocused();
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrolled)).toBeLessThanOrEqual(2);
  await expect(page.getByTestId("filter-level")).toHaveValue("township");

  // Forward: the report again; next and previous, by button and by key, follow the table's order.
  await page.goForward();
  await expect(page.locator(".report-title")).toContainText("绿水乡");
  await expect(page.getByTestId("place")).toHaveText("第 3 / 10 份");
  await expect(page.getByTestId("next-report")).toHaveAttribute("title", /\]/);
  await page.getByTestId("next-report").click();
  await expect(page).toHaveURL(/#\/report\/7$/);
  await expect(page.locator(".report-title")).toContainText("红岩镇");
  await page.keyboard.press("[");
  // Each step is its own entry of history: the second key after the first is drawn.
  await expect(page).toHaveURL(/#\/report\/8$/);
  await page.keyboard.press("[");
  await expect(page).toHaveURL(/#\/report\/9$/);
  await expect(page.locator(".report-title")).toContainText("金田镇");
  await expect(page.getByTestId("place")).toHaveText("第 2 / 10 份");
  await page.goBack();
  await expect(page).toHaveURL(/#\/report\/8$/);
  await expect(page.locator(".report-title")).toContainText("绿水乡");

  // A reload comes back to the report of the address.
  await page.waitForTimeout(300);
  await page.reload();
  await expect(page.locator(".report-title")).toContainText("绿水乡");
  await expect(page).toHaveURL(/#\/report\/8$/);
  // The history of the session survives it too.
  await page.goBack();
  await expect(page).toHaveURL(/#\/report\/7$/);
  await expect(page.locator(".report-title")).toContainText("红岩镇");
  await page.goForward();
  await page.goForward();
  await expect(page).toHaveURL(/#\/report\/9$/);
  await expect(page.locator(".report-title")).toContainText("金田镇");
});
