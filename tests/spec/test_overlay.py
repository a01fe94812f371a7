"""OpenAPI Overlay 1.0 actions applied after bundling."""

from __future__ import annotations

import pytest

from generator.errors import ClientgenError
from generator.spec import load_spec
from tests.spec.conftest import HEAD, Write

SPEC = HEAD + """
paths:
  /a:
    get:
      tags: [x]
      responses: {"200": {description: ok}}
  /b:
    get:
      responses: {"200": {description: ok}}
components:
  schemas:
    A: {type: object, properties: {secret: {type: string}, name: {type: string}}}
"""


def test_update_remove_and_append(write: Write) -> None:
    spec_path = write("openapi.yaml", SPEC)
    overlay = write("overlay.yaml", """
        overlay: 1.0.0
        info: {title: fixes, version: "1"}
        actions:
          - target: $.paths.*.get
            update: {description: fixed, responses: {"404": {description: gone}}}
          - target: $.components.schemas.A.properties.secret
            remove: true
          - target: $.paths['/a'].get.tags
            update: y
    """)
    spec = load_spec(spec_path, overlay=overlay)
    paths = spec.document["paths"]
    assert paths["/a"]["get"]["description"] == "fixed"
    assert set(paths["/b"]["get"]["responses"]) == {"200", "404"}
    assert paths["/a"]["get"]["tags"] == ["x", "y"]
    assert set(spec.document["components"]["schemas"]["A"]["properties"]) == {"name"}
    assert spec.locate("/paths/~1a/get/description").file == str(overlay)
    assert spec.locate("/paths/~1a/get/operationId").file == str(spec_path)


def test_unmatched_target_is_a_warning(write: Write) -> None:
    overlay = write("overlay.yaml", """
        overlay: 1.0.0
        info: {title: fixes, version: "1"}
        actions:
          - target: $.paths['/missing']
            update: {summary: s}
    """)
    spec = load_spec(write("openapi.yaml", SPEC), overlay=overlay)
    assert [w.kind for w in spec.warnings] == ["overlay"]
    assert spec.warnings[0].location.line == 4


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("info: {title: t}\n", "no 'overlay'", 1),
        ("overlay: 1.0.0\nactions: []\n", "non-empty", 2),
        ("overlay: 1.0.0\nactions:\n  - target: '$['\n    remove: true\n", "JSONPath", 3),
        ("overlay: 1.0.0\nactions:\n  - target: $.info\n", "neither", 3),
    ],
)
def test_bad_overlay_is_located(write: Write, text: str, message: str, line: int) -> None:
    overlay = write("overlay.yaml", text)
    with pytest.raises(ClientgenError, match=message) as info:
        load_spec(write("openapi.yaml", SPEC), overlay=overlay)
    assert info.value.location.file == str(overlay)
    assert info.value.location.line == line
