"""Spec → IR: the one place where names, types, pagination and operations are decided."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from generator.errors import ClientgenError, Diagnostic, Location
from generator.ir.hoist import prepare
from generator.ir.long_running import detect_long_running
from generator.ir.model import Api, AuthScheme, Operation, Resource
from generator.ir.names import ClassName, PythonIdentifier, pascal_case, pluralize, snake_case, unique, unique_class
from generator.ir.operations import (
    HTTP_METHODS,
    IDEMPOTENT_METHODS,
    RawOperation,
    build_body,
    build_parameters,
    build_success,
    method_name,
    operation_pointer,
    pick_media,
    success_status,
    tag_of,
    warn_unused,
)
from generator.ir.pagination import detect_pagination
from generator.ir.refs import Locate, deref
from generator.ir.schemas import field_aliases, is_model_schema, schema_models
from generator.ir.types import TypeContext
from generator.ir.walk import iter_subschemas
from generator.spec import Spec
from generator.spec.source import escape_pointer_token

# members of the generated resource classes and clients that an operation must not shadow
RESOURCE_MEMBERS = frozenset({"with_options", "close", "aclose"})
CLIENT_MEMBERS = frozenset({"close", "aclose", "with_options", "base_url", "timeout", "max_retries"})
YANDEX_HOST_SUFFIXES = (".cloud.yandex.net", ".yandexcloud.net")
# enum classes grow the generated module linearly but the model generator quadratically:
# 10 000 values take ~20 s; 20 000 already a minute
MAX_ENUM_VALUES = 10_000


@dataclass(frozen=True)
class Target:
    """What the user asked for: the importable package and how to name things."""

    package: str
    distribution: str = ""
    client_name: str = ""
    source_name: str = ""


@dataclass(frozen=True)
class Normalized:
    api: Api
    warnings: tuple[Diagnostic, ...]


def _raw_operations(document: Mapping[str, Any], locate: Locate) -> list[RawOperation]:
    paths = document.get("paths") or {}
    if not isinstance(paths, Mapping):
        raise ClientgenError("'paths' must be a mapping", locate("/paths"))
    found: list[RawOperation] = []
    for path, item in paths.items():
        item_pointer = operation_pointer(str(path), "")[:-1]
        item, _ = deref(document, item, locate, item_pointer)
        if not isinstance(item, Mapping):
            raise ClientgenError("a path item must be a mapping", locate(item_pointer))
        for method in HTTP_METHODS:
            data = item.get(method)
            if data is None:
                continue
            pointer = operation_pointer(str(path), method)
            if not isinstance(data, Mapping):
                raise ClientgenError("an operation must be a mapping", locate(pointer))
            found.append(RawOperation(str(path), method, pointer, data, item))
    return found


def _unlocated(pointer: str) -> Location:
    """Locations inside the working copy (errors there were already caught on the original)."""
    return Location(pointer=pointer)


def _inline_slots(document: dict[str, Any]) -> list[tuple[dict[str, Any], str, str]]:
    """Inline request and success-response schemas of every operation, in path order."""
    slots: list[tuple[dict[str, Any], str, str]] = []
    for raw in _raw_operations(document, _unlocated):
        tag = tag_of(raw)
        stem = f"{tag} {method_name(raw, tag)}"
        body = raw.data.get("requestBody")
        if isinstance(body, dict):
            media = pick_media(body.get("content"))
            if media and isinstance(media[1], dict):
                slots.append((media[1], "schema", f"{stem} request"))
        success = success_status(raw)
        if success is not None and isinstance(success[1], dict):
            media = pick_media(success[1].get("content"))
            if media and isinstance(media[1], dict):
                slots.append((media[1], "schema", f"{stem} response"))
    return slots


def _base_url(document: Mapping[str, Any]) -> str:
    servers = document.get("servers")
    if isinstance(servers, list) and servers and isinstance(servers[0], Mapping):
        url = str(servers[0].get("url", ""))
        variables = servers[0].get("variables")
        if isinstance(variables, Mapping):
            for name, variable in variables.items():
                if isinstance(variable, Mapping) and "default" in variable:
                    url = url.replace("{" + str(name) + "}", str(variable["default"]))
        return url.rstrip("/")
    return ""


def _is_yandex(document: Mapping[str, Any], base_url: str) -> bool:
    if document.get("x-yandex-cloud") is True:
        return True
    host = urlsplit(base_url).hostname or ""
    return host.endswith(YANDEX_HOST_SUFFIXES)


def _auth_schemes(document: Mapping[str, Any], yandex: bool) -> tuple[AuthScheme, ...]:
    if yandex:
        return (AuthScheme("iam", "iam"),)
    components = document.get("components")
    schemes = components.get("securitySchemes", {}) if isinstance(components, Mapping) else {}
    result: list[AuthScheme] = []
    if not isinstance(schemes, Mapping):
        return ()
    for name, scheme in schemes.items():
        if not isinstance(scheme, Mapping):
            continue
        kind = scheme.get("type")
        if kind == "http" and str(scheme.get("scheme", "")).lower() == "basic":
            result.append(AuthScheme(str(name), "basic"))
        elif kind in ("http", "oauth2", "openIdConnect"):
            result.append(AuthScheme(str(name), "bearer"))
        elif kind == "apiKey" and scheme.get("in") in ("header", "query", "cookie") and isinstance(scheme.get("name"), str):
            result.append(AuthScheme(str(name), "api_key", scheme["in"], scheme["name"]))
    return tuple(result)


def prepared_name(renamed: Mapping[str, str], class_name: str) -> str:
    """The spec's own name for a (possibly renamed or hoisted) schema, for locations."""
    return next((original for original, new in renamed.items() if new == class_name), class_name)


def _check_component_schemas(document: Mapping[str, Any], locate: Locate) -> None:
    """Named schemas must be objects or the 3.1 boolean schemas (true: anything, false: nothing)."""
    components = document.get("components")
    schemas = components.get("schemas") if isinstance(components, Mapping) else None
    if schemas is None:
        return
    if not isinstance(schemas, Mapping):
        raise ClientgenError("components/schemas must be a mapping", locate("/components/schemas"))
    for name, schema in schemas.items():
        pointer = f"/components/schemas/{escape_pointer_token(str(name))}"
        if not isinstance(schema, (Mapping, bool)):
            raise ClientgenError(f"schema {name!r} must be an object, not {type(schema).__name__}", locate(pointer))
        for node in iter_subschemas(schema):
            values = node.get("enum")
            if isinstance(values, list) and len(values) > MAX_ENUM_VALUES:
                raise ClientgenError(
                    f"enum with {len(values)} values in schema {name!r}; the limit is {MAX_ENUM_VALUES}", locate(pointer)
                )


def normalize(spec: Spec, target: Target) -> Normalized:
    """Build the IR for ``target`` from a loaded spec."""
    locate = spec.locate
    if not isinstance(spec.document.get("paths", {}) or {}, Mapping):
        raise ClientgenError("'paths' must be a mapping", locate("/paths"))
    _check_component_schemas(spec.document, locate)
    prepared = prepare(spec.document, _inline_slots)
    document = prepared.document
    schemas: dict[str, Any] = document["components"]["schemas"]
    inline = frozenset(name for name, schema in schemas.items() if not is_model_schema(schema))
    ctx = TypeContext(schemas=schemas, class_names={name: ClassName(name) for name in schemas}, inline_names=inline)
    taken: set[str] = set(schemas)

    base_url = _base_url(document)
    yandex = _is_yandex(document, base_url)
    warnings: list[Diagnostic] = [
        Diagnostic(
            locate(f"/components/schemas/{escape_pointer_token(prepared_name(prepared.renamed, name))}"),
            f"pattern {pattern[:60]!r} is not a regular expression Python can use; it is not enforced",
            "unsupported",
        )
        for name, pattern in prepared.dropped_patterns
    ]
    grouped: dict[str, list[Operation]] = {}
    method_names: dict[str, set[str]] = {}
    page_registry: dict[str, tuple[str, str]] = {}
    for raw in _raw_operations(document, locate):
        tag = tag_of(raw)
        names_in_resource = method_names.setdefault(tag, set(RESOURCE_MEMBERS))
        name = PythonIdentifier(unique(method_name(raw, tag), names_in_resource))
        names_in_resource.add(name)
        parameters = build_parameters(raw, document, ctx, locate)
        body = build_body(raw, document, ctx, locate, {p.python_name for p in parameters})
        success = build_success(raw, document, ctx, locate)
        pagination = detect_pagination(parameters, success, ctx, taken, page_registry)
        long_running = detect_long_running(raw.data, success, ctx, yandex)
        warnings.extend(warn_unused(raw, locate))
        params_class = None
        if parameters:
            params_class = ClassName(unique_class(f"{pascal_case(tag)}{pascal_case(name)}Params", taken))
            taken.add(params_class)
        summary = raw.data.get("summary")
        description = raw.data.get("description")
        grouped.setdefault(tag, []).append(
            Operation(
                operation_id=str(raw.data.get("operationId") or f"{raw.method} {raw.path}"),
                python_name=name,
                http_method=raw.method.upper(),
                path=raw.path,
                summary=summary.strip() if isinstance(summary, str) else "",
                description=description.strip() if isinstance(description, str) else "",
                parameters=parameters,
                body=body,
                success=success,
                pagination=pagination,
                long_running=long_running,
                idempotent=raw.method in IDEMPOTENT_METHODS,
                deprecated=bool(raw.data.get("deprecated")),
                params_class=params_class,
            )
        )
    client_base = pascal_case(target.client_name or target.package)
    client_class = ClassName(client_base if client_base.endswith("Client") else f"{client_base}Client")
    info = document.get("info") if isinstance(document.get("info"), Mapping) else {}
    assert isinstance(info, Mapping)
    api = Api(
        title=str(info.get("title", "")),
        version=str(info.get("version", "")),
        description=str(info.get("description", "") or "").strip(),
        package=snake_case(target.package),
        distribution=target.distribution or target.package.replace("_", "-"),
        client_class=client_class,
        async_client_class=ClassName(f"Async{client_class}"),
        base_url=base_url,
        resources=_resources(grouped, document),
        schemas=schema_models(schemas),
        field_aliases=field_aliases(schemas),
        auth=_auth_schemes(document, yandex),
        yandex=yandex,
        source_name=target.source_name,
    )
    return Normalized(api=api, warnings=tuple(warnings))


def _resources(grouped: Mapping[str, list[Operation]], document: Mapping[str, Any]) -> tuple[Resource, ...]:
    tags = document.get("tags")
    descriptions = {
        str(t.get("name")): str(t.get("description", "") or "").strip()
        for t in (tags if isinstance(tags, list) else [])
        if isinstance(t, Mapping)
    }
    taken: set[str] = set(CLIENT_MEMBERS)
    resources: list[Resource] = []
    for tag, operations in grouped.items():
        base = snake_case(tag, fallback="resource")
        plural = base if base.endswith("s") else pluralize(base)
        attribute = PythonIdentifier(unique(snake_case(plural), taken))
        taken.add(attribute)
        class_name = pascal_case(attribute, fallback="Resource")
        resources.append(
            Resource(
                tag=tag,
                attribute=attribute,
                module=attribute,
                class_name=class_name,
                async_class_name=ClassName(f"Async{class_name}"),
                description=descriptions.get(tag, ""),
                operations=tuple(operations),
            )
        )
    return tuple(resources)
