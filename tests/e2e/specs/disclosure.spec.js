// The second kind, 政府信息公开工作年度报告: its standard tables drawn on the form's grid, the
// cell that fails the form's arithmetic, the finding that names it, and the comparison of a
// batch of both kinds. The fixtures are our own reports, written by the core's fixtures
// (crates/report-core/src/grids/fixtures.rs, `e2e_fixtures`): a Word file of the 2021 form
// (予以公开 by 自然人 raised to 11, its row total left at 13; a blank and a row of “/”), and a
// pasted `|` copy of the 2019 form (复议 总计 5, its results adding up to 4).
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { drop, paste, projectRoot } from "./helpers.js";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const fixtures = resolve(projectRoot, "tests/e2e/fixtures");
const WORD = "disclosure-2021-word.docx";
const PASTED = "disclosure-2019-pasted.txt";
const word = () => ({ name: WORD, bytes: readFileSync(resolve(fixtures, WORD)) });
const pastedText = () => readFileSync(resolve(fixtures, PASTED), "utf8");

// Two rule-of-law reports of our own, for the mixed batch.
const RULE_OF_LAW_A = `青禾镇2024年法治政府建设情况报告
一、2024年度推进法治政府建设的主要举措和成效
开展法治讲座8场，发放宣传资料1200份。
二、2024年度推进法治政府建设存在的不足和原因
普法形式单一，原因是人员不足。
四、2025年度推进法治政府建设的主要安排
加强执法队伍建设。`;
const RULE_OF_LAW_B = `云河区司法局2024年法治政府建设情况报告
一、主要举措和成效
办理行政复议案件15件。
二、存在的不足和原因
执法规范化水平有待提高，原因是培训不足。`;

const cell = (page, table, row, column) => page.locator(`#cell-${table}-${row}-${column}`);

test("a Word report of this kind shows its tables, the failing cells and the findings that name them", async ({ page }, info) => {
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto("/");
  await drop(page, [word()]);
  await expect(page.getByTestId("report")).toBeVisible();
  await expect(page.getByTestId("kind-select")).toHaveValue("gov_info_disclosure");
  // The six parts of this kind, all there.
  await expect(page.locator("li.part")).toHaveCount(6);
  await expect(page.locator("li.part[data-status=present]")).toHaveCount(6);
  await expect(page.getByTestId("badge")).toHaveText("必备部分 6/6");

  // The three standard tables, drawn on the 2021 form's grid.
  const tables = page.getByTestId("tables");
  await expect(tables.locator(".std-table[data-found=true]")).toHaveCount(3);
  await expect(tables.locator("table.grid[data-form='2021']")).toHaveCount(3);
  const apps = tables.locator(".std-table[data-table=applications]");
  await expect(apps.locator("th", { hasText: "法人或其他组织" })).toHaveCount(1);
  await expect(apps.locator("tr[data-row=granted] .row-label")).toHaveText("（一）予以公开");
  await expect(cell(page, "applications", "granted", "natural_persons").locator(".value")).toHaveText("11");
  await expect(cell(page, "proactive", "fees", "amount").locator(".value")).toHaveText("12.5");
  // Numbers are right-aligned.
  expect(await cell(page, "applications", "new", "total").locator("button").evaluate((b) => getComputedStyle(b).justifyContent)).toBe("flex-end");
  // Absent, none and zero are told apart: a blank, a “/”, a 0.
  await expect(cell(page, "applications", "new", "public_interest")).toHaveAttribute("data-read", "empty");
  await expect(cell(page, "applications", "new", "public_interest")).toContainText("空");
  await expect(cell(page, "applications", "refused_inquiry", "total")).toHaveAttribute("data-read", "none_mark");
  await expect(cell(page, "applications", "refused_inquiry", "total").locator(".value")).toHaveText("/");
  await expect(cell(page, "applications", "new", "research")).toHaveAttribute("data-read", "number");
  await expect(cell(page, "applications", "new", "research").locator(".value")).toHaveText("1");

  // The failing cells: the row's 总计 (11 + 2 + … is 14, the report says 13) and the 自然人
  // column's (七)总计; marked by colour, an icon and words, and nothing else is.
  await expect(tables.locator("td[data-bad=true]")).toHaveCount(2);
  const bad = cell(page, "applications", "granted", "total");
  await expect(bad).toHaveAttribute("data-bad", "true");
  await expect(bad).toContainText("✖");
  await expect(bad).toContainText("核对不符");
  await expect(cell(page, "applications", "total", "natural_persons")).toHaveAttribute("data-bad", "true");
  expect(await bad.evaluate((td) => getComputedStyle(td).backgroundColor)).not.toBe(
    await cell(page, "applications", "new", "total").evaluate((td) => getComputedStyle(td).backgroundColor),
  );

  // The findings name them; “show the cell” scrolls to it and gives it the focus.
  const findings = page.locator(".finding[data-code=table_sum_mismatch]");
  await expect(findings).toHaveCount(2);
  await expect(findings.filter({ hasText: "（一）予以公开" })).toHaveCount(1);
  await findings.filter({ hasText: "（一）予以公开" }).locator(".cell-jump").click();
  await expect(bad.locator("button")).toBeFocused();
  await expect(bad).toBeInViewport();
  await page.screenshot({ path: info.outputPath("disclosure-word-tables.png") });
  // The cell jumps to the line of the text it was read from: the line holding its 13.
  await bad.locator("button").click();
  const line = page.locator(".tl:focus");
  await expect(line).toHaveCount(1);
  await expect(line).toContainText("13");

  // The report's tables in long form, named after the issuer and year.
  const download = page.waitForEvent("download");
  await page.getByTestId("download-report-tables-csv").click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("青禾县司法局-2023-tables.csv");
  const csv = readFileSync(await file.path(), "utf8");
  expect(csv).toContain(`\r\n${WORD},applications,granted,total,13,number,2021,`);

  // In English: the tables' names and the findings are English, the form's labels stay.
  await page.getByRole("button", { name: "English" }).click();
  await expect(apps.locator("h4")).toContainText("Applications");
  await expect(findings.first().locator(".message")).toContainText("Table “");
  await expect(cell(page, "applications", "new", "public_interest")).toContainText("blank");
  await expect(page.getByTestId("badge")).toHaveText("Required parts 6/6");
  expect(errors).toEqual([]);
});

test("a pasted report of the 2019 form shows its tables, the failing cell and the finding", async ({ page }, info) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto("/");
  await paste(page, pastedText());
  await expect(page.getByTestId("kind-select")).toHaveValue("gov_info_disclosure");
  const tables = page.getByTestId("tables");
  await expect(tables.locator("table.grid[data-form='2019']")).toHaveCount(3);
  // The 2019 form's own rows: 政府集中采购 in part 二, （六）其他处理 without items in part 三.
  await expect(tables.locator(".std-table[data-table=proactive] tr[data-row=procurement]")).toHaveCount(1);
  await expect(tables.locator(".std-table[data-table=applications] tr[data-row=other_handling] td.cell")).toHaveCount(7);
  // The review total of 5 over results adding up to 4: that cell, and only that one.
  await expect(tables.locator("td[data-bad=true]")).toHaveCount(1);
  const bad = cell(page, "review_litigation", "review", "total");
  await expect(bad).toHaveAttribute("data-bad", "true");
  await expect(bad.locator(".value")).toHaveText("5");
  const finding = page.locator(".finding[data-code=table_sum_mismatch]");
  await expect(finding).toHaveCount(1);
  await expect(finding.locator(".message")).toContainText("行政复议");
  await finding.locator(".cell-jump").click();
  await expect(bad.locator("button")).toBeFocused();
  await page.screenshot({ path: info.outputPath("disclosure-pasted-tables.png") });
  // A rule-of-law report pasted after it has no tables view.
  await paste(page, RULE_OF_LAW_A);
  await expect(page.getByTestId("kind-select")).toHaveValue("rule_of_law");
  await expect(page.getByTestId("tables")).toHaveCount(0);
});

test("a batch of both kinds: one table per kind, the key table figures, the long-form tables CSV", async ({ page }, info) => {
  await page.setViewportSize({ width: 1366, height: 1000 });
  await page.goto("/");
  await drop(page, [
    { name: "rule-a.txt", bytes: Buffer.from(RULE_OF_LAW_A) },
    word(),
    { name: PASTED, bytes: Buffer.from(pastedText()) },
    { name: "rule-b.txt", bytes: Buffer.from(RULE_OF_LAW_B) },
  ]);
  const ruleOfLaw = page.locator("table.compare-table[data-kind=rule_of_law]");
  const disclosure = page.locator("table.compare-table[data-kind=gov_info_disclosure]");
  await expect(ruleOfLaw.locator("tr.compare-row")).toHaveCount(2);
  await expect(disclosure.locator("tr.compare-row")).toHaveCount(2);
  await expect(ruleOfLaw.locator("caption")).toContainText("法治政府建设");
  await expect(disclosure.locator("caption")).toContainText("政府信息公开");
  // Each kind's columns: the five parts for the rule-of-law reports …
  await expect(ruleOfLaw.locator("tr.compare-row[data-report='rule-a.txt'] td[data-part=measures]")).toHaveAttribute("data-status", "present");
  await expect(ruleOfLaw.locator("tr.compare-row[data-report='rule-a.txt'] td[data-part=first_responsible]")).toHaveAttribute("data-status", "missing");
  // … the key figures of the standard tables for the others.
  const figures = async (name) =>
    Object.fromEntries(
      await disclosure
        .locator(`tr.compare-row[data-report='${name}'] td[data-key]`)
        .evaluateAll((tds) => tds.map((td) => [td.dataset.key, td.textContent.replace("✖", "").trim()])),
    );
  expect(await figures(WORD)).toEqual({
    parts_present: "6/6",
    new_applications: "29",
    carried_over: "4",
    granted: "13",
    refused: "4",
    review_total: "4",
    litigation_total: "2",
    table_mismatches: "2",
  });
  expect(await figures(PASTED)).toEqual({
    parts_present: "6/6",
    new_applications: "29",
    carried_over: "4",
    granted: "13",
    refused: "4",
    review_total: "5",
    litigation_total: "2",
    table_mismatches: "1",
  });
  await page.screenshot({ path: info.outputPath("disclosure-mixed-compare.png"), fullPage: true });

  // Sorting by a table figure orders that kind's table and leaves the other as it was.
  await disclosure.getByRole("button", { name: /^行政复议/ }).click();
  await disclosure.getByRole("button", { name: /^行政复议/ }).click();
  await expect(disclosure.locator("tr.compare-row").first()).toHaveAttribute("data-report", PASTED);
  await expect(ruleOfLaw.locator("tr.compare-row")).toHaveCount(2);
  // The missing-part filter offers each kind's parts; one of them filters that kind only.
  await page.getByTestId("filter-missing").selectOption("first_responsible");
  await expect(ruleOfLaw.locator("tr.compare-row")).toHaveCount(2);
  await expect(disclosure.locator("tr.compare-row")).toHaveCount(0);
  await page.getByTestId("filter-missing").selectOption("");

  // Every report's standard tables in long form: one line per cell, the rule-of-law reports
  // have none.
  let download = page.waitForEvent("download");
  await page.getByTestId("download-tables-csv").click();
  let file = await download;
  expect(file.suggestedFilename()).toBe("report-lens-standard-tables.csv");
  let lines = readFileSync(await file.path(), "utf8").replace(/^\uFEFF/, "").trim().split(/\r\n/);
  expect(lines[0]).toBe("report,table,row,column,value,read,form,line");
  expect(lines.some((l) => l.startsWith(`${WORD},applications,granted,natural_persons,11,number,2021,`))).toBe(true);
  expect(lines.some((l) => l.startsWith(`${WORD},applications,new,public_interest,,empty,2021,`))).toBe(true);
  expect(lines.some((l) => l.startsWith(`${PASTED},review_litigation,review,total,5,number,2019,`))).toBe(true);
  expect(lines.some((l) => l.startsWith("rule-"))).toBe(false);
  expect(lines.every((l) => l.split(",").length === 8)).toBe(true);
  // The comparison of this kind as CSV, and the rule-of-law table without it.
  download = page.waitForEvent("download");
  await page.getByTestId("download-disclosure-table-csv").click();
  file = await download;
  lines = readFileSync(await file.path(), "utf8").replace(/^\uFEFF/, "").trim().split(/\r\n/);
  expect(lines).toHaveLength(3);
  expect(lines[0].startsWith("report,issuer,level,report_year,publish_date,published_late,parts_present,new_applications,")).toBe(true);
  download = page.waitForEvent("download");
  await page.getByTestId("download-table-csv").click();
  file = await download;
  lines = readFileSync(await file.path(), "utf8").replace(/^\uFEFF/, "").trim().split(/\r\n/);
  expect(lines).toHaveLength(3);
  expect(lines.slice(1).every((l) => l.startsWith("rule-"))).toBe(true);

  // A row opens its report with its tables; previous and next follow the tables' order.
  await disclosure.locator(`tr.compare-row[data-report='${WORD}'] button.open-report`).click();
  await expect(page.getByTestId("tables")).toBeVisible();
  await expect(page.locator("td[data-bad=true]")).toHaveCount(2);
  await page.getByTestId("back-to-compare").click();
  await expect(disclosure.locator("tr.compare-row")).toHaveCount(2);
});
