#!/usr/bin/env bash
# Builds the two images from the repository root, with the tags the Kubernetes manifests use:
#   ndith-api:dev  (apps/api/Dockerfile)   ndith-web:dev  (apps/web/Dockerfile)
# and ndith-web:dev-live, the web image as the Tiltfile builds it for live update
# (tools/devenv/docker/web-live.Dockerfile around the host's `vite build` output in apps/web/dist).
#
#   npm run images                      public base images (node:24-bookworm-slim, nginx:1.27-bookworm)
#   npm run images -- --local-bases     the local stand-ins from ../shared/tools/local-base-images.sh,
#                                       for machines that reach no container registry
#   IMAGE_TAG=smoke npm run images      another tag
#   NODE_IMAGE=... NGINX_IMAGE=...      any other base images
#   NODE_MAJOR=...                      another Node major for the local base (default: .nvmrc's)
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"

tag="${IMAGE_TAG:-dev}"
node_major="${NODE_MAJOR:-$(tr -dc '0-9' <"$root/.nvmrc")}"
build_args=()
[ -n "${NODE_IMAGE:-}" ] && build_args+=(--build-arg "NODE_IMAGE=$NODE_IMAGE")
[ -n "${NGINX_IMAGE:-}" ] && build_args+=(--build-arg "NGINX_IMAGE=$NGINX_IMAGE")

for arg in "$@"; do
  case "$arg" in
    --local-bases)
      script="${LOCAL_BASES_SCRIPT:-$root/../shared/tools/local-base-images.sh}"
      [ -f "$script" ] || { echo "images: $script not found (set LOCAL_BASES_SCRIPT)" >&2; exit 1; }
      # The script builds ndith-local/node:$NODE_MAJOR and ndith-local/nginx:1 once, then prints the
      # build args. The Node major is the one .nvmrc names, whatever this machine's node is.
      read -r -a local_args <<<"$(NODE_MAJOR="$node_major" bash "$script" | tail -1)"
      build_args+=("${local_args[@]}")
      # RUN steps reach the npm registry the way this machine does.
      build_args+=(--network host)
      ;;
    *) echo "images: unknown option $arg (use --local-bases)" >&2; exit 2 ;;
  esac
done

command -v docker >/dev/null || { echo "images: docker is not installed (npx devenv doctor shows the fix)" >&2; exit 1; }

build() { # image dockerfile context
  echo "==> $1 from $2"
  local started=$SECONDS
  docker build "${build_args[@]}" -f "$2" -t "$1" "$3"
  echo "==> $1 built in $((SECONDS - started)) s"
}
build "ndith-api:$tag" apps/api/Dockerfile .
build "ndith-web:$tag" apps/web/Dockerfile .
# The context Tilt gives it: only dist/ and nginx.conf (docker_build's only=).
npm run --silent build -w @ndith/web
live_context=$(mktemp -d)
cp -r apps/web/dist apps/web/nginx.conf "$live_context/"
build "ndith-web:$tag-live" tools/devenv/docker/web-live.Dockerfile "$live_context"
rm -rf "$live_context"
docker image ls --format '{{.Repository}}:{{.Tag}}  {{.Size}}' | grep -E "^ndith-(api|web):$tag(-live)? " || true
