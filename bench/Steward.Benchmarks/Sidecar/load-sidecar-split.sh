#!/usr/bin/env bash
# The sidecar load test with the load generator in a process of its own, pinned to other cores than the
# upstream and the sidecar (taskset), so that the generator's CPU does not queue behind the sidecar's.
#   bench/Steward.Benchmarks/Sidecar/load-sidecar-split.sh [--rate 2000] [--seconds 60] [--warmup 10] [--sequential 5000] [--pacer timer]
# The generator reports p50/p99 per path, each serving process's CPU per request (from /proc/PID/stat, charged per
# block to the process that served it) and the sidecars' RSS after every 5 s block.
# Env: LOADGEN_CPUS (default 0), SERVER_CPUS (default 1), PORT_BASE (default 19180),
#   DLL=path/to/Steward.Benchmarks.dll  the build to run (default: the Release build beside this script),
#   BASE_DLL=path/to/an/older/Steward.Benchmarks.dll  also runs that build's sidecar as path "baseline" (before/after in one run),
#   SIDECAR_ENV="VAR=value ..."  extra environment for the sidecar(s) only; BASE_ENV the same for the baseline only,
#   SIDECAR_ARGS / BASE_ARGS="--inline-io false"  extra options for the measured sidecar / the baseline only
#     (e.g. BASE_DLL=<this build> BASE_ARGS="--inline-io false": inline I/O against the thread pool in one run),
#   WRK_CONNECTIONS=N (e.g. 16)  afterwards cross-checks with wrk, closed loop with N connections, WRK_SECONDS each
#     (default 15), direct and sidecar alternating twice. wrk is Debian's package: apt-get install -y wrk
# Build first: dotnet build -c Release bench/Steward.Benchmarks
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dll="${DLL:-$here/../bin/Release/net10.0/Steward.Benchmarks.dll}"
bundle="$(cd "$here/../../.." && pwd)/policies"
loadgen_cpus="${LOADGEN_CPUS:-0}"
server_cpus="${SERVER_CPUS:-1}"
port="${PORT_BASE:-19180}"
upstream="http://127.0.0.1:$port"
sidecar="http://127.0.0.1:$((port + 1))"
baseline="http://127.0.0.1:$((port + 2))"
tmp="$(mktemp -d)"
export DOTNET_gcServer=0
pids=()
trap 'kill "${pids[@]}" 2> /dev/null || true; rm -rf "$tmp"' EXIT

taskset -c "$server_cpus" dotnet "$dll" load-sidecar --role upstream --bundle "$bundle" --listen "$upstream" > /dev/null &
upstream_pid=$!
pids+=("$upstream_pid")
# shellcheck disable=SC2086 # SIDECAR_ENV is a list of VAR=value words
env ${SIDECAR_ENV:-} taskset -c "$server_cpus" dotnet "$dll" load-sidecar --role sidecar --listen "$sidecar" --upstream "$upstream" --bundle "$bundle" ${SIDECAR_ARGS:-} > /dev/null &
sidecar_pid=$!
pids+=("$sidecar_pid")
targets=("$upstream" "$sidecar")
extra=(--pids "upstream=$upstream_pid,sidecar=$sidecar_pid")
if [[ -n "${BASE_DLL:-}" ]]; then
  # shellcheck disable=SC2086
  env ${SIDECAR_ENV:-} ${BASE_ENV:-} taskset -c "$server_cpus" dotnet "$BASE_DLL" load-sidecar --role sidecar --listen "$baseline" --upstream "$upstream" --bundle "$bundle" ${BASE_ARGS:-} > /dev/null &
  baseline_pid=$!
  pids+=("$baseline_pid")
  targets+=("$baseline")
  extra=(--pids "upstream=$upstream_pid,sidecar=$sidecar_pid,baseline=$baseline_pid" --through-base "$baseline")
fi

for url in "${targets[@]}"; do
  for _ in $(seq 150); do
    curl -s -m 2 -o /dev/null -X POST -H 'content-type: application/json' -d '{}' "$url/v1/predict" && break
    sleep 0.2
  done
done

echo "upstream/sidecar on CPUs $server_cpus, load generator on CPUs $loadgen_cpus; sidecar env: ${SIDECAR_ENV:-none}, options: ${SIDECAR_ARGS:-none}; baseline: ${BASE_DLL:-none} ${BASE_ENV:-} ${BASE_ARGS:-}"
taskset -c "$loadgen_cpus" dotnet "$dll" load-sidecar --bundle "$bundle" --direct "$upstream" --through "$sidecar" "${extra[@]}" "$@"

if [[ -n "${WRK_CONNECTIONS:-}" ]]; then
  command -v wrk > /dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
  cat > "$tmp/post.lua" << 'EOF'
wrk.method = "POST"
wrk.path = "/v1/predict"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"model":"credit-v3","applicant":{"id":"a-1042","income":52000,"history_months":84,"region":"EU"}}'
EOF
  secs="${WRK_SECONDS:-15}"
  echo "wrk cross-check (closed loop): 1 thread, $WRK_CONNECTIONS connections, ${secs} s per run, pinned to CPUs $loadgen_cpus; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  for round in 1 2; do
    for name in direct sidecar; do
      url="$upstream"; [[ "$name" == sidecar ]] && url="$sidecar"
      out="$(taskset -c "$loadgen_cpus" wrk -t1 -c"$WRK_CONNECTIONS" -d"${secs}s" --latency -s "$tmp/post.lua" "$url")"
      lat="$(awk '/Latency Distribution/ {f=1; next} f && /%/ {printf "p%s %s  ", $1, $2} /requests in/ {f=0}' <<< "$out")"
      rps="$(awk '/Requests\/sec/ {print $2}' <<< "$out")"
      errs="$(awk '/Non-2xx|Socket errors/ {printf "%s ", $0}' <<< "$out")"
      echo "  wrk round $round $name: $rps requests/s; $lat${errs:+; $errs}"
    done
  done
fi
