#!/bin/bash
# BlockBench latency sweep as a Slurm job array: task i of N runs shard i/N (read from
# SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT and SLURM_ARRAY_TASK_MIN), all tasks write
# into one run directory, and a dependent job merges the shards into one JMH JSON.
#
#   export RUN=nightly-$(date +%F)
#   jobid=$(sbatch --parsable --export=ALL docs/slurm-array.sh)
#   sbatch --dependency=afterany:$jobid --export=ALL --wrap "docs/slurm-array.sh merge"
#
# Run from the repository root after `mvn package` and `java -jar target/blockbench.jar export`.
# Options given to sbatch override the #SBATCH lines below, e.g. `sbatch --array=0-1 --cpus-per-task=1`
# (what cli.SlurmLatencySweepTest runs on a one-node cluster: both tasks share the node). Tasks that
# share a node disturb each other's latencies (docs/cluster.md): add --exclusive when the numbers matter.
#SBATCH --job-name=blockbench
#SBATCH --array=0-3
#SBATCH --cpus-per-task=2
#SBATCH --mem=4G
#SBATCH --time=02:00:00
#SBATCH --output=jmh-results/slurm-%A_%a.out
#SBATCH --open-mode=append
set -euo pipefail

BLOCKBENCH_HOME=${BLOCKBENCH_HOME:-${SLURM_SUBMIT_DIR:-$PWD}}
RUN=${RUN:-nightly-${SLURM_ARRAY_JOB_ID:-local}}
JAR="$BLOCKBENCH_HOME/target/blockbench.jar"
RESULTS=${RESULTS:-$BLOCKBENCH_HOME/jmh-results}

if [[ "${1:-}" == "merge" ]]; then
    exec java -jar "$JAR" merge "$RESULTS/$RUN"
fi

# --resume: a requeued task skips the configs its shard already finished (--open-mode=append keeps
# the log of its first attempt above the second's).
# --cpus auto: the forks are pinned to the CPUs Slurm gave this task (its affinity, or scontrol's
# CPU_IDs where the TaskPlugin does not bind), and the task keeps its own JMH lock and temporary
# files, so tasks sharing a node neither collide nor wait for each other (docs/cluster.md).
# BLOCKBENCH_ARGS adds options, e.g. "--blocks ResNetBasicBlock --batch 1,8" or "--jmh-defaults".
exec java -jar "$JAR" bench --model-dir "${MODELS:-$BLOCKBENCH_HOME/onnx-models}" --out "$RESULTS" \
    --run "$RUN" --resume --no-progress --cpus auto ${BLOCKBENCH_ARGS:-}
