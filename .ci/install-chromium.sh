#!/usr/bin/env bash
# Installs Debian's Chromium for the HTML leaderboard test (LeaderboardHtmlChromiumTest), if it is
# not there yet. Call it from .ci/run before `mvn verify`, and export
# BLOCKBENCH_REQUIRE_CHROMIUM=1 so that the test fails instead of skipping when Chromium is absent.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
    chromium --version 2>/dev/null || true
    exit 0
fi
bash "$(dirname "$0")/apt-install.sh" chromium
chromium --version 2>/dev/null || true
