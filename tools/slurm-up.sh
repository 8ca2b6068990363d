#!/usr/bin/env bash
# A one-node Slurm cluster in a directory of its own, for the Slurm tests (cluster.SlurmCluster)
# and for trying docs/cluster.md and docs/slurm-array.sh by hand (docs/testing.md §Slurm).
# Debian's slurm-wlm and munge, run as root, without systemd or cgroups:
#
#   tools/slurm-up.sh DIR          start munged, slurmctld and slurmd; wait until the node is idle
#   . DIR/env                      then sbatch, squeue, sinfo, scontrol talk to this cluster
#   tools/slurm-up.sh --stop DIR   stop exactly the three processes the start wrote to DIR/pids
#
# DIR gets a fresh munge key, slurm.conf (ProctrackType=proctrack/linuxproc, TaskPlugin=task/none,
# SelectType=select/cons_tres with CR_Core, one node with this machine's CPUs and memory as
# `slurmd -C` reports them, one default partition), the daemons' state, logs and pid files.
# Ports are picked free on loopback, so two clusters (two test runs) do not meet.
# Exit: 0 up (the last line is "slurm up in S s"), 1 a daemon failed or the node did not
# become idle within SLURM_UP_TIMEOUT seconds (default 120; the daemons are then stopped),
# 2 bad usage or slurm-wlm/munge missing.
set -euo pipefail

usage() { echo "usage: tools/slurm-up.sh DIR | tools/slurm-up.sh --stop DIR" >&2; exit 2; }

stop() {
    local dir=$1 pid
    [[ -f "$dir/pids" ]] || return 0
    # newest first: slurmd, slurmctld, then munged, which the other two need to shut down cleanly
    for pid in $(tac "$dir/pids"); do
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in $(tac "$dir/pids"); do
        for _ in $(seq 1 100); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$pid" 2>/dev/null || true
    done
    rm -f "$dir/pids"
}

[[ $# -ge 1 ]] || usage
if [[ "$1" == "--stop" ]]; then
    [[ $# -eq 2 ]] || usage
    stop "$2"
    exit 0
fi
[[ $# -eq 1 ]] || usage
for tool in munged slurmctld slurmd sinfo; do
    command -v "$tool" >/dev/null 2>&1 || PATH=$PATH:/usr/sbin
    command -v "$tool" >/dev/null 2>&1 || { echo "slurm-up: $tool not found; install slurm-wlm and munge" >&2; exit 2; }
done
[[ "$(id -u)" -eq 0 ]] || { echo "slurm-up: must run as root (slurmd runs jobs as their users)" >&2; exit 2; }

start=$(date +%s.%N)
mkdir -p "$1"
DIR=$(cd "$1" && pwd)
chmod 0700 "$DIR"
mkdir -p "$DIR/munge" "$DIR/state" "$DIR/spool"
chmod 0700 "$DIR/munge"
: > "$DIR/pids"

# a TCP port nothing listens on at loopback, drawn at random (a race with another process is accepted)
free_port() {
    local port
    while true; do
        port=$(( 20000 + RANDOM % 40000 ))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
}
CTLD_PORT=$(free_port)
SLURMD_PORT=$(free_port)
while [[ "$SLURMD_PORT" == "$CTLD_PORT" ]]; do SLURMD_PORT=$(free_port); done

dd if=/dev/urandom of="$DIR/munge/munge.key" bs=1024 count=1 status=none
chmod 0400 "$DIR/munge/munge.key"
SOCKET="$DIR/munge/munge.socket"

HOST=$(hostname -s)
# the node as slurmd sees it (CPUs, sockets, cores, threads, memory), renamed; CPUs = this machine's
NODE_LINE=$(slurmd -C | head -1 | sed -e 's/^NodeName=[^ ]*/NodeName=bbnode NodeHostname='"$HOST"' NodeAddr=127.0.0.1/')
cat > "$DIR/slurm.conf" <<EOF
ClusterName=blockbench
SlurmctldHost=$HOST(127.0.0.1)
SlurmctldPort=$CTLD_PORT
SlurmdPort=$SLURMD_PORT
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$SOCKET
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/slurmctld.pid
SlurmdPidFile=$DIR/slurmd.pid
SlurmctldLogFile=$DIR/slurmctld.log
SlurmdLogFile=$DIR/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
SwitchType=switch/none
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
ReturnToService=2
SlurmdTimeout=60
SchedulerParameters=sched_interval=1
$NODE_LINE State=UNKNOWN
PartitionName=debug Nodes=bbnode Default=YES MaxTime=INFINITE State=UP
EOF
{
    echo "export SLURM_CONF=$DIR/slurm.conf"
    echo "export PATH=\$PATH:/usr/sbin"
} > "$DIR/env"
export SLURM_CONF="$DIR/slurm.conf"

fail() {
    echo "slurm-up: $1 (logs in $DIR)" >&2
    tail -5 "$DIR"/*.log >&2 2>/dev/null || true
    stop "$DIR"
    exit 1
}

# each daemon in the foreground, so that $! is its own pid and --stop can end exactly it
munged -F --force --socket="$SOCKET" --key-file="$DIR/munge/munge.key" --pid-file="$DIR/munge/munged.pid" \
    --seed-file="$DIR/munge/munge.seed" --log-file="$DIR/munged.log" </dev/null >>"$DIR/munged.log" 2>&1 &
echo $! >> "$DIR/pids"
for _ in $(seq 1 100); do [[ -S "$SOCKET" ]] && break; sleep 0.1; done
[[ -S "$SOCKET" ]] || fail "munged did not open its socket within 10 s"

slurmctld -D -i -f "$DIR/slurm.conf" </dev/null >>"$DIR/slurmctld.out" 2>&1 &
echo $! >> "$DIR/pids"
slurmd -D -N bbnode -f "$DIR/slurm.conf" </dev/null >>"$DIR/slurmd.out" 2>&1 &
echo $! >> "$DIR/pids"

deadline=$(( $(date +%s) + ${SLURM_UP_TIMEOUT:-120} ))
state=""
while (( $(date +%s) < deadline )); do
    for pid in $(cat "$DIR/pids"); do
        kill -0 "$pid" 2>/dev/null || fail "daemon $pid exited"
    done
    state=$(sinfo -h -n bbnode -o %t 2>/dev/null || true)
    [[ "$state" == "idle" ]] && break
    sleep 0.5
done
[[ "$state" == "idle" ]] || fail "node bbnode is '${state:-unreachable}', not idle, after ${SLURM_UP_TIMEOUT:-120} s"
echo "pids $(tr '\n' ' ' < "$DIR/pids")"
echo "$NODE_LINE"
awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "slurm up in %.1f s\n", e - s }'
