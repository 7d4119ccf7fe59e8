import { test, expect } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { paste, projectRoot, storedInputs } from "./helpers.js";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

// Our own sample (not a corpus text): what the README screenshots show.
const SAMPLE = `青石镇2024年度法治政府建设情况报告
中共青石县委员会，青石县人民政府：
2024年，青石镇坚持依法行政，现将有关情况报告如下：
一、2024年度推进法治政府建设的主要举措和成效
（一）强化组织领导。镇党委全年召开专题会议6次，研究解决法治建设重大问题9个。
（二）深化普法宣传。开展法治讲座24场，发放宣传册5600余份，覆盖群众约1.2万人次。
（三）化解矛盾纠纷。全年受理矛盾纠纷138起，调解成功率98.6%。
二、2024年度推进法治政府建设存在的问题
一是基层执法力量薄弱；二是普法形式较单一。
四、2025年度推进法治政府建设的主要安排
一是加强执法队伍建设；二是创新普法形式。
青石县青石镇人民政府
2025年4月8日`;

test("the page mounts, a paste is analysed, screenshots light and dark", async ({ page }) => {
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto("/");
  await expect(page.getByLabel("报告全文")).toBeVisible();
  await paste(page, SAMPLE);
  await expect(page.getByTestId("badge")).toHaveText("必备部分 3/5");
  await expect(page.locator("li.part[data-part=first_responsible]")).toHaveAttribute("data-status", "missing");
  await expect(page.locator(".finding[data-code=published_late]")).toBeVisible();
  await page.locator("#M1").hover();
  const docs = resolve(projectRoot, "docs");
  mkdirSync(docs, { recursive: true });
  await page.emulateMedia({ colorScheme: "light" });
  await page.screenshot({ path: resolve(docs, "screenshot-light.png") });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: resolve(docs, "screenshot-dark.png") });
  // Printing keeps the summary for the paper file and drops the controls and the text.
  await page.emulateMedia({ media: "print", colorScheme: "light" });
  await expect(page.locator(".input-panel")).toBeHidden();
  await expect(page.getByTestId("text-view")).toBeHidden();
  for (const part of [".header-card", ".checklist", ".findings", ".metrics"]) await expect(page.locator(part)).toBeVisible();
  expect(errors).toEqual([]);
});

test("English switch and keyboard use", async ({ page }) => {
  await page.goto("/");
  await paste(page, SAMPLE);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByTestId("badge")).toHaveText("Required parts 3/5");
  // The choice survives a reload (issue 14), with the report (once it is stored: the page
  // stores a session a moment after it changes).
  await expect.poll(() => storedInputs(page)).toHaveLength(1);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByTestId("badge")).toHaveText("Required parts 3/5");
  // The English UI is English throughout: findings, part names and reasons are worded from
  // the summary's codes, so no Han character shows in them except the report's own words
  // quoted in “…” (headings, markers).
  const outsideQuotes = (s) => s.replace(/“[^”]*”/g, "");
  const han = /[\u4e00-\u9fff]/;
  const findings = await page.locator(".finding .message").allTextContents();
  expect(findings.length).toBeGreaterThan(2);
  for (const m of findings) expect(outsideQuotes(m), m).not.toMatch(han);
  expect(findings.some((m) => m.startsWith("Published on 2025-04-08") || m.startsWith("Signed on 2025-04-08"))).toBe(true);
  for (const name of await page.locator(".checklist .part-name, .checklist .part-status, .checklist .part-reason").allTextContents()) {
    expect(name).not.toMatch(han);
  }
  await expect(page.locator(".kind-basis")).toHaveText("recognised from the title");
  // Tab to the first part of the checklist and press Enter: the text scrolls to it.
  await page.locator("li.part[data-part=measures] button").focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#L4")).toBeInViewport();
});
