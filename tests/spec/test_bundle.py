"""Bundling: refs across files become local, named, deduplicated, and located."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from generator.errors import ClientgenError
from generator.spec import load_spec
from tests.spec.conftest import HEAD, Write


def _refs(value: Any) -> list[str]:
    found: list[str] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if isinstance(item.get("$ref"), str):
                found.append(item["$ref"])
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _multi(write: Write) -> Path:
    write("models/pet.yaml", """
        type: object
        properties:
          id: {type: integer}
          owner: {$ref: 'owner.yaml'}
    """)
    write("models/owner.yaml", """
        type: object
        properties:
          pets:
            type: array
            items: {$ref: 'pet.yaml'}
    """)
    write("common.yaml", """
        parameters:
          limit: {name: limit, in: query, schema: {type: integer}}
        responses:
          Error:
            description: failure
            content:
              application/json:
                schema: {$ref: '#/schemas/Error'}
        schemas:
          Error: {type: object, properties: {message: {type: string}}}
    """)
    write("paths/pets.yaml", """
        get:
          operationId: listPets
          parameters: [{$ref: '../common.yaml#/parameters/limit'}]
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema: {type: array, items: {$ref: '../models/pet.yaml'}}
            default: {$ref: '../common.yaml#/responses/Error'}
    """)
    return write("openapi.yaml", HEAD + """
        paths:
          /pets: {$ref: 'paths/pets.yaml'}
          /pets/{id}:
            get:
              parameters: [{name: id, in: path, required: true, schema: {type: integer}}]
              responses:
                "200":
                  description: one
                  content:
                    application/json:
                      schema: {$ref: 'models/pet.yaml'}
    """)


def test_bundles_every_ref_to_a_local_one(write: Write) -> None:
    spec = load_spec(_multi(write))
    assert all(ref.startswith("#/") for ref in _refs(spec.document))
    schemas = spec.document["components"]["schemas"]
    assert set(schemas) == {"pet", "owner", "Error"}
    assert schemas["owner"]["properties"]["pets"]["items"] == {"$ref": "#/components/schemas/pet"}
    operation = spec.document["paths"]["/pets"]["get"]
    assert operation["parameters"] == [{"$ref": "#/components/parameters/limit"}]
    assert operation["responses"]["default"] == {"$ref": "#/components/responses/Error"}
    assert spec.warnings == ()


def test_same_target_twice_is_one_component(write: Write) -> None:
    spec = load_spec(_multi(write))
    one = spec.document["paths"]["/pets/{id}"]["get"]["responses"]["200"]["content"]["application/json"]
    assert one["schema"] == {"$ref": "#/components/schemas/pet"}
    assert list(spec.document["components"]["schemas"]).count("pet") == 1


def test_locate_maps_back_to_original_file_and_line(write: Write) -> None:
    spec = load_spec(_multi(write))
    location = spec.locate("/components/schemas/pet/properties/id")
    assert location.file.endswith("models/pet.yaml")
    assert location.line == 3
    inlined = spec.locate("/paths/~1pets/get/operationId")
    assert inlined.file.endswith("paths/pets.yaml") and inlined.line == 2
    assert spec.locate("/info").file.endswith("openapi.yaml")


def test_names_collide_deterministically(write: Write) -> None:
    write("a/Thing.yaml", "{type: string}\n")
    write("b/Thing.yaml", "{type: integer}\n")
    root = write("openapi.yaml", HEAD + """
        paths: {}
        components:
          schemas:
            Thing: {type: boolean}
            Pair:
              type: object
              properties:
                a: {$ref: 'a/Thing.yaml'}
                b: {$ref: 'b/Thing.yaml'}
    """)
    first = load_spec(root).document
    again = load_spec(root).document
    assert first == again
    props = first["components"]["schemas"]["Pair"]["properties"]
    assert props == {"a": {"$ref": "#/components/schemas/Thing_2"}, "b": {"$ref": "#/components/schemas/Thing_3"}}
    assert first["components"]["schemas"]["Thing"] == {"type": "boolean"}


def test_root_component_that_is_a_file_ref_keeps_its_name(write: Write) -> None:
    write("pet.yaml", "{type: object, properties: {self: {$ref: 'pet.yaml'}}}\n")
    root = write("openapi.yaml", HEAD + """
        paths: {}
        components:
          schemas:
            Pet: {$ref: 'pet.yaml'}
    """)
    schemas = load_spec(root).document["components"]["schemas"]
    assert schemas == {"Pet": {"type": "object", "properties": {"self": {"$ref": "#/components/schemas/Pet"}}}}


def test_missing_file_is_located_at_the_referrer(write: Write) -> None:
    root = write("openapi.yaml", HEAD + """
        paths: {}
        components:
          schemas:
            A: {$ref: 'nope.yaml'}
    """)
    with pytest.raises(ClientgenError) as info:
        load_spec(root)
    assert "not found" in info.value.message
    assert info.value.location.file.endswith("openapi.yaml")
    assert info.value.location.line == 6
    assert info.value.location.pointer == "/components/schemas/A/$ref"


def test_missing_pointer_is_located(write: Write) -> None:
    write("other.yaml", "a: {type: string}\n")
    root = write("openapi.yaml", HEAD + """
        paths: {}
        components: {schemas: {A: {$ref: 'other.yaml#/b'}}}
    """)
    with pytest.raises(ClientgenError) as info:
        load_spec(root)
    assert "'b'" in info.value.message and info.value.location.line == 4


def test_escaping_the_root_is_refused_unless_allowed(write: Write, tmp_path: Path) -> None:
    write("common/Error.yaml", "{type: string}\n")
    root = write("spec/openapi.yaml", HEAD + """
        paths: {}
        components: {schemas: {E: {$ref: '../common/Error.yaml'}}}
    """)
    with pytest.raises(ClientgenError, match="outside the reference root"):
        load_spec(root)
    assert load_spec(root, ref_root=tmp_path).document["components"]["schemas"]["E"] == {"type": "string"}


def test_passwd_style_ref_is_refused(write: Write) -> None:
    root = write("openapi.yaml", HEAD + """
        paths: {}
        components: {schemas: {E: {$ref: '../../../../../../etc/passwd'}}}
    """)
    with pytest.raises(ClientgenError, match="outside the reference root") as info:
        load_spec(root)
    assert info.value.location.line == 4


def test_inline_loop_is_an_error_but_schema_cycle_is_fine(write: Write) -> None:
    write("a.yaml", "get: {$ref: 'b.yaml'}\n")
    write("b.yaml", "responses: {$ref: 'a.yaml'}\n")
    root = write("openapi.yaml", HEAD + "paths:\n  /x: {$ref: 'a.yaml'}\n")
    with pytest.raises(ClientgenError, match="circular"):
        load_spec(root)


def test_local_ref_loop_and_dangling_ref_are_errors(write: Write) -> None:
    loop = write("loop.yaml", HEAD + """
        paths: {}
        components: {schemas: {A: {$ref: '#/components/schemas/B'}, B: {$ref: '#/components/schemas/A'}}}
    """)
    with pytest.raises(ClientgenError, match="loop"):
        load_spec(loop)
    dangling = write("dangling.yaml", HEAD + """
        paths: {}
        components: {schemas: {A: {$ref: '#/components/schemas/Nope'}}}
    """)
    with pytest.raises(ClientgenError, match="points nowhere") as info:
        load_spec(dangling)
    assert info.value.location.line == 4


def test_remote_refs_need_permission(write: Write) -> None:
    root = write("openapi.yaml", HEAD + """
        paths: {}
        components: {schemas: {A: {$ref: 'http://127.0.0.1:9/x.yaml'}}}
    """)
    with pytest.raises(ClientgenError, match="remote"):
        load_spec(root)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    served = tmp_path / "served"
    served.mkdir()
    (served / "pet.yaml").write_text("type: object\nproperties:\n  tag: {$ref: 'tag.yaml'}\n")
    (served / "tag.yaml").write_text("type: string\n")

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(served), **kwargs)

        def log_message(self, *args: Any) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_remote_refs_fetched_when_allowed(write: Write, server: str) -> None:
    root = write("openapi.yaml", HEAD + f"""
        paths: {{}}
        components: {{schemas: {{Pet: {{$ref: '{server}/pet.yaml'}}}}}}
    """)
    schemas = load_spec(root, allow_remote_refs=True).document["components"]["schemas"]
    assert schemas["Pet"]["properties"]["tag"] == {"$ref": "#/components/schemas/tag"}
    assert schemas["tag"] == {"type": "string"}
    missing = write("missing.yaml", HEAD + f"""
        paths: {{}}
        components: {{schemas: {{Pet: {{$ref: '{server}/nope.yaml'}}}}}}
    """)
    with pytest.raises(ClientgenError, match="HTTP 404"):
        load_spec(missing, allow_remote_refs=True)


def test_literal_examples_are_not_resolved(write: Write) -> None:
    root = write("openapi.yaml", HEAD + """
        paths: {}
        components:
          schemas:
            A:
              type: object
              example: {$ref: '#/not/a/ref'}
              properties:
                $ref: {type: string}
    """)
    schema = load_spec(root).document["components"]["schemas"]["A"]
    assert schema["example"] == {"$ref": "#/not/a/ref"}
    assert schema["properties"] == {"$ref": {"type": "string"}}
