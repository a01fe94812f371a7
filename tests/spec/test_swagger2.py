"""Swagger 2.0 documents load as OpenAPI 3.0.3."""

from __future__ import annotations

from pathlib import Path

from generator.spec import load_spec
from tests.spec.conftest import Write

SWAGGER = """\
swagger: "2.0"
info: {title: t, version: "1"}
host: api.example.com
basePath: /v1
schemes: [https, http]
consumes: [application/json]
produces: [application/json]
securityDefinitions:
  key: {type: apiKey, name: X-Key, in: header}
  oauth: {type: oauth2, flow: accessCode, authorizationUrl: "https://a", tokenUrl: "https://t", scopes: {read: r}}
parameters:
  Limit: {name: limit, in: query, type: integer}
  Body: {name: body, in: body, schema: {$ref: '#/definitions/Pet'}}
paths:
  /pets:
    get:
      parameters:
        - $ref: '#/parameters/Limit'
        - {name: tags, in: query, type: array, items: {type: string}}
        - {name: ids, in: query, type: array, items: {type: integer}, collectionFormat: multi}
      responses:
        "200":
          description: ok
          schema: {type: array, items: {$ref: '#/definitions/Pet'}}
    post:
      parameters:
        - {name: pet, in: body, required: true, schema: {$ref: '#/definitions/Pet'}}
      responses: {"201": {description: made}}
  /pets/{id}/photo:
    post:
      consumes: [multipart/form-data]
      parameters:
        - {name: id, in: path, required: true, type: string}
        - {name: file, in: formData, type: file, required: true}
        - {name: note, in: formData, type: string}
      responses: {"200": {description: ok, schema: {type: file}}}
  /pets/{id}/form:
    put:
      consumes: [application/x-www-form-urlencoded]
      parameters:
        - {name: id, in: path, required: true, type: string}
        - {name: name, in: formData, type: string}
      responses: {"204": {description: none}}
    patch:
      parameters:
        - {name: id, in: path, required: true, type: string}
        - $ref: '#/parameters/Body'
      responses: {"204": {description: none}}
definitions:
  Pet:
    type: object
    discriminator: kind
    required: [kind]
    properties:
      kind: {type: string}
      nick: {type: string, x-nullable: true}
      friend: {$ref: '#/definitions/Pet'}
"""


def _load(write: Write) -> dict:  # type: ignore[type-arg]
    return dict(load_spec(write("swagger.yaml", SWAGGER)).document)


def test_servers_and_security(write: Write) -> None:
    doc = _load(write)
    assert doc["openapi"] == "3.0.3"
    assert doc["servers"] == [{"url": "https://api.example.com/v1"}, {"url": "http://api.example.com/v1"}]
    schemes = doc["components"]["securitySchemes"]
    assert schemes["key"] == {"type": "apiKey", "name": "X-Key", "in": "header"}
    assert schemes["oauth"]["flows"]["authorizationCode"]["tokenUrl"] == "https://t"


def test_definitions_become_schemas_with_rewritten_refs(write: Write) -> None:
    pet = _load(write)["components"]["schemas"]["Pet"]
    assert pet["properties"]["friend"] == {"$ref": "#/components/schemas/Pet"}
    assert pet["properties"]["nick"] == {"type": "string", "nullable": True}
    assert pet["discriminator"] == {"propertyName": "kind"}


def test_parameters_bodies_and_forms(write: Write) -> None:
    paths = _load(write)["paths"]
    get = paths["/pets"]["get"]
    assert get["parameters"][0] == {"$ref": "#/components/parameters/Limit"}
    assert get["parameters"][1]["style"] == "form" and get["parameters"][1]["explode"] is False
    assert get["parameters"][2]["explode"] is True
    schema = get["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema["items"] == {"$ref": "#/components/schemas/Pet"}
    body = paths["/pets"]["post"]["requestBody"]
    assert body["required"] is True
    assert body["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Pet"}
    photo = paths["/pets/{id}/photo"]["post"]
    form = photo["requestBody"]["content"]["multipart/form-data"]["schema"]
    assert form["properties"]["file"] == {"type": "string", "format": "binary"}
    assert form["required"] == ["file"]
    assert photo["parameters"] == [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}]
    binary = photo["responses"]["200"]["content"]["application/json"]["schema"]
    assert binary == {"type": "string", "format": "binary"}
    put = paths["/pets/{id}/form"]["put"]["requestBody"]["content"]
    assert list(put) == ["application/x-www-form-urlencoded"]
    patch = paths["/pets/{id}/form"]["patch"]
    assert patch["requestBody"] == {"$ref": "#/components/requestBodies/Body"}


def test_converted_document_is_valid_and_located(write: Write) -> None:
    spec = load_spec(write("swagger.yaml", SWAGGER))
    assert spec.warnings == ()
    location = spec.locate("/components/schemas/Pet/properties/nick")
    assert location.line == SWAGGER.splitlines().index("      nick: {type: string, x-nullable: true}") + 1
    body = spec.locate("/paths/~1pets/post/requestBody/content/application~1json/schema")
    assert body.pointer == "/paths/~1pets/post/parameters/0/schema"


def test_multi_file_swagger(write: Write, tmp_path: Path) -> None:
    write("common/Error.yaml", "{type: object, properties: {code: {type: integer}}}\n")
    write("spec/Pet.yaml", "{type: object, properties: {name: {type: string}}}\n")
    root = write("spec/swagger.yaml", """
        swagger: "2.0"
        info: {title: t, version: "1"}
        paths:
          /pets:
            get:
              responses:
                "200": {description: ok, schema: {$ref: 'Pet.yaml'}}
                default: {description: bad, schema: {$ref: '../common/Error.yaml'}}
    """)
    doc = load_spec(root, ref_root=tmp_path).document
    assert set(doc["components"]["schemas"]) == {"Pet", "Error"}
    responses = doc["paths"]["/pets"]["get"]["responses"]
    assert responses["default"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"}
