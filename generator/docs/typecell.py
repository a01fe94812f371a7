"""The ``**type** (format)`` prefix of a field's description cell.

Grammar (one prefix per cell, the rest of the cell is the description)::

    type   := "**" name "**" [ " (" detail ")" ]
    name   := word | "[" Text "](" target ")" | "`" Text "`"
    detail := format-word | enum-name | "map<" type ", " type ">"

A bracketed name is a message reference; its anchor finds the section on the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEAD = re.compile(
    r"\s*\*\*(?:\[(?P<text>[^\]]+)\]\((?P<target>[^)\s]*)\)|`(?P<tick>[^`]+)`|(?P<word>[A-Za-z0-9_.]+))\*\*"
)


@dataclass(frozen=True)
class TypeRef:
    """What a type cell says. ``kind`` is scalar, message, enum, map or unknown."""

    kind: str
    name: str  # scalar type word, message short name, or enum name
    detail: str | None = None  # the parenthesised format (int64, date-time, ...)
    target: str | None = None  # link target of a message reference
    key: TypeRef | None = None
    value: TypeRef | None = None


def split_type(cell: str) -> tuple[TypeRef | None, str]:
    """Parse the type prefix of ``cell``; returns it (or None) and the remaining text."""
    parsed = _parse(cell, 0)
    if parsed is None:
        return None, cell
    ref, end = parsed
    return ref, cell[end:]


def _parse(text: str, pos: int) -> tuple[TypeRef, int] | None:
    match = _HEAD.match(text, pos)
    if match is None:
        return None
    end = match.end()
    detail: str | None = None
    if text.startswith(" (", end):
        close = _closing_paren(text, end + 1)
        if close != -1:
            detail = text[end + 2 : close]
            end = close + 1
    if match.group("text") is not None or match.group("tick") is not None:
        name = match.group("text") or match.group("tick") or ""
        return TypeRef("message", name, detail, match.group("target")), end
    word = match.group("word") or ""
    if detail is not None and detail.startswith("map<") and detail.endswith(">"):
        key_value = _parse_map(detail[4:-1])
        if key_value is not None:
            return TypeRef("map", word, None, None, key_value[0], key_value[1]), end
        return TypeRef("unknown", word, detail), end
    if word == "enum":
        return TypeRef("enum", detail or "", None), end
    if word.startswith("google.protobuf."):
        return TypeRef("message", word.rsplit(".", 1)[1], detail, "#" + word), end
    return TypeRef("scalar", word, detail), end


def _parse_map(inner: str) -> tuple[TypeRef, TypeRef] | None:
    key = _parse(inner, 0)
    if key is None or not inner.startswith(",", key[1]):
        return None
    value = _parse(inner, key[1] + 1)
    if value is None or inner[value[1] :].strip():
        return None
    return key[0], value[0]


def _closing_paren(text: str, open_index: int) -> int:
    depth = 0
    for index in range(open_index, len(text)):
        char = text[index]
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index
        elif char == "\n":
            return -1
    return -1
