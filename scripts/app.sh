#!/usr/bin/env bash
# Command 1 of the README: set up whatever is missing, build the app and serve it on
# http://127.0.0.1:8080 (Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/setup.sh app
printf '\n==> serving Report Lens on http://127.0.0.1:8080 (first build takes a minute or two)\n'
exec trunk serve --release
