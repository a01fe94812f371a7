"""Validation findings are located warnings; --strict makes the first an error."""

from __future__ import annotations

import pytest

from generator.errors import StrictModeError
from generator.spec import load_spec
from tests.spec.conftest import HEAD, Write

BROKEN_30 = HEAD + """
paths:
  /items/{id}:
    get:
      operationId: same
      responses: {"200": {description: ok}}
    put:
      operationId: same
      parameters: [{name: id, in: path, required: true, schema: {type: string, default: 3}}]
      responses: {"200": {description: ok}}
components:
  schemas:
    A: {type: object, const: 1}
"""


def test_violations_are_located_warnings(write: Write) -> None:
    spec = load_spec(write("openapi.yaml", BROKEN_30))
    by_pointer = {w.location.pointer: w for w in spec.warnings}
    assert by_pointer["/paths/~1items~1{id}/put/operationId"].location.line == 9
    assert "not declared" in by_pointer["/paths/~1items~1{id}/get"].message
    assert by_pointer["/paths/~1items~1{id}/put/parameters/0/schema/default"].location.line == 10
    assert any(w.location.pointer.startswith("/components/schemas/A") for w in spec.warnings)
    assert all(w.kind == "spec-violation" for w in spec.warnings)


def test_strict_raises_the_first(write: Write) -> None:
    path = write("openapi.yaml", BROKEN_30)
    first = load_spec(path).warnings[0]
    with pytest.raises(StrictModeError) as info:
        load_spec(path, strict=True)
    assert info.value.location == first.location


def test_31_schema_objects_are_checked(write: Write) -> None:
    path = write("openapi.yaml", """\
openapi: 3.1.0
info: {title: t, version: "1"}
components:
  schemas:
    A: {type: [string, "null"], exclusiveMinimum: true}
""")
    spec = load_spec(path)
    assert [w.location.pointer for w in spec.warnings] == ["/components/schemas/A/exclusiveMinimum"]


def test_32_and_webhooks_only_documents_load(write: Write) -> None:
    path = write("openapi.yaml", """\
openapi: 3.2.0
info: {title: t, version: "1"}
tags: [{name: a, kind: nav}, {name: b, parent: a}]
webhooks:
  ping: {post: {responses: {"200": {description: ok}}}}
""")
    assert load_spec(path).warnings == ()
