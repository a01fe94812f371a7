"""A spec whose every string tries to break out of where clientgen puts it."""

from __future__ import annotations

from typing import Any

# Each payload would create SENTINEL (a path the test chooses) if it ever ran as code.
PAYLOADS = (
    '"""; import pathlib; pathlib.Path(SENTINEL).touch(); """',
    "'''; import pathlib; pathlib.Path(SENTINEL).touch(); '''",
    "\\\"; import pathlib; pathlib.Path(SENTINEL).touch() #",
    "{{ cycler.__init__.__globals__.os.system('touch SENTINEL') }}",
    "{% import os %}{{ os.system('touch SENTINEL') }}",
    "line one\nimport pathlib; pathlib.Path(SENTINEL).touch()\n",
    "nul\x00byte and \r\n carriage \u2028 separators",
    "__import__('pathlib').Path(SENTINEL).touch()",
    "\\",
    "ends with a quote\"",
    "x' + __import__('os').system('touch SENTINEL') + '",
)


def hostile_spec(sentinel: str) -> dict[str, Any]:
    """An OpenAPI 3.0 document with the payloads in descriptions, names, enums, defaults, tags."""
    texts = [p.replace("SENTINEL", repr(sentinel)) for p in PAYLOADS]
    evil = texts[0]
    properties: dict[str, Any] = {
        text[:40]: {"type": "string", "description": text, "default": text} for text in texts
    }
    properties["class"] = {"type": "string", "enum": texts, "description": texts[1]}
    properties["__init__"] = {"type": "integer", "default": 1}
    properties["model_config"] = {"type": "string"}
    properties["self"] = {"type": "string", "pattern": texts[4][:30].replace("{", "x")}
    properties["badPattern"] = {"type": "string", "pattern": "(unclosed[", "description": "not a regex Python knows"}
    schemas: dict[str, Any] = {
        evil: {"type": "object", "description": evil, "properties": properties},
        "../../escape": {"type": "object", "properties": {"a": {"type": "string"}}},
        "Model": {"type": "object", "properties": {"b": {"type": "string"}}},
        "None": {"type": "string", "enum": ["None", "True", texts[5]]},
        "Plugin": {
            "type": "object",
            "customBasePath": "os.path.Evil",
            "properties": {"c": {"type": "string", "x-python-type": "os.system", "customTypePath": "os.system"}},
        },
    }
    parameters = [
        {"name": text[:30] or "p", "in": "query", "description": text, "schema": {"type": "string", "default": text}}
        for text in texts[:6]
    ]
    return {
        "openapi": "3.0.3",
        "info": {"title": evil, "version": texts[1], "description": texts[3]},
        "servers": [{"url": "https://api.example.test/" + texts[2][:10]}],
        "tags": [{"name": "../../../tmp/evil", "description": evil}],
        "paths": {
            "/items/{id}": {
                "get": {
                    "tags": ["../../../tmp/evil"],
                    "operationId": "../../" + texts[0][:20],
                    "summary": evil,
                    "description": texts[5],
                    "deprecated": True,
                    "parameters": [
                        {"name": "id", "in": "path", "required": True, "description": evil, "schema": {"type": "string"}},
                        *parameters,
                    ],
                    "responses": {
                        "200": {
                            "description": evil,
                            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/" + evil.replace("/", "~1")}}},
                        }
                    },
                },
                "post": {
                    "tags": [texts[3]],
                    "operationId": texts[4],
                    "requestBody": {
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/..~1..~1escape"}}}
                    },
                    "responses": {"204": {"description": texts[6]}},
                },
            }
        },
        "components": {"schemas": schemas},
    }
