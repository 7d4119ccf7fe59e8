// Files as they come from older editors: GBK and Big5 bytes dropped on the page. The
// GB18030/Big5 tables are fetched from the page's own origin on first use; the download
// still equals `report-cli analyze` of the same bytes.
import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cliJson, drop, expectSameOrigin, recordRequests, seeds, statuses } from "./helpers.js";

const cases = [
  { encoding: "GBK", expected: "GB18030", pick: (s) => s.gold.meta.script === "simplified" },
  { encoding: "BIG5", expected: "Big5", pick: (s) => s.gold.meta.script === "traditional" },
];

for (const c of cases) {
  const seed = seeds().find(c.pick);
  if (!seed) continue;
  test(`${c.encoding} file: decoded, analysed, downloaded as the CLI does`, async ({ page, baseURL }) => {
    const requests = recordRequests(page);
    // -c drops the rare characters the legacy encoding cannot hold.
    const bytes = execFileSync("iconv", ["-c", "-f", "UTF-8", "-t", c.encoding, seed.path]);
    const dir = mkdtempSync(join(tmpdir(), "report-lens-"));
    const path = join(dir, seed.name);
    writeFileSync(path, bytes);

    await page.goto("/");
    await drop(page, [{ name: seed.name, bytes }]);
    await expect(page.getByTestId("report")).toBeVisible();
    await expect(page.locator(".meta-grid")).toContainText(c.expected);
    const got = await statuses(page);
    for (const [id, present] of Object.entries(seed.gold.required)) {
      expect(got[id] !== "missing", id).toBe(present);
    }
    const download = page.waitForEvent("download");
    await page.getByTestId("download-json").click();
    const downloaded = readFileSync(await (await download).path());
    expect(downloaded.equals(cliJson(path)), "download == report-cli analyze").toBe(true);
    expect(requests.some((u) => u.endsWith("/legacy-encodings.bin"))).toBe(true);
    expectSameOrigin(requests, baseURL);
  });
}
