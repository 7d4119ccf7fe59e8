// Printing the comparison (issue 14): A4 landscape, every column on the paper. The PDF is
// the one Chromium prints; its text is read back with pdf.js. Our own small reports.
import { test, expect } from "@playwright/test";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { drop } from "./helpers.js";

const ISSUERS = ["青石县青石镇人民政府", "白沙市白沙区司法局", "红岩县人民政府", "绿水乡人民政府", "金田市人民政府办公室", "银杏街道办事处"];

/** A report of `issuer`; the file names are long, as downloaded ones are. */
function report(issuer, i) {
  const text =
    `${issuer}2024年度法治政府建设情况报告\n` +
    "一、2024年度推进法治政府建设的主要举措和成效\n" +
    `全年开展法治讲座${i + 2}场，发放资料${(i + 1) * 1000}余份，覆盖群众约${i + 1}.5万人次。\n` +
    "二、2024年度推进法治政府建设存在的不足和原因\n" +
    "由于人员少，普法力量不足。\n" +
    `${issuer}\n2025年3月${i + 1}日\n`;
  return { name: `${issuer}关于2024年度法治政府建设情况的报告（公开版）.txt`, bytes: Buffer.from(text) };
}

/** Each page's text items: the string and where it is drawn (PDF points). */
async function pdfPages(bytes) {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const { width, height } = page.getViewport({ scale: 1 });
    const items = (await page.getTextContent()).items.filter((item) => item.str.trim() !== "");
    pages.push({ width, height, items: items.map((item) => ({ str: item.str, x: item.transform[4], width: item.width })) });
  }
  return pages;
}

test("the comparison prints on A4 landscape with every column on the paper", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/");
  await drop(page, ISSUERS.map(report));
  await expect(page.locator("tr.compare-row")).toHaveCount(ISSUERS.length);
  const headers = (await page.locator(".compare-table thead .sort").allTextContents()).map((h) => h.replace(/[▲▼\s]/g, ""));
  expect(headers).toHaveLength(16);

  const pages = await pdfPages(await page.pdf({ format: "A4", landscape: true, printBackground: true }));
  const [first] = pages;
  expect(first.width, "landscape").toBeGreaterThan(first.height);
  // Every column's header is printed on the first page…
  const firstText = first.items.map((item) => item.str).join("").replace(/\s/g, "");
  for (const header of headers) expect(firstText, `column ${header}`).toContain(header);
  // …and nothing runs off the paper's side.
  for (const { width, items } of pages) {
    for (const item of items) {
      expect(item.x, `“${item.str}” starts on the paper`).toBeGreaterThanOrEqual(0);
      expect(item.x + item.width, `“${item.str}” ends on the paper`).toBeLessThanOrEqual(width + 0.5);
    }
  }
  // Every row is there.
  const allText = pages.flatMap((p) => p.items.map((item) => item.str)).join("");
  for (const issuer of ISSUERS) expect(allText).toContain(issuer);

  // Printed from the browser's dialog the stylesheet asks for A4 landscape itself.
  const [cssPage] = await pdfPages(await page.pdf({ preferCSSPageSize: true }));
  expect(Math.round(cssPage.width), "A4 landscape: 297 mm wide").toBe(842);
  expect(Math.round(cssPage.height), "A4 landscape: 210 mm high").toBe(595);
});

test("a comparison too long to draw whole on screen prints every row", async ({ page }) => {
  await page.goto("/");
  // 80 reports: the screen draws the rows its box shows (a window), the print all of them.
  const places = Array.from({ length: 80 }, (_, i) => `第${String(i + 1).padStart(2, "0")}号镇`);
  await drop(page, places.map((place, i) => ({ ...report(`${place}人民政府`, i % 20), name: `p${String(i + 1).padStart(2, "0")}.txt` })));
  await expect(page.getByTestId("row-count")).toContainText("80 / 80");
  const rows = page.locator("tr.compare-row");
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeLessThan(80);
  // Printed once the page is idle, as a reader would: the charts, drawn last, are there.
  await expect(page.getByTestId("chart-kind")).toBeVisible();

  const text = (await pdfPages(await page.pdf({ format: "A4", landscape: true }))).flatMap((p) => p.items.map((i) => i.str)).join("");
  for (let i = 1; i <= 80; i++) expect(text, `p${String(i).padStart(2, "0")}.txt printed`).toContain(`p${String(i).padStart(2, "0")}`);
  // After the print the screen draws a window again.
  await expect.poll(() => rows.count()).toBeLessThan(80);
});
