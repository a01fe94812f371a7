"""Ready-made validators for the OpenAPI meta-schemas, with pre-crawled registries.

Why this module exists: openapi-spec-validator builds its jsonschema validators with
an uncrawled ``referencing`` registry, so every ``$dynamicRef`` lookup in the 3.1
meta-schema re-crawls the whole registry (openai.yaml: 2,441 crawls, 7.5 s of its
structural check). Handing jsonschema a registry crawled once up front makes the same
check take about a second. The validators are immutable, so they are built once per
process (``functools.cache``) and shared.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jsonschema.validators import validator_for  # type: ignore[import-untyped]
from openapi_schema_validator import OAS30Validator, OAS31Validator
from openapi_schema_validator._specifications import REGISTRY as OPENAPI_SPECIFICATIONS
from openapi_spec_validator.schemas import schema_v30, schema_v31, schema_v32
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4, DRAFT202012


def _crawled(schema: dict[str, Any], default: Any) -> Registry[Any]:
    resource = Resource.from_contents(schema, default_specification=default)
    registry: Registry[Any] = (resource @ OPENAPI_SPECIFICATIONS).crawl()
    return registry


@cache
def document_validator(version: str) -> Any:
    """Validates a whole document against the OpenAPI ``version`` (3.0/3.1/3.2) schema."""
    content = {"3.0": schema_v30, "3.1": schema_v31, "3.2": schema_v32}[version]
    schema = dict(content)
    cls = validator_for(schema)
    default = DRAFT4 if version == "3.0" else DRAFT202012
    validator: Any = cls(schema, registry=_crawled(schema, default))
    return validator


@cache
def schema_object_validator() -> Any:
    """Validates one 3.1 Schema Object against the OAS 3.1 base dialect."""
    meta = OAS31Validator.META_SCHEMA
    cls = validator_for(meta, default=OAS31Validator)
    validator: Any = cls(meta, registry=OPENAPI_SPECIFICATIONS.crawl())
    return validator


def value_validator_class(version: str) -> Any:
    """The class that checks a value (a ``default``) against a schema of this version."""
    return OAS30Validator if version == "3.0" else OAS31Validator
