"""Helpers for the BuildKit-parity rules: word expansion the way BuildKit's shell lexer does it,
BuildKit's word splitting for ENV/LABEL/COPY, image reference and platform syntax, the build
arguments BuildKit predefines, and the environment that well-known base images ship.
"""

from __future__ import annotations

from functools import lru_cache
from ...patterns import LazyPattern
from ...records import dataclass, field

from ...model import Dockerfile, Instruction
from ...stages import Stage

# Values BuildKit gives its automatic platform arguments (a linux/amd64 build on linux/amd64).
PLATFORM_DEFAULTS = {
    "BUILDPLATFORM": "linux/amd64", "BUILDOS": "linux", "BUILDARCH": "amd64", "BUILDVARIANT": "",
    "BUILDOSVERSION": "", "TARGETPLATFORM": "linux/amd64", "TARGETOS": "linux", "TARGETARCH": "amd64",
    "TARGETVARIANT": "", "TARGETOSVERSION": "", "TARGETSTAGE": "",
}
# ENV that well-known images define (keys only), by repository, bare or tagged (`scratch` bare only,
# distroless by its prefix); other images are unknown and rules stay silent.
_IMAGE_ENV: dict[str, frozenset[str]] = {
    repository: frozenset(("PATH " + names).split()) for repositories, names in (
        ("alpine busybox debian ubuntu", ""),
        ("golang", "GOLANG_VERSION GOTOOLCHAIN GOPATH"),
        ("python", "LANG GPG_KEY PYTHON_VERSION PYTHON_SHA256 PYTHON_PIP_VERSION PYTHON_SETUPTOOLS_VERSION "
                   "PYTHON_GET_PIP_URL PYTHON_GET_PIP_SHA256"),
        ("node", "NODE_VERSION YARN_VERSION"),
        ("ruby", "LANG RUBY_VERSION RUBY_DOWNLOAD_URL RUBY_DOWNLOAD_SHA256 GEM_HOME BUNDLE_SILENCE_ROOT_WARNING "
                 "BUNDLE_APP_CONFIG"),
        ("openjdk eclipse-temurin", "JAVA_HOME LANG LANGUAGE LC_ALL JAVA_VERSION"),
        ("nginx", "NGINX_VERSION NJS_VERSION NJS_RELEASE PKG_RELEASE DYNPKG_RELEASE"),
    ) for repository in repositories.split()
}
_SCRATCH_ENV = frozenset({"PATH"})
_DISTROLESS_ENV = frozenset({"PATH", "SSL_CERT_FILE"})
_NAME_CHAR = LazyPattern(r"[A-Za-z0-9_]")
_VARIABLE_NAME = LazyPattern(r"[A-Za-z_][A-Za-z0-9_]*|[0-9]+")  # what `${...}` starts with


@dataclass
class Expansion:
    """Result of expanding one word: the text, and which variable names were found or missing."""

    result: str = ""
    matched: set[str] = field(default_factory=set)
    unmatched: set[str] = field(default_factory=set)


MAX_NESTING = 64  # `${A:-${B:-...}}` deeper than this stays as written (a hostile page, not a Dockerfile)


def expand(word: str, env: dict[str, str], escape: str = "\\", depth: int = 0) -> Expansion:
    """Expand `$X`, `${X}`, `${X:-default}`... in `word` like BuildKit's ProcessWordWithMatches:
    quotes are removed, single-quoted text and escaped `$` stay literal."""
    out = Expansion()
    if "$" not in word and "'" not in word and '"' not in word and escape not in word:
        out.result = word  # nothing to expand or unquote: most words
        return out
    text, i = word, 0
    buf: list[str] = []
    quote = ""
    while i < len(text):
        ch = text[i]
        if quote == "'":
            if ch == "'":
                quote = ""
            else:
                buf.append(ch)
            i += 1
        elif ch == escape:
            if i + 1 < len(text) and (not quote or text[i + 1] in ('"', "$", escape)):
                buf.append(text[i + 1])
                i += 2
            else:
                buf.append(ch)
                i += 1
        elif ch in "'\"" and (not quote or ch == quote):
            quote = "" if quote else ch
            i += 1
        elif ch == "$":
            value, i = _dollar(text, i, env, out, escape, depth)
            buf.append(value)
        else:
            buf.append(ch)
            i += 1
    out.result = "".join(buf)
    return out


def _dollar(text: str, i: int, env: dict[str, str], out: Expansion, escape: str, depth: int) -> tuple[str, int]:
    if text.startswith("${", i):
        end = _closing_brace(text, i + 2)
        body = text[i + 2:end]
        m = _VARIABLE_NAME.match(body)
        if not m:
            return text[i:end + 1], end + 1
        name, modifier = m.group(0), body[m.end():]
        value = _lookup(name, env, out)
        if modifier[:2] in (":-", ":+") or modifier[:1] in ("-", "+"):
            if depth >= MAX_NESTING:
                return text[i:end + 1], end + 1
            null_unset = modifier.startswith(":")
            default = expand(modifier[2 if null_unset else 1:], env, escape, depth + 1)
            out.matched |= default.matched
            out.unmatched |= default.unmatched
            is_set = value is not None and not (null_unset and value == "")
            if modifier.lstrip(":").startswith("-"):
                return (value if is_set else default.result), end + 1
            return (default.result if is_set else ""), end + 1
        return value or "", end + 1
    j = i + 1
    while j < len(text) and _NAME_CHAR.match(text[j]):
        j += 1
    if j == i + 1 or text[i + 1].isdigit():
        return "$", i + 1
    return _lookup(text[i + 1:j], env, out) or "", j


def _closing_brace(text: str, start: int) -> int:
    depth = 0
    for j in range(start, len(text)):
        if text[j] == "{":
            depth += 1
        elif text[j] == "}":
            if depth == 0:
                return j
            depth -= 1
    return len(text)


def _lookup(name: str, env: dict[str, str], out: Expansion) -> str | None:
    if name in env:
        out.matched.add(name)
        return env[name]
    out.unmatched.add(name)
    return None


def split_words(text: str, escape: str = "\\") -> list[str]:
    """Split on whitespace outside quotes, keeping quotes and escapes (BuildKit's parseWords)."""
    if "'" not in text and '"' not in text and escape not in text:
        return text.split()
    words, buf, quote, i = [], [], "", 0
    while i < len(text):
        ch = text[i]
        if ch == escape and quote != "'" and i + 1 < len(text):
            buf.append(text[i:i + 2])
            i += 2
            continue
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch.isspace():
            if buf:
                words.append("".join(buf))
                buf = []
            i += 1
            continue
        buf.append(ch)
        i += 1
    if buf:
        words.append("".join(buf))
    return words


def key_values(ins: Instruction, escape: str = "\\") -> tuple[list[tuple[str, str]], bool]:
    """ENV/LABEL pairs with their raw (still quoted) key and value, and whether the legacy
    `KEY value` form was used."""
    words = split_words(ins.args, escape)
    if words and "=" not in words[0]:
        return [(words[0], ins.args.strip()[len(words[0]):].strip())], True
    return [tuple(w.split("=", 1)) if "=" in w else (w, "") for w in words], False


def global_arg_env(df: Dockerfile) -> tuple[dict[str, str], set[str]]:
    """BuildKit's global scope: platform defaults plus ARGs before the first FROM (defaults
    expanded in order). Returns (env of names with a value, every declared name); computed once per
    Dockerfile, so callers get copies."""
    if global_arg_env not in df.derived:
        df.derived[global_arg_env] = _global_arg_env(df)
    env, declared = df.derived[global_arg_env]
    return dict(env), set(declared)


def _global_arg_env(df: Dockerfile) -> tuple[dict[str, str], set[str]]:
    env = dict(PLATFORM_DEFAULTS)
    declared = set(env)
    for ins in df.instructions:
        if ins.keyword == "FROM":
            break
        if ins.keyword != "ARG":
            continue
        for word in split_words(ins.args, df.escape):
            name, eq, value = word.partition("=")
            declared.add(name)
            if eq:
                env[name] = expand(value, env, df.escape).result
    return env, declared


def base_image_env(df: Dockerfile, stage: Stage) -> frozenset[str] | None:
    """ENV names the stage's external base image defines, or None when the image is unknown."""
    while stage.parent is not None:
        stage = df.stages[stage.parent]
    env, _ = global_arg_env(df)
    return _image_env(expand(stage.base, env, df.escape).result.lower())


@lru_cache(maxsize=512)  # the same few images, asked for every stage by DG111 and DG305
def _image_env(name: str) -> frozenset[str] | None:
    for prefix in ("docker.io/library/", "docker.io/", "library/"):
        name = name.removeprefix(prefix)
    if name == "scratch":
        return _SCRATCH_ENV
    if name.startswith("gcr.io/distroless/"):
        return _DISTROLESS_ENV
    return _IMAGE_ENV.get(name.split(":", 1)[0])


_COMP = r"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
_DOMAIN_COMP = r"(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])"
_REFERENCE = LazyPattern(
    rf"^(?:(?:{_DOMAIN_COMP}(?:\.{_DOMAIN_COMP})*|\[[a-fA-F0-9:]+\])(?::[0-9]+)?/)?{_COMP}(?:/{_COMP})*"
    r"(?::[\w][\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$"
)


def is_valid_reference(ref: str) -> bool:
    """Would Docker's reference parser accept `ref` as an image name (lowercase, tag, digest)?"""
    return bool(ref) and len(ref) <= 255 and _REFERENCE.match(ref) is not None


_OS = {"linux", "windows", "darwin", "freebsd", "netbsd", "openbsd", "solaris", "illumos", "aix", "plan9"}
_ARCH = {"amd64": "amd64", "x86_64": "amd64", "x86-64": "amd64", "arm64": "arm64", "aarch64": "arm64",
         "arm": "arm", "armhf": "arm", "armel": "arm", "386": "386", "i386": "386", "i686": "386",
         "ppc64le": "ppc64le", "s390x": "s390x", "riscv64": "riscv64", "mips64le": "mips64le",
         "loong64": "loong64", "wasm": "wasm"}


def parse_platform(text: str) -> tuple[str, str] | None:
    """`linux/arm64/v8` -> ('linux', 'arm64'); None when it is not a platform specifier."""
    parts = text.strip().lower().split("/")
    if len(parts) == 1:
        if parts[0] in _OS:
            return parts[0], "amd64"
        return ("linux", _ARCH[parts[0]]) if parts[0] in _ARCH else None
    if len(parts) > 3 or parts[0] not in _OS or parts[1] not in _ARCH:
        return None
    return parts[0], _ARCH[parts[1]]


def suggestion(name: str, options) -> str:
    """' (did you mean X?)' for a close match among `options`, else ''."""
    import difflib  # only when a finding suggests a name

    found = difflib.get_close_matches(name, sorted(options), n=1, cutoff=0.75)
    if not found:
        found = [o for o in sorted(options) if o.lower() == name.lower()][:1]
    return f" (did you mean {found[0]}?)" if found else ""


def stage_scopes(df: Dockerfile) -> dict[int, tuple[Stage, list[Instruction]]]:
    """Each stage with the instructions that ran before it in its FROM chain (base first)."""
    out = {}
    for stage in df.stages:
        chain, current, seen = [], stage, set()
        while current.parent is not None and current.parent not in seen:
            seen.add(current.parent)
            current = df.stages[current.parent]
            chain = list(current.instructions) + chain
        out[stage.index] = (stage, chain)
    return out
