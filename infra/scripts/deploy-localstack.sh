#!/usr/bin/env bash
# Deploys the stack to LocalStack started from docker-compose.localstack.yml: publish the functions, bootstrap, deploy.
#   LAMBDA_RUNTIME=dotnet10   Lambda runtime for the functions (older LocalStack images: dotnet8, with functions built for it)
#   HTTP_API=false            true only with a LocalStack edition that serves API Gateway v2
#   AWS_ENDPOINT_URL          LocalStack edge (default http://localhost:4566)
#   AWS_REGION                region (default us-east-1)
#   FUNCTIONS_CODE_PATH       publish folder (default artifacts/functions)
#   OUTPUTS_FILE              where the stack outputs go (default artifacts/localstack-outputs.json)
#   SKIP_PUBLISH=1            reuse an existing publish folder
#   DRY_RUN=1                 print the commands instead of running them
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
infra_dir="$repo_root/infra"

export AWS_ENDPOINT_URL="${AWS_ENDPOINT_URL:-http://localhost:4566}"
export AWS_ENDPOINT_URL_S3="${AWS_ENDPOINT_URL_S3:-http://s3.localhost.localstack.cloud:4566}"
export AWS_REGION="${AWS_REGION:-us-east-1}"
export AWS_DEFAULT_REGION="$AWS_REGION"
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-test}"
export AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-test}"
# cdklocal drops AWS_* variables it was not told to keep; the region must survive.
export AWS_ENVAR_ALLOWLIST="AWS_REGION,AWS_DEFAULT_REGION"
export CDK_DISABLE_VERSION_CHECK=1 CDK_DISABLE_CLI_TELEMETRY=true

runtime="${LAMBDA_RUNTIME:-dotnet10}"
http_api="${HTTP_API:-false}"
code_path="${FUNCTIONS_CODE_PATH:-$repo_root/artifacts/functions}"
outputs_file="${OUTPUTS_FILE:-$repo_root/artifacts/localstack-outputs.json}"
account="000000000000"

run() {
  if [ "${DRY_RUN:-0}" = "1" ]; then
    printf '+'; printf ' %q' "$@"; printf '\n'
  else
    "$@"
  fi
}

if [ "${DRY_RUN:-0}" != "1" ]; then
  if ! curl -sf "$AWS_ENDPOINT_URL/_localstack/health" > /dev/null; then
    echo "error: LocalStack does not answer at $AWS_ENDPOINT_URL; start it with: docker compose -f docker-compose.localstack.yml up -d" >&2
    exit 1
  fi
fi

if [ "${SKIP_PUBLISH:-0}" != "1" ]; then
  run env OUTPUT_DIR="$code_path" bash "$infra_dir/scripts/publish-functions.sh"
fi

cd "$infra_dir"
if [ ! -x node_modules/.bin/cdklocal ]; then
  run npm ci --no-audit --no-fund
fi

context=(
  -c "lambdaRuntime=$runtime"
  -c "removalPolicy=destroy"
  -c "httpApi=$http_api"
  -c "functionsCodePath=$code_path"
  # The compose file serves no SNS, so alarms are created without a topic to notify.
  -c "alarmTopic=false"
)

run npx cdklocal bootstrap "aws://$account/$AWS_REGION" --no-notices "${context[@]}"
run npx cdklocal deploy --all --require-approval never --no-notices "${context[@]}" --outputs-file "$outputs_file"
