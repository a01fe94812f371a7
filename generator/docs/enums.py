"""Enum value lists inside descriptions.

Current pages list values as ``- `VALUE`: text`` (text optional); the older form as an
HTML list already rewritten to ``- VALUE: text``. Proto enum values are UPPER_SNAKE, which
is what tells an enum list from a list of documented example strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.docs.markup import one_line, strip_links

_ITEM = re.compile(r"^[-*][ \t]+`?([A-Za-z][A-Za-z0-9_]*)`?(?:[ \t]*:[ \t]*(.*))?$")
_UPPER = re.compile(r"[A-Z][A-Z0-9_]*")


@dataclass(frozen=True)
class EnumValues:
    values: tuple[str, ...]
    descriptions: tuple[tuple[str, str], ...]  # only values that have text


def find_enum(description: str, *, upper_only: bool) -> EnumValues | None:
    """The last run of list items in ``description`` naming enum values, if any."""
    values: list[str] = []
    texts: dict[str, str] = {}
    current: str | None = None
    runs: list[tuple[list[str], dict[str, str]]] = []
    for raw in description.split("\n"):
        line = raw.strip()
        match = _ITEM.match(line)
        if match and (not upper_only or _UPPER.fullmatch(match.group(1))):
            current = match.group(1)
            values.append(current)
            if match.group(2):
                texts[current] = match.group(2)
            continue
        if current is not None and line and not line.startswith(("-", "*")):
            texts[current] = (texts.get(current, "") + " " + line).strip()
            continue
        if values:
            runs.append((values, texts))
        values, texts, current = [], {}, None
    if values:
        runs.append((values, texts))
    if not runs:
        return None
    found_values, found_texts = runs[-1]
    descriptions = tuple(
        (v, one_line(strip_links(found_texts[v]))) for v in found_values if found_texts.get(v)
    )
    return EnumValues(tuple(found_values), descriptions)
