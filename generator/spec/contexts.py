"""What kind of OpenAPI object sits at a pointer, judged from the keys leading to it.

The bundler needs it twice: a ``$ref`` to another file becomes a named component in
the section for its kind (a schema under ``components/schemas``, a parameter under
``components/parameters``, …), and values that are data, not structure (examples,
defaults, enums), must be copied without treating a ``$ref`` key inside them as a
reference.
"""

from __future__ import annotations

from collections.abc import Sequence

SCHEMA = "schema"
PARAMETER = "parameter"
RESPONSE = "response"
REQUEST_BODY = "requestBody"
HEADER = "header"
EXAMPLE = "example"
LINK = "link"
CALLBACK = "callback"
SECURITY_SCHEME = "securityScheme"
PATH_ITEM = "pathItem"
OTHER = "other"

_SCHEMA_SINGLE = frozenset(
    {
        "schema", "items", "additionalProperties", "not", "contains", "if", "then",
        "else", "propertyNames", "unevaluatedItems", "unevaluatedProperties",
        "contentSchema", "additionalItems",
    }
)
_SCHEMA_MAPS = frozenset({"properties", "patternProperties", "$defs", "dependentSchemas", "definitions"})
_SCHEMA_LISTS = frozenset({"allOf", "anyOf", "oneOf", "prefixItems", "items"})

_V3_SECTIONS = {
    "schemas": SCHEMA,
    "parameters": PARAMETER,
    "responses": RESPONSE,
    "requestBodies": REQUEST_BODY,
    "headers": HEADER,
    "examples": EXAMPLE,
    "links": LINK,
    "callbacks": CALLBACK,
    "securitySchemes": SECURITY_SCHEME,
    "pathItems": PATH_ITEM,
}
_V2_SECTIONS = {"definitions": SCHEMA, "parameters": PARAMETER, "responses": RESPONSE}

#: Keys whose value is a map from user-chosen names to objects.
NAME_MAP_KEYS = frozenset(
    {
        "properties", "patternProperties", "$defs", "dependentSchemas", "definitions",
        "paths", "webhooks", "components", "schemas", "requestBodies", "headers",
        "links", "callbacks", "securitySchemes", "pathItems", "content", "mapping",
        "variables", "encoding", "scopes", "securityDefinitions", "responses",
        "parameters", "examples",
    }
)
#: Keys whose value is literal data, never structure.
LITERAL_KEYS = frozenset({"example", "default", "enum", "const", "value", "x-examples"})


def section_for(kind: str, version: str) -> str | None:
    """The components section a hoisted object of ``kind`` goes to, or None to inline."""
    sections = _V2_SECTIONS if version == "2.0" else _V3_SECTIONS
    if kind == PATH_ITEM:
        return None  # path items are inlined where they are used
    for section, section_kind in sections.items():
        if section_kind == kind:
            return section
    return None


def section_path(section: str, version: str) -> tuple[str, ...]:
    return (section,) if version == "2.0" else ("components", section)


def kind_at(tokens: Sequence[str], version: str) -> str:
    """The kind of object at ``tokens`` (a pointer split into keys)."""
    depth = len(tokens)
    if version == "2.0" and depth == 2 and tokens[0] in _V2_SECTIONS:
        return _V2_SECTIONS[tokens[0]]
    if depth == 3 and tokens[0] == "components" and tokens[1] in _V3_SECTIONS:
        return _V3_SECTIONS[tokens[1]]
    if depth == 2 and tokens[0] in ("paths", "webhooks"):
        return PATH_ITEM
    if depth == 0:
        return OTHER
    last = tokens[-1]
    before = tokens[-2] if depth >= 2 else ""
    if before in _SCHEMA_MAPS:
        return SCHEMA
    if before in _SCHEMA_LISTS and last.isdigit():
        return SCHEMA
    if last in _SCHEMA_SINGLE:
        return SCHEMA
    if before == "parameters" and last.isdigit():
        return PARAMETER
    if before == "responses":
        return RESPONSE
    if last == "requestBody":
        return REQUEST_BODY
    if before == "headers":
        return HEADER
    if before == "examples":
        return EXAMPLE
    if before == "links":
        return LINK
    if before == "callbacks":
        return CALLBACK
    if depth >= 3 and tokens[-3] == "callbacks":
        return PATH_ITEM
    return OTHER
