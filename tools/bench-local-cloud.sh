#!/usr/bin/env bash
# Runs `cqrs bench` against a fresh local cloud: builds both in Release, starts the local cloud on a free loopback
# port with a throwaway state folder, benches it, and stops it again. Arguments go to `cqrs bench` (default -n 2000);
# `--then` separates further benches run one after the other on the same local cloud, e.g.
#   tools/bench-local-cloud.sh -n 2000 --then -n 2000 --room-types 1
# Each bench runs even when an earlier one failed; the exit code is the first failure's.
set -euo pipefail
cd "$(dirname "$0")/.."

state="$(mktemp -d)"
log="$state/local-cloud.log"
host=""
stop() {
  if [[ -n "$host" ]] && kill -0 "$host" 2>/dev/null; then
    kill "$host" && wait "$host" 2>/dev/null || true
  fi
  rm -rf "$state"
}
trap stop EXIT

dotnet build -c Release -v quiet -nologo local/StepFunctionsCqrs.LocalCloud >/dev/null
dotnet build -c Release -v quiet -nologo tools/StepFunctionsCqrs.Cli >/dev/null

# The local cloud's stdin stays open while this script runs: it stops dynalite when its stdin closes.
dotnet local/StepFunctionsCqrs.LocalCloud/bin/Release/net10.0/StepFunctionsCqrs.LocalCloud.dll --port 0 --state "$state/cloud" \
  >"$log" 2>&1 < <(tail -f /dev/null) &
host=$!

endpoint=""
for _ in $(seq 1 240); do
  endpoint="$(sed -n 's/^export AWS_ENDPOINT_URL=\(http[^ ]*\)$/\1/p' "$log" | head -n 1)"
  [[ -n "$endpoint" ]] && break
  if ! kill -0 "$host" 2>/dev/null; then
    echo "The local cloud exited before it was ready:" >&2
    cat "$log" >&2
    exit 1
  fi
  sleep 0.25
done
if [[ -z "$endpoint" ]]; then
  echo "The local cloud was not ready within a minute:" >&2
  cat "$log" >&2
  exit 1
fi

echo "local cloud at $endpoint (process $host)"
[[ $# -eq 0 ]] && set -- -n 2000
# The bench signs as the admin the local cloud wrote into its state folder.
credentials="$(sed -n 's/^export AWS_SHARED_CREDENTIALS_FILE=\([^ ]*\) .*$/\1/p' "$log" | head -n 1)"
bench() {
  echo "== cqrs bench $*"
  # The bench client compiles its methods once, fully optimized, as the local cloud does: with tiering, it spent
  # seconds of the measured run recompiling itself on the very cores it measures.
  AWS_ENDPOINT_URL="$endpoint" AWS_SHARED_CREDENTIALS_FILE="$credentials" AWS_PROFILE=admin DOTNET_TieredCompilation=0 \
    dotnet tools/StepFunctionsCqrs.Cli/bin/Release/net10.0/cqrs.dll bench "$@"
}

status=0
args=()
for arg in "$@" --then; do
  if [[ "$arg" == "--then" ]]; then
    code=0
    bench "${args[@]}" || code=$?
    [[ $status -eq 0 && $code -ne 0 ]] && status=$code
    args=()
  else
    args+=("$arg")
  fi
done
exit "$status"
