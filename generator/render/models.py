"""Model classes through datamodel-code-generator's Python API.

The IR has already named every class; this module annotates a copy of the schemas with
the package's own runtime types (int64 as ``Int64``, timestamps as ``Timestamp``),
points models with oneof groups at their generated base class, runs the generator with
a fixed option set, and checks that every class the client expects was emitted under
the name the IR chose.
"""

from __future__ import annotations

import ast
import re
import warnings
from collections.abc import Mapping
from typing import Any

from datamodel_code_generator import generate
from datamodel_code_generator.enums import DataModelType, InputFileType, OpenEnums
from datamodel_code_generator.format import PythonVersion

from generator.errors import ClientgenError, Location
from generator.ir.hoist import copy_tree
from generator.ir.model import Api
from generator.ir.types import INT64_FORMATS
from generator.ir.walk import iter_subschemas

_EXTENSION_PREFIXES = ("x-",)
_KEEP_EXTENSIONS = frozenset({"x-python-type"})


def oneof_base_name(class_name: str) -> str:
    return f"{class_name}Oneofs"


_SHAPE_KEYWORDS = frozenset(
    {"properties", "additionalProperties", "patternProperties", "allOf", "oneOf", "anyOf", "$ref", "enum", "const"}
)


def _is_free_form(node: dict[str, Any]) -> bool:
    """``type: object`` with nothing said about its contents: google.protobuf.Any (or Struct)."""
    return node.get("type") == "object" and not (set(node) & _SHAPE_KEYWORDS)



def _annotate(node: Any, package: str) -> Any:
    """Mark int64, date-time and free-form message schemas with our runtime types; drop other ``x-`` keys.

    The root is a named class and keeps its shape; only the schemas inside it are marked.
    """
    root = node
    for current in iter_subschemas(node):  # schema positions only: a property may be named "x-…" or "format"
        for key in [k for k in current if isinstance(k, str) and k.startswith(_EXTENSION_PREFIXES)]:
            if key not in _KEEP_EXTENSIONS:
                del current[key]
        kind = current.get("type")
        fmt = current.get("format")
        if kind == "string" and isinstance(fmt, str) and fmt in INT64_FORMATS:
            current["x-python-type"] = f"{package}._types.Int64"
        elif kind == "string" and fmt == "date-time":
            current["x-python-type"] = f"{package}._types.Timestamp"
        elif current is not root and _is_free_form(current):
            current["x-python-type"] = f"{package}._any.AnyMessage"
    return node


def models_document(api: Api, openapi_version: str) -> dict[str, Any]:
    """The components-only document handed to datamodel-code-generator."""
    schemas: dict[str, Any] = {}
    for model in api.schemas:
        schema = _annotate(copy_tree(model.schema), api.package)
        if model.oneof_groups and isinstance(schema, dict):
            schema["customBasePath"] = f"{api.package}._oneofs.{oneof_base_name(model.class_name)}"
        schemas[model.class_name] = schema
    version = openapi_version if openapi_version.startswith("3.1") else "3.0.3"
    return {"openapi": version, "info": {"title": "models", "version": "0"}, "paths": {}, "components": {"schemas": schemas}}


_SCHEMA_PATH = re.compile(r"#(/components/schemas/[^'\"\s]+)")


def render_models(api: Api, openapi_version: str) -> str:
    """The source of ``models.py`` (unformatted; the format stage runs black)."""
    if not api.schemas:
        return ""
    document = models_document(api, openapi_version)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            output = generate(
                document,
                aliases=dict(api.field_aliases) or None,
                input_file_type=InputFileType.OpenAPI,
                output_model_type=DataModelType.PydanticV2BaseModel,
                target_python_version=PythonVersion.PY_310,
                base_class=f"{api.package}._base.Model",
                snake_case_field=True,
                field_constraints=True,
                use_annotated=True,
                use_standard_collections=True,
                use_union_operator=True,
                use_schema_description=True,
                use_field_description=True,
                use_subclass_enum=True,
                set_default_enum_member=True,
                capitalise_enum_members=True,
                open_enums=OpenEnums.All,
                open_enum_base_class_map={key: f"{api.package}._types.OpenEnum" for key in ("Enum", "StrEnum", "IntEnum")},
                use_exact_imports=True,
                keep_model_order=False,  # dependency order: enum members used as defaults come first
                disable_timestamp=True,
                formatters=[],
                custom_file_header="",
            )
    except RecursionError:
        raise ClientgenError("schemas nested too deeply to generate models", Location(pointer="/components/schemas")) from None
    except Exception as exc:  # datamodel-code-generator raises many types for unusable schemas
        message = " ".join(str(exc).split())[:300] or type(exc).__name__
        named = _SCHEMA_PATH.search(message)
        pointer = named.group(1) if named else "/components/schemas"
        raise ClientgenError(f"cannot generate models: {message}", Location(pointer=pointer)) from None
    if not isinstance(output, str):
        raise ClientgenError("model generator returned several modules", Location(pointer="/components/schemas"))
    _check_names(output, {model.class_name for model in api.schemas})
    return output


def _check_names(source: str, expected: set[str]) -> None:
    """Every class the IR named must exist, or client code would import a ghost."""
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        raise ClientgenError(f"model generator produced invalid Python: {exc.msg}", Location(pointer="/components/schemas")) from None
    defined = {node.targets[0].id for node in tree.body if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)}
    defined |= {node.name for node in tree.body if isinstance(node, ast.ClassDef)}
    defined |= {node.target.id for node in tree.body if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)}
    missing = sorted(expected - defined)
    if missing:
        raise ClientgenError(
            f"model generator renamed or dropped {', '.join(missing[:5])}", Location(pointer=f"/components/schemas/{missing[0]}")
        )


def message_classes(source: str) -> frozenset[str]:
    """The generated classes that are messages: subclasses of ``Model`` (directly, through a
    oneof base, or through another message), not enums or root models."""
    tree = ast.parse(source)
    messages: set[str] = set()
    for node in tree.body:  # a base class is always defined before its subclasses
        if not isinstance(node, ast.ClassDef):
            continue
        bases = {base.id for base in node.bases if isinstance(base, ast.Name)}
        if "Model" in bases or bases & messages or any(base.endswith("Oneofs") for base in bases):
            messages.add(node.name)
    return frozenset(messages)


def model_field_names(source: str) -> Mapping[str, tuple[str, ...]]:
    """Class → attribute names, read back from the generated models (for the templates)."""
    tree = ast.parse(source)
    result: dict[str, tuple[str, ...]] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            result[node.name] = tuple(
                item.target.id for item in node.body if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name)
            )
    return result
