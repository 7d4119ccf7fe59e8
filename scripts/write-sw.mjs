// Trunk post_build hook (Trunk.toml): writes sw.js, the service worker, into the build
// being staged. It is ./sw.js from the source directory with, in front, the build's
// manifest: every file of the build with its SHA-256, and the build's own hash (of those
// names and digests). A new build therefore has a new sw.js, which the browser installs
// beside the old one; see sw.js for how the two never mix.
//
// Trunk sets TRUNK_STAGING_DIR, TRUNK_SOURCE_DIR and TRUNK_PROFILE for hooks. Run by hand:
//   TRUNK_STAGING_DIR=dist TRUNK_SOURCE_DIR=. TRUNK_PROFILE=release node scripts/write-sw.mjs
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR ?? ".";
if (!staging) {
  console.error("write-sw: TRUNK_STAGING_DIR is not set (this runs as a Trunk hook)");
  process.exit(1);
}

/** Every file under `dir`, as paths relative to `root` with forward slashes, sorted. */
function files(dir, root = dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? files(path, root) : [relative(root, path).split(sep).join("/")];
    })
    .sort();
}

const sha256 = (data) => createHash("sha256").update(data).digest("hex");
const manifest = files(staging)
  .filter((path) => path !== "sw.js")
  .map((path) => [path, sha256(readFileSync(join(staging, path)))]);
const build = sha256(manifest.map(([path, digest]) => `${path} ${digest}\n`).join("")).slice(0, 16);
// A debug build (`trunk serve`) keeps nothing: the service worker it writes takes itself
// and its caches away, so that a developer always sees the latest build.
const keep = process.env.TRUNK_PROFILE !== "debug";
const head =
  `// Written by scripts/write-sw.mjs for build ${build}.\n` +
  `const BUILD = ${JSON.stringify(build)};\n` +
  `const FILES = ${keep ? JSON.stringify(manifest, null, 0).replaceAll('],["', '],\n  ["') : "null"};\n`;
writeFileSync(join(staging, "sw.js"), head + readFileSync(join(source, "sw.js"), "utf8"));
console.log(`write-sw: sw.js for build ${build}, ${keep ? `${manifest.length} files` : "keeping nothing (debug)"}`);
