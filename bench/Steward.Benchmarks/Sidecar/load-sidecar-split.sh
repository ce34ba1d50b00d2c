#!/usr/bin/env bash
# The sidecar load test with the load generator in a process of its own, pinned to other cores than the
# upstream and the sidecar (taskset), so that the generator's CPU does not queue behind the sidecar's.
#   bench/Steward.Benchmarks/Sidecar/load-sidecar-split.sh [--rate 2000] [--seconds 60] [--sequential 5000]
# Prints the sidecar process's RSS before, every 5 s during, and after the run.
# Env: LOADGEN_CPUS (default 0), SERVER_CPUS (default 1), PORT_BASE (default 19180).
# Build first: dotnet build -c Release bench/Steward.Benchmarks
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dll="$here/../bin/Release/net10.0/Steward.Benchmarks.dll"
bundle="$(cd "$here/../../.." && pwd)/policies"
loadgen_cpus="${LOADGEN_CPUS:-0}"
server_cpus="${SERVER_CPUS:-1}"
port="${PORT_BASE:-19180}"
upstream="http://127.0.0.1:$port"
sidecar="http://127.0.0.1:$((port + 1))"
export DOTNET_gcServer=0

taskset -c "$server_cpus" dotnet "$dll" load-sidecar --role upstream --listen "$upstream" > /dev/null &
upstream_pid=$!
taskset -c "$server_cpus" dotnet "$dll" load-sidecar --role sidecar --listen "$sidecar" --upstream "$upstream" --bundle "$bundle" > /dev/null &
sidecar_pid=$!
trap 'kill "$upstream_pid" "$sidecar_pid" 2> /dev/null || true' EXIT

for url in "$upstream" "$sidecar"; do
  for _ in $(seq 100); do
    curl -s -m 2 -o /dev/null -X POST -H 'content-type: application/json' -d '{}' "$url/v1/predict" && break
    sleep 0.2
  done
done

rss() { awk '/^VmRSS/ {printf "%.0f MiB", $2 / 1024}' "/proc/$1/status"; }
echo "sidecar process RSS before: $(rss "$sidecar_pid"); upstream/sidecar on CPUs $server_cpus, load generator on CPUs $loadgen_cpus"
# The sidecar's RSS every 5 s during the run, to show whether memory stays flat after warm-up.
( while sleep 5; do printf '%s ' "$(rss "$sidecar_pid" | tr -d ' ')"; done ) > "${TMPDIR:-/tmp}/sidecar-rss.$$" &
sampler_pid=$!
trap 'kill "$upstream_pid" "$sidecar_pid" "$sampler_pid" 2> /dev/null || true; rm -f "${TMPDIR:-/tmp}/sidecar-rss.$$"' EXIT
taskset -c "$loadgen_cpus" dotnet "$dll" load-sidecar --direct "$upstream" --through "$sidecar" "$@"
kill "$sampler_pid" 2> /dev/null || true
echo "sidecar process RSS after: $(rss "$sidecar_pid")"
echo "sidecar process RSS every 5 s during the run: $(cat "${TMPDIR:-/tmp}/sidecar-rss.$$")"
