"""Front matter and template variables: the part of a page that is not markdown.

Source-form pages open with a YAML block (``editable``, ``sourcePath`` and sometimes an
``apiPlayground`` JSON Schema); every form may write hosts as ``{{ api-host }}``.
Both are resolved here, before the markdown is looked at, so later stages see one
uniform text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from generator.errors import ClientgenError, Location

DEFAULT_VARIABLES: Mapping[str, str] = {"api-host": "api.cloud.yandex.net"}

_VARIABLE = re.compile(r"\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}")


@dataclass(frozen=True)
class FrontMatter:
    """The decoded YAML header and the number of lines it occupied."""

    data: Mapping[str, Any]
    body_offset: int  # lines before the markdown body starts


def split_front_matter(text: str, path: str) -> tuple[FrontMatter, str]:
    """Separate the ``---`` YAML header from the markdown body."""
    if not text.startswith("---\n") and text.strip() != "---":
        return FrontMatter({}, 0), text
    end = text.find("\n---", 3)
    while end != -1 and text[end + 4 : end + 5] not in ("\n", ""):
        end = text.find("\n---", end + 4)
    if end == -1:
        raise ClientgenError("front matter is not closed by '---'", Location(path, 1))
    raw = text[4:end]
    try:
        data = yaml.safe_load(raw) if raw.strip() else {}
    except yaml.YAMLError as exc:
        line = 2
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            line += int(mark.line)
        raise ClientgenError(f"front matter is not valid YAML: {exc}", Location(path, line)) from exc
    if not isinstance(data, dict):
        raise ClientgenError("front matter is not a mapping", Location(path, 2))
    body_start = end + len("\n---")
    if text[body_start : body_start + 1] == "\n":
        body_start += 1
    offset = text.count("\n", 0, body_start)
    return FrontMatter(data, offset), text[body_start:]


def unresolved_variables(text: str, variables: Mapping[str, str]) -> list[str]:
    """Names used in ``text`` that the table does not define."""
    return [m.group(1) for m in _VARIABLE.finditer(text) if m.group(1) not in variables]


def resolve_variables(text: str, variables: Mapping[str, str]) -> str:
    """Replace known ``{{ name }}`` variables; unknown ones are left for the caller to report."""
    return _VARIABLE.sub(lambda m: variables.get(m.group(1), m.group(0)), text)
