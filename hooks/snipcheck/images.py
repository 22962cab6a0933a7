"""What well-known base images contain: libc, shell, default user, notable files.

One table, one entry per image family the guide uses. `lookup()` returns None for anything it
does not know, and rules stay silent then: they never guess. A value of None inside an entry
means "varies by tag / not known", and rules treat it the same way.
"""

from __future__ import annotations

import re
from functools import lru_cache
from .patterns import LazyPattern
from .records import dataclass, replace


@dataclass(frozen=True)
class ImageInfo:
    family: str
    libc: str | None  # "glibc", "musl", "none" (no libc at all), None = unknown
    shell: bool  # /bin/sh exists
    bash: bool
    user: str  # default user: "root" or a UID such as "65532"
    ca_bundle: bool | None  # /etc/ssl/certs/ca-certificates.crt
    zoneinfo: bool | None  # /usr/share/zoneinfo
    passwd: bool  # /etc/passwd exists (USER by name can work)
    package_manager: str | None  # "apk", "apt" or None
    sdk: bool = False  # a full toolchain image (golang, rust, ...)
    curl: bool = False
    wget: bool = False
    cgo_default: bool | None = None  # golang images: is cgo on by default?
    debug: bool = False  # a distroless :debug tag (busybox shell at /busybox/sh, not /bin/sh)
    # How the image's own server leaves root, when it does: "master" (the master process stays root and
    # runs its workers as `drops_to`: nginx, httpd) or "entrypoint" (the entrypoint script switches to
    # `drops_to` with gosu/su-exec before it starts the server: postgres, redis). Only for `server`.
    privilege_drop: str = ""
    drops_to: str = ""
    server: str = ""  # the command the drop applies to (the image's default CMD)


SCRATCH = ImageInfo("scratch", "none", False, False, "root", False, False, False, None)

_GOLANG_DEBIAN = ImageInfo("golang", "glibc", True, True, "root", True, True, True, "apt", sdk=True, curl=True,
                           wget=True, cgo_default=True)
_GOLANG_ALPINE = ImageInfo("golang-alpine", "musl", True, False, "root", True, False, True, "apk", sdk=True,
                           wget=True, cgo_default=False)
_ALPINE = ImageInfo("alpine", "musl", True, False, "root", True, False, True, "apk", wget=True)
_DEBIAN_SLIM = ImageInfo("debian-slim", "glibc", True, True, "root", False, True, True, "apt")
_DEBIAN = ImageInfo("debian", "glibc", True, True, "root", False, True, True, "apt")
_UBUNTU = ImageInfo("ubuntu", "glibc", True, True, "root", False, False, True, "apt")
_BUSYBOX = ImageInfo("busybox", None, True, False, "root", False, False, True, None, wget=True)
_DISTROLESS_STATIC = ImageInfo("distroless-static", "none", False, False, "root", True, True, True, None)
_DISTROLESS_BASE = ImageInfo("distroless-base", "glibc", False, False, "root", True, True, True, None)

# Official language and server images (Debian/Ubuntu based unless -alpine). The full tags carry
# compilers and headers (buildpack-deps): an SDK; -slim and -jre tags do not. All run as root.
_PYTHON = ImageInfo("python", "glibc", True, True, "root", True, None, True, "apt", sdk=True, curl=True, wget=True)
_PYTHON_SLIM = ImageInfo("python-slim", "glibc", True, True, "root", True, None, True, "apt")
_PYTHON_ALPINE = ImageInfo("python-alpine", "musl", True, False, "root", True, None, True, "apk", wget=True)
_NODE = ImageInfo("node", "glibc", True, True, "root", True, None, True, "apt", sdk=True, curl=True, wget=True)
_NODE_SLIM = ImageInfo("node-slim", "glibc", True, True, "root", True, None, True, "apt")
_NODE_ALPINE = ImageInfo("node-alpine", "musl", True, False, "root", True, None, True, "apk", wget=True)
_RUBY = ImageInfo("ruby", "glibc", True, True, "root", True, None, True, "apt", sdk=True, curl=True, wget=True)
_RUBY_SLIM = ImageInfo("ruby-slim", "glibc", True, True, "root", True, None, True, "apt")
_RUBY_ALPINE = ImageInfo("ruby-alpine", "musl", True, False, "root", True, None, True, "apk", wget=True)
_JDK = ImageInfo("jdk", "glibc", True, True, "root", True, None, True, "apt", sdk=True, curl=True)
_JRE = ImageInfo("jre", "glibc", True, True, "root", True, None, True, "apt", curl=True)
_JDK_ALPINE = ImageInfo("jdk-alpine", "musl", True, False, "root", True, None, True, "apk", sdk=True, wget=True)
_NGINX = ImageInfo("nginx", "glibc", True, True, "root", True, None, True, "apt", curl=True,
                   privilege_drop="master", drops_to="nginx", server="nginx")
_NGINX_ALPINE = ImageInfo("nginx-alpine", "musl", True, False, "root", True, None, True, "apk", curl=True,
                          wget=True, privilege_drop="master", drops_to="nginx", server="nginx")


def _server(family: str, drop: str, user: str, server: str, alpine_bash=False) -> tuple[ImageInfo, ImageInfo]:
    """A server image that leaves root itself: its Debian (glibc, apt) and -alpine (musl, apk) tags."""
    debian = ImageInfo(family, "glibc", True, True, "root", None, None, True, "apt",
                       privilege_drop=drop, drops_to=user, server=server)
    return debian, replace(debian, family=f"{family}-alpine", libc="musl", bash=alpine_bash, package_manager="apk")


# Servers whose official images start as root and leave it themselves (their image docs, "Running as an
# arbitrary user"): httpd's children run as `daemon`; postgres' and redis' entrypoints use gosu/su-exec.
_HTTPD, _HTTPD_ALPINE = _server("httpd", "master", "daemon", "httpd-foreground")
_POSTGRES, _POSTGRES_ALPINE = _server("postgres", "entrypoint", "postgres", "postgres", alpine_bash=True)
_REDIS, _REDIS_ALPINE = _server("redis", "entrypoint", "redis", "redis-server")

_LANG = r"^(library/)?{}(:[^@]*)?$"
_TAGGED = r"^(library/)?{}:[^@]*{}[^@]*$"


def _names(alternatives: str) -> tuple[str, ...]:
    return tuple(alternatives.strip("()").split("|"))


# (the names it can start with, pattern on the image name without registry host for docker.io, family
# entry); first match wins. A pattern is compiled only when a name could match it: a check of one file
# asks about two or three images, and compiling all 31 took longer than the rest of the lookup.
_TABLE: tuple[tuple[tuple[str, ...], str, ImageInfo], ...] = (
    (("scratch",), r"^scratch$", SCRATCH),
    (("golang",), r"^(library/)?golang:[^@]*alpine[^@]*$", _GOLANG_ALPINE),
    (("golang",), r"^(library/)?golang(:[^@]*)?$", _GOLANG_DEBIAN),
    (("alpine",), r"^(library/)?alpine(:[^@]*)?$", _ALPINE),
    (("debian",), r"^(library/)?debian:[^@]*slim[^@]*$", _DEBIAN_SLIM),
    (("debian",), r"^(library/)?debian(:[^@]*)?$", _DEBIAN),
    (("ubuntu",), r"^(library/)?ubuntu(:[^@]*)?$", _UBUNTU),
    (("busybox",), r"^(library/)?busybox(:[^@]*)?$", _BUSYBOX),
    *((_names(name), _TAGGED.format(name, "alpine"), alpine) for name, alpine in (
        ("python", _PYTHON_ALPINE), ("node", _NODE_ALPINE), ("ruby", _RUBY_ALPINE),
        ("(openjdk|eclipse-temurin)", _JDK_ALPINE), ("nginx", _NGINX_ALPINE), ("httpd", _HTTPD_ALPINE),
        ("postgres", _POSTGRES_ALPINE), ("redis", _REDIS_ALPINE))),
    *((_names(name), _TAGGED.format(name, "slim"), slim) for name, slim in (
        ("python", _PYTHON_SLIM), ("node", _NODE_SLIM), ("ruby", _RUBY_SLIM), ("openjdk", _JRE))),
    (("openjdk", "eclipse-temurin"), _TAGGED.format("(openjdk|eclipse-temurin)", "jre"), _JRE),
    *((_names(name), _LANG.format(name), full) for name, full in (
        ("python", _PYTHON), ("node", _NODE), ("ruby", _RUBY), ("(openjdk|eclipse-temurin)", _JDK),
        ("nginx", _NGINX), ("httpd", _HTTPD), ("postgres", _POSTGRES), ("redis", _REDIS))),
    (("gcr.io/distroless/",), r"^gcr\.io/distroless/static(-debian\d+)?(:[^@]*)?$", _DISTROLESS_STATIC),
    (("gcr.io/distroless/",), r"^gcr\.io/distroless/(base|base-nossl|cc)(-debian\d+)?(:[^@]*)?$", _DISTROLESS_BASE),
)
# Images whose free tier is published under moving tags only: Chainguard's public images come as
# `latest` and `latest-dev` (versioned tags are paid), so pinning one means pinning a digest.
_MOVING_TAGS_ONLY = LazyPattern(r"^cgr\.dev/chainguard/[^:@/]+(:(latest|latest-dev))?$", re.I)
MOVING_TAGS_ONLY_NOTE = "Chainguard's free images are published as latest and latest-dev only"


def only_moving_tags(ref: str) -> bool:
    """Whether `ref` (no digest) names an image whose free tier has no version tags to pin."""
    return bool(_MOVING_TAGS_ONLY.match(ref))


SDK_IMAGES = LazyPattern(r"^(library/)?(golang|rust|maven|gradle|openjdk|eclipse-temurin|node|python|ruby)(:|$)")
SLIM_TAG = LazyPattern(r"slim|alpine|distroless|-jre", re.I)


def normalize(ref: str) -> str:
    """Strip docker.io prefixes and a digest; keep the tag."""
    ref = ref.strip().lower()
    for prefix in ("docker.io/library/", "docker.io/", "index.docker.io/library/", "index.docker.io/"):
        if ref.startswith(prefix):
            ref = ref[len(prefix):]
            break
    return ref.split("@", 1)[0]


@lru_cache(maxsize=512)  # pure, and asked for every stage by many rules
def lookup(ref: str) -> ImageInfo | None:
    """Facts about image `ref`, or None when the image (or its resolved name) is unknown."""
    if not ref or "$" in ref:
        return None
    name = normalize(ref)
    bare = name.removeprefix("library/")
    for names, pattern, info in _TABLE:
        if bare.startswith(names) and re.match(pattern, name):
            tag = name.split(":", 1)[1] if ":" in name.rsplit("/", 1)[-1] else ""
            if info.family.startswith("distroless"):
                return _distroless_variant(info, tag)
            if info.family in ("debian", "debian-slim", "golang") and not _TRIXIE_OR_OLDER.search(tag):
                # tzdata (priority required) is in every Debian image up to 13 "trixie", whose
                # tzdata keeps only canonical zone names (US/Eastern & co. moved to tzdata-legacy,
                # not installed). Untagged or a newer release: do not guess.
                return replace(info, zoneinfo=None)
            return info
    return None


_TRIXIE_OR_OLDER = re.compile(r"trixie|bookworm|bullseye|buster|(^|[^0-9.])(10|11|12|13)([^0-9]|$)")


def _distroless_variant(info: ImageInfo, tag: str) -> ImageInfo:
    if "nonroot" in tag:
        info = replace(info, user="65532")
    if "debug" in tag:  # busybox at /busybox/sh (on PATH), but no /bin/sh: shell-form RUN/CMD still fail
        info = replace(info, debug=True, wget=True)
    return info


def is_sdk_image(ref: str) -> bool:
    """Full toolchain images: golang, rust, maven, and node/python that are not slim or alpine."""
    name = normalize(ref)
    return bool(SDK_IMAGES.match(name)) and not SLIM_TAG.search(name.split(":", 1)[-1] if ":" in name else "")
