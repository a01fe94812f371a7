"""Request and response shapes beyond JSON: forms, multipart files, raw bytes, cookies,
headers, text and binary responses, deprecation warnings — sync and async."""

from __future__ import annotations

import email.parser
import email.policy
import importlib
import sys
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qs

import pytest

from generator.config import TargetConfig
from generator.pipeline import build
from generator.writer import write_tree
from tests.client.conftest import resolve
from tests.client.server import LoopbackServer, Recorded, Reply

SPEC = Path(__file__).resolve().parents[1] / "golden" / "forms" / "spec.yaml"


@pytest.fixture(scope="session")
def files_api(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    output = tmp_path_factory.mktemp("generated") / "files"
    write_tree(build(TargetConfig(name="f", spec=SPEC, package="files_test", output=output, client="Files")).files, output)
    sys.path.insert(0, str(output))
    return importlib.import_module("files_test")


@pytest.fixture(params=["sync", "async"])
async def client(request: pytest.FixtureRequest, files_api: ModuleType, server: LoopbackServer) -> Any:
    cls = files_api.AsyncFilesClient if request.param == "async" else files_api.FilesClient
    made = cls(base_url=server.url)
    yield made
    await resolve(made.aclose() if request.param == "async" else made.close())


def multipart_fields(recorded: Recorded) -> dict[str, list[tuple[str | None, bytes]]]:
    raw = b"Content-Type: " + recorded.headers["content-type"].encode() + b"\r\n\r\n" + recorded.body
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(raw)
    fields: dict[str, list[tuple[str | None, bytes]]] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        fields.setdefault(str(name), []).append((part.get_filename(), payload))
    return fields


async def test_multipart_upload_sends_bytes_as_a_file_part(client: Any, server: LoopbackServer) -> None:
    server.route("POST", "/uploads", lambda r: Reply(201, {"id": "u1", "size": len(r.body)}))
    result = await resolve(client.uploads.upload(file=b"\x00\x01binary\xff", description="cat", tags=["a", "b"]))
    assert result.id == "u1"
    (recorded,) = server.hits("POST", "/uploads")
    assert recorded.headers["content-type"].startswith("multipart/form-data; boundary=")
    fields = multipart_fields(recorded)
    assert fields["file"] == [("file", b"\x00\x01binary\xff")]
    assert fields["description"] == [(None, b"cat")]
    assert fields["tags"] == [(None, b"a"), (None, b"b")]


async def test_multipart_arguments_are_validated_before_sending(client: Any, server: LoopbackServer, files_api: ModuleType) -> None:
    with pytest.raises(files_api.errors.ValidationError):
        await resolve(client.uploads.upload(file=b"x", description="d" * 201))
    assert server.requests == []


async def test_form_body_is_url_encoded_and_text_response_is_str(client: Any, server: LoopbackServer) -> None:
    server.route("POST", "/login", lambda r: Reply(200, b"token-123", {"Content-Type": "text/plain"}))
    token = await resolve(client.sessions.login(username="ann", password="p&ss=1", remember=True))
    assert token == "token-123"
    (recorded,) = server.hits("POST", "/login")
    assert recorded.headers["content-type"] == "application/x-www-form-urlencoded"
    assert parse_qs(recorded.body.decode()) == {"username": ["ann"], "password": ["p&ss=1"], "remember": ["true"]}


async def test_binary_download_with_header_and_cookie_parameters(client: Any, server: LoopbackServer) -> None:
    server.route("GET", "/files/f%2F1/content", lambda r: Reply(200, b"\x89PNG\r\n", {"Content-Type": "application/octet-stream"}))
    data = await resolve(client.files.download("f/1", session="s e;ss", range_="bytes=0-5"))
    assert data == b"\x89PNG\r\n"
    (recorded,) = server.hits("GET", "/files/f%2F1/content")
    assert recorded.headers["range"] == "bytes=0-5"
    assert recorded.headers["cookie"] == "session=s%20e%3Bss"


async def test_raw_bytes_body_is_sent_as_is(client: Any, server: LoopbackServer) -> None:
    server.route("PUT", "/files/f1/content", lambda r: Reply(204, b""))
    assert await resolve(client.files.replace("f1", body=b"\x00raw")) is None
    (recorded,) = server.hits("PUT", "/files/f1/content")
    assert recorded.body == b"\x00raw"
    assert recorded.headers["content-type"] == "application/octet-stream"


async def test_deprecated_operation_warns_at_call(client: Any, server: LoopbackServer) -> None:
    server.route("GET", "/legacy/files", lambda r: Reply(200, ["a", "b"]))
    with pytest.warns(DeprecationWarning, match="list_legacy is deprecated"):
        names = await resolve(client.files.list_legacy())
    assert names == ["a", "b"]
