"""Spec → IR decisions: hoisting, class names, pagination, parameters, resources."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.errors import ClientgenError
from generator.ir import Target, normalize
from generator.ir.model import Api
from generator.spec import load_spec


def api_of(tmp_path: Path, document: dict[str, Any], package: str = "pkg") -> Api:
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return normalize(load_spec(path), Target(package=package)).api


def doc(paths: dict[str, Any], schemas: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1"},
        "servers": [{"url": "https://api.example.test/v1/"}],
        "paths": paths,
        "components": {"schemas": schemas or {}},
    }


def ok(schema: dict[str, Any]) -> dict[str, Any]:
    return {"200": {"description": "ok", "content": {"application/json": {"schema": schema}}}}


def test_inline_bodies_and_responses_are_hoisted_with_operation_names(tmp_path: Path) -> None:
    api = api_of(tmp_path, doc({
        "/pets": {"post": {
            "tags": ["pets"], "operationId": "createPet",
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"name": {"type": "string"}}}}}},
            "responses": ok({"type": "object", "properties": {"id": {"type": "string"}, "owner": {"type": "object", "properties": {"n": {"type": "string"}}}}}),
        }},
    }))
    names = [m.class_name for m in api.schemas]
    assert names == ["PetsCreatePetRequest", "PetsCreatePetResponse", "PetsCreatePetResponseOwner"]
    op = api.operations[0]
    assert op.body is not None and op.body.model == "PetsCreatePetRequest"
    assert [f.python_name for f in op.body.fields] == ["name"]
    assert op.success.type is not None and op.success.type.annotation == "PetsCreatePetResponse"
    assert api.base_url == "https://api.example.test/v1"


def test_schema_names_that_collide_after_conversion_stay_distinct(tmp_path: Path) -> None:
    obj = {"type": "object", "properties": {"a": {"type": "string"}}}
    api = api_of(tmp_path, doc({}, {"pet-item": obj, "PetItem": obj, "pet_item": obj, "Model": obj, "Field": obj}))
    assert [m.class_name for m in api.schemas] == ["PetItem", "PetItem2", "PetItem3", "ModelModel", "FieldModel"]


def test_refs_follow_renamed_schemas(tmp_path: Path) -> None:
    api = api_of(tmp_path, doc(
        {"/x": {"get": {"responses": ok({"$ref": "#/components/schemas/my-thing"})}}},
        {"my-thing": {"type": "object", "properties": {"child": {"$ref": "#/components/schemas/my-thing"}}}},
    ))
    assert api.operations[0].success.type is not None
    assert api.operations[0].success.type.annotation == "MyThing"
    assert api.schemas[0].schema["properties"]["child"] == {"$ref": "#/components/schemas/MyThing"}


def test_token_paging_is_detected(tmp_path: Path) -> None:
    api = api_of(tmp_path, doc(
        {"/items": {"get": {
            "tags": ["Item"], "operationId": "Item_List",
            "parameters": [{"name": "pageToken", "in": "query", "schema": {"type": "string"}}],
            "responses": ok({"$ref": "#/components/schemas/ListItemsResponse"}),
        }}},
        {"ListItemsResponse": {"type": "object", "properties": {
            "items": {"type": "array", "items": {"type": "string"}}, "nextPageToken": {"type": "string"}}}},
    ))
    resource = api.resources[0]
    assert (resource.attribute, resource.class_name) == ("items", "Items")
    op = resource.operations[0]
    assert op.python_name == "list"
    assert op.pagination is not None
    assert (op.pagination.page_class, op.pagination.items_field, op.pagination.item_type.annotation) == (
        "ListItemsPage", "items", "str",
    )


def test_no_paging_without_a_token_parameter(tmp_path: Path) -> None:
    api = api_of(tmp_path, doc(
        {"/items": {"get": {"responses": ok({"$ref": "#/components/schemas/R"})}}},
        {"R": {"type": "object", "properties": {"items": {"type": "array", "items": {"type": "string"}}, "nextPageToken": {"type": "string"}}}},
    ))
    assert api.operations[0].pagination is None


def test_parameters_required_first_and_hostile_names_made_safe(tmp_path: Path) -> None:
    api = api_of(tmp_path, doc({"/a/{id}": {"get": {
        "operationId": "get thing",
        "parameters": [
            {"name": "filter", "in": "query", "schema": {"type": "string"}},
            {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
            {"name": "self", "in": "query", "schema": {"type": "string"}},
            {"name": "page", "in": "query", "schema": {"type": "integer"}},
            {"name": "x-trace-id", "in": "header", "schema": {"type": "string"}},
            {"name": "Authorization", "in": "header", "schema": {"type": "string"}},
        ],
        "responses": {"204": {"description": "none"}},
    }}}))
    op = api.operations[0]
    assert [p.python_name for p in op.parameters] == ["id", "filter", "self_", "page_", "x_trace_id"]
    assert op.success.kind == "empty"
    assert op.path_parameters[0].constraints[0].source == "min_length=1"


def test_missing_operation_ids_and_duplicates_get_stable_names(tmp_path: Path) -> None:
    api = api_of(tmp_path, doc({
        "/pets/{petId}": {"get": {"tags": ["pets"], "parameters": [{"name": "petId", "in": "path", "required": True, "schema": {"type": "string"}}], "responses": ok({"type": "string"})}},
        "/pets": {"get": {"tags": ["pets"], "operationId": "get_pets_by_pet_id", "responses": ok({"type": "string"})}},
    }))
    assert [op.python_name for op in api.operations] == ["get_pets_by_pet_id", "get_pets_by_pet_id_2"]


def test_bad_parameter_location_is_located(tmp_path: Path) -> None:
    with pytest.raises(ClientgenError) as caught:
        api_of(tmp_path, doc({"/x": {"get": {"parameters": [{"name": "a", "in": "body"}], "responses": ok({"type": "string"})}}}))
    assert caught.value.location.pointer == "/paths/~1x/get/parameters/0"
    assert caught.value.location.line is not None


def test_yandex_hosts_get_iam_auth_and_long_running_detection(tmp_path: Path) -> None:
    operation = {"type": "object", "properties": {"id": {"type": "string"}, "done": {"type": "boolean"}, "error": {"type": "object"}, "response": {"type": "object"}}}
    document = doc({"/disks": {"post": {
        "tags": ["Disk"], "operationId": "Disk_Create",
        "x-long-running-operation": {"response": {"$ref": "#/components/schemas/Disk"}},
        "responses": ok({"$ref": "#/components/schemas/Operation"}),
    }}}, {"Operation": operation, "Disk": {"type": "object", "properties": {"id": {"type": "string"}}}})
    document["servers"] = [{"url": "https://compute.api.cloud.yandex.net"}]
    api = api_of(tmp_path, document)
    assert api.yandex and [a.kind for a in api.auth] == ["iam"]
    op = api.operations[0]
    assert not op.idempotent
    assert op.long_running is not None and op.long_running.response_type is not None
    assert op.long_running.response_type.annotation == "Disk"
