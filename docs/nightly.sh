#!/usr/bin/env bash
# BlockBench nightly latency regression job.
#
#   1. builds the jar, exports the model zoo if onnx-models/manifest.json is missing,
#   2. measures latency with `blockbench bench` into jmh-results/nightly-<UTC time>/,
#   3. compares tonight against the pooled last K nights kept in the history directory
#      (`blockbench compare --history`), which also stores tonight and draws trend plots,
#   4. leaves analysis/regress/nightly.md (for people), nightly.json (for machines) and
#      analysis/regress/trends/*.png|svg, and exits with the verdict:
#        0 nothing slower, 1 a benchmark slower (or a config failed to run),
#        2 bad input, 3 a file could not be written.
#
# Environment (all optional):
#   BLOCKBENCH_HISTORY     history directory, kept between nights (default: jmh-results/history)
#   BLOCKBENCH_WINDOW      past nights pooled into the baseline (default: 5)
#   BLOCKBENCH_THRESHOLD   smallest change that counts, as a fraction (default: 0.05)
#   BLOCKBENCH_ALPHA       significance level of the U test (default: 0.01)
#   BLOCKBENCH_BENCH_ARGS  selection and JMH options for `blockbench bench`
#                          (default: every block's deploy graph, batch 1, 1 thread, sample mode,
#                          5 forks x (3 x 1 s warm-up + 5 x 1 s measurement))
#   BLOCKBENCH_CPUS        CPUs every JMH fork is pinned to (default: auto, the highest-numbered
#                          CPUs, one per ORT thread; "none" leaves forks unpinned), so that every
#                          night meets the same CPU placement.
#   BLOCKBENCH_MVN         Maven command (default: "mvn -q"; use "mvn -o -q" when offline)
# Run it on a quiet, dedicated machine, and choose BLOCKBENCH_THRESHOLD from that machine's
# A/A noise: keep a week of nights of unchanged code in the history, then run
#   java -jar target/blockbench.jar verdict-check aa jmh-results/history/runs
# and take the smallest threshold whose "slower rate" is below 1 % (docs/regress.md). On the
# 2-vCPU development VM the default 5 % gave 0-1 false alarms per 190-240 A/A comparisons of
# 3-fork runs in most hours and 4 % in the worst; the same forks regrouped into 5-fork runs
# (this job's default) gave none.
set -uo pipefail
cd "$(dirname "$0")/.."

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RUN="nightly-$STAMP"
HISTORY=${BLOCKBENCH_HISTORY:-jmh-results/history}
WINDOW=${BLOCKBENCH_WINDOW:-5}
THRESHOLD=${BLOCKBENCH_THRESHOLD:-0.05}
ALPHA=${BLOCKBENCH_ALPHA:-0.01}
BENCH_ARGS=${BLOCKBENCH_BENCH_ARGS:---forms deploy --batch 1 --threads 1 -bm sample -tu ms -f 5 -wi 3 -w 1s -i 5 -r 1s}
CPUS=${BLOCKBENCH_CPUS:-auto}
MVN=${BLOCKBENCH_MVN:-mvn -q}
bb() { java -jar target/blockbench.jar "$@"; }

$MVN package -DskipTests || exit 70
[ -f onnx-models/manifest.json ] || bb export --quiet || exit $?

# shellcheck disable=SC2086  # BENCH_ARGS is a list of options
bb bench --run "$RUN" --no-progress --cpus "$CPUS" $BENCH_ARGS
bench_rc=$?
RESULTS="jmh-results/$RUN/results.json"
if [ ! -f "$RESULTS" ]; then
  echo "nightly: no results at $RESULTS (blockbench bench exit code $bench_rc)" >&2
  exit $(( bench_rc == 0 ? 70 : bench_rc ))
fi

bb compare --history "$HISTORY" --window "$WINDOW" --threshold "$THRESHOLD" --alpha "$ALPHA" \
   "$RESULTS" --out analysis/regress --name nightly
compare_rc=$?

if [ "$compare_rc" -ne 0 ]; then
  exit "$compare_rc"
fi
if [ "$bench_rc" -ne 0 ]; then
  echo "nightly: no regression among the configs that ran, but some configs failed (blockbench bench exit $bench_rc)" >&2
fi
exit "$bench_rc"
