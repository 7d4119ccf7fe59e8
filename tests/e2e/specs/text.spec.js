// The text view (issue 14): a figure's tooltip is read whole — not cut off by its line, the
// next line or the bottom of the scroll box. Our own short report, written here.
import { test, expect } from "@playwright/test";
import { paste } from "./helpers.js";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

/** A report long enough to scroll; every paragraph ends in a figure, the last one too. */
function longReport() {
  const lines = ["青石镇2024年度法治政府建设情况报告", "一、2024年度推进法治政府建设的主要举措和成效"];
  for (let i = 1; i <= 40; i++) lines.push(`（${i}）推进第${i}项工作，全年开展专项活动${i + 3}场。`);
  lines.push("二、2024年度推进法治政府建设存在的不足和原因", "基层执法力量薄弱，全年培训仅2次。");
  return lines.join("\n");
}

/**
 * Where the tooltip of `mark` (its ::after) is drawn, in viewport pixels, and whether it is
 * what the pointer hits at its centre (not clipped, not under another line).
 */
async function tipBox(mark) {
  return mark.evaluate((m) => {
    const r = m.getBoundingClientRect();
    const tip = getComputedStyle(m, "::after");
    const px = (v) => parseFloat(v);
    const box = {
      top: r.top + px(tip.top) + px(tip.marginTop),
      bottom: r.bottom - px(tip.bottom) - px(tip.marginBottom),
      left: r.left + px(tip.left),
      right: r.right - px(tip.right),
    };
    const hit = document.elementFromPoint((box.left + box.right) / 2, (box.top + box.bottom) / 2);
    return { ...box, content: tip.content, onTop: hit === m };
  });
}

function expectInside(box, outer, what) {
  expect(box.top, `${what}: top`).toBeGreaterThanOrEqual(outer.top - 0.5);
  expect(box.bottom, `${what}: bottom`).toBeLessThanOrEqual(outer.bottom + 0.5);
  expect(box.left, `${what}: left`).toBeGreaterThanOrEqual(outer.left - 0.5);
  expect(box.right, `${what}: right`).toBeLessThanOrEqual(outer.right + 0.5);
}

test("the tooltip of the last figure opens upwards, whole, inside the text view and the window", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/");
  await paste(page, longReport());
  const view = page.getByTestId("text-view");
  await expect(view).toBeVisible();
  await view.evaluate((v) => (v.scrollTop = v.scrollHeight));
  await view.scrollIntoViewIfNeeded();

  const marks = view.locator("mark.metric[data-tip]");
  const last = marks.last();
  await expect(last).toContainText("2次");
  await last.hover();
  const tip = await tipBox(last);
  expect(tip.content).toContain("2 ·");
  expect(tip.onTop, "the tooltip is drawn, not clipped or covered").toBe(true);
  const container = await view.evaluate((v) => {
    const r = v.getBoundingClientRect();
    return { top: r.top + v.clientTop, bottom: r.top + v.clientTop + v.clientHeight, left: r.left, right: r.left + v.clientWidth };
  });
  expectInside(tip, container, "inside the text view");
  expectInside(tip, { top: 0, bottom: 800, left: 0, right: 1280 }, "inside the window");
  const markBox = await last.boundingBox();
  expect(tip.bottom, "above the figure").toBeLessThanOrEqual(markBox.y + 0.5);

  // A figure at the top of the view opens downwards, over the next line, not under it.
  await view.evaluate((v) => (v.scrollTop = 0));
  const first = marks.first();
  await first.focus();
  const down = await tipBox(first);
  expect(down.onTop, "the first figure's tooltip is drawn over the next line").toBe(true);
  expect(down.top).toBeGreaterThanOrEqual((await first.boundingBox()).y);
  expectInside(down, container, "the first figure's tooltip inside the text view");
});
