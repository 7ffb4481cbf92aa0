#!/usr/bin/env bash
# Browser tests of the web console: the built `govflow serve` on a temporary database and a free port, driven by
# headless Chromium through Selenium. Installs Chromium, its driver and python3-selenium with apt-get when they
# are missing; fails (never skips) when Chromium cannot start.
#
#   Tests/Browser/run.sh              # builds govflow (debug) if needed, runs every test
#   GOVFLOW_BIN=path Tests/Browser/run.sh
#   CONSOLE_SCREENSHOTS=docs/console Tests/Browser/run.sh   # also writes a screenshot of each page
set -euo pipefail
cd "$(dirname "$0")/../.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
/usr/bin/python3 -c "import selenium" 2>/dev/null || missing+=(python3-selenium)
fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-wqy-zenhei)
if ((${#missing[@]} > 0)); then
    echo "installing ${missing[*]}" >&2
    if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}"
fi

if [ -z "${GOVFLOW_BIN:-}" ]; then
    swift build --product govflow >&2
    GOVFLOW_BIN="$(swift build --show-bin-path)/govflow"
fi
export GOVFLOW_BIN
exec /usr/bin/python3 Tests/Browser/test_console.py -v
