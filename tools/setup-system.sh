#!/usr/bin/env bash
# Installs and starts what the Docker and browser tests need on a Debian machine (idempotent):
# docker.io (dockerd + the BuildKit-capable 20.10 client), docker-registry (serves the stand-ins),
# debootstrap, chromium, util-linux's setpriv, curl; starts dockerd when it is not answering;
# builds the local stand-in base images and serves them from a registry on 127.0.0.1.
set -euo pipefail
need=()
command -v dockerd >/dev/null 2>&1 || need+=(docker.io)
[ -x /usr/bin/docker ] || need+=(docker.io)
command -v debootstrap >/dev/null 2>&1 || need+=(debootstrap)
command -v docker-registry >/dev/null 2>&1 || need+=(docker-registry)
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v setpriv >/dev/null 2>&1 || need+=(util-linux)
if [ ${#need[@]} -gt 0 ]; then
  echo "setup-system: installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" ca-certificates >/dev/null
fi
if ! /usr/bin/docker info >/dev/null 2>&1; then
  echo "setup-system: starting dockerd"
  (dockerd >/tmp/snipcheck-dockerd.log 2>&1 &)
  for _ in $(seq 1 60); do
    /usr/bin/docker info >/dev/null 2>&1 && break
    sleep 0.5
  done
  /usr/bin/docker info >/dev/null 2>&1 || { echo "setup-system: dockerd did not start, see /tmp/snipcheck-dockerd.log" >&2; exit 1; }
fi
if [ -f tools/standins.sh ]; then
  bash tools/standins.sh
fi
echo "setup-system: ready (docker $(/usr/bin/docker version --format '{{.Server.Version}}'), $(chromium --version 2>/dev/null | head -1))"
