"""One OpenAPI operation → one ``Operation``: names, parameters, body, success response."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.errors import ClientgenError, Diagnostic
from generator.ir.model import Body, BodyField, BodyKind, Constraint, Parameter, ParameterLocation, Response, TypeRef
from generator.ir.names import PythonIdentifier, parameter_name, snake_case, unique, words
from generator.ir.refs import Locate, deref, schema_name
from generator.ir.types import TypeContext, constraints, python_type
from generator.spec.source import escape_pointer_token

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
IDEMPOTENT_METHODS = frozenset({"get", "put", "delete", "head", "options", "trace"})
_LOCATIONS: dict[str, ParameterLocation] = {"path": "path", "query": "query", "header": "header", "cookie": "cookie"}
_BODY_PREFERENCE: tuple[tuple[str, BodyKind], ...] = (
    ("application/json", "json"),
    ("application/x-www-form-urlencoded", "form"),
    ("multipart/form-data", "multipart"),
    ("application/octet-stream", "bytes"),
    ("text/plain", "text"),
)


@dataclass(frozen=True)
class RawOperation:
    """An operation as found in the document, before naming decisions."""

    path: str
    method: str
    pointer: str
    data: Mapping[str, Any]
    path_item: Mapping[str, Any]


def operation_pointer(path: str, method: str) -> str:
    return f"/paths/{escape_pointer_token(path)}/{method}"


def method_name(raw: RawOperation, tag: str) -> PythonIdentifier:
    """``Image_ListOperations`` under tag ``Image`` → ``list_operations``; ``listPets`` → ``list_pets``."""
    operation_id = raw.data.get("operationId")
    if isinstance(operation_id, str) and operation_id.strip():
        for separator in ("_", ".", "-", "/", " "):
            prefix = f"{tag}{separator}"
            if tag and operation_id.startswith(prefix) and len(operation_id) > len(prefix):
                operation_id = operation_id[len(prefix):]
                break
        return snake_case(operation_id, fallback="call")
    segments = [s for s in raw.path.split("/") if s]
    spoken = [f"by_{s[1:-1]}" if s.startswith("{") else s for s in segments]
    return snake_case(" ".join([raw.method, *spoken]), fallback="call")


def tag_of(raw: RawOperation) -> str:
    tags = raw.data.get("tags")
    if isinstance(tags, list) and tags and isinstance(tags[0], str) and words(tags[0]):
        return tags[0]
    for segment in raw.path.split("/"):
        if segment and not segment.startswith("{") and words(segment):
            return segment
    return "default"


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def build_parameters(
    raw: RawOperation, document: Mapping[str, Any], ctx: TypeContext, locate: Locate
) -> tuple[Parameter, ...]:
    """Path-level and operation-level parameters merged, required ones first, names unique."""
    merged: dict[tuple[str, ParameterLocation], tuple[Mapping[str, Any], str]] = {}
    sources = (
        (raw.path_item.get("parameters"), f"/paths/{escape_pointer_token(raw.path)}/parameters"),
        (raw.data.get("parameters"), f"{raw.pointer}/parameters"),
    )
    for listed, base in sources:
        if listed is None:
            continue
        if not isinstance(listed, list):
            raise ClientgenError("parameters must be a list", locate(base))
        for index, item in enumerate(listed):
            where = f"{base}/{index}"
            value, value_pointer = deref(document, item, locate, where)
            if not isinstance(value, Mapping) or not isinstance(value.get("name"), str):
                raise ClientgenError("parameter without a name", locate(where))
            location = _LOCATIONS.get(str(value.get("in")))
            if location is None:
                raise ClientgenError(
                    f"parameter location {value.get('in')!r} is not one of {', '.join(_LOCATIONS)}", locate(where)
                )
            merged[(value["name"], location)] = (value, value_pointer)
    taken: set[str] = set()
    parameters: list[Parameter] = []
    for (wire_name, location), (value, _) in merged.items():
        if location == "header" and wire_name.lower() in {"authorization", "content-type", "accept"}:
            continue  # the client sets these itself
        schema = value.get("schema", {})
        if not isinstance(schema, Mapping):
            schema = {}
        name = PythonIdentifier(unique(parameter_name(wire_name, fallback="param"), taken))
        taken.add(name)
        default = schema.get("default")
        found = constraints(schema, ctx)
        if location == "path" and not any(c.keyword == "min_length" for c in found) and python_type(schema, ctx).annotation == "str":
            found = (Constraint("min_length", 1), *found)  # an empty value would change the path
        parameters.append(
            Parameter(
                wire_name=wire_name,
                python_name=name,
                location=location,
                required=bool(value.get("required")) or location == "path",
                type=python_type(schema, ctx),
                description=_text(value.get("description")),
                constraints=found,
                default=default if isinstance(default, (str, int, float, bool)) else None,
                explode=bool(value.get("explode", True)),
                deprecated=bool(value.get("deprecated")),
            )
        )
    parameters.sort(key=lambda p: not p.required)
    return tuple(parameters)


def pick_media(content: Any) -> tuple[str, Any] | None:
    if not isinstance(content, Mapping) or not content:
        return None
    for wanted, _ in _BODY_PREFERENCE:
        for media, value in content.items():
            base = str(media).split(";")[0].strip().lower()
            if base == wanted or (wanted == "application/json" and base.endswith("+json")):
                return str(media), value
    media, value = next(iter(content.items()))
    return str(media), value


def _kind_of(media: str) -> BodyKind:
    base = media.split(";")[0].strip().lower()
    if base == "application/json" or base.endswith("+json"):
        return "json"
    for wanted, kind in _BODY_PREFERENCE:
        if base == wanted:
            return kind
    return "text" if base.startswith("text/") else "bytes"


def build_body(
    raw: RawOperation,
    document: Mapping[str, Any],
    ctx: TypeContext,
    locate: Locate,
    taken_names: set[str],
) -> Body | None:
    """The request body; object bodies are also offered as keyword arguments."""
    if "requestBody" not in raw.data:
        return None
    where = f"{raw.pointer}/requestBody"
    body, _ = deref(document, raw.data["requestBody"], locate, where)
    if not isinstance(body, Mapping):
        raise ClientgenError("requestBody must be an object", locate(where))
    picked = pick_media(body.get("content"))
    if picked is None:
        return None
    media, media_object = picked
    schema = media_object.get("schema", {}) if isinstance(media_object, Mapping) else {}
    kind = _kind_of(media)
    body_type = python_type(schema, ctx) if kind in ("json", "form", "multipart") else TypeRef("bytes" if kind == "bytes" else "str")
    model = None
    fields: tuple[BodyField, ...] = ()
    ref_name = schema_name(schema.get("$ref", "")) if isinstance(schema, Mapping) else None
    flattenable = kind in ("json", "form", "multipart")
    if flattenable and ref_name is not None and ref_name in ctx.class_names and ref_name not in ctx.inline_names:
        model = ctx.class_names[ref_name]
        target = ctx.schemas.get(ref_name, {})
        fields = _flatten(target, ctx, taken_names)
    return Body(
        kind=kind,
        content_type=media,
        type=body_type,
        required=bool(body.get("required")),
        description=_text(body.get("description")),
        model=model,
        fields=fields,
    )


def _flatten(schema: Any, ctx: TypeContext, taken: set[str]) -> tuple[BodyField, ...]:
    """Keyword arguments for a plain object body; empty when it cannot be flattened cleanly."""
    if not isinstance(schema, Mapping) or any(k in schema for k in ("allOf", "oneOf", "anyOf")):
        return ()
    properties = schema.get("properties")
    if not isinstance(properties, Mapping) or not properties:
        return ()
    listed = schema.get("required")
    required = {name for name in listed if isinstance(name, str)} if isinstance(listed, list) else set()
    fields: list[BodyField] = []
    names: set[str] = set()
    for wire_name, prop in properties.items():
        if isinstance(prop, Mapping) and prop.get("readOnly"):
            continue
        name = parameter_name(str(wire_name), fallback="field")
        if name in taken or name in names:
            return ()  # a clash with a parameter: take the body as one argument instead
        names.add(name)
        fields.append(
            BodyField(
                wire_name=str(wire_name),
                python_name=name,
                required=wire_name in required,
                type=python_type(prop, ctx),
                description=_text(prop.get("description")) if isinstance(prop, Mapping) else "",
            )
        )
    fields.sort(key=lambda f: not f.required)
    return tuple(fields)


def success_status(raw: RawOperation) -> tuple[str, Any] | None:
    responses = raw.data.get("responses")
    if not isinstance(responses, Mapping):
        return None
    codes = sorted(str(code) for code in responses if str(code).startswith("2"))
    if codes:
        return codes[0], responses.get(codes[0], responses.get(int(codes[0]) if codes[0].isdigit() else codes[0]))
    if "default" in responses:
        return "default", responses["default"]
    return None


def build_success(raw: RawOperation, document: Mapping[str, Any], ctx: TypeContext, locate: Locate) -> Response:
    picked = success_status(raw)
    if picked is None:
        return Response(status="200", kind="empty", type=None)
    status, response = picked
    response, _ = deref(document, response, locate, f"{raw.pointer}/responses/{status}")
    if not isinstance(response, Mapping):
        return Response(status=status, kind="empty", type=None)
    media = pick_media(response.get("content"))
    description = _text(response.get("description"))
    if media is None:
        return Response(status=status, kind="empty", type=None, description=description)
    content_type, media_object = media
    kind = _kind_of(content_type)
    if kind != "json":
        text = kind == "text" or content_type.startswith("text/")
        return Response(status, "text" if text else "bytes", TypeRef("str" if text else "bytes"), description, content_type)
    schema = media_object.get("schema", {}) if isinstance(media_object, Mapping) else {}
    return Response(status, "json", python_type(schema, ctx), description, content_type)


def warn_unused(raw: RawOperation, locate: Locate) -> tuple[Diagnostic, ...]:
    if raw.data.get("callbacks"):
        return (Diagnostic(locate(f"{raw.pointer}/callbacks"), "callbacks are not generated", "unsupported"),)
    return ()
