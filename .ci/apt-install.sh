#!/usr/bin/env bash
# apt-get install of the given Debian packages (and options), through sudo when not root: the one
# place the .ci/install-*.sh scripts install from.
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q "$@"
