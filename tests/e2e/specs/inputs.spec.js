// Inputs as they really come (Word files, saved pages in GBK) and as they should never
// come (pictures, PDFs, damaged files, hostile text), several at once. Generated here.
import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { docx, drop, paste, statuses, storedZip } from "./helpers.js";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const REPORT = "某某乡2024年度法治政府建设情况报告\n一、2024年度推进法治政府建设的主要举措和成效\n全年开展法治讲座8场，发放资料1500余份。\n二、存在的不足和原因\n由于人员少，普法力量不足。\n";

test("bad files dropped together: one notice, a line per file with its own advice, the analysis stays", async ({ page }) => {
  await page.goto("/");
  await paste(page, REPORT);
  await expect(page.getByTestId("report")).toBeVisible();
  const before = await statuses(page);
  const good = docx([["某某乡2024年度法治政府建设情况报告"], ["2024年度推进法治政府建设的主要举措和成效", true], ["受理纠纷12起。"]]);
  const bad = [
    { name: "empty.txt", bytes: Buffer.alloc(0), advice: "是空的" },
    { name: "scan.png", bytes: Buffer.from("89504e470d0a1a0a0000000d4948445200", "hex"), advice: "OCR" },
    { name: "report.pdf", bytes: Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj"), advice: "复制文字" },
    { name: "old.doc", bytes: Buffer.from("d0cf11e0a1b11ae10000000000000000", "hex"), advice: "另存为 .docx" },
    { name: "archive.zip", bytes: storedZip([["readme.txt", "hello"]]), advice: "解压" },
    { name: "sheet.xlsx", bytes: storedZip([["xl/workbook.xml", "<workbook/>"]]), advice: "Excel 表格" },
    { name: "broken.docx", bytes: good.subarray(0, Math.floor(good.length / 2)), advice: "重新另存为 .docx" },
    { name: "noise.bin", bytes: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24)), advice: "不是文字文件" },
  ];
  await drop(page, bad);
  const notice = page.locator(".notice-error");
  await expect(notice).toHaveCount(1);
  await expect(notice.locator(".notice-head")).toHaveText(`${bad.length} 个文件无法分析：`);
  await expect(notice.locator(".notice-kept")).toHaveText("当前分析保持不变。");
  const lines = notice.locator(".failure-list li");
  await expect(lines).toHaveCount(bad.length);
  for (const f of bad) {
    await expect(lines.filter({ hasText: f.name })).toHaveCount(1);
    await expect(lines.filter({ hasText: f.name }), f.name).toContainText(f.advice);
  }
  // In the UI's language only: no English kind names in the Chinese notice.
  await expect(notice).not.toContainText("image");
  await expect(notice).not.toContainText("save it");
  expect(await statuses(page)).toEqual(before);
  await expect(page.locator(".report-title")).toHaveText("某某乡2024年度法治政府建设情况报告");

  // The same notice in English, worded again, not translated in part.
  await page.getByRole("button", { name: "English" }).click();
  await expect(notice.locator(".notice-head")).toHaveText(`${bad.length} files could not be analysed:`);
  await expect(notice.locator(".notice-kept")).toHaveText("The current analysis is kept.");
  expect(await lines.allTextContents()).not.toContainEqual(expect.stringMatching(/[\u4e00-\u9fff]/));
});

test("a bad file on an empty page does not claim an analysis was kept", async ({ page }) => {
  await page.goto("/");
  await drop(page, [{ name: "scan.png", bytes: Buffer.from("89504e470d0a1a0a0000000d4948445200", "hex") }]);
  const notice = page.locator(".notice-error");
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText("“scan.png”是图片（PNG）");
  await expect(notice).not.toContainText("保持不变");
});

test("a Word file: numbering written out, figures found", async ({ page }) => {
  await page.goto("/");
  const file = docx([
    ["某某镇2024年法治政府建设情况报告"],
    ["2024年度推进法治政府建设的主要举措和成效", true],
    ["全年受理矛盾纠纷45起，调解成功率98%。"],
    ["2024年度推进法治政府建设存在的不足和原因", true],
    ["由于人员不足，宣传不够。"],
  ]);
  await drop(page, [{ name: "report.docx", bytes: file }]);
  await expect(page.getByTestId("report")).toBeVisible();
  await expect(page.locator(".meta-grid")).toContainText("DOCX");
  await expect(page.locator(".hd-1").first()).toHaveText("一、2024年度推进法治政府建设的主要举措和成效");
  await expect(page.getByTestId("metric-count")).toHaveText("2");
  expect((await statuses(page)).shortcomings).toBe("present");
});

test("a saved web page in GBK: body text only", async ({ page, baseURL }) => {
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto("/");
  const html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>某某县2024年法治政府建设情况报告</title>
<script>document.title = "被改写";</script><style>p{}</style></head><body><nav>首页 | 政务公开</nav><div class="bread">首页 &gt; 政务公开 &gt; 法治政府</div>
<div id="zoom"><p>一、2024年度推进法治政府建设的主要举措和成效</p><p>全年办理行政复议案件25件，行政应诉案件18件。</p></div><footer>版权所有</footer></body></html>`;
  const bytes = execFileSync("iconv", ["-f", "UTF-8", "-t", "GBK"], { input: html });
  await drop(page, [{ name: "page.html", bytes }]);
  await expect(page.getByTestId("report")).toBeVisible();
  await expect(page.locator(".meta-grid")).toContainText("HTML · GB18030");
  await expect(page.getByTestId("metric-count")).toHaveText("2");
  await expect(page.getByTestId("text-view")).not.toContainText("被改写");
  await expect(page.getByTestId("text-view")).not.toContainText("版权所有");
  await expect(page.locator(".tl.chrome")).toHaveCount(1);
  expect(requests.every((u) => u.startsWith(new URL(baseURL).origin))).toBe(true);
});

test("hostile text is shown as text", async ({ page }) => {
  const dialogs = [];
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await page.goto("/");
  const hostile = "一、主要举措<script>alert(1)</script>\n<img src=x onerror=alert(2)>发放资料30份。\n\u202E打开资料5份\u202C\n=HYPERLINK(\"x\")共3次。\n";
  await paste(page, hostile);
  await expect(page.getByTestId("report")).toBeVisible();
  await expect(page.getByTestId("text-view")).toContainText("<script>alert(1)</script>");
  await expect(page.getByTestId("text-view")).toContainText("<img src=x onerror=alert(2)>");
  await expect(page.getByTestId("text-view")).toContainText("⟨RLO⟩打开资料5份⟨PDF⟩");
  await expect(page.locator("[data-testid=text-view] img, [data-testid=text-view] script")).toHaveCount(0);
  const download = page.waitForEvent("download");
  await page.getByTestId("download-csv").click();
  const csv = readFileSync(await (await download).path(), "utf8");
  expect(csv).toContain("'=HYPERLINK");
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
});
