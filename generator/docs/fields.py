"""One table row → one field: its wire name, schema, and the rules its text states.

The row's type cell gives the base schema; the description gives enum values, map-ness
(``as `key:value` pairs``), and the constraint sentences, which are placed where they
apply: on the value, on array items, on map values or keys, or on the container.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.docs.constraints import Constraints, extract
from generator.docs.enums import find_enum
from generator.docs.markup import strip_links
from generator.docs.scalars import scalar_schema
from generator.docs.typecell import TypeRef
from generator.errors import Diagnostic, Location

Resolver = Callable[[TypeRef], dict[str, Any]]

_KEY_VALUE = re.compile(r"as\s+`*\s*key:value\s*`*\s+pairs", re.I)
_VALUE_KEYWORDS = ("maxLength", "minLength", "pattern", "maximum", "minimum")
_ORDER = (
    "$ref", "type", "format", "nullable", "enum", "description", "x-enum-descriptions",
    "items", "additionalProperties", "x-property-names", "maxLength", "minLength", "pattern",
    "maximum", "minimum", "maxItems", "minItems", "maxProperties", "minProperties", "default",
)


@dataclass(frozen=True)
class Field:
    name: str
    schema: dict[str, Any]
    required: bool
    oneof: tuple[str, ...]
    line: int
    kinds: tuple[str, ...]
    diagnostics: tuple[Diagnostic, ...]


def build_field(
    name: str,
    type_ref: TypeRef | None,
    description: str,
    where: Location,
    resolve: Resolver,
    *,
    nested: dict[str, Any] | None = None,
) -> Field:
    """Build the field of one row. ``nested`` replaces the type for inline sub-objects."""
    array = name.endswith("[]")
    wire = name[:-2] if array else name
    rules = extract(strip_links(description))
    notes: list[Diagnostic] = []
    value = _value_schema(type_ref, rules, nested, resolve, where, notes)
    schema = _place(value, rules, array, where, notes)
    if rules.text:
        schema["description"] = rules.text
    ordered = {k: schema[k] for k in _ORDER if k in schema}
    ordered.update({k: v for k, v in schema.items() if k not in ordered})
    return Field(wire, ordered, rules.required, rules.oneof, where.line or 0, rules.kinds, tuple(notes))


def _value_schema(
    type_ref: TypeRef | None,
    rules: Constraints,
    nested: dict[str, Any] | None,
    resolve: Resolver,
    where: Location,
    notes: list[Diagnostic],
) -> dict[str, Any]:
    if nested is not None:
        return dict(nested)
    if type_ref is None:
        numeric = "maximum" in rules.value or "minimum" in rules.value
        return {"type": "string", "format": "int64"} if numeric else {"type": "string"}
    if type_ref.kind == "message":
        return resolve(type_ref)
    if type_ref.kind == "map":
        assert type_ref.value is not None
        return {"type": "object", "additionalProperties": _element(type_ref.value, resolve, where, notes)}
    if type_ref.kind == "enum":
        return _enum(rules.text, upper_only=False, where=where, notes=notes)
    schema = _element(type_ref, resolve, where, notes)
    if schema.get("type") in ("object", "string") and "format" not in schema and _KEY_VALUE.search(rules.text):
        return {"type": "object", "additionalProperties": {"type": "string"}}
    if schema == {"type": "string"}:
        found = find_enum(rules.text, upper_only=True)
        if found is not None:
            return _enum(rules.text, upper_only=True, where=where, notes=notes)
    return schema


def _element(type_ref: TypeRef, resolve: Resolver, where: Location, notes: list[Diagnostic]) -> dict[str, Any]:
    if type_ref.kind == "message":
        return resolve(type_ref)
    schema = scalar_schema(type_ref) if type_ref.kind == "scalar" else None
    if schema is None:
        detail = f" ({type_ref.detail})" if type_ref.detail else ""
        notes.append(Diagnostic(where, f"unknown type **{type_ref.name}**{detail}; kept as free-form", "unknown-type"))
        return {}
    return schema


def _enum(text: str, *, upper_only: bool, where: Location, notes: list[Diagnostic]) -> dict[str, Any]:
    found = find_enum(text, upper_only=upper_only)
    if found is None:
        notes.append(Diagnostic(where, "enum without a value list; kept as string", "unknown-construct"))
        return {"type": "string"}
    schema: dict[str, Any] = {"type": "string", "enum": list(found.values)}
    if found.descriptions:
        schema["x-enum-descriptions"] = dict(found.descriptions)
    return schema


def _place(
    value: dict[str, Any], rules: Constraints, array: bool, where: Location, notes: list[Diagnostic]
) -> dict[str, Any]:
    """Put each keyword on the schema it constrains."""
    is_map = value.get("type") == "object" and isinstance(value.get("additionalProperties"), dict)
    target = value
    _merge(target, rules.value, _fits(value, rules.value), "value", where, notes)
    if is_map:
        extra = value["additionalProperties"]
        _merge(extra, rules.values, _fits(extra, rules.values), "map value", where, notes)
        if rules.keys:
            value["x-property-names"] = _clean(rules.keys)
    else:
        _merge(target, rules.values, False, "map value", where, notes)
        _merge(target, rules.keys, False, "map key", where, notes)
    if rules.default is not None:
        _default(target, rules.default, where, notes)
    if array:
        outer: dict[str, Any] = {"type": "array", "items": value}
        _count(outer, rules.count, "Items")
        return outer
    if is_map:
        _count(value, rules.count, "Properties")
    elif rules.count:
        notes.append(Diagnostic(where, f"element count {rules.count} on a field that is not a list or map", "unplaced-constraint"))
    return value


def _fits(schema: dict[str, Any], keywords: dict[str, Any]) -> bool:
    """Length and pattern rules fit strings; bounds fit numbers and int64 strings."""
    kind = schema.get("type")
    if "$ref" in schema or "enum" in schema:
        return False
    if kind == "string":
        return True
    return kind in ("integer", "number") and set(keywords) <= {"maximum", "minimum"}


def _clean(keywords: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in keywords.items() if not (k == "minLength" and v == 0)}


def _merge(
    target: dict[str, Any], keywords: dict[str, Any], ok: bool, what: str, where: Location, notes: list[Diagnostic]
) -> None:
    if not keywords:
        return
    if not ok:
        notes.append(Diagnostic(where, f"{what} constraint {keywords} does not fit this field's type", "unplaced-constraint"))
        return
    target.update(_clean(keywords))


def _count(schema: dict[str, Any], count: dict[str, Any], suffix: str) -> None:
    if "max" in count:
        schema["max" + suffix] = count["max"]
    if "min" in count and count["min"] != 0:
        schema["min" + suffix] = count["min"]


def _default(schema: dict[str, Any], raw: str, where: Location, notes: list[Diagnostic]) -> None:
    kind = schema.get("type")
    try:
        if kind == "integer":
            schema["default"] = int(raw)
        elif kind == "number":
            schema["default"] = float(raw)
        elif kind == "boolean":
            schema["default"] = {"true": True, "false": False}[raw.lower()]
        elif kind == "string" and ("enum" not in schema or raw in schema["enum"]):
            schema["default"] = raw
        else:
            raise ValueError(raw)
    except (ValueError, KeyError):
        notes.append(Diagnostic(where, f"default value {raw!r} does not fit this field's type", "unplaced-constraint"))
