#!/usr/bin/env bash
# Installs Debian's chromium (and a CJK font, so zh-CN screenshots are legible) for the console's
# browser tests in test/console. Idempotent: does nothing when both are present. The test runner
# never downloads a browser of its own; playwright-core only drives /usr/bin/chromium.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
packages=()
[ -x "$CHROMIUM" ] || packages+=(chromium)
if ! { command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh 2>/dev/null)" ]; }; then
  packages+=(fonts-wqy-zenhei)
fi

if [ ${#packages[@]} -eq 0 ]; then
  echo "[browser] chromium and a CJK font are present: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "[browser] missing ${packages[*]} and this user cannot install packages; as root: apt-get install -y ${packages[*]}" >&2
    exit 1
  fi
fi

echo "[browser] installing from the Debian archive: ${packages[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends "${packages[@]}"
echo "[browser] $("$CHROMIUM" --version)"
