"""Following local ``$ref``s inside one bundled document."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from generator.errors import ClientgenError, Location
from generator.spec.source import unescape_pointer_token

SCHEMA_PREFIX = "#/components/schemas/"
MAX_REF_HOPS = 64

Locate = Callable[[str], Location]


def lookup(document: Mapping[str, Any], ref: str, locate: Locate, where: str) -> Any:
    """The value a local ``$ref`` points at; a located error if it points nowhere."""
    if not ref.startswith("#"):
        raise ClientgenError(
            f"reference {ref!r} is not local; bundle the spec first", locate(where)
        )
    node: Any = document
    for token in ref[1:].split("/")[1:] if ref != "#" else []:
        key = unescape_pointer_token(token)
        if isinstance(node, Mapping) and key in node:
            node = node[key]
        elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
            node = node[int(key)]
        else:
            raise ClientgenError(f"reference {ref!r} points to nothing", locate(where))
    return node


def deref(document: Mapping[str, Any], value: Any, locate: Locate, where: str) -> tuple[Any, str]:
    """Follow ``$ref`` chains (parameters, responses, bodies); returns the value and its pointer."""
    pointer = where
    for _ in range(MAX_REF_HOPS):
        if not (isinstance(value, Mapping) and isinstance(value.get("$ref"), str)):
            return value, pointer
        ref = value["$ref"]
        value = lookup(document, ref, locate, pointer)
        pointer = ref[1:]
    raise ClientgenError("reference chain too long or circular", locate(where))


def schema_name(ref: object) -> str | None:
    """``#/components/schemas/Foo`` → ``Foo``; None for any other kind of ref (or a non-string)."""
    if isinstance(ref, str) and ref.startswith(SCHEMA_PREFIX) and "/" not in ref[len(SCHEMA_PREFIX):]:
        return unescape_pointer_token(ref[len(SCHEMA_PREFIX):])
    return None
