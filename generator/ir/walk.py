"""Visiting every subschema of a JSON Schema, and nothing that only looks like one.

A property may be called ``format`` or ``customTypePath``; only positions the JSON
Schema grammar defines as schemas are visited, so such names are left alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SCHEMA_VALUES = (
    "items", "additionalProperties", "not", "if", "then", "else", "contains",
    "propertyNames", "unevaluatedItems", "unevaluatedProperties", "additionalItems",
)


def iter_subschemas(schema: Any) -> Iterator[dict[str, Any]]:
    """``schema`` and every schema nested in it, each once, depth-first; cycles are safe."""
    stack: list[Any] = [schema]
    seen: set[int] = set()
    while stack:
        current = stack.pop()
        if not isinstance(current, dict) or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        for key in _SCHEMA_MAPS:
            children = current.get(key)
            if isinstance(children, dict):
                stack.extend(children.values())
        for key in _SCHEMA_LISTS:
            children = current.get(key)
            if isinstance(children, list):
                stack.extend(children)
        for key in _SCHEMA_VALUES:
            child = current.get(key)
            if isinstance(child, list):
                stack.extend(child)  # draft-4 tuple ``items``
            elif isinstance(child, dict):
                stack.append(child)
