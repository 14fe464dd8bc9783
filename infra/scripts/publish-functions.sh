#!/usr/bin/env bash
# Publishes the Lambda functions for the arm64 managed .NET runtime into artifacts/functions, the folder the CDK
# app packages as the functions' code. Run it before `cdk synth` / `cdk deploy`.
#   OUTPUT_DIR=<folder>  publish somewhere else (then pass -c functionsCodePath=<folder> to cdk)
#   DRY_RUN=1            print the commands instead of running them
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
project="$repo_root/functions/StepFunctionsCqrs.Functions/StepFunctionsCqrs.Functions.csproj"
output_dir="${OUTPUT_DIR:-$repo_root/artifacts/functions}"

run() {
  if [ "${DRY_RUN:-0}" = "1" ]; then
    printf '+'; printf ' %q' "$@"; printf '\n'
  else
    "$@"
  fi
}

run rm -rf "$output_dir"
# Framework-dependent: the managed runtime brings .NET; the runtime config tells it which framework the assembly needs.
run dotnet publish "$project" \
  --configuration Release \
  --runtime linux-arm64 \
  --self-contained false \
  --output "$output_dir" \
  -p:GenerateRuntimeConfigurationFiles=true \
  -p:TreatWarningsAsErrors=true
