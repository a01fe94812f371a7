"""Hypothesis strategies for valid OpenAPI 3.0 documents with awkward names and texts."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

# names a user might really have: words, keywords, builtins, dashes, dots, digits, unicode
NAMES = st.one_of(
    st.sampled_from(
        ["id", "class", "type", "self", "from", "None", "model_config", "json", "items", "page", "x-rate",
         "2fa", "dotted.name", "Größe", "名前", "snake_case", "camelCase", "PascalCase", "UPPER", "_private",
         "", "body", "timeout", "async", "await", "match", "print", "Field", "Model", "validate"]
    ),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=12),
)
TEXTS = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)
SCALARS: st.SearchStrategy[dict[str, Any]] = st.sampled_from(
    [
        {"type": "string"},
        {"type": "string", "format": "int64"},
        {"type": "string", "format": "date-time"},
        {"type": "string", "format": "date"},
        {"type": "string", "maxLength": 10},
        {"type": "integer", "format": "int32", "minimum": 0, "maximum": 100},
        {"type": "number"},
        {"type": "boolean"},
        {"type": "object"},
        {"type": "string", "nullable": True},
    ]
)


def enums() -> st.SearchStrategy[dict[str, Any]]:
    return st.lists(TEXTS, min_size=1, max_size=5, unique=True).map(lambda values: {"type": "string", "enum": values})


def schema(refs: list[str], depth: int = 0) -> st.SearchStrategy[dict[str, Any]]:
    options: list[st.SearchStrategy[dict[str, Any]]] = [SCALARS, enums()]
    if refs:
        options.append(st.sampled_from(refs).map(lambda name: {"$ref": "#/components/schemas/" + name.replace("~", "~0").replace("/", "~1")}))
    if depth < 2:
        inner = st.deferred(lambda: schema(refs, depth + 1))
        options.append(inner.map(lambda item: {"type": "array", "items": item}))
        options.append(inner.map(lambda value: {"type": "object", "additionalProperties": value}))
        options.append(objects(refs, depth + 1))
    return st.one_of(options)


def objects(refs: list[str], depth: int = 0) -> st.SearchStrategy[dict[str, Any]]:
    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        properties = draw(st.dictionaries(NAMES, schema(refs, depth), max_size=5))
        result: dict[str, Any] = {"type": "object", "properties": properties, "description": draw(TEXTS)}
        required = [name for name in properties if draw(st.booleans())]
        if required:
            result["required"] = required
        return result

    return build()


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    names = draw(st.lists(NAMES.filter(bool), min_size=1, max_size=4, unique=True))
    schemas: dict[str, Any] = {}
    for index, name in enumerate(names):
        schemas[name] = draw(objects(names[:index]))  # refs only backwards: no accidental self-cycles needed
    paths: dict[str, Any] = {}
    for index in range(draw(st.integers(1, 3))):
        path_param = draw(NAMES.filter(lambda n: n and "{" not in n and "}" not in n and "/" not in n))
        path = f"/r{index}/{{{path_param}}}"
        operation: dict[str, Any] = {
            "operationId": draw(NAMES),
            "tags": [draw(NAMES.filter(bool))],
            "summary": draw(TEXTS),
            "parameters": [
                {"name": path_param, "in": "path", "required": True, "schema": {"type": "string"}},
                *[
                    {"name": name, "in": draw(st.sampled_from(["query", "header"])), "schema": draw(SCALARS)}
                    for name in draw(st.lists(NAMES.filter(lambda n: n.lower() != path_param.lower()), max_size=3, unique=True))
                ],
            ],
            "responses": {
                "200": {
                    "description": draw(TEXTS),
                    "content": {"application/json": {"schema": draw(schema(names))}},
                }
            },
        }
        method = draw(st.sampled_from(["get", "post", "put", "delete", "patch"]))
        if method in ("post", "put", "patch"):
            operation["requestBody"] = {"content": {"application/json": {"schema": draw(schema(names))}}}
        paths[path] = {method: operation}
    return {
        "openapi": "3.0.3",
        "info": {"title": draw(TEXTS) or "t", "version": "1"},
        "servers": [{"url": "https://api.example.test"}],
        "paths": paths,
        "components": {"schemas": schemas},
    }
