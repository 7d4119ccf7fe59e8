#!/usr/bin/env python3
"""Size report of dist/: every file raw and gzipped, and the first load (what index.html
pulls in before the app can be used) against a budget. Sizes are deterministic, so the
budget is a hard gate, not a timing test.

    python3 scripts/size_report.py dist --budget-kb 300
"""
import argparse
import gzip
import os
import sys

# What the browser fetches to show the page: the document, the styles, the loader,
# the JS glue and the wasm module. Everything else in dist/ (if any) is loaded on demand.
FIRST_LOAD_SUFFIXES = (".html", ".css", ".js", ".wasm")
# Loaded after the first paint, reported on their own line: the analysis worker (its loader,
# glue and wasm), started once the page is drawn.
AFTER_FIRST_PAINT_PREFIXES = ("report-worker",)
# Fetched after the app runs, not before: the service worker (boot.js registers it once the
# app has started).
NOT_FIRST_LOAD = ("sw.js",)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("dist")
    ap.add_argument("--budget-kb", type=float, required=True, help="max first load, KB gzipped")
    args = ap.parse_args()

    rows = []
    for dirpath, _, files in os.walk(args.dist):
        for name in sorted(files):
            path = os.path.join(dirpath, name)
            data = open(path, "rb").read()
            rows.append((os.path.relpath(path, args.dist), len(data), len(gzip.compress(data, 9))))
    if not rows:
        print(f"no files in {args.dist}: run `trunk build --release` first", file=sys.stderr)
        return 1

    print(f"{'file':<40} {'raw KB':>10} {'gzip KB':>10}")
    for name, raw, gz in rows:
        print(f"{name:<40} {raw / 1024:>10.1f} {gz / 1024:>10.1f}")
    later = [(raw, gz) for name, raw, gz in rows if name.startswith(AFTER_FIRST_PAINT_PREFIXES)]
    first = [
        (raw, gz)
        for name, raw, gz in rows
        if name.endswith(FIRST_LOAD_SUFFIXES) and name not in NOT_FIRST_LOAD and not name.startswith(AFTER_FIRST_PAINT_PREFIXES)
    ]
    raw_total = sum(r for r, _ in first)
    gz_total = sum(g for _, g in first)
    print(f"{'first load':<40} {raw_total / 1024:>10.1f} {gz_total / 1024:>10.1f}")
    if later:
        print(f"{'analysis worker (after first paint)':<40} {sum(r for r, _ in later) / 1024:>10.1f} {sum(g for _, g in later) / 1024:>10.1f}")
    if gz_total > args.budget_kb * 1024:
        print(f"FAIL: first load is {gz_total / 1024:.1f} KB gzipped, budget {args.budget_kb} KB", file=sys.stderr)
        return 1
    print(f"ok: first load {gz_total / 1024:.1f} KB gzipped <= budget {args.budget_kb:g} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
