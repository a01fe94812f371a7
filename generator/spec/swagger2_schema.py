"""Swagger 2.0 schema and simple-parameter pieces, rewritten in OpenAPI 3.0 terms."""

from __future__ import annotations

from typing import Any

DEFINITIONS = "#/definitions/"
SCHEMAS = "#/components/schemas/"

_SCHEMA_KEYS_OF_PARAMETER = (
    "type", "format", "items", "default", "maximum", "exclusiveMaximum", "minimum",
    "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems",
    "uniqueItems", "enum", "multipleOf",
)
_STYLES = {
    # collectionFormat → (style outside path/header, explode)
    "csv": ("form", False),
    "ssv": ("spaceDelimited", False),
    "pipes": ("pipeDelimited", False),
    "multi": ("form", True),
}


def rewrite_ref(ref: str) -> str:
    return SCHEMAS + ref[len(DEFINITIONS) :] if ref.startswith(DEFINITIONS) else ref


def convert_schema(schema: Any) -> Any:
    """A 2.0 schema as a 3.0 one: refs, ``x-nullable``, ``type: file``, discriminator."""
    if isinstance(schema, list):
        return [convert_schema(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key == "$ref" and isinstance(value, str):
            out[key] = rewrite_ref(value)
        elif key == "x-nullable":
            out["nullable"] = value
        elif key == "type" and value == "file":
            out["type"] = "string"
            out["format"] = "binary"
        elif key == "discriminator" and isinstance(value, str):
            out[key] = {"propertyName": value}
        elif key in ("properties", "patternProperties", "definitions") and isinstance(value, dict):
            out[key] = {name: convert_schema(item) for name, item in value.items()}
        elif key in ("items", "allOf", "anyOf", "oneOf", "not", "additionalProperties"):
            out[key] = convert_schema(value)
        else:
            out[key] = value
    return out


def parameter_schema(parameter: dict[str, Any]) -> dict[str, Any]:
    """The JSON schema a non-body 2.0 parameter (or header, or items) describes inline."""
    schema: dict[str, Any] = {}
    for key in _SCHEMA_KEYS_OF_PARAMETER:
        if key in parameter:
            value = parameter[key]
            schema[key] = parameter_schema(value) if key == "items" and isinstance(value, dict) else value
    if parameter.get("x-nullable") is True:
        schema["nullable"] = True
    converted: dict[str, Any] = convert_schema(schema)
    return converted


def style_of(parameter: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    """3.0 ``style``/``explode`` for an array parameter, and a note when inexact."""
    if parameter.get("type") != "array":
        return {}, None
    fmt = parameter.get("collectionFormat", "csv")
    location = parameter.get("in")
    if location in ("path", "header"):
        if fmt not in ("csv", None):
            return {"style": "simple"}, f"collectionFormat {fmt!r} has no 3.0 form in {location}; using csv"
        return {"style": "simple"}, None
    if fmt in _STYLES:
        style, explode = _STYLES[fmt]
        return {"style": style, "explode": explode}, None
    return {"style": "form", "explode": False}, f"collectionFormat {fmt!r} has no 3.0 equivalent; using csv"
