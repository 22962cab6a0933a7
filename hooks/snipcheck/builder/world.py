"""Which world a real build runs in: a real registry, a configured mirror, or the local stand-ins.

    registry   no `mirrors`, not offline, and Docker Hub answers: pull what the examples name
    mirror     `mirrors:` configured: pull through them (a company mirror, an air-gapped network)
    stand-ins  `offline: true` / SNIPCHECK_OFFLINE=1, or no registry answered: pull from the local
               registry tools/standins.sh fills, under the real repository paths

The stand-in registry's address is written by tools/standins.sh to
`cache_folder("standins")/registry.addr`; nothing ever tags an imitation with a real name.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from ..records import dataclass, field
from pathlib import Path
from typing import Callable

from ..cachedir import cache_folder
from ..config import Config
from .mirrors import standin_mirrors

HUB = "https://registry-1.docker.io/v2/"


@dataclass(frozen=True)
class World:
    kind: str  # "registry", "mirror" or "stand-ins"
    mirrors: dict[str, str] = field(default_factory=dict)
    label: str = "Docker Hub"  # names the place in messages
    note: str = ""  # why this world (e.g. no registry answered)

    @property
    def standins(self) -> bool:
        return self.kind == "stand-ins"

    def describe(self) -> str:
        text = {"registry": "real images from their registries",
                "mirror": f"real images through {self.label}",
                "stand-ins": f"local stand-in images from {self.label}"}[self.kind]
        return text + (f" ({self.note})" if self.note else "")


def registry_answers(url: str, timeout: float = 3.0) -> str | None:
    """None when `url` (a registry's /v2/ endpoint) answers HTTP at all, else why not."""
    try:
        urllib.request.urlopen(urllib.request.Request(url, method="GET"), timeout=timeout).close()
        return None
    except urllib.error.HTTPError:
        return None  # 401 from Docker Hub: it answers
    except (urllib.error.URLError, OSError, ValueError) as exc:
        return str(getattr(exc, "reason", exc))[:200]


def standin_address(config: Config) -> str | None:
    """host:port of the local stand-in registry, from the file tools/standins.sh writes: under the
    configured cache folder, else under the default one (the registry is the machine's; a run that
    keeps its results in a folder of its own still reaches it)."""
    for folder in dict.fromkeys((cache_folder("standins", config.cache_dir), cache_folder("standins"))):
        try:
            address = (folder / "registry.addr").read_text(encoding="utf-8").strip()
        except OSError:
            continue
        if address:
            return address
    return None


def choose(config: Config, probe: Callable[[str], str | None] = registry_answers) -> World:
    """The world for this run (see the module docstring)."""
    if config.mirrors and not config.offline:
        label = "mirror " + ", ".join(sorted(set(v.split("/", 1)[0] for v in config.mirrors.values())))
        return World("mirror", dict(config.mirrors), label)
    why = "asked for: offline" if config.offline else None
    if why is None:
        down = probe(HUB)
        if down is None:
            return World("registry")
        why = f"no registry answered: {HUB} said {down}"
    address = standin_address(config)
    if address is None:
        return World("stand-ins", {}, "no stand-in registry",
                     why + "; no stand-in registry either (run tools/setup-system.sh)")
    return World("stand-ins", standin_mirrors(address), f"the local registry {address}", why)


def locked_path(root: Path) -> Path:
    return Path(root) / "snippets" / "images.lock"
