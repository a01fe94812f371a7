"""Errors and warnings as values with a location.

Every stage raises ``ClientgenError`` (or a subclass) for input it cannot use and
returns ``Diagnostic`` values for input it can use but wants the user to know about.
Only the CLI turns them into text, so each carries enough to point at the cause:
the file, the line, and the JSON pointer (or the doc page and table row).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """Where in the input something was found."""

    file: str = ""
    line: int | None = None
    pointer: str = ""

    def __str__(self) -> str:
        parts = []
        if self.file:
            parts.append(self.file if self.line is None else f"{self.file}:{self.line}")
        if self.pointer:
            parts.append(f"#{self.pointer}" if not self.pointer.startswith("#") else self.pointer)
        return " ".join(parts) if parts else "<input>"


@dataclass(frozen=True)
class Diagnostic:
    """A located warning: the input was usable but something deserves attention."""

    location: Location
    message: str
    kind: str = "warning"

    def __str__(self) -> str:
        return f"{self.location}: {self.kind}: {self.message}"


class ClientgenError(Exception):
    """Bad input: the one exception type the CLI reports as a one-line error."""

    def __init__(self, message: str, location: Location | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location or Location()

    def __str__(self) -> str:
        if self.location == Location():
            return self.message
        return f"{self.location}: {self.message}"


class StrictModeError(ClientgenError):
    """A warning promoted to an error by ``--strict``."""
