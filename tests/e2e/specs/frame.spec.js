// The frame as real pages carry it (issue 12): five reports whose pages carry a portal's
// metadata block, each in another layout (bracketed pairs two to a line, a bullet list with
// label and value on separate lines, a table flattened into `|` rows, a byline under the
// title, label and value run together), with page chrome around them. The comparison shows
// issuer, level, year and date for every row and marks the late one; the header card says
// where each field was read and shows that line; a reviewer's correction is used by the
// findings and the comparison, kept across a reload, exported, and undone.
// The fixtures (tests/e2e/fixtures/frame/) are our own texts: invented places, our numbers.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { drop, storedRecord } from "./helpers.js";

const dir = resolve(import.meta.dirname, "../fixtures/frame");
const file = (name) => ({ name, bytes: readFileSync(resolve(dir, name)) });

// What each page says: issuer, level (as the Chinese UI names it), year, publication date.
const PAGES = [
  { name: "bracketed-pairs.txt", issuer: "石桥乡", level: "乡镇（街道）", year: "2024", published: "2025-03-20", late: false },
  { name: "bullet-list.txt", issuer: "云河区司法局", level: "部门", year: "2024", published: "2025-04-15", late: true },
  { name: "flattened-table.txt", issuer: "南溪县人民政府", level: "县（区）", year: "2024", published: "2025-03-12", late: false },
  { name: "byline.txt", issuer: "丹霞州", level: "市", year: "2024", published: "2025-03-28", late: false },
  { name: "run-together.txt", issuer: "北关街道", level: "乡镇（街道）", year: "2024", published: "2025-03-30", late: false },
];

const row = (page, name) => page.locator(`tr.compare-row[data-report="${name}"]`);
const cell = (page, name, col) => row(page, name).locator(`td[data-col="${col}"]`);

test("five metadata-block pages: every row has issuer, level, year and date; the late one is marked", async ({ page }) => {
  await page.goto("/");
  await drop(page, PAGES.map((p) => file(p.name)));
  await expect(page.locator("tr.compare-row")).toHaveCount(PAGES.length);
  for (const p of PAGES) {
    await expect(cell(page, p.name, "issuer"), p.name).toHaveText(p.issuer);
    await expect(cell(page, p.name, "level"), p.name).toHaveText(p.level);
    await expect(cell(page, p.name, "year"), p.name).toHaveText(p.year);
    await expect(cell(page, p.name, "published"), p.name).toContainText(p.published);
    await expect(cell(page, p.name, "published").locator(".late-mark"), p.name).toHaveCount(p.late ? 1 : 0);
  }
  // Page chrome is never the title: each row opens a report titled by its own title.
  await row(page, "byline.txt").locator("button.open-report").click();
  await expect(page.locator(".report-title")).toHaveText("丹霞州2024年法治政府建设年度报告");
  // The site's name above it is chrome, shown dimmed in the text.
  await expect(page.locator("#L1")).toHaveClass(/chrome/);
});

test("the header card says where each field was read, shows that line, and takes corrections that stay, export and undo", async ({ page }) => {
  await page.goto("/");
  await drop(page, [file("bracketed-pairs.txt")]);
  const card = page.locator(".header-card");
  await expect(card.locator(".report-title")).toHaveText("石桥乡2024年法治政府建设情况报告");

  // Evidence on hover: the publication date was read from the metadata block, line 7.
  const date = page.getByTestId("evidence-publish_date");
  await expect(date).toHaveText("2025-03-20");
  await expect(date).toHaveAttribute("data-source", "metadata");
  await expect(date).toHaveAttribute("title", "读自网页的信息公开元数据，第 7 行（点击在原文中定位）");
  await expect(page.getByTestId("evidence-signed_date")).toHaveAttribute("data-source", "signature");
  // A click shows the line: it is focused in the text view.
  await date.click();
  await expect(page.locator("#L7")).toBeFocused();
  await expect(page.locator("#L7")).toContainText("[ 发布日期 ] 2025-03-20");
  // Metadata and chrome lines are dimmed.
  await expect(page.locator("#L7")).toHaveClass(/meta/);
  await expect(page.locator("#L1")).toHaveClass(/chrome/);
  await expect(page.locator('li.finding[data-code="published_late"]')).toHaveCount(0);

  // Correcting the issuer (the page's full name) and the date (the report went up later).
  await page.getByTestId("correct-issuer").click();
  await expect(page.getByTestId("correct-issuer-value")).toBeFocused();
  await page.getByTestId("correct-issuer-value").fill("青禾县石桥乡人民政府");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("evidence-issuer")).toHaveText("青禾县石桥乡人民政府");
  await expect(page.getByTestId("corrected-issuer")).toHaveAttribute("title", "审阅者已更正；原读取为：石桥乡");
  // A value that is no date is refused, and says why.
  await page.getByTestId("correct-publish_date").click();
  await page.getByTestId("correct-publish_date-value").fill("");
  await page.getByTestId("correct-publish_date-save").click();
  await expect(page.locator(".correct-error")).toHaveText("请填写有效日期（年-月-日）");
  await page.getByTestId("correct-publish_date-value").fill("2025-04-08");
  await page.getByTestId("correct-publish_date-save").click();
  await expect(page.getByTestId("evidence-publish_date")).toHaveText("2025-04-08");
  await expect(page.getByTestId("evidence-publish_date")).toHaveAttribute("data-source", "correction");
  // The findings use it: published after 1 April.
  await expect(page.locator('li.finding[data-code="published_late"]')).toHaveCount(1);
  // The issuer correction was kept when the date was corrected.
  await expect(page.getByTestId("evidence-issuer")).toHaveText("青禾县石桥乡人民政府");

  // Exported: the JSON says which fields were corrected and what was read.
  const download = page.waitForEvent("download");
  await page.getByTestId("download-json").click();
  const json = JSON.parse(readFileSync(await (await download).path(), "utf8"));
  expect(json.meta.issuer).toBe("青禾县石桥乡人民政府");
  expect(json.meta.publish_date).toBe("2025-04-08");
  expect(json.meta.corrected).toEqual([
    { field: "issuer", read: "石桥乡", read_at: { source: "title", line: 8 } },
    { field: "publish_date", read: "2025-03-20", read_at: { source: "metadata", line: 7 } },
  ]);
  expect(json.meta.evidence.publish_date).toEqual({ source: "correction", line: null });

  // Kept across a reload (stored with the input), and used by the comparison.
  await expect.poll(async () => (await storedRecord(page)) ?? "").toContain("correct publish_date 2025-04-08");
  await page.reload();
  await expect(page.getByTestId("evidence-issuer")).toHaveText("青禾县石桥乡人民政府");
  await expect(page.getByTestId("evidence-publish_date")).toHaveText("2025-04-08");
  await expect(page.getByTestId("corrected-publish_date")).toBeVisible();
  await page.getByTestId("add-mode").check();
  await drop(page, [file("byline.txt")]);
  await expect(page.locator(".report-title")).toHaveText("丹霞州2024年法治政府建设年度报告");
  await page.getByTestId("back-to-compare").click();
  await expect(page.locator("tr.compare-row")).toHaveCount(2);
  await expect(cell(page, "bracketed-pairs.txt", "issuer")).toContainText("青禾县石桥乡人民政府");
  await expect(cell(page, "bracketed-pairs.txt", "published").locator(".late-mark")).toHaveCount(1);
  await expect(cell(page, "bracketed-pairs.txt", "published").locator(".corrected-cell")).toHaveCount(1);

  // Undone, one field at a time: the date read from the page again, the issuer kept.
  await row(page, "bracketed-pairs.txt").locator("button.open-report").click();
  await page.getByTestId("undo-publish_date").click();
  await expect(page.getByTestId("evidence-publish_date")).toHaveText("2025-03-20");
  await expect(page.getByTestId("evidence-publish_date")).toHaveAttribute("data-source", "metadata");
  await expect(page.getByTestId("corrected-publish_date")).toHaveCount(0);
  await expect(page.locator('li.finding[data-code="published_late"]')).toHaveCount(0);
  await expect(page.getByTestId("evidence-issuer")).toHaveText("青禾县石桥乡人民政府");
  await expect.poll(async () => (await storedRecord(page)) ?? "").not.toContain("correct publish_date");
  await page.getByTestId("undo-issuer").click();
  await expect(page.getByTestId("evidence-issuer")).toHaveText("石桥乡");
  await expect(page.getByTestId("corrected-issuer")).toHaveCount(0);
});

test("level and year are corrected with their own controls, in English too", async ({ page }) => {
  await page.goto("/");
  await drop(page, [file("run-together.txt")]);
  await expect(page.getByTestId("evidence-level")).toHaveText("乡镇（街道）");
  await page.locator("button.lang-switch").click();
  await expect(page.getByTestId("evidence-level")).toHaveText("township");
  await expect(page.getByTestId("evidence-report_year")).toHaveAttribute("title", "Read from the title, line 6 (click to show it in the text)");
  await page.getByTestId("correct-level").click();
  await page.getByTestId("correct-level-value").selectOption("county");
  await page.getByTestId("correct-level-save").click();
  await expect(page.getByTestId("evidence-level")).toHaveText("county");
  await expect(page.getByTestId("corrected-level")).toHaveAttribute("title", "Corrected by the reviewer; the analysis read: township");
  await page.getByTestId("correct-report_year").click();
  await page.getByTestId("correct-report_year-value").fill("1800");
  await page.getByTestId("correct-report_year-save").click();
  await expect(page.locator(".correct-error")).toHaveText("A year is four digits, 1900–2200");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("correct-report_year-value")).toHaveCount(0);
  await expect(page.getByTestId("evidence-report_year")).toHaveText("2024");
  // The level correction survived the cancelled year.
  await expect(page.getByTestId("evidence-level")).toHaveText("county");
});
