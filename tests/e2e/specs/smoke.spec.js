import { test, expect } from "@playwright/test";

test("the built page mounts and acknowledges pasted text", async ({ page }) => {
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto("/");
  const area = page.getByLabel("报告全文");
  await expect(area).toBeVisible();
  await area.fill("一、2024年度推进法治政府建设的主要举措和成效");
  await expect(page.getByTestId("ack")).toContainText("已接收");
  expect(errors).toEqual([]);
});
