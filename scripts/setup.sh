#!/usr/bin/env bash
# Installs what Report Lens needs and is missing. Idempotent: every step first checks
# whether its tool is already present at the right version and skips itself if so.
#
#   scripts/setup.sh app    # what `scripts/app.sh` needs: wasm target, trunk, wasm-bindgen-cli, wasm-opt
#   scripts/setup.sh test   # all of the above + Chromium, chromedriver, Playwright (npm)
#
# Only the package registries are reachable on our machines, so nothing here downloads a
# prebuilt binary: trunk and wasm-bindgen-cli are built with cargo, wasm-opt comes from the
# npm package `binaryen`, Chromium from Debian. See ../shared/notes/toolchain.md.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-test}"

TRUNK_VERSION=0.22.1
step() { printf '\n==> %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

# Building tools with cargo: no LTO and many codegen units save ~4 minutes on 2 cores;
# the tools' own speed does not matter.
tool_build_env=(env CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16)

step "Rust target wasm32-unknown-unknown"
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "present"
else
  rustup target add wasm32-unknown-unknown
fi

step "Crates (cargo fetch --locked; Trunk builds offline)"
cargo fetch --locked >/dev/null
echo "fetched"

step "trunk $TRUNK_VERSION"
if have trunk && [ "$(trunk --version 2>/dev/null | awk '{print $2}')" = "$TRUNK_VERSION" ]; then
  echo "present"
else
  # trunk 0.22.1 declares rust-version 1.96.1 but builds fine with our toolchain.
  "${tool_build_env[@]}" cargo install --locked --ignore-rust-version trunk --version "$TRUNK_VERSION"
fi

step "wasm-bindgen-cli (the version Cargo.lock pins)"
wb_version=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)
if [ -z "$wb_version" ]; then echo "Cargo.lock has no wasm-bindgen entry" >&2; exit 1; fi
if have wasm-bindgen && [ "$(wasm-bindgen --version | awk '{print $2}')" = "$wb_version" ]; then
  echo "present ($wb_version)"
else
  # No --locked: the CLI's own lockfile pins a yanked crate.
  "${tool_build_env[@]}" cargo install wasm-bindgen-cli --version "$wb_version" --force
fi

step "wasm-opt (npm binaryen, tools/)"
# Debian's binaryen and the wasm-opt crate are too old for rustc 1.95's output.
if [ -x tools/node_modules/.bin/wasm-opt ] && [ tools/node_modules/.package-lock.json -nt tools/package-lock.json ]; then
  echo "present"
else
  (cd tools && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ "$what" = "test" ]; then
  step "Chromium + chromedriver + a CJK font (Debian)"
  # The font only makes the screenshots readable; the page itself loads no font.
  if have chromium && have chromedriver && fc-list 2>/dev/null | grep -qi "wqy"; then
    echo "present"
  else
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei >/dev/null
    echo "installed"
  fi

  step "Playwright (npm, tests/e2e)"
  # Never `npx playwright install`: it downloads a browser. The tests drive Debian's Chromium.
  if [ -d tests/e2e/node_modules/@playwright/test ] && [ tests/e2e/node_modules/.package-lock.json -nt tests/e2e/package-lock.json ]; then
    echo "present"
  else
    (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
step "setup done"
