// Shared helpers of the end-to-end specs.
import { expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const projectRoot = resolve(here, "../../..");
export const corpusDir = process.env.REPORT_LENS_CORPUS ?? resolve(projectRoot, "../shared/corpus/seeds");

/**
 * Whether this run is in CI: `CI` is `true` or `1` (any case, blanks ignored). The same rule
 * as crates/report-core/tests/support/ci.rs (`is_ci`), which the Rust corpus tests use.
 */
export function isCi(value = process.env.CI) {
  if (value === undefined) return false;
  const v = value.trim();
  return v === "1" || v.toLowerCase() === "true";
}

/** How many seed reports the corpus holds; the specs refuse to run on fewer (or more). */
export const SEED_COUNT = 5;

/**
 * The seed reports with their gold files. Without a corpus: an error in CI, a loud skip
 * (an empty list) locally. With one, like the Rust loader (tests/support/gold.rs): a gold
 * that does not parse, a gold without its text, a text without its gold, or a count other
 * than SEED_COUNT is an error, never a shorter list.
 */
export function seeds() {
  if (!existsSync(corpusDir)) {
    if (isCi()) throw new Error(`no corpus at ${corpusDir} and CI is set: the corpus specs cannot be skipped in CI`);
    console.warn(`SKIPPED: no corpus at ${corpusDir} (set REPORT_LENS_CORPUS, or CI=true to make this an error)`);
    return [];
  }
  const files = readdirSync(corpusDir);
  const problems = [];
  for (const f of files.filter((f) => f.endsWith(".txt"))) {
    if (!files.includes(f.replace(/\.txt$/, ".gold.json"))) problems.push(`${f}: no gold file`);
  }
  const all = [];
  for (const gold of files.filter((f) => f.endsWith(".gold.json")).sort()) {
    const name = gold.replace(/\.gold\.json$/, ".txt");
    if (!files.includes(name)) {
      problems.push(`${gold}: its text ${name} is missing`);
      continue;
    }
    try {
      all.push({ name, path: join(corpusDir, name), gold: JSON.parse(readFileSync(join(corpusDir, gold), "utf8")) });
    } catch (e) {
      problems.push(`${gold}: ${e.message}`);
    }
  }
  if (problems.length) throw new Error(`corpus ${corpusDir}:\n  ${problems.join("\n  ")}`);
  if (all.length !== SEED_COUNT) throw new Error(`corpus ${corpusDir}: ${all.length} report(s), the specs expect exactly ${SEED_COUNT}`);
  return all;
}

/** What `report-cli analyze FILE` prints (the CLI built by `cargo test`/`cargo build`). */
export function cliJson(path) {
  const exe = [resolve(projectRoot, "target/debug/report-cli"), resolve(projectRoot, "target/release/report-cli")].find(existsSync);
  if (!exe) throw new Error("report-cli is not built: run `cargo build -p report-cli` first");
  return execFileSync(exe, ["analyze", path]);
}

/** Records every request the page makes, to assert none leaves the origin. */
export function recordRequests(page) {
  const urls = [];
  page.on("request", (r) => urls.push(r.url()));
  return urls;
}

export function expectSameOrigin(urls, baseURL) {
  const origin = new URL(baseURL).origin;
  const foreign = urls.filter((u) => !u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:"));
  expect(foreign, "requests to other origins").toEqual([]);
}

/** Pastes `text` into the paste area with the keyboard (Ctrl+V from the real clipboard). */
export async function paste(page, text) {
  const area = page.getByRole("textbox", { name: /报告全文|Report text/ });
  await area.focus();
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press("Control+V");
}

/** Drops files (name + bytes) on the page as a user dragging them from a file manager. */
export async function drop(page, files) {
  await dropPrepared(page, await filesToDrop(page, files));
}

/**
 * The files as the page's DataTransfer, made ahead of the drop: building it runs script on
 * the page's main thread, which a timing of the page's own work must leave out.
 */
export async function filesToDrop(page, files) {
  const payload = files.map((f) => ({ name: f.name, type: f.type ?? "", b64: Buffer.from(f.bytes).toString("base64") }));
  return page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.b64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], item.name, { type: item.type }));
    }
    return dt;
  }, payload);
}

/** Drops a DataTransfer made by `filesToDrop`. */
export async function dropPrepared(page, dataTransfer) {
  await page.dispatchEvent(".app", "dragover", { dataTransfer });
  await page.dispatchEvent(".app", "drop", { dataTransfer });
}

/** The checklist's statuses, part id → present | partial | missing. */
export async function statuses(page) {
  return page.$$eval("li.part", (items) => Object.fromEntries(items.map((li) => [li.dataset.part, li.dataset.status])));
}

export const PARTS = ["measures", "shortcomings", "first_responsible", "next_year_plan", "other"];

/** A zip of stored (uncompressed) entries, enough to make .docx files in tests. */
export function storedZip(files) {
  const local = [];
  const central = [];
  let offset = 0;
  for (const [name, content] of files) {
    const data = Buffer.from(content);
    const nameBytes = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    local.push(header, nameBytes, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, dir, end]);
}

/** A minimal Word document with automatic numbering for the `numbered` paragraphs. */
export function docx(paragraphs) {
  const numbering = `<w:numbering><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
  const body = paragraphs
    .map(([text, numbered]) => `<w:p>${numbered ? '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' : ""}<w:r><w:t>${text}</w:t></w:r></w:p>`)
    .join("");
  return storedZip([
    ["[Content_Types].xml", "<Types/>"],
    ["word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document><w:body>${body}</w:body></w:document>`],
    ["word/numbering.xml", numbering],
  ]);
}

/**
 * The stored session's record (the text src/services/storage.rs writes), or null: read
 * from the page's IndexedDB without creating the database when it is not there yet.
 */
export async function storedRecord(page) {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === "report-lens")) return null;
    return new Promise((resolve, reject) => {
      const open = indexedDB.open("report-lens");
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains("session")) return resolve(null);
        const get = db.transaction("session").objectStore("session").get("current");
        get.onsuccess = () => {
          db.close();
          resolve(get.result ?? null);
        };
        get.onerror = () => reject(get.error);
      };
    });
  });
}

/** The keys of the inputs the stored session names, in its order (none: no session). */
export async function storedInputs(page) {
  const record = await storedRecord(page);
  return record === null ? [] : record.split("\n").filter((l) => l.startsWith("input ")).map((l) => l.split(" ")[1]);
}

/** A short report of `town` (a place of our own); `i` varies its figures. */
export function townReport(town, i = 0) {
  return (
    `${town}2024年度法治政府建设情况报告\n` +
    "一、2024年度推进法治政府建设的主要举措和成效\n" +
    `全年开展法治讲座${i + 2}场，发放资料${(i + 1) * 100}份。\n` +
    "二、2024年度推进法治政府建设存在的不足和原因\n" +
    "由于人员少，普法力量不足。\n"
  );
}
