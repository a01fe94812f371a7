"""The intermediate representation: what the templates and the model renderer consume.

Everything here is decided: names are valid identifiers, types are annotations built
from those names, constraints are pydantic ``Field`` keyword arguments. Templates only
lay these values out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from generator.ir.names import ClassName, PythonIdentifier

ParameterLocation = Literal["path", "query", "header", "cookie"]
BodyKind = Literal["json", "form", "multipart", "bytes", "text"]
ResponseKind = Literal["json", "text", "bytes", "empty"]
JsonScalar = str | int | float | bool | None


@dataclass(frozen=True)
class TypeRef:
    """A Python type annotation and what it needs imported.

    ``annotation`` is built only from validated identifiers and ``repr``-escaped
    literals, so it is safe to print.
    """

    annotation: str
    models: frozenset[ClassName] = frozenset()
    typing_names: frozenset[str] = frozenset()  # Any, Literal … from ``typing``
    runtime_names: frozenset[str] = frozenset()  # Int64, Timestamp … from the package's ``_types``
    is_list: bool = False


@dataclass(frozen=True)
class Constraint:
    """One pydantic ``Field`` keyword argument, e.g. ``max_length=50``."""

    keyword: str
    value: JsonScalar

    @property
    def source(self) -> str:
        return f"{self.keyword}={self.value!r}"


@dataclass(frozen=True)
class Parameter:
    wire_name: str
    python_name: PythonIdentifier
    location: ParameterLocation
    required: bool
    type: TypeRef
    description: str = ""
    constraints: tuple[Constraint, ...] = ()
    default: JsonScalar = None
    explode: bool = True
    deprecated: bool = False


@dataclass(frozen=True)
class BodyField:
    """A top-level property of an object request body, offered as a keyword argument."""

    wire_name: str
    python_name: PythonIdentifier
    required: bool
    type: TypeRef
    description: str = ""


@dataclass(frozen=True)
class Body:
    kind: BodyKind
    content_type: str
    type: TypeRef
    required: bool
    description: str = ""
    model: ClassName | None = None  # the model the fields build, when the body is an object
    fields: tuple[BodyField, ...] = ()  # flattened keyword arguments; empty → one ``body`` argument


@dataclass(frozen=True)
class Response:
    status: str
    kind: ResponseKind
    type: TypeRef | None
    description: str = ""
    content_type: str = ""


@dataclass(frozen=True)
class Pagination:
    """A list method: a page-token request parameter and a response with the next token."""

    token_parameter: PythonIdentifier  # request argument carrying the token
    next_token_field: PythonIdentifier  # response attribute with the next token
    items_field: PythonIdentifier  # response attribute holding this page's items
    item_type: TypeRef
    page_class: ClassName
    async_page_class: ClassName


@dataclass(frozen=True)
class LongRunning:
    """A method returning a long-running ``Operation`` with documented result types."""

    operation_model: ClassName
    metadata_type: TypeRef | None
    response_type: TypeRef | None


@dataclass(frozen=True)
class Operation:
    operation_id: str
    python_name: PythonIdentifier
    http_method: str
    path: str
    summary: str
    description: str
    parameters: tuple[Parameter, ...]
    body: Body | None
    success: Response
    pagination: Pagination | None = None
    long_running: LongRunning | None = None
    idempotent: bool = True
    deprecated: bool = False
    params_class: ClassName | None = None  # the generated model validating the arguments
    base_url: str | None = None  # when the operation overrides the document's server
    security: tuple[str, ...] = ()

    @property
    def path_parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == "path")

    @property
    def query_parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == "query")

    @property
    def header_parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == "header")

    @property
    def cookie_parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == "cookie")


@dataclass(frozen=True)
class Resource:
    tag: str
    attribute: PythonIdentifier  # ``client.images``
    module: PythonIdentifier  # ``resources/images.py``
    class_name: ClassName  # ``Images``
    async_class_name: ClassName  # ``AsyncImages``
    description: str
    operations: tuple[Operation, ...]


@dataclass(frozen=True)
class AuthScheme:
    name: str
    kind: Literal["bearer", "api_key", "basic", "iam"]
    location: Literal["header", "query", "cookie"] = "header"
    parameter_name: str = "Authorization"


@dataclass(frozen=True)
class SchemaModel:
    """A named schema handed to the model renderer.

    ``schema`` is the JSON Schema as read from the spec after hoisting, with local
    ``$ref``s already pointing at other ``SchemaModel`` class names. It is treated as
    read-only: the model renderer copies it before annotating.
    """

    spec_name: str
    class_name: ClassName
    schema: Mapping[str, Any] | bool  # 3.1 allows the boolean schemas true and false
    oneof_groups: tuple[tuple[PythonIdentifier, ...], ...] = ()


@dataclass(frozen=True)
class Api:
    title: str
    version: str
    description: str
    package: PythonIdentifier
    distribution: str
    client_class: ClassName
    async_client_class: ClassName
    base_url: str
    resources: tuple[Resource, ...]
    schemas: tuple[SchemaModel, ...]
    auth: tuple[AuthScheme, ...] = ()
    yandex: bool = False  # IAM credentials and the operation service are available
    source_name: str = ""
    field_aliases: Mapping[str, str] = field(default_factory=dict)  # wire name → attribute, where the default would clash

    @property
    def operations(self) -> tuple[Operation, ...]:
        return tuple(op for resource in self.resources for op in resource.operations)
