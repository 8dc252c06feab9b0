#!/usr/bin/env bash
# Stops the Slurm daemons .ci/slurm-up.sh started (by their pid files); munged is left running.
set -euo pipefail
DIR="${MOTIV_SLURM_DIR:-/tmp/motiv-slurm}"
SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then SUDO="sudo"; fi
for daemon in slurmd slurmctld; do
  pidfile="$DIR/$daemon.pid"
  if [ -s "$pidfile" ] && $SUDO kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    $SUDO kill "$(cat "$pidfile")"
    echo "stopped $daemon" >&2
  fi
done
