#!/usr/bin/env bash
# Measures the acceptance figures of the regression checker (issue 7) on this machine:
#   1. A/A: N separate JMH runs of the same two models; every pair compared (wall and CPU time)
#   2. injected slowdown: the same model path, base model one night and a 9.9 %-more-MACs variant the next
#   3. A/B sensitivity: one-minute interleaved A/B sessions against +2.5/+5/+10 % MAC variants and
#      the base model itself (interleaved A/A), repeated
# MODE (env, default sample) is the JMH mode of steps 1-3: sample (SampleTime) or avgt.
# CPUS (env, default auto: the highest-numbered CPU) pins every fork; CPUS=none leaves forks unpinned.
# AA_RUNS (default 16) and AA_FORKS (default 3) shape step 1; AB_REPEATS (default 2) step 3.
# Usage: docs/regress-acceptance.sh [WORKDIR]   (after `mvn -o -q package -DskipTests`)
# Takes about an hour on a quiet 2-core machine. Everything lands under WORKDIR (default target/regress-acceptance).
set -u
WORK=${1:-target/regress-acceptance}
RUNS=${AA_RUNS:-16}
FORKS=${AA_FORKS:-3}
REPEATS=${AB_REPEATS:-2}
MODE=${MODE:-sample}
CPUS=${CPUS:-auto}
PIN=()   # JMH options that make each fork pin itself (CpuSet.PROPERTY), as `bench --cpus` and `ab --cpus` do
if [ "$CPUS" != none ]; then
  LIST=$CPUS
  [ "$CPUS" = auto ] && LIST=$(taskset -pc $$ | sed 's/.*: //' | tr ',' '\n' | tail -1 | sed 's/.*-//')
  PIN=(-jvmArgsAppend "-Dblockbench.cpus=$LIST")
fi
mkdir -p "$WORK"
cp target/blockbench.jar "$WORK/" && rm -rf "$WORK/lib" && cp -r target/lib "$WORK/lib"   # a stable copy: rebuilding target/ mid-run would break forks
JAR="$WORK/blockbench.jar"
bb() { java -jar "$JAR" "$@"; }
log() { echo "[$(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)] $*" | tee -a "$WORK/progress.log"; }
jmh() {  # JMH run that waits while another JMH session holds the machine-wide lock
  for try in $(seq 1 90); do
    if java -cp "$JAR" org.openjdk.jmh.Main "$@" > "$WORK/last-jmh.log" 2>&1; then return 0; fi
    grep -q "JMH lock" "$WORK/last-jmh.log" || { cat "$WORK/last-jmh.log"; return 1; }
    sleep 20
  done
  return 1
}
BENCH='org.blockbench.bench.jmh.OrtInferenceBenchmark.runWithCpuTime'  # the class bench measures, with the CPU-time counter
bb verdict-check models --out "$WORK/models" > /dev/null
M="$WORK/models"

log "1. A/A: $RUNS separate runs of base.onnx and wider-w16.onnx ($MODE, $FORKS forks x 5 x 1 s, CPUs: $CPUS ${PIN[*]})"
mkdir -p "$WORK/aa-runs"
for i in $(seq -w 1 "$RUNS"); do
  jmh "$BENCH" -p model="$M/base.onnx,$M/wider-w16.onnx" -bm $MODE -tu ms -f "$FORKS" -wi 2 -w 1s -i 5 -r 1s \
      "${PIN[@]}" -rf json -rff "$WORK/aa-runs/run-$i.json" && log "   run $i done"
done
bb verdict-check aa "$WORK/aa-runs" --out "$WORK" --name aa-wall | head -12
bb verdict-check aa "$WORK/aa-runs" --metric cpuNanosPerOp:ns/op --out "$WORK" --name aa-cpu | head -12

log "2. injected slowdown: night 1 measures base.onnx, night 2 the same path holding wider-w16.onnx"
mkdir -p "$WORK/inject"
cp "$M/base.onnx" "$WORK/inject/model.onnx"
jmh "$BENCH" -p model="$WORK/inject/model.onnx" -bm $MODE -tu ms -f 3 -wi 2 -w 1s -i 5 -r 1s "${PIN[@]}" -rf json -rff "$WORK/inject/night1.json"
cp "$M/wider-w16.onnx" "$WORK/inject/model.onnx"
jmh "$BENCH" -p model="$WORK/inject/model.onnx" -bm $MODE -tu ms -f 3 -wi 2 -w 1s -i 5 -r 1s "${PIN[@]}" -rf json -rff "$WORK/inject/night2.json"
bb compare "$WORK/inject/night1.json" "$WORK/inject/night2.json" --out "$WORK/inject" --name wall
log "   compare (wall) exit code $?"
bb compare "$WORK/inject/night1.json" "$WORK/inject/night2.json" --metric cpuNanosPerOp:ns/op --out "$WORK/inject" --name cpu
log "   compare (cpu) exit code $?"

log "3. A/B sensitivity: one minute of measuring per side (6 forks x 10 x 1 s), $REPEATS sessions per variant"
for w in 16 8 4 0; do
  for r in $(seq 1 "$REPEATS"); do
    name="w$w-r$r"
    B="$M/wider-w$w.onnx"; [ "$w" = 0 ] && B="$M/base.onnx"
    bb ab --a "$M/base.onnx" --b "$B" --mode "$MODE" --cpus "$CPUS" --warmup-iterations 2 --out "$WORK/ab" --name "$name" 2>/dev/null | grep -v '^A/B forks' | tail -3
    log "   ab $name exit code ${PIPESTATUS[0]}"
  done
done
log "done"
docs/regress-ab-table.sh "$WORK" | tee "$WORK/ab-table.md"
