"""Give every schema that becomes a class a name, before anything else is decided.

Works on a copy of the document: component schemas are renamed to their class names,
every local schema ``$ref`` is rewritten to match, and inline object/enum schemas
(request bodies, responses, nested properties, array items, map values, union
members) are moved to named components. Afterwards "schema name" and "class name" are
the same thing, so datamodel-code-generator never has to invent a name and the client
templates can refer to every model they need.
"""

from __future__ import annotations

import keyword
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from generator.ir.names import pascal_case, unique_class
from generator.ir.refs import SCHEMA_PREFIX, schema_name
from generator.ir.types import compiles
from generator.ir.walk import iter_subschemas
from generator.ir.schemas import RESERVED_CLASS_NAMES, has_structure
from generator.spec.source import escape_pointer_token

MAX_HOIST_DEPTH = 64
# keys through which a schema could make the model generator import or subclass
# arbitrary code; a spec is data, so they never reach it
CODE_KEYS = frozenset({"customTypePath", "customBasePath", "customBaseModel", "x-python-type", "x-python-import"})
# formats whose pydantic types need optional packages the generated client does not ship
_PLAIN_STRING_FORMATS = frozenset({"email", "idn-email"})


def copy_tree(value: Any) -> Any:
    """A fast deep copy for JSON-shaped data (dicts, lists, scalars)."""
    if isinstance(value, dict):
        return {key: copy_tree(item) for key, item in value.items()}
    if isinstance(value, list):
        return [copy_tree(item) for item in value]
    return value


def ref_to(name: str) -> dict[str, Any]:
    return {"$ref": SCHEMA_PREFIX + escape_pointer_token(name)}


@dataclass(frozen=True)
class Prepared:
    document: dict[str, Any]
    renamed: Mapping[str, str]  # original component name → class name
    dropped_patterns: tuple[tuple[str, str], ...] = ()  # (schema, pattern) Python cannot compile


def sanitize(schemas: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """Remove code-bearing keys, formats needing extra packages and patterns Python's ``re``
    cannot compile (the generated models would fail at import), in place; returns the
    dropped patterns so they can be reported."""
    dropped: list[tuple[str, str]] = []
    for name, schema in schemas.items():
        for node in iter_subschemas(schema):
            pattern = node.get("pattern")
            if "pattern" in node and not (isinstance(pattern, str) and compiles(pattern)):
                dropped.append((name, str(pattern)))
                del node["pattern"]
            for key in CODE_KEYS & node.keys():
                del node[key]
            if isinstance(node.get("format"), str) and node["format"] in _PLAIN_STRING_FORMATS:
                del node["format"]
            if node.get("type") == "array" and "items" not in node and "prefixItems" not in node:
                node["items"] = {}  # an array of anything: list[Any], not a bare list
    return tuple(dropped)


class _Namer:
    def __init__(self, taken: set[str]) -> None:
        self.taken = taken

    def claim(self, preferred: str) -> str:
        base = pascal_case(preferred).rstrip("_")
        if base in RESERVED_CLASS_NAMES or keyword.iskeyword(base) or keyword.issoftkeyword(base):
            base = pascal_case(f"{base} model")
        name = unique_class(base, self.taken)
        self.taken.add(name)
        return name


def _rewrite_refs(node: Any, renames: Mapping[str, str]) -> None:
    stack: list[Any] = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            ref = current.get("$ref")
            if isinstance(ref, str):
                name = schema_name(ref)
                if name is not None and name in renames:
                    current["$ref"] = SCHEMA_PREFIX + escape_pointer_token(renames[name])
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)


def _hoist_nested(
    schemas: dict[str, Any], stem: str, schema: Any, namer: _Namer, depth: int = 0
) -> None:
    """Move inline model-like subschemas of ``schema`` to components.

    ``stem`` names what ``schema`` is (``Animal``, ``Animal enclosure``); children are
    named after it: ``AnimalEnclosure``, ``AnimalEnclosureKeepersItem``.
    """
    if not isinstance(schema, dict) or depth > MAX_HOIST_DEPTH:
        return

    def place(container: dict[str, Any] | list[Any], key: Any, preferred: str) -> None:
        child = container[key]
        if has_structure(child):
            name = namer.claim(preferred)
            container[key] = ref_to(name)
            schemas[name] = child
            _hoist_nested(schemas, name, child, namer, depth + 1)
        else:
            _hoist_nested(schemas, preferred, child, namer, depth + 1)

    properties = schema.get("properties")
    if isinstance(properties, dict):
        for prop in list(properties):
            place(properties, prop, f"{stem} {prop}")
    items = schema.get("items")
    if isinstance(items, dict):
        place(schema, "items", f"{stem} item")
    extra = schema.get("additionalProperties")
    if isinstance(extra, dict):
        place(schema, "additionalProperties", f"{stem} value")
    for keyword in ("oneOf", "anyOf"):
        members = schema.get(keyword)
        if isinstance(members, list):
            for index in range(len(members)):
                place(members, index, f"{stem} option {index + 1}")
    all_of = schema.get("allOf")
    if isinstance(all_of, list):
        for member in all_of:
            _hoist_nested(schemas, stem, member, namer, depth + 1)


def prepare(
    document: Mapping[str, Any],
    inline_slots: Callable[[dict[str, Any]], list[tuple[dict[str, Any], str, str]]],
) -> Prepared:
    """Copy ``document`` and name every schema that will become a class.

    ``inline_slots(copy)`` lists (container, key, preferred name) for the inline
    request/response schemas of operations; they are hoisted first, in path order.
    """
    copied: dict[str, Any] = copy_tree(dict(document))
    components = copied.setdefault("components", {})
    if not isinstance(components, dict):
        components = copied["components"] = {}
    original = components.get("schemas") or {}
    if not isinstance(original, dict):
        original = {}
    namer = _Namer(set())
    renamed = {str(name): namer.claim(str(name)) for name in original}
    schemas: dict[str, Any] = {renamed[str(name)]: ({} if value is True else value) for name, value in original.items()}
    components["schemas"] = schemas
    _rewrite_refs(copied, renamed)
    for container, key, preferred in inline_slots(copied):
        child = container.get(key)
        if has_structure(child):
            name = namer.claim(preferred)
            container[key] = ref_to(name)
            schemas[name] = child
    for name in list(schemas):
        _hoist_nested(schemas, name, schemas[name], namer)
    dropped = sanitize(schemas)
    return Prepared(document=copied, renamed=renamed, dropped_patterns=dropped)
