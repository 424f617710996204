#!/usr/bin/env bash
# Prepares a Debian machine to build and test OGI Lens: the browsers the
# real-browser tests drive, CJK fonts so screenshots show Chinese, and the npm
# dependencies. Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

export DEBIAN_FRONTEND=noninteractive
LOG="$(mktemp -t ogi-lens-setup.XXXXXX)"
trap 'rm -f "$LOG"' EXIT

# Runs a command with its output kept aside, shown only when it fails.
quietly() {
  local what="$1"
  shift
  if ! "$@" >"$LOG" 2>&1; then
    echo "setup: $what failed:" >&2
    cat "$LOG" >&2
    exit 1
  fi
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -E "$@"
  else
    echo "setup: installing system packages needs root (or sudo): $*" >&2
    exit 1
  fi
}

missing=()
# python3-openpyxl: an independent reader of the exported workbooks in the tests.
# cmark-gfm: GitHub's Markdown renderer, which the tests render the memo with.
# python3-pandas and what its read_html parses with (lxml, bs4 with html5lib):
# the yardstick the benchmark measures the command line against.
for package in chromium firefox-esr fonts-noto-cjk python3-openpyxl cmark-gfm \
  python3-pandas python3-lxml python3-bs4 python3-html5lib; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  quietly 'apt-get update' as_root apt-get update
  quietly "apt-get install ${missing[*]}" as_root apt-get install -y "${missing[@]}"
fi

# npm ci wipes node_modules; skip it when the tree already matches the lockfile
# (npm's own record of the install is at least as new as the lockfile and
# every declared dependency resolves).
if [ -f node_modules/.package-lock.json ] \
  && ! [ package-lock.json -nt node_modules/.package-lock.json ] \
  && npm ls --depth=0 >/dev/null 2>&1; then
  echo 'setup: node_modules is up to date'
else
  echo 'setup: npm ci'
  quietly 'npm ci' npm ci --no-audit --no-fund
fi
echo 'setup: done'
