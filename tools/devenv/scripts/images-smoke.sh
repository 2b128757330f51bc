#!/usr/bin/env bash
# CI smoke test of the two images, on a machine without a container registry: builds them against
# the local base images, then
#   1. runs the migration command inside the API image against this machine's Postgres,
#   2. runs the seed command inside the API image (what the seed Job runs),
#   3. serves the API image and waits for /ready,
#   4. runs the worker's command in the API image (the worker Deployment): it refuses to start
#      without REDIS_URL, answers /ready with its queue depths, and drains on SIGTERM (exit 0),
#   5. runs the Spotify simulator's command in the API image (the provider-sim Deployment): /health,
#      its seeded users and the consent page,
#   6. serves the web image: /, /healthz, the SPA fallback, hashed assets (long cache, gzip), the
#      security headers (the app's strict CSP, no HSTS over plain HTTP; the API's own CSP and
#      no-store on proxied /api), and /api proxied to the API container, which answers in the API's
#      error shape when it is down,
#   7. checks that both run as non-root users and that a source edit keeps the dependency layer cached.
# Needs docker (root), Postgres on 127.0.0.1:5432 and Redis on 127.0.0.1:6379 (as in .ci/run), and
# ports 3000, 3001, 4000 and 5000 free (the web image proxies to api:3000 and listens on 5000; the
# worker's probes listen on 3001, the simulator on 4000).
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"

tag=smoke
db="ndith_devenv_smoke_$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')"
pg_admin="${SMOKE_PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
database_url="${pg_admin%/*}/$db"
redis_url="${SMOKE_REDIS_URL:-redis://127.0.0.1:6379/12}"
containers=()
passed=0
failed=0

step() { printf '\n==> %s\n' "$*"; }
ok() { echo "  ✓ $*"; passed=$((passed + 1)); }
fail() { echo "  ✗ $*" >&2; failed=$((failed + 1)); }
check() { # description, command...
  local what="$1"; shift
  if "$@"; then ok "$what"; else fail "$what"; fi
}
cleanup() {
  for c in "${containers[@]}"; do docker rm -f "$c" >/dev/null 2>&1 || true; done
  psql "$pg_admin" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "${context_copy:-}"
}
trap cleanup EXIT

# The body of the first successful GET of $1 within a minute (empty when it never answers).
first_answer() {
  local body=""
  for _ in $(seq 1 60); do body=$(curl -fsS "$1" 2>/dev/null) && break; sleep 1; done
  printf '%s' "$body"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in 3000 3001 4000 5000; do
  port_free "$port" || { echo "images-smoke: port $port is in use; stop what holds it (npx devenv ports shows it)" >&2; exit 1; }
done

step "Build both images against the local base images"
IMAGE_TAG=$tag bash tools/devenv/scripts/images.sh --local-bases

step "Migrations inside the API image against the host's Postgres ($db)"
psql "$pg_admin" -qc "CREATE DATABASE $db"
run_api() { docker run --rm --network host -e DATABASE_URL="$database_url" "ndith-api:$tag" "$@"; }
out=$(run_api node --import tsx apps/api/src/db/migrate-cli.ts 2>&1); echo "$out"
check "migrate applies every migration" grep -q '^Done: schema is at' <<<"$out"
out=$(run_api node --import tsx apps/api/src/db/migrate-cli.ts --dry-run 2>&1); echo "$out"
check "migrate --dry-run then finds nothing pending" grep -q '^Nothing pending' <<<"$out"
out=$(run_api node --import tsx apps/api/src/db/migrate-cli.ts --wait 2>&1); echo "$out"
check "migrate --wait (the init container) continues at once" grep -q 'continuing' <<<"$out"

step "Seed inside the API image (the seed Job's command)"
out=$(run_api node tools/devenv/bin/devenv.js seed 2>&1); echo "$out"
check "devenv seed runs in the image" grep -q '^Done in' <<<"$out"

step "The API image serves /ready"
jwt_secret="smoke-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
api=$(docker run -d --network host -e PORT=3000 -e DATABASE_URL="$database_url" -e REDIS_URL="$redis_url" \
  -e JWT_SECRET="$jwt_secret" "ndith-api:$tag")
containers+=("$api")
ready=$(first_answer http://127.0.0.1:3000/ready)
echo "  /ready: ${ready:-no answer}"
check "/ready answers 200 with postgres, schema and redis ready" grep -q '"status":"ready"' <<<"$ready"
check "the API runs as uid 1000 (node), not root" test "$(docker exec "$api" id -u)" = 1000

step "The API image runs the worker (the worker Deployment's command)"
worker_cmd=(node --import tsx apps/api/src/worker.ts)
out=$(docker run --rm --network host -e DATABASE_URL="$database_url" -e JWT_SECRET="$jwt_secret" "ndith-api:$tag" "${worker_cmd[@]}" 2>&1 || true)
echo "  without REDIS_URL: $out"
check "without REDIS_URL the worker exits naming REDIS_URL and the fix" grep -q 'REDIS_URL is required by the worker process.*Fix:' <<<"$out"
# SIMULATOR_URL and a token key make it work the simulator's scan queue (the simulator is not needed until a scan runs).
worker=$(docker run -d --network host -e WORKER_PORT=3001 -e DATABASE_URL="$database_url" -e REDIS_URL="$redis_url" \
  -e JWT_SECRET="$jwt_secret" -e SIMULATOR_URL=http://127.0.0.1:4000 \
  -e TOKEN_ENCRYPTION_KEYS="k1:$(head -c 32 /dev/urandom | base64)" "ndith-api:$tag" "${worker_cmd[@]}")
containers+=("$worker")
wready=$(first_answer http://127.0.0.1:3001/ready)
echo "  worker /ready: ${wready:-no answer}"
check "the worker answers /ready 200 (postgres, schema, redis, queues)" grep -q '"status":"ready"' <<<"$wready"
check "the worker's /ready gives the scan queue's depth" grep -q '"name":"library-scan-spotify_simulated","depth":0' <<<"$wready"
check "the worker answers /health (its liveness probe)" grep -q '"status":"ok"' <<<"$(curl -fsS http://127.0.0.1:3001/health)"
check "the worker runs as uid 1000 (node), not root" test "$(docker exec "$worker" id -u)" = 1000
docker stop -t 30 "$worker" >/dev/null
check "on SIGTERM the worker drains and exits 0" test "$(docker inspect -f '{{.State.ExitCode}}' "$worker")" = 0

step "The API image runs the Spotify simulator (the provider-sim Deployment's command)"
sim=$(docker run -d --network host -e HOST=0.0.0.0 -e PORT=4000 "ndith-api:$tag" node --import tsx apps/provider-sim/src/server.ts)
containers+=("$sim")
health=$(first_answer http://127.0.0.1:4000/health)
echo "  /health: ${health:-no answer}"
check "the simulator answers /health (its probes)" grep -q '"status":"ok"' <<<"$health"
check "the simulator seeded its users (alice in /admin/users)" grep -q '"id":"alice"' <<<"$(curl -fsS http://127.0.0.1:4000/admin/users)"
authorize="http://127.0.0.1:4000/authorize?client_id=ndith-dev&response_type=code&scope=user-library-read&state=smoke"
authorize+="&redirect_uri=http%3A%2F%2F127.0.0.1%3A5000%2Fapi%2Fv1%2Fconnections%2Fcallback"
authorize+="&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
check "the consent page answers for the app's loopback redirect URI" grep -qi '<form' <<<"$(curl -fsS "$authorize")"
check "the simulator runs as uid 1000 (node), not root" test "$(docker exec "$sim" id -u)" = 1000
docker stop -t 10 "$sim" >/dev/null

step "The web image serves the app and proxies /api"
web=$(docker run -d --network host --add-host api:127.0.0.1 "ndith-web:$tag")
containers+=("$web")
for _ in $(seq 1 30); do curl -fsS -o /dev/null http://127.0.0.1:5000/healthz 2>/dev/null && break; sleep 1; done
headers() { curl -sS -o /dev/null -D - "$@" | tr -d '\r'; }
check "/healthz answers ok" test "$(curl -fsS http://127.0.0.1:5000/healthz)" = ok
check "/ is the app's index.html, never cached" grep -qi '^cache-control: no-cache' <<<"$(headers http://127.0.0.1:5000/)"
check "/ is HTML" grep -qi '<div id="app"\|<!doctype html>' <<<"$(curl -fsS http://127.0.0.1:5000/)"
check "a client-side route falls back to index.html" grep -qi '^HTTP/1.1 200' <<<"$(headers http://127.0.0.1:5000/lists/some-list)"
asset=$(curl -fsS http://127.0.0.1:5000/ | grep -oE '/assets/[^"]+\.js' | head -1)
check "index.html references a hashed script ($asset)" test -n "$asset"
asset_headers=$(headers -H 'Accept-Encoding: gzip' "http://127.0.0.1:5000$asset")
check "hashed assets are cached for a year, immutable" grep -qi '^cache-control: public, max-age=31536000, immutable' <<<"$asset_headers"
check "scripts are served gzip-compressed" grep -qi '^content-encoding: gzip' <<<"$asset_headers"
check "a missing asset is a 404, not index.html" grep -q '^HTTP/1.1 404' <<<"$(headers http://127.0.0.1:5000/assets/missing-0000.js)"
check "/api is proxied to the API (401 from /api/v1/auth/me)" grep -q '"code":"UNAUTHENTICATED"' <<<"$(curl -sS http://127.0.0.1:5000/api/v1/auth/me)"
check "/ready is proxied to the API" grep -q '"status":"ready"' <<<"$(curl -sS http://127.0.0.1:5000/ready)"
app_headers=$(headers http://127.0.0.1:5000/my-list)
check "the app gets its strict CSP (own scripts and styles only)" grep -qi "^content-security-policy: default-src 'self'; script-src 'self'; style-src 'self';" <<<"$app_headers"
check "the app cannot be framed" grep -qi "^x-frame-options: DENY" <<<"$app_headers"
check "the app sets nosniff and a referrer policy" grep -qi '^referrer-policy: strict-origin-when-cross-origin' <<<"$(grep -i '^x-content-type-options: nosniff' -A99 -B99 <<<"$app_headers")"
check "no HSTS over plain HTTP" test -z "$(grep -i '^strict-transport-security' <<<"$app_headers" || true)"
check "hashed assets carry the CSP too" grep -qi '^content-security-policy:' <<<"$asset_headers"
api_headers=$(headers http://127.0.0.1:5000/api/v1/auth/me)
check "proxied /api keeps the API's own CSP and no-store" grep -qi '^cache-control: no-store' <<<"$(grep -i "^content-security-policy: default-src 'none'" -A99 -B99 <<<"$api_headers")"
check "nginx runs as uid 101, not root" test "$(docker exec "$web" id -u)" = 101
docker stop -t 15 "$api" >/dev/null
down=$(curl -sS -w ' %{http_code}' http://127.0.0.1:5000/api/v1/auth/me)
echo "  with the API stopped: $down"
check "with the API down, /api answers 503 in the API's error shape" grep -q '"code":"SERVICE_UNAVAILABLE".* 503$' <<<"$down"

step "A source edit keeps the dependency layer cached"
context_copy=$(mktemp -d /tmp/ndith-smoke-context.XXXXXX)
tar -C "$root" --exclude=node_modules --exclude=.git --exclude=.data --exclude=dist -cf - . | tar -C "$context_copy" -xf -
echo "// smoke: $(date +%s)" >>"$context_copy/apps/api/src/server.ts"
read -r -a base_args <<<"$(NODE_MAJOR="${NODE_MAJOR:-$(tr -dc '0-9' <"$root/.nvmrc")}" bash "${LOCAL_BASES_SCRIPT:-$root/../shared/tools/local-base-images.sh}" --print)"
rebuild=$(docker build --network host "${base_args[@]}" -f apps/api/Dockerfile -t "ndith-api:$tag-edit" "$context_copy" 2>&1)
docker rmi "ndith-api:$tag-edit" >/dev/null 2>&1 || true
install_step=$(grep -A1 'RUN npm ci' <<<"$rebuild" || true)
echo "$install_step" | sed 's/^/  /'
check "npm ci is not re-run after a source edit" grep -qE 'Using cache|CACHED' <<<"$install_step"

printf '\n%s passed, %s failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
