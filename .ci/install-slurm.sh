#!/usr/bin/env bash
# Installs Debian's Slurm (slurm-wlm) and MUNGE for the Slurm tests (cluster.SlurmCluster starts a
# one-node cluster with tools/slurm-up.sh), if they are not there yet. Call it from .ci/run before
# `mvn verify`, and export BLOCKBENCH_REQUIRE_SLURM=1 so that the tests fail instead of skipping
# when they are absent. No daemon is started or enabled here: the tests start their own.
set -euo pipefail
if [ -x /usr/sbin/slurmctld ] && [ -x /usr/sbin/slurmd ] && [ -x /usr/sbin/munged ] && command -v sbatch >/dev/null 2>&1; then
    slurmd -V
    exit 0
fi
bash "$(dirname "$0")/apt-install.sh" --no-install-recommends slurm-wlm munge
slurmd -V
