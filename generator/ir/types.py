"""JSON Schema → Python type annotations and pydantic constraints, for method signatures.

The model renderer (datamodel-code-generator) types model fields itself; this module
types what the client templates print: parameters, flattened body fields, return
values. Both agree on class names because both read ``SchemaModel.class_name``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.ir.model import Constraint, TypeRef
from generator.ir.names import ClassName
from generator.ir.refs import schema_name

_SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
INT64_FORMATS = frozenset({"int64", "uint64", "fixed64", "sfixed64", "sint64"})
MAX_TYPE_DEPTH = 32

ANY = TypeRef("Any", typing_names=frozenset({"Any"}))


@dataclass(frozen=True)
class TypeContext:
    """What type mapping needs to know about the document's named schemas."""

    schemas: Mapping[str, Any]  # spec schema name → schema, hoisted ones included
    class_names: Mapping[str, ClassName]  # spec schema name → model class
    inline_names: frozenset[str]  # spec schema names that are plain aliases, typed inline


def _union(parts: list[TypeRef]) -> TypeRef:
    unique: list[TypeRef] = []
    for part in parts:
        if part.annotation not in {u.annotation for u in unique}:
            unique.append(part)
    if len(unique) == 1:
        return unique[0]
    if any(part.annotation == "Any" for part in unique):
        return ANY
    return TypeRef(
        " | ".join(part.annotation for part in unique),
        models=frozenset().union(*(p.models for p in unique)),
        typing_names=frozenset().union(*(p.typing_names for p in unique)),
        runtime_names=frozenset().union(*(p.runtime_names for p in unique)),
    )


def _nullable(ref: TypeRef) -> TypeRef:
    if ref.annotation == "Any" or ref.annotation.endswith("| None"):
        return ref
    return TypeRef(f"{ref.annotation} | None", ref.models, ref.typing_names, ref.runtime_names, ref.is_list)


def _literal(values: list[Any]) -> TypeRef | None:
    literals = [v for v in values if isinstance(v, (str, int, bool)) or v is None]
    if not literals or len(literals) != len(values):
        return None
    body = ", ".join(repr(v) for v in literals)
    return TypeRef(f"Literal[{body}]", typing_names=frozenset({"Literal"}))


def python_type(schema: Any, ctx: TypeContext, *, depth: int = 0) -> TypeRef:
    """The annotation a caller would write for a value of ``schema``."""
    if depth > MAX_TYPE_DEPTH or not isinstance(schema, Mapping):
        return ANY
    ref = schema.get("$ref")
    if isinstance(ref, str):
        name = schema_name(ref)
        if name is None:
            return ANY
        if name in ctx.inline_names:
            target = ctx.schemas.get(name)
            return python_type(target, ctx, depth=depth + 1)
        if name in ctx.class_names:
            cls = ctx.class_names[name]
            return TypeRef(cls, models=frozenset({cls}))
        return ANY
    for key in ("oneOf", "anyOf"):
        options = schema.get(key)
        if isinstance(options, list) and options:
            return _union([python_type(option, ctx, depth=depth + 1) for option in options])
    all_of = schema.get("allOf")
    if isinstance(all_of, list) and len(all_of) == 1:
        return python_type(all_of[0], ctx, depth=depth + 1)
    if "const" in schema:
        literal = _literal([schema["const"]])
        if literal:
            return literal
    declared = schema.get("type")
    types = declared if isinstance(declared, list) else [declared] if declared else []
    nullable = bool(schema.get("nullable")) or "null" in types
    types = [t for t in types if isinstance(t, str) and t != "null"]
    if isinstance(schema.get("enum"), list) and schema["enum"]:
        values = [v for v in schema["enum"] if v is not None]
        literal = _literal(values)
        if literal:
            return _nullable(literal) if nullable or None in schema["enum"] else literal
    results = [_single(t, schema, ctx, depth) for t in types] or [_untyped(schema, ctx, depth)]
    result = _union(results)
    return _nullable(result) if nullable else result


def _untyped(schema: Mapping[str, Any], ctx: TypeContext, depth: int) -> TypeRef:
    if "properties" in schema or "additionalProperties" in schema:
        return _single("object", schema, ctx, depth)
    if "items" in schema:
        return _single("array", schema, ctx, depth)
    return ANY


def _single(kind: Any, schema: Mapping[str, Any], ctx: TypeContext, depth: int) -> TypeRef:
    fmt = schema.get("format") if isinstance(schema.get("format"), str) else None
    if kind == "string":
        if fmt in INT64_FORMATS:
            return TypeRef("int")
        if fmt == "date-time":
            return TypeRef("datetime", runtime_names=frozenset({"datetime"}))
        if fmt == "date":
            return TypeRef("date", runtime_names=frozenset({"date"}))
        if fmt == "binary":
            return TypeRef("bytes")
        return TypeRef("str")
    if kind in _SCALARS:
        return TypeRef(_SCALARS[kind])
    if kind == "array":
        item = python_type(schema.get("items", {}), ctx, depth=depth + 1)
        return TypeRef(f"list[{item.annotation}]", item.models, item.typing_names, item.runtime_names, True)
    if kind == "object":
        extra = schema.get("additionalProperties")
        if isinstance(extra, Mapping) and extra:
            value = python_type(extra, ctx, depth=depth + 1)
            return TypeRef(
                f"dict[str, {value.annotation}]", value.models, value.typing_names, value.runtime_names
            )
        return TypeRef("dict[str, Any]", typing_names=frozenset({"Any"}))
    return ANY


def compiles(pattern: str) -> bool:
    """Whether the generated code can use ``pattern`` (it runs with Python's ``re``)."""
    try:
        re.compile(pattern)
    except (re.error, RecursionError, OverflowError):
        return False
    return True


def constraints(schema: Any, ctx: TypeContext) -> tuple[Constraint, ...]:
    """pydantic ``Field`` arguments enforcing the schema's validation keywords."""
    if not isinstance(schema, Mapping):
        return ()
    ref = schema.get("$ref")
    if isinstance(ref, str):
        name = schema_name(ref)
        if name in ctx.inline_names:
            target = ctx.schemas.get(name)
            return constraints(target, ctx)
        return ()
    found: list[Constraint] = []
    numeric = {"maximum": "le", "minimum": "ge", "multipleOf": "multiple_of"}
    for key, keyword in numeric.items():
        value = schema.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if key == "maximum" and schema.get("exclusiveMaximum") is True:
                keyword = "lt"
            if key == "minimum" and schema.get("exclusiveMinimum") is True:
                keyword = "gt"
            found.append(Constraint(keyword, value))
    for key, keyword in (("exclusiveMaximum", "lt"), ("exclusiveMinimum", "gt")):
        value = schema.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            found.append(Constraint(keyword, value))
    lengths = (
        (("maxItems", "max_length"), ("minItems", "min_length"))
        if schema.get("type") == "array"
        else (("maxLength", "max_length"), ("minLength", "min_length"))
    )
    for key, keyword in lengths:
        value = schema.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
            found.append(Constraint(keyword, value))
    pattern = schema.get("pattern")
    if isinstance(pattern, str) and schema.get("type", "string") == "string" and compiles(pattern):
        found.append(Constraint("pattern", pattern))
    return tuple(found)
