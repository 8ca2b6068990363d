#!/usr/bin/env bash
# Tabulates the A/B sessions of docs/regress-acceptance.sh: for every session directory
# (WORKDIR/ab/<name>/a.json, b.json) the verdict on wall time (busy-machine guard on and off)
# and on CPU time, at the default 5 % threshold and at 2 %. Needs jq.
# Usage: docs/regress-ab-table.sh WORKDIR
set -u
WORK=${1:?usage: regress-ab-table.sh WORKDIR}
bb() { java -jar target/blockbench.jar "$@"; }
T=$(mktemp -d)
judge() {  # judge DIR NAME ARGS... → "ratio p verdict fastest-forks-ratio"
  local d=$1 n=$2; shift 2
  bb compare --pair "$d/a.json" "$d/b.json" --out "$T" --name "$n" --format json "$@" > /dev/null 2>&1
  jq -r '.comparisons[0] | "\(.time_ratio*1000|round/1000) \(.p_value) \(.verdict) \(.fastest_fork_ratio*1000|round/1000)"' "$T/$n.json"
}
printf '| session | wall ratio | fastest forks | wall p | wall verdict (guard) | wall verdict (no guard) | CPU share A / B | CPU ratio | CPU p | CPU verdict | wall @2 %% | CPU @2 %% |\n'
printf '|---|---:|---:|---:|---|---|---|---:|---:|---|---|---|\n'
for d in "$WORK"/ab/*/; do
  [ -f "$d/a.json" ] && [ -f "$d/b.json" ] || continue
  s=$(basename "$d")
  read -r wr wp wv wf <<< "$(judge "$d" w)"
  read -r _ _ wn _ <<< "$(judge "$d" wn --min-cpu-share 0)"
  read -r cr cp cv _ <<< "$(judge "$d" c --metric cpuNanosPerOp:ns/op)"
  read -r _ _ w2 _ <<< "$(judge "$d" w2 --threshold 0.02 --min-cpu-share 0)"
  read -r _ _ c2 _ <<< "$(judge "$d" c2 --metric cpuNanosPerOp:ns/op --threshold 0.02)"
  # CPU share = CPU ns per op / wall ns per op (wall medians are in ms/op)
  share=$(jq -rs '(.[0].comparisons[0]) as $w | (.[1].comparisons[0]) as $c
    | "\($c.base_median / ($w.base_median * 1e6) * 100 | round) % / \($c.new_median / ($w.new_median * 1e6) * 100 | round) %"' \
    "$T/w.json" "$T/c.json")
  printf '| %s | %s | %s | %.2g | %s | %s | %s | %s | %.2g | %s | %s | %s |\n' "$s" "$wr" "$wf" "$wp" "$wv" "$wn" "$share" "$cr" "$cp" "$cv" "$w2" "$c2"
done
rm -rf "$T"
