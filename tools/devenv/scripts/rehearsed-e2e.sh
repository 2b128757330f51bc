#!/usr/bin/env bash
# CI: the e2e suite against the manifests' own containers. `devenv rehearse --keep` brings them up
# (migrate and seed Jobs, api, worker, provider-sim, web) and leaves them running; the suite then
# drives the web container in external-target mode (E2E_BASE_URL: it starts no servers and prepares
# its data through the stack's API, the seed Job's catalog and the simulator's admin endpoint).
# Afterwards, pass or fail: each container's log is saved beside the test results, then
# `devenv rehearse --down` removes the containers, the database and the role.
#
#   bash tools/devenv/scripts/rehearsed-e2e.sh [TAG]      images ndith-api:TAG, ndith-web:TAG(-live), default smoke
#
# Artifacts: apps/web-e2e/playwright-report-external/ (HTML report: npx playwright show-report <dir>)
# and apps/web-e2e/test-results-external/ (screenshots, traces of failed tests, container-logs/).
# Then `devenv top --once` prints the stack's metrics after the suite.
# Needs docker, Postgres and Redis as `devenv rehearse` does, and ports 3000, 3001, 4000, 5000 free.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"
tag="${1:-smoke}"
results=apps/web-e2e/test-results-external
report=apps/web-e2e/playwright-report-external

down() {
  local code=$?
  mkdir -p "$results/container-logs"
  for c in $(docker ps --all --filter name=^ndith-rehearsal- --format '{{.Names}}'); do
    docker logs "$c" >"$results/container-logs/$c.log" 2>&1 || true
  done
  node tools/devenv/bin/devenv.js rehearse --down || true
  echo "e2e artifacts: $root/$report (HTML report), $root/$results (screenshots, traces, container-logs/)"
  exit "$code"
}
trap down EXIT
rm -rf "$results" "$report"

node tools/devenv/bin/devenv.js rehearse --tag "$tag" --keep

# The rehearsal's ConfigMap: APP_URL http://localhost:5000, SIMULATOR_PUBLIC_URL http://127.0.0.1:4000.
status=0
E2E_BASE_URL=http://localhost:5000 E2E_SIMULATOR_URL=http://127.0.0.1:4000 npm run e2e -w @ndith/web-e2e || status=$?

# What the suite did, as the rehearsed API's and worker's /metrics show it (their METRICS_TOKEN from
# the api container's environment; host networking puts them on 3000 and 3001).
token=$(docker inspect --format '{{range .Config.Env}}{{println .}}{{end}}' ndith-rehearsal-api-api | sed -n 's/^METRICS_TOKEN=//p')
METRICS_TOKEN="$token" node tools/devenv/bin/devenv.js top --once --api-url http://127.0.0.1:3000 --worker-url http://127.0.0.1:3001 || status=$?
exit "$status"
