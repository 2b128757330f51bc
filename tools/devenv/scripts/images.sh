#!/usr/bin/env bash
# Builds the two images from the repository root, with the tags the Kubernetes manifests use:
#   ndith-api:dev  (apps/api/Dockerfile)   ndith-web:dev  (apps/web/Dockerfile)
#
#   npm run images                      public base images (node:20-bookworm-slim, nginx:1.27-bookworm)
#   npm run images -- --local-bases     the local stand-ins from ../shared/tools/local-base-images.sh,
#                                       for machines that reach no container registry
#   IMAGE_TAG=smoke npm run images      another tag
#   NODE_IMAGE=... NGINX_IMAGE=...      any other base images
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
cd "$root"

tag="${IMAGE_TAG:-dev}"
build_args=()
[ -n "${NODE_IMAGE:-}" ] && build_args+=(--build-arg "NODE_IMAGE=$NODE_IMAGE")
[ -n "${NGINX_IMAGE:-}" ] && build_args+=(--build-arg "NGINX_IMAGE=$NGINX_IMAGE")

for arg in "$@"; do
  case "$arg" in
    --local-bases)
      script="${LOCAL_BASES_SCRIPT:-$root/../shared/tools/local-base-images.sh}"
      [ -f "$script" ] || { echo "images: $script not found (set LOCAL_BASES_SCRIPT)" >&2; exit 1; }
      # The script builds ndith-local/node:20 and ndith-local/nginx:1 once, then prints the build args.
      read -r -a local_args <<<"$(bash "$script" | tail -1)"
      build_args+=("${local_args[@]}")
      # RUN steps reach the npm registry the way this machine does.
      build_args+=(--network host)
      ;;
    *) echo "images: unknown option $arg (use --local-bases)" >&2; exit 2 ;;
  esac
done

command -v docker >/dev/null || { echo "images: docker is not installed (npx devenv doctor shows the fix)" >&2; exit 1; }

build() { # name dockerfile
  echo "==> $1:$tag from $2"
  local started=$SECONDS
  docker build "${build_args[@]}" -f "$2" -t "$1:$tag" .
  echo "==> $1:$tag built in $((SECONDS - started)) s"
}
build ndith-api apps/api/Dockerfile
build ndith-web apps/web/Dockerfile
docker image ls --format '{{.Repository}}:{{.Tag}}  {{.Size}}' | grep -E "^ndith-(api|web):$tag " || true
