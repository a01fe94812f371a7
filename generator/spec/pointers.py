"""JSON pointers, and maps that carry a pointer in one document back to where it came from.

Bundling, Swagger 2.0 conversion and overlays all move values around; error messages
must still name the file and line the author wrote. Each step records which subtree
of its output came from which subtree of its input, and a lookup walks up the pointer
to the nearest recorded ancestor.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.spec.source import escape_pointer_token, unescape_pointer_token

__all__ = [
    "Origin",
    "OriginMap",
    "PointerMoves",
    "child",
    "escape_pointer_token",
    "join",
    "parent_and_token",
    "resolve_pointer",
    "split",
    "unescape_pointer_token",
]


def split(pointer: str) -> list[str]:
    """``"/a/b~1c"`` → ``["a", "b/c"]``; ``""`` → ``[]``."""
    if not pointer:
        return []
    return [unescape_pointer_token(token) for token in pointer[1:].split("/")]


def join(tokens: Iterable[Any]) -> str:
    return "".join(f"/{escape_pointer_token(str(token))}" for token in tokens)


def child(pointer: str, token: Any) -> str:
    return f"{pointer}/{escape_pointer_token(str(token))}"


def parent_and_token(pointer: str) -> tuple[str, str]:
    head, _, last = pointer.rpartition("/")
    return head, unescape_pointer_token(last)


def resolve_pointer(data: Any, pointer: str) -> Any:
    """The value at ``pointer``; raises ``KeyError`` naming the first missing token."""
    current = data
    for token in split(pointer):
        if isinstance(current, Mapping):
            if token not in current:
                raise KeyError(token)
            current = current[token]
        elif isinstance(current, list):
            if not token.isdigit() or int(token) >= len(current):
                raise KeyError(token)
            current = current[int(token)]
        else:
            raise KeyError(token)
    return current


def _nearest(pointer: str, table: Mapping[str, Any]) -> tuple[str, Any] | None:
    current = pointer
    while True:
        if current in table:
            return current, table[current]
        if not current:
            return None
        current = current.rsplit("/", 1)[0]


@dataclass(frozen=True)
class PointerMoves:
    """Output-prefix → input-prefix: where a converted subtree was in the input."""

    moves: Mapping[str, str] = field(default_factory=dict)

    def back(self, pointer: str) -> str:
        found = _nearest(pointer, self.moves)
        if found is None:
            return pointer
        prefix, source = found
        return str(source) + pointer[len(prefix) :]


@dataclass(frozen=True)
class Origin:
    """A subtree's home: the document (by key) and the pointer inside it."""

    document: str
    pointer: str


@dataclass(frozen=True)
class OriginMap:
    """Bundled-pointer prefix → ``Origin``; the empty prefix is the root document."""

    origins: Mapping[str, Origin] = field(default_factory=dict)

    def find(self, pointer: str) -> Origin | None:
        found = _nearest(pointer, self.origins)
        if found is None:
            return None
        prefix, origin = found
        return Origin(origin.document, origin.pointer + pointer[len(prefix) :])
