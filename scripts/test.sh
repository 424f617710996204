#!/usr/bin/env bash
# Everything CI checks, in the order that fails fastest: types, lint, unit
# tests, the build, the Firefox linter on the build, the command line on every
# fixture, then the extension in real Chromium and Firefox.
set -euo pipefail
cd "$(dirname "$0")/.."

# No update checks or prompts from the tools below: there is no network to ask.
export CI="${CI:-true}"
export NO_UPDATE_NOTIFIER=1

step() {
  printf '\n\033[1m==> %s\033[0m\n' "$*"
}

step 'Type check'
npm run --silent typecheck

step 'Lint and format (biome)'
npx biome check .

step 'Unit tests (vitest)'
npx vitest run

step 'Build (Chrome MV3, Firefox MV2)'
npm run --silent build

step 'Firefox add-on lint (web-ext)'
npx web-ext lint --source-dir .output/firefox-mv2 --self-hosted

step 'Command line on every fixture'
shopt -s nullglob
fixtures=(test/fixtures/*.html test/fixtures/pdf/*.pdf)
if [ "${#fixtures[@]}" -eq 0 ]; then
  echo 'no fixtures in test/fixtures' >&2
  exit 1
fi
npm run --silent check -- --json "${fixtures[@]}" >/dev/null

step 'Real browsers (Chromium, Firefox)'
npm run --silent test:browser

printf '\n\033[1;32m==> All checks passed\033[0m\n'
