"""Recognising methods that return a Yandex Cloud long-running ``Operation``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from generator.ir.model import LongRunning, Response, TypeRef
from generator.ir.types import TypeContext, python_type

EXTENSION = "x-long-running-operation"
_OPERATION_FIELDS = frozenset({"id", "done"})


def is_operation_model(schema: Any) -> bool:
    """The google.longrunning / yandex.cloud.operation shape: id, done, error|response."""
    if not isinstance(schema, Mapping):
        return False
    properties = schema.get("properties")
    return isinstance(properties, Mapping) and _OPERATION_FIELDS <= set(properties) and "error" in properties


def detect_long_running(
    operation: Mapping[str, Any], response: Response, ctx: TypeContext, enabled: bool
) -> LongRunning | None:
    """An operation whose success body is an Operation; result types from the extension."""
    if not enabled or response.type is None or len(response.type.models) != 1 or response.type.is_list:
        return None
    (model,) = response.type.models
    spec_name = next((name for name, cls in ctx.class_names.items() if cls == model), None)
    if spec_name is None or not is_operation_model(ctx.schemas.get(spec_name)):
        return None
    extension = operation.get(EXTENSION)
    metadata: TypeRef | None = None
    result: TypeRef | None = None
    if isinstance(extension, Mapping):
        if isinstance(extension.get("metadata"), Mapping):
            metadata = python_type(extension["metadata"], ctx)
        if isinstance(extension.get("response"), Mapping):
            result = python_type(extension["response"], ctx)
    return LongRunning(operation_model=model, metadata_type=metadata, response_type=result)
