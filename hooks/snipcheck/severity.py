"""How bad a finding is: a module of its own, so that reading a configuration or a cached result
does not load the Dockerfile model."""

from __future__ import annotations

import enum


class Severity(enum.IntEnum):
    """Ordered so that policy can compare against a fail-on threshold."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, text: str) -> "Severity":
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r} (use info, warning or error)") from None

    def __str__(self) -> str:
        return self.name.lower()
