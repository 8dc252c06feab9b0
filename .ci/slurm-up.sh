#!/usr/bin/env bash
# A single-node Slurm on this machine, for the scale-out test (test/scale/slurm.test.ts):
# installs Debian's slurm-wlm and munge when missing, starts munged, slurmctld and
# slurmd with a minimal configuration (no cgroups), and waits until the node is idle.
# Everything Slurm keeps (configuration, state, logs, pid files) is under
# $MOTIV_SLURM_DIR (default /tmp/motiv-slurm); the ports are not Slurm's defaults, so a
# Slurm already on the machine is left alone. Prints the line that points Slurm's
# commands at it: export SLURM_CONF=...; `bash .ci/slurm-down.sh` stops it again.
set -euo pipefail

DIR="${MOTIV_SLURM_DIR:-/tmp/motiv-slurm}"
CONF="$DIR/slurm.conf"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO="sudo"; else echo "slurm-up: needs root (or sudo) to install and start Slurm" >&2; exit 1; fi
fi

if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null || ! command -v sbatch >/dev/null; then
  echo "== installing slurm-wlm and munge" >&2
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
fi

# munge: the key Slurm's daemons and commands authenticate with, and its daemon
if [ ! -s /etc/munge/munge.key ]; then
  $SUDO mkdir -p /etc/munge
  $SUDO dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
fi
$SUDO mkdir -p /run/munge /var/lib/munge /var/log/munge
$SUDO chown munge:munge /etc/munge/munge.key /run/munge /var/lib/munge /var/log/munge
$SUDO chmod 0400 /etc/munge/munge.key
$SUDO chmod 0755 /run/munge
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  $SUDO runuser -u munge -- /usr/sbin/munged --force
  for _ in $(seq 50); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.2; done
  munge -n | unmunge >/dev/null || { echo "slurm-up: munged did not start" >&2; exit 1; }
fi

HOST="$(hostname -s)"
CPUS="$(nproc)"
$SUDO mkdir -p "$DIR/state" "$DIR/spool"
$SUDO tee "$CONF" >/dev/null <<CONF
# a single-node cluster for motiv's scale-out test: written by .ci/slurm-up.sh
ClusterName=motiv
SlurmctldHost=$HOST(127.0.0.1)
SlurmctldPort=6917
SlurmdPort=6918
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/slurmctld.pid
SlurmdPidFile=$DIR/slurmd.pid
SlurmctldLogFile=$DIR/slurmctld.log
SlurmdLogFile=$DIR/slurmd.log
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
ReturnToService=2
SlurmctldTimeout=30
SlurmdTimeout=30
NodeName=$HOST NodeAddr=127.0.0.1 CPUs=$CPUS State=UNKNOWN
PartitionName=debug Nodes=$HOST Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$CONF"

running() { [ -s "$1" ] && $SUDO kill -0 "$(cat "$1")" 2>/dev/null; }
running "$DIR/slurmctld.pid" || $SUDO env SLURM_CONF="$CONF" slurmctld -f "$CONF"
running "$DIR/slurmd.pid" || $SUDO env SLURM_CONF="$CONF" slurmd -f "$CONF"

# the node idle (or running jobs): at most a minute
state=""
for _ in $(seq 120); do
  state="$(sinfo -h -N -o '%t' 2>/dev/null | head -n1 || true)"
  case "$state" in idle | mix | alloc) break ;; esac
  # a node left down or drained by an earlier start comes back
  case "$state" in down* | drain* | inval*) $SUDO env SLURM_CONF="$CONF" scontrol update nodename="$HOST" state=resume 2>/dev/null || true ;; esac
  sleep 0.5
done
case "$state" in
  idle | mix | alloc) ;;
  *)
    echo "slurm-up: the node is '${state:-not known to slurmctld}' after a minute, not idle" >&2
    for log in "$DIR/slurmctld.log" "$DIR/slurmd.log"; do echo "--- $log" >&2; $SUDO tail -n 30 "$log" >&2 || true; done
    exit 1
    ;;
esac
echo "== Slurm is up: node $HOST ($CPUS CPUs) $state" >&2
echo "export SLURM_CONF=$CONF"
