"""Check documents and Schema Objects against the OpenAPI meta-schemas, fast.

Why this module exists: openapi-spec-validator's pure-Python path is too slow for
large documents (openai.yaml, 3 MB: ~18 s). Two causes, measured with cProfile:
(1) its jsonschema validators get an uncrawled ``referencing`` registry, so every
``$dynamicRef`` lookup in the 3.1 meta-schema re-crawls it (2,441 crawls, 7.5 s);
(2) checking each Schema Object against the 2020-12 dialect costs ~5 ms per schema in
jsonschema (2,441 of them). We use the same meta-schemas (shipped with
openapi-spec-validator / openapi-schema-validator) through jsonschema-rs, which does
both in ~30 ms; without it we fall back to jsonschema with a pre-crawled registry.
Validators are immutable, so they are built once per process (``functools.cache``).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

from jsonschema.validators import validator_for  # type: ignore[import-untyped]
from openapi_schema_validator import OAS30Validator, OAS31Validator
from openapi_schema_validator._specifications import REGISTRY as OPENAPI_SPECIFICATIONS
from openapi_spec_validator.schemas import schema_v30, schema_v31, schema_v32
from referencing import Resource
from referencing.jsonschema import DRAFT4, DRAFT202012

from generator.spec.pointers import join

jsonschema_rs: Any
try:
    import jsonschema_rs
except ImportError:  # pragma: no cover - exercised only where the wheel is missing
    jsonschema_rs = None

Finding = tuple[str, str]


def _schema_for(version: str) -> dict[str, Any]:
    return dict({"3.0": schema_v30, "3.1": schema_v31, "3.2": schema_v32}[version])


def _meta_resources() -> list[tuple[str, Any]]:
    registry = OPENAPI_SPECIFICATIONS.crawl()
    resources = []
    for uri in registry:
        contents = registry.contents(uri)
        if isinstance(contents, dict) and contents.get("$id") == uri:
            resources.append((uri, contents))
    return resources


@cache
def _rs_validator(which: str) -> Any:
    schema = OAS31Validator.META_SCHEMA if which == "dialect" else _schema_for(which)
    return jsonschema_rs.validator_for(schema, registry=jsonschema_rs.Registry(_meta_resources()))


@cache
def _py_validator(which: str) -> Any:
    if which == "dialect":
        meta = OAS31Validator.META_SCHEMA
        return validator_for(meta, default=OAS31Validator)(meta, registry=OPENAPI_SPECIFICATIONS.crawl())
    schema = _schema_for(which)
    resource: Resource[Any] = Resource.from_contents(
        schema, default_specification=DRAFT4 if which == "3.0" else DRAFT202012
    )
    return validator_for(schema)(schema, registry=(resource @ OPENAPI_SPECIFICATIONS).crawl())


def _errors(which: str, instance: Any) -> Iterator[Finding]:
    if jsonschema_rs is not None:
        for error in _rs_validator(which).iter_errors(instance):
            yield join(error.instance_path), str(error.message)
    else:
        for error in _py_validator(which).iter_errors(instance):
            yield join(error.absolute_path), str(error.message)


def document_errors(document: Any, version: str) -> Iterator[Finding]:
    """Violations of the OpenAPI ``version`` ("3.0"/"3.1"/"3.2") document schema."""
    return _errors(version, document)


def schema_object_errors(schema: Any) -> Iterator[Finding]:
    """Violations of the OAS 3.1 base dialect by one Schema Object (pointer relative)."""
    return _errors("dialect", schema)


def value_validator_class(version: str) -> Any:
    """The class that checks a value (a ``default``) against a schema of this version."""
    return OAS30Validator if version == "3.0" else OAS31Validator
