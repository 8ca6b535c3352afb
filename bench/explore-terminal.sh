#!/usr/bin/env bash
# strata explore against strata analyze on the million-file image (generate it first: see
# bench/Strata.Benchmarks/README.md), measured from outside as a user sees it: analyze's wall time and peak RSS,
# then explore's first screen (the panes drawn), the moment the tree and the waste list show, and its peak RSS,
# in a 120x40 tmux terminal. Build first: dotnet build -c Release src/Strata.Cli
set -euo pipefail
cd "$(dirname "$0")/.."
strata=$PWD/src/Strata.Cli/bin/Release/net10.0/strata
image=oci:${TMPDIR:-/tmp}/strata-bench/million-files-v1:million
work=$(mktemp -d)
socket=$work/tmux.sock
trap 'tmux -S "$socket" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

/usr/bin/time -f "analyze: %e s, peak RSS %M kB" "$strata" analyze "$image" -q >/dev/null

start=$(date +%s.%N)
tmux -S "$socket" new-session -d -s b -x 120 -y 40 \
    "/usr/bin/time -f 'explore: %e s in all, peak RSS %M kB' -o $work/time $strata explore -q $image; sleep 60"
screen() { tmux -S "$socket" capture-pane -p -t b; }
until screen | grep -q "Efficiency:"; do sleep 0.05; done
echo "explore: first screen after $(echo "$(date +%s.%N) - $start" | bc) s"
while screen | grep -q "reading the"; do sleep 0.05; done
echo "explore: tree and waste shown after $(echo "$(date +%s.%N) - $start" | bc) s"
# Some moving about the first layer's tree, then quit.
tmux -S "$socket" send-keys -t b Tab
for _ in $(seq 1 50); do tmux -S "$socket" send-keys -t b j; done
for _ in $(seq 1 20); do tmux -S "$socket" send-keys -t b NPage; done
sleep 1
tmux -S "$socket" send-keys -t b q
until [ -s "$work/time" ]; do sleep 0.1; done
cat "$work/time"
