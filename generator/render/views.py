"""IR → the plain values templates print: signatures, docstrings, imports.

Every decision about what generated code says is made here, in Python, so it can be
unit-tested; templates only lay these values out.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from generator.ir.model import Api, LongRunning, Operation, Parameter, Resource, TypeRef
from generator.render.escape import docstring, py_string

DOC_INDENT = "        "  # methods sit two levels deep


@dataclass(frozen=True)
class ArgumentView:
    name: str
    annotation: str
    default: str | None  # Python source of the default; None means required

    @property
    def declaration(self) -> str:
        return f"{self.name}: {self.annotation}" + ("" if self.default is None else f" = {self.default}")


@dataclass(frozen=True)
class FieldView:
    """One attribute of a generated pydantic class (parameter models)."""

    name: str
    annotation: str
    default: str | None
    alias: str  # Python literal of the wire name


@dataclass(frozen=True)
class ParamsView:
    class_name: str
    fields: tuple[FieldView, ...]


@dataclass(frozen=True)
class MethodView:
    name: str
    http_method: str  # Python literal
    path: str  # Python literal of the path template
    positional: tuple[ArgumentView, ...]
    keyword: tuple[ArgumentView, ...]
    params: ParamsView | None
    path_items: tuple[tuple[str, str], ...]  # (wire literal, python name)
    query_items: tuple[tuple[str, str], ...]
    header_items: tuple[tuple[str, str], ...]
    cookie_items: tuple[tuple[str, str], ...]
    body_kind: str  # "", json, form, multipart, bytes, text
    body_content_type: str  # Python literal
    body_model: str  # class building a flattened body, or ""
    body_fields: tuple[tuple[str, str], ...]  # (wire name literal, argument name)
    body_argument: str  # the single body argument's name when not flattened
    response_kind: str  # json, text, bytes, empty
    response_parser: str  # class with model_validate_json, or "" for an adapter
    response_adapter: str  # module-level TypeAdapter name, or ""
    response_annotation: str
    return_annotation: str
    async_return_annotation: str
    page_class: str
    async_page_class: str
    token_argument: str
    idempotent: bool
    deprecated: bool
    docstring: str
    operation: OperationView | None = None


@dataclass(frozen=True)
class OperationView:
    """How a method returning a long-running operation wraps it in a handle."""

    model: str  # the Operation model class
    response_reader: str  # ``response_as(Instance)`` or ``raw_response``
    metadata_reader: str
    result_annotation: str  # what ``wait()`` returns
    metadata_annotation: str
    models: tuple[str, ...]  # model classes the readers name
    runtime: tuple[str, ...]  # names from ``_operations``
    uses_any: bool  # an undocumented slot is typed ``AnyMessage``

    @property
    def sync_annotation(self) -> str:
        return f"OperationHandle[{self.result_annotation}, {self.metadata_annotation}]"

    @property
    def async_annotation(self) -> str:
        return f"AsyncOperationHandle[{self.result_annotation}, {self.metadata_annotation}]"


def _single_model(ref: TypeRef | None) -> str | None:
    """The class a documented slot validates into, when it is exactly one model."""
    if ref is None or ref.is_list or len(ref.models) != 1 or ref.annotation not in ref.models:
        return None
    return ref.annotation


def operation_view(long_running: LongRunning) -> OperationView:
    """Documented result types read as their models; undocumented ones by ``@type`` (``AnyMessage``)."""
    result = _single_model(long_running.response_type)
    metadata = _single_model(long_running.metadata_type)
    runtime = {"response_as" if result else "raw_response", "metadata_as" if metadata else "raw_metadata"}
    return OperationView(
        model=long_running.operation_model,
        response_reader=f"response_as({result})" if result else "raw_response",
        metadata_reader=f"metadata_as({metadata})" if metadata else "raw_metadata",
        result_annotation=result or "AnyMessage | None",
        metadata_annotation=f"{metadata} | None" if metadata else "AnyMessage | None",
        models=tuple(sorted({long_running.operation_model} | {m for m in (result, metadata) if m})),
        runtime=tuple(sorted(runtime)),
        uses_any=not (result and metadata),
    )


@dataclass(frozen=True)
class ResourceView:
    class_name: str
    async_class_name: str
    module: str
    attribute: str
    docstring: str
    module_docstring: str
    methods: tuple[MethodView, ...]
    model_imports: tuple[str, ...]
    page_imports: tuple[str, ...]
    params_imports: tuple[str, ...]
    typing_imports: tuple[str, ...]
    datetime_imports: tuple[str, ...]
    adapters: tuple[tuple[str, str], ...]  # (name, annotation)
    operation_imports: tuple[str, ...] = ()  # from ``_operations``
    uses_any: bool = False
    uses_builtins: bool = False  # a method named like a builtin type: annotations say builtins.list


# builtin types an annotation may use; a method with one of these names (``list``) shadows
# it inside the class body, so annotations there must say ``builtins.list``
BUILTIN_TYPES = frozenset({"list", "dict", "set", "frozenset", "tuple", "type", "str", "int", "float", "bool", "bytes"})


def _qualify(annotation: str, shadowed: frozenset[str]) -> str:
    pattern = r"(?<![\w.'\"])(" + "|".join(sorted(shadowed)) + r")(?![\w'\"])"
    return re.sub(pattern, r"builtins.\1", annotation)


def _qualified(method: MethodView, shadowed: frozenset[str]) -> MethodView:
    def argument(view: ArgumentView) -> ArgumentView:
        return dataclasses.replace(view, annotation=_qualify(view.annotation, shadowed))

    return dataclasses.replace(
        method,
        positional=tuple(argument(a) for a in method.positional),
        keyword=tuple(argument(a) for a in method.keyword),
        return_annotation=_qualify(method.return_annotation, shadowed),
        async_return_annotation=_qualify(method.async_return_annotation, shadowed),
    )


def _optional(annotation: str) -> str:
    return annotation if annotation.endswith("| None") or annotation == "Any" else f"{annotation} | None"


def _field_annotation(param: Parameter) -> str:
    base = param.type.annotation if param.required else _optional(param.type.annotation)
    if not param.constraints:
        return base
    args = ", ".join(c.keyword + "=" + py_string(c.value) for c in param.constraints)
    return f"Annotated[{base}, Field({args})]"


def params_view(operation: Operation) -> ParamsView | None:
    if operation.params_class is None:
        return None
    fields = tuple(
        FieldView(
            name=p.python_name,
            annotation=_field_annotation(p),
            default=None if p.required else "None",
            alias=py_string(p.wire_name),
        )
        for p in operation.parameters
    )
    return ParamsView(operation.params_class, fields)


def _doc(operation: Operation, arguments: list[tuple[str, str]]) -> str:
    summary = operation.summary or operation.description or f"{operation.http_method} {operation.path}"
    parts = [summary]
    if operation.description and operation.description != summary:
        parts.append(operation.description)
    if operation.deprecated:
        parts.append("Deprecated: the API marks this operation as deprecated.")
    documented = [(name, text) for name, text in arguments if text]
    if documented:
        lines = ["Args:"]
        for name, text in documented:
            body = text.replace("\n", "\n" + " " * 8)
            lines.append(f"    {name}: {body}")
        parts.append("\n".join(lines))
    parts.append(f"HTTP: {operation.http_method} {operation.path}")
    return docstring("\n\n".join(parts), DOC_INDENT)


def method_view(operation: Operation, adapters: dict[str, str], enum_classes: frozenset[str] = frozenset()) -> MethodView:
    """``enum_classes`` are generated enums: they parse through a TypeAdapter, not ``model_validate_json``."""
    positional: list[ArgumentView] = []
    keyword: list[ArgumentView] = []
    documented: list[tuple[str, str]] = []
    for param in operation.parameters:
        if param.location == "path":
            positional.append(ArgumentView(param.python_name, param.type.annotation, None))
        elif param.required:
            keyword.append(ArgumentView(param.python_name, param.type.annotation, None))
        else:
            keyword.append(ArgumentView(param.python_name, _optional(param.type.annotation), "None"))
        documented.append((param.python_name, param.description))
    body = operation.body
    body_fields: tuple[tuple[str, str], ...] = ()
    body_argument = ""
    if body is not None:
        if body.fields:
            for body_field in body.fields:
                annotation = body_field.type.annotation
                if body_field.required:
                    keyword.append(ArgumentView(body_field.python_name, annotation, None))
                else:
                    keyword.append(ArgumentView(body_field.python_name, _optional(annotation), "None"))
                documented.append((body_field.python_name, body_field.description))
            body_fields = tuple((py_string(f.wire_name), f.python_name) for f in body.fields)
        else:
            body_argument = "body"
            annotation = body.type.annotation
            keyword.append(ArgumentView("body", annotation if body.required else _optional(annotation), None if body.required else "None"))
            documented.append(("body", body.description))
    keyword.sort(key=lambda a: a.default is not None)

    success = operation.success
    parser = adapter = ""
    annotation = "None"
    if success.kind == "json" and success.type is not None:
        annotation = success.type.annotation
        if len(success.type.models) == 1 and annotation in success.type.models and annotation not in enum_classes:
            parser = annotation
        else:
            adapter = adapters.setdefault(annotation, f"_ADAPTER_{len(adapters) + 1}")
    elif success.kind in ("text", "bytes") and success.type is not None:
        annotation = success.type.annotation
    pagination = operation.pagination
    sync_return = pagination.page_class if pagination else annotation
    async_return = pagination.async_page_class if pagination else annotation
    lro = operation_view(operation.long_running) if operation.long_running and parser else None
    if lro is not None:
        sync_return, async_return = lro.sync_annotation, lro.async_annotation

    def items(location: str) -> tuple[tuple[str, str], ...]:
        return tuple((py_string(p.wire_name), p.python_name) for p in operation.parameters if p.location == location)

    return MethodView(
        name=operation.python_name,
        http_method=py_string(operation.http_method),
        path=py_string(operation.path),
        positional=tuple(positional),
        keyword=tuple(keyword),
        params=params_view(operation),
        path_items=items("path"),
        query_items=items("query"),
        header_items=items("header"),
        cookie_items=items("cookie"),
        body_kind=body.kind if body else "",
        body_content_type=py_string(body.content_type) if body else "''",
        body_model=body.model or "" if body and body.fields else "",
        body_fields=body_fields,
        body_argument=body_argument,
        response_kind=success.kind if success.type is not None or success.kind == "empty" else "empty",
        response_parser=parser,
        response_adapter=adapter,
        response_annotation=annotation,
        return_annotation=sync_return,
        async_return_annotation=async_return,
        page_class=pagination.page_class if pagination else "",
        async_page_class=pagination.async_page_class if pagination else "",
        token_argument=pagination.token_parameter if pagination else "",
        idempotent=operation.idempotent,
        deprecated=operation.deprecated,
        docstring=_doc(operation, documented),
        operation=lro,
    )


def _collect(types: list[TypeRef]) -> tuple[set[str], set[str], set[str]]:
    models: set[str] = set()
    typing: set[str] = set()
    runtime: set[str] = set()
    for ref in types:
        models |= ref.models
        typing |= ref.typing_names
        runtime |= ref.runtime_names
    return models, typing, runtime


def resource_view(resource: Resource, enum_classes: frozenset[str] = frozenset()) -> ResourceView:
    adapters: dict[str, str] = {}
    methods = tuple(method_view(op, adapters, enum_classes) for op in resource.operations)
    shadowed = frozenset(m.name for m in methods) & BUILTIN_TYPES
    if shadowed:
        methods = tuple(_qualified(m, shadowed) for m in methods)
    types: list[TypeRef] = []
    for op in resource.operations:
        types.extend(p.type for p in op.parameters)
        if op.body is not None:
            types.append(op.body.type)
            types.extend(f.type for f in op.body.fields)
        if op.success.type is not None and op.pagination is None:
            types.append(op.success.type)
    models, typing, runtime = _collect(types)
    models |= {m.body_model for m in methods if m.body_model}
    lros = [m.operation for m in methods if m.operation is not None]
    models |= {name for lro in lros for name in lro.models}
    operation_imports = {name for lro in lros for name in lro.runtime}
    if lros:
        operation_imports |= {"AsyncOperationHandle", "OperationHandle"}
    description = resource.description or f"Operations on {resource.tag}."
    return ResourceView(
        class_name=resource.class_name,
        async_class_name=resource.async_class_name,
        module=resource.module,
        attribute=resource.attribute,
        docstring=docstring(description, "    "),
        module_docstring=docstring(f"``client.{resource.attribute}``: {description}"),
        methods=methods,
        model_imports=tuple(sorted(models)),
        page_imports=tuple(sorted({m.page_class for m in methods if m.page_class} | {m.async_page_class for m in methods if m.async_page_class})),
        params_imports=tuple(sorted({m.params.class_name for m in methods if m.params})),
        typing_imports=tuple(sorted(typing)),
        datetime_imports=tuple(sorted(runtime & {"date", "datetime"})),
        adapters=tuple((name, annotation) for annotation, name in adapters.items()),
        operation_imports=tuple(sorted(operation_imports)),
        uses_any=any(lro.uses_any for lro in lros),
        uses_builtins=bool(shadowed),
    )


@dataclass(frozen=True)
class PageView:
    class_name: str
    async_class_name: str
    response_class: str
    items_field: str
    item_annotation: str
    item_models: tuple[str, ...]
    next_token_field: str


def page_views(api: Api) -> tuple[PageView, ...]:
    seen: dict[str, PageView] = {}
    for op in api.operations:
        pagination = op.pagination
        if pagination is None or op.success.type is None or pagination.page_class in seen:
            continue
        seen[pagination.page_class] = PageView(
            class_name=pagination.page_class,
            async_class_name=pagination.async_page_class,
            response_class=op.success.type.annotation,
            items_field=pagination.items_field,
            item_annotation=pagination.item_type.annotation,
            item_models=tuple(sorted(pagination.item_type.models)),
            next_token_field=pagination.next_token_field,
        )
    return tuple(seen.values())
