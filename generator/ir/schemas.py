"""Which named schemas become model classes, and what the model renderer gets."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.ir.model import SchemaModel
from generator.ir.names import ClassName, PythonIdentifier, attribute_name, snake_case
from generator.ir.walk import iter_subschemas

# names the models module imports or the package exports; a schema must not take them
RESERVED_CLASS_NAMES = frozenset(
    {
        "Any", "Annotated", "Literal", "Optional", "Union", "Field", "ConfigDict", "RootModel",
        "BaseModel", "AwareDatetime", "Model", "Int64", "Timestamp", "Enum", "StrEnum",
        "IntEnum", "date", "datetime", "time", "timedelta", "UUID", "Decimal", "AnyUrl",
        "EmailStr", "Page", "AsyncPage", "errors", "models", "ClassVar",
    }
)


def is_model_schema(schema: Any) -> bool:
    """Whether a schema deserves its own class rather than an inline annotation."""
    if not isinstance(schema, Mapping):
        return False
    if "$ref" in schema and len(schema) == 1:
        return False
    if any(key in schema for key in ("properties", "allOf", "oneOf", "anyOf", "enum")):
        return True
    kind = schema.get("type")
    return kind == "object" or (isinstance(kind, list) and "object" in kind)


def has_structure(schema: Any) -> bool:
    """An inline schema worth a class of its own: fields, values or alternatives to name.

    A bare ``type: object`` (free-form JSON) stays ``dict[str, Any]``.
    """
    if not isinstance(schema, Mapping) or "$ref" in schema:
        return False
    properties = schema.get("properties")
    if isinstance(properties, Mapping) and properties:
        return True
    return any(isinstance(schema.get(key), list) and schema.get(key) for key in ("enum", "allOf", "oneOf", "anyOf"))


def oneof_groups(schema: Mapping[str, Any]) -> tuple[tuple[PythonIdentifier, ...], ...]:
    """``x-oneof-groups`` as attribute names (the docs importer records proto oneofs there)."""
    raw = schema.get("x-oneof-groups")
    if not isinstance(raw, list):
        return ()
    properties = schema.get("properties", {})
    groups = []
    for group in raw:
        if isinstance(group, list):
            members = tuple(attribute_name(str(m)) for m in group if isinstance(m, str) and m in properties)
            if len(members) > 1:
                groups.append(members)
    return tuple(groups)


def schema_models(schemas: Mapping[str, Any]) -> tuple[SchemaModel, ...]:
    """Every named schema (already renamed to its class name), in document order."""
    return tuple(
        SchemaModel(
            spec_name=name,
            class_name=ClassName(name),
            schema=schema,
            oneof_groups=oneof_groups(schema) if isinstance(schema, Mapping) else (),
        )
        for name, schema in schemas.items()
    )


# attributes of the generated ``Model`` base that a field must not shadow; pydantic's own
# BaseModel names are renamed by the model generator itself
MODEL_BASE_MEMBERS = frozenset({"model_config", "to_wire"})


def field_aliases(schemas: Mapping[str, Any]) -> dict[str, str]:
    """Wire property names whose attribute name would clash with the model base class."""
    aliases: dict[str, str] = {}
    for schema in schemas.values():
        for node in iter_subschemas(schema):
            properties = node.get("properties")
            if isinstance(properties, Mapping):
                for wire in properties:
                    name = snake_case(str(wire))
                    if name in MODEL_BASE_MEMBERS:
                        aliases[str(wire)] = f"{name}_"
    return dict(sorted(aliases.items()))
