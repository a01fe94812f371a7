"""Scalar and well-known protobuf types → JSON Schema, per the proto3 JSON mapping.

64-bit integers travel as decimal strings (``type: string, format: int64``); wrapper
types are their scalar made nullable; ``Any``/``Struct``/``Empty`` are free-form objects.
"""

from __future__ import annotations

from typing import Any

from generator.docs.typecell import TypeRef

_INT64 = {"int64", "uint64", "sint64", "fixed64", "sfixed64"}
_INT32 = {"int32", "uint32", "sint32", "fixed32", "sfixed32"}

_STRING_FORMATS = {
    None: {},
    "string": {},
    "date-time": {"format": "date-time"},
    "field-mask": {"format": "field-mask"},
    "duration": {"format": "duration"},
    "bytes": {"format": "byte"},
    "byte": {"format": "byte"},
}

WELL_KNOWN: dict[str, dict[str, Any]] = {
    "Any": {"type": "object"},
    "Struct": {"type": "object"},
    "Empty": {"type": "object"},
    "Value": {"type": "object"},
    "ListValue": {"type": "array", "items": {"type": "object"}},
    "Timestamp": {"type": "string", "format": "date-time"},
    "Duration": {"type": "string", "format": "duration"},
    "FieldMask": {"type": "string", "format": "field-mask"},
    "DoubleValue": {"type": "number", "format": "double", "nullable": True},
    "FloatValue": {"type": "number", "format": "float", "nullable": True},
    "Int64Value": {"type": "string", "format": "int64", "nullable": True},
    "UInt64Value": {"type": "string", "format": "int64", "nullable": True},
    "Int32Value": {"type": "integer", "format": "int32", "nullable": True},
    "UInt32Value": {"type": "integer", "format": "int32", "nullable": True},
    "BoolValue": {"type": "boolean", "nullable": True},
    "StringValue": {"type": "string", "nullable": True},
    "BytesValue": {"type": "string", "format": "byte", "nullable": True},
}


def scalar_schema(ref: TypeRef) -> dict[str, Any] | None:
    """The schema of a scalar type cell, or None when the word/format is not known."""
    word, detail = ref.name, ref.detail
    if word == "string":
        if detail in _INT64:
            return {"type": "string", "format": "int64"}
        fmt = _STRING_FORMATS.get(detail)
        return None if fmt is None else {"type": "string", **fmt}
    if word == "integer":
        if detail is None or detail in _INT32:
            return {"type": "integer", "format": "int32"}
        if detail in _INT64:  # only wrapper types print int64 as integer
            return {"type": "string", "format": "int64", "nullable": True}
        return None
    if word == "number":
        if detail in (None, "double"):
            return {"type": "number", "format": "double"}
        if detail == "float":
            return {"type": "number", "format": "float"}
        return None
    if word == "boolean" and detail in (None, "boolean", "bool"):
        return {"type": "boolean"}
    if word == "object" and detail is None:
        return {"type": "object"}
    return None


def well_known(ref: TypeRef) -> dict[str, Any] | None:
    """A reference to ``google.protobuf.X`` (by anchor or URL) as its JSON shape."""
    target = ref.target or ""
    marker = "google.protobuf."
    at = target.rfind(marker)
    if at == -1:
        return None
    name = target[at + len(marker) :].split("#")[0].split("/")[0]
    schema = WELL_KNOWN.get(name) or WELL_KNOWN.get(ref.name)
    return dict(schema) if schema is not None else None
