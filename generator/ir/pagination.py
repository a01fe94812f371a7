"""Recognising list methods that page with a token."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.ir.model import Pagination, Parameter, Response
from generator.ir.names import ClassName, PythonIdentifier, attribute_name, unique_class
from generator.ir.refs import schema_name
from generator.ir.types import TypeContext, python_type

# (request parameter, response field) pairs that carry the continuation token
TOKEN_PAIRS = (("page_token", "next_page_token"), ("cursor", "next_cursor"), ("page_token", "next_token"))


def _response_schema(response: Response, ctx: TypeContext) -> tuple[str, Mapping[str, Any]] | None:
    if response.type is None or len(response.type.models) != 1 or response.type.is_list:
        return None
    (model,) = response.type.models
    for spec_name, class_name in ctx.class_names.items():
        if class_name == model:
            schema = ctx.schemas.get(spec_name)
            if isinstance(schema, Mapping):
                return spec_name, schema
    return None


def detect_pagination(
    parameters: tuple[Parameter, ...],
    response: Response,
    ctx: TypeContext,
    taken: set[str],
    registry: dict[str, tuple[str, str]],
) -> Pagination | None:
    """A page-token query parameter plus a response with the next token and one list field."""
    found = _response_schema(response, ctx)
    if found is None:
        return None
    _, schema = found
    properties = schema.get("properties")
    if not isinstance(properties, Mapping):
        return None
    fields = {attribute_name(str(name)): (str(name), prop) for name, prop in properties.items()}
    query = {p.python_name: p for p in parameters if p.location == "query"}
    for token_parameter, next_field in TOKEN_PAIRS:
        if token_parameter not in query or next_field not in fields:
            continue
        arrays = [
            (name, prop)
            for name, (_, prop) in fields.items()
            if isinstance(prop, Mapping) and _is_array(prop, ctx)
        ]
        if len(arrays) != 1:
            continue
        items_field, items_schema = arrays[0]
        item_type = python_type(_items(items_schema, ctx), ctx)
        model = next(iter(response.type.models)) if response.type else "Page"
        page, async_page = page_class_names(model, taken, registry)
        return Pagination(
            token_parameter=PythonIdentifier(token_parameter),
            next_token_field=PythonIdentifier(next_field),
            items_field=items_field,
            item_type=item_type,
            page_class=ClassName(page),
            async_page_class=ClassName(async_page),
        )
    return None


def page_class_names(model: str, taken: set[str], registry: dict[str, tuple[str, str]]) -> tuple[str, str]:
    """``ListImageOperationsResponse`` → ``ListImageOperationsPage`` (+ ``Async…``), one pair per model."""
    if model in registry:
        return registry[model]
    stem = model
    for suffix in ("Response", "Page", "Result"):
        if stem.endswith(suffix) and len(stem) > len(suffix):
            stem = stem[: -len(suffix)]
            break
    page = unique_class(f"{stem}Page", taken | {model})
    async_page = unique_class(f"Async{stem}Page", taken | {model, page})
    taken.update((page, async_page))
    registry[model] = (page, async_page)
    return page, async_page


def _resolve(schema: Mapping[str, Any], ctx: TypeContext) -> Mapping[str, Any]:
    name = schema_name(schema.get("$ref", "")) if isinstance(schema.get("$ref"), str) else None
    if name is not None and isinstance(ctx.schemas.get(name), Mapping):
        resolved: Mapping[str, Any] = ctx.schemas[name]
        return resolved
    return schema


def _is_array(schema: Mapping[str, Any], ctx: TypeContext) -> bool:
    resolved = _resolve(schema, ctx)
    kind = resolved.get("type")
    return kind == "array" or (isinstance(kind, list) and "array" in kind)


def _items(schema: Mapping[str, Any], ctx: TypeContext) -> Any:
    return _resolve(schema, ctx).get("items", {})
