"""One page → its operation, message schemas and tag text (no cross-page knowledge).

Sections are recognised by their headings: ``HTTP request``, ``Path/Query/Body
parameters``, ``Response``, ``Methods`` and ``JSON Representation``; any other heading
with an anchor is a message. What is left is reported, not dropped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from generator.docs.fields import Field
from generator.docs.frontmatter import resolve_variables, split_front_matter, unresolved_variables
from generator.docs.markup import one_line, strip_links, tidy
from generator.docs.messages import (
    RowText, build_dotted, canonical, fields_of, object_schema, pascal, row_texts,
    section_description, well_known_candidates,
)
from generator.docs.model import SOFT, OperationDef, PageImport, SchemaDef, ref
from generator.docs.playground import check_playground
from generator.docs.scalars import well_known
from generator.docs.segment import Document, Paragraph, Section, segment
from generator.docs.tables import Table
from generator.docs.typecell import TypeRef
from generator.errors import ClientgenError, Diagnostic, Location

_TITLE = re.compile(r"^(?:(?P<api>.+?),\s*REST:\s*)?(?P<res>[A-Za-z][\w]*)(?:\.(?P<method>[A-Za-z]\w*)|\s+methods)?$")
_METHOD_TITLE = re.compile(r"^Method\s+(?P<method>[A-Za-z]\w*)$")
_REQUEST = re.compile(r"^\s*(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(\S+)\s*$", re.M)
_URL = re.compile(r"^(https?://[^/]+)(/[^?#]*)?")
_HTTP_CODE = re.compile(r"\*\*HTTP Code:\s*(\d{3})\s*-\s*(.+?)\*\*")
_BREADCRUMB = re.compile(r"\]\([^)]*\)\s*>")
_OPERATION_ANCHOR = ".operation.Operation"
ERROR_RESPONSE: dict[str, Any] = {
    "description": "An error, as a google.rpc.Status.",
    "content": {"application/json": {"schema": ref("Status")}},
}


def import_page(path: str, text: str, variables: Mapping[str, str]) -> PageImport:
    """Parse one page. Raises ClientgenError for input that cannot be a reference page."""
    front, body = split_front_matter(text, path)
    doc = segment(body, front.body_offset + 1)
    notes: list[Diagnostic] = []
    api, resource, method = _names(doc, path)
    lead_paragraphs = doc.title.paragraphs if doc.title else ()
    lead = tidy(strip_links("\n\n".join(p.text for p in lead_paragraphs)))
    for block in doc.preamble:
        if not (isinstance(block, Paragraph) and _BREADCRUMB.search(block.text)):
            notes.append(Diagnostic(_at(path, block), "text before the page title", "unknown-construct"))
    sections = {_kind(s): s for s in reversed(doc.sections) if _kind(s) != "message"}
    request = sections.get("request")
    if request is None:
        schemas = _index_schemas(doc, path, resource, notes)
        for section in doc.sections:
            if _kind(section) not in ("methods", "representation"):
                notes.append(Diagnostic(Location(path, section.line), f"section {section.title!r} on an index page", "unknown-construct"))
        return PageImport(path, api, resource, lead or None, None, schemas, tuple(notes))
    builder = _Builder(path, doc, resource, method, notes)
    op = builder.operation(request, sections, lead, variables)
    if front.data.get("apiPlayground"):
        notes.extend(check_playground(front.data["apiPlayground"], op, builder.schema_list(), path))
    return PageImport(path, api, resource, None, op, builder.schema_list(), tuple(notes))


def _at(path: str, block: object) -> Location:
    return Location(path, getattr(block, "line", None))


def _names(doc: Document, path: str) -> tuple[str | None, str, str]:
    parts = path.replace("\\", "/").split("/")
    resource = parts[-2] if len(parts) > 1 else "Default"
    method = parts[-1].rsplit(".", 1)[0]
    api: str | None = None
    if doc.title is not None:
        title = doc.title.title
        match = _TITLE.match(title)
        method_match = _METHOD_TITLE.match(title)
        if method_match:
            method = method_match.group("method")
        elif match:
            api = match.group("api")
            resource = match.group("res")
            method = match.group("method") or method
    return api, pascal(resource), pascal(method)


def _kind(section: Section) -> str:
    title = section.title.lower()
    for prefix, kind in (
        ("http request", "request"), ("path parameters", "path"), ("query parameters", "query"),
        ("body parameters", "body"), ("response", "response"), ("methods", "methods"),
        ("json representation", "representation"),
    ):
        if title == prefix or title.startswith(prefix + " "):
            return kind
    return "message"


def _field_table(section: Section) -> Table | None:
    for table in section.tables:
        if table.header and table.header[0].lower() in ("field", "parameter"):
            return table
    return None


def _index_schemas(doc: Document, path: str, resource: str, notes: list[Diagnostic]) -> tuple[SchemaDef, ...]:
    """The older index pages print the resource itself; it becomes a soft schema."""
    for section in doc.sections:
        if _kind(section) == "representation":
            table = _field_table(section)
            if table is None:
                continue
            dotted = build_dotted(row_texts(table), path, "representation", resource, _free_form(path, notes))
            notes.extend(dotted.diagnostics)
            root = SchemaDef(f"{SOFT}{path}#representation", object_schema(dotted.fields, "", Location(path, section.line)),
                             False, (resource, resource + "Resource"), path, section.line)
            return dotted.schemas + (root,)
    return ()


def _free_form(path: str, notes: list[Diagnostic]) -> Any:
    def resolve(type_ref: TypeRef) -> dict[str, Any]:
        known = well_known(type_ref)
        if known is not None:
            return known
        notes.append(Diagnostic(Location(path), f"reference to {type_ref.name} has no section; kept as free-form object", "unresolved-reference"))
        return {"type": "object"}

    return resolve


class _Builder:
    """Collects the schemas of one method page while its sections are read."""

    def __init__(self, path: str, doc: Document, resource: str, method: str, notes: list[Diagnostic]) -> None:
        self.path, self.doc, self.resource, self.method, self.notes = path, doc, resource, method, notes
        self.schemas: dict[str, SchemaDef] = {}
        self.messages: dict[str, tuple[str, Section]] = {}
        for section in doc.sections:
            if _kind(section) == "message" and section.anchor:
                anchor, name = canonical(section.anchor, section.title)
                self.messages.setdefault(anchor, (name, section))
            elif _kind(section) == "message" and not section.anchor:
                notes.append(Diagnostic(Location(path, section.line), f"section {section.title!r} is not part of the reference format", "unknown-construct"))
        self.by_name = {name: anchor for anchor, (name, _) in self.messages.items()}

    def schema_list(self) -> tuple[SchemaDef, ...]:
        return tuple(self.schemas.values())

    def resolve(self, type_ref: TypeRef) -> dict[str, Any]:
        target = type_ref.target or ""
        anchor = target[1:] if target.startswith("#") else None
        if anchor is not None:
            anchor = canonical(anchor, type_ref.name)[0]
        if anchor is None and target == "":
            anchor = self.by_name.get(type_ref.name)
        if anchor is not None and anchor in self.messages:
            name, section = self.messages[anchor]
            self._message(anchor, name, section)
            return ref(name)
        known = well_known(type_ref)
        if known is not None:
            return known
        self.notes.append(Diagnostic(Location(self.path), f"reference to {type_ref.name} ({target}) has no section on the page; kept as free-form object", "unresolved-reference"))
        return {"type": "object"}

    def _message(self, anchor: str, name: str, section: Section) -> None:
        if name in self.schemas:
            return
        self.schemas[name] = SchemaDef(name, {}, True, (), self.path, section.line)  # cycle guard
        table = _field_table(section)
        rows = row_texts(table) if table else ()
        fields = self._fields(rows)
        if anchor.endswith(_OPERATION_ANCHOR):
            fields = tuple(_untyped_result(f) for f in fields)
        schema = object_schema(fields, strip_links(section_description(section)), Location(self.path, section.line))
        self.schemas[name] = SchemaDef(name, schema, True, (), self.path, section.line)

    def _fields(self, rows: tuple[RowText, ...]) -> tuple[Field, ...]:
        fields = fields_of(rows, self.path, self.resolve)
        for field in fields:
            self.notes.extend(field.diagnostics)
        return fields

    def operation(self, request: Section, sections: Mapping[str, Section], lead: str, variables: Mapping[str, str]) -> OperationDef:
        verb, server, url_path, line = self._request(request, variables)
        op: dict[str, Any] = {"tags": [self.resource], "operationId": f"{self.resource}_{self.method}"}
        summary = one_line(lead.split("\n\n")[0]) if lead else ""
        if summary:
            op["summary"] = summary
        if lead:
            op["description"] = lead
        params = self._parameters(sections, url_path)
        if params:
            op["parameters"] = params
        body = sections.get("body")
        path_names = {p["name"] for p in params if p["in"] == "path"}
        if body is not None:
            op["requestBody"] = self._body(body, path_names)
        responses, lro = self._response(sections.get("response"))
        op["responses"] = responses
        if lro:
            op["x-long-running-operation"] = lro
        return OperationDef(verb.lower(), server, url_path, op, line)

    def _request(self, section: Section, variables: Mapping[str, str]) -> tuple[str, str, str, int]:
        for block in section.code_blocks:
            missing = unresolved_variables(block.text, variables)
            if missing:
                offset = next(n for n, ln in enumerate(block.text.split("\n"), 1) if missing[0] in ln)
                raise ClientgenError(
                    f"unknown variable {{{{ {missing[0]} }}}} in the request URL; pass it in the variables table",
                    Location(self.path, block.line + offset),
                )
            text = resolve_variables(block.text, variables)
            match = _REQUEST.search(text)
            if match is None:
                continue
            offset = text.count("\n", 0, match.start()) + 1
            where = Location(self.path, block.line + offset)
            url = _URL.match(match.group(2))
            if url is None:
                raise ClientgenError(f"request URL {match.group(2)!r} is not an absolute http(s) URL", where)
            return match.group(1), url.group(1), url.group(2) or "/", where.line or 0
        raise ClientgenError("the HTTP request section has no 'METHOD URL' line", Location(self.path, section.line))

    def _parameters(self, sections: Mapping[str, Section], url_path: str) -> list[dict[str, Any]]:
        params: list[dict[str, Any]] = []
        for place in ("path", "query"):
            section = sections.get(place)
            table = _field_table(section) if section else None
            if section is None or table is None:
                continue
            rows = row_texts(table)
            if any("." in r.name for r in rows):
                self.notes.append(Diagnostic(Location(self.path, section.line), "nested query parameters are kept as dotted names", "unknown-construct"))
            for field in self._fields(rows):
                schema = dict(field.schema)
                description = schema.pop("description", None)
                param: dict[str, Any] = {"name": field.name, "in": place}
                if place == "path" or field.required:
                    param["required"] = True
                if description:
                    param["description"] = description
                param["schema"] = schema
                params.append(param)
        declared = {p["name"] for p in params if p["in"] == "path"}
        for name in re.findall(r"\{([^}]+)\}", url_path):
            if name not in declared:
                self.notes.append(Diagnostic(Location(self.path), f"path parameter {name!r} has no row; typed as string", "missing-parameter"))
                params.append({"name": name, "in": "path", "required": True, "schema": {"type": "string"}})
        return params

    def _body(self, section: Section, path_names: set[str]) -> dict[str, Any]:
        table = _field_table(section)
        rows = tuple(r for r in (row_texts(table) if table else ()) if r.name.split(".")[0] not in path_names)
        name = self._root(section, rows, f"{self.method}{self.resource}Request", "body")
        return {"required": True, "content": {"application/json": {"schema": ref(name)}}}

    def _root(self, section: Section, rows: tuple[RowText, ...], fallback: str, scope: str) -> str:
        """The schema name of a body/response section: its anchor, or a soft name."""
        where = Location(self.path, section.line)
        if section.anchor and "." in section.anchor:
            anchor, name = canonical(section.anchor, section.anchor.rsplit(".", 1)[-1])
            self.messages.setdefault(anchor, (name, section))
            self._message(anchor, name, section)
            return name
        dotted = build_dotted(rows, self.path, scope, fallback, self.resolve)
        self.notes.extend(dotted.diagnostics)
        for schema in dotted.schemas:
            self.schemas[schema.key] = schema
        key = f"{SOFT}{self.path}#{scope}"
        description = strip_links(section_description(section))
        candidates = well_known_candidates(rows) + tuple(dict.fromkeys((fallback, f"{self.method}{self.resource}{scope.title()}")))
        self.schemas[key] = SchemaDef(key, object_schema(dotted.fields, description, where), False, candidates, self.path, section.line)
        return key

    def _response(self, section: Section | None) -> tuple[dict[str, Any], dict[str, Any]]:
        if section is None:
            return {"200": {"description": "OK"}, "default": ERROR_RESPONSE}, {}
        code, text = "200", "OK"
        for paragraph in section.paragraphs:
            match = _HTTP_CODE.search(paragraph.text)
            if match:
                code, text = match.group(1), match.group(2).strip()
        table = _field_table(section)
        rows = row_texts(table) if table else ()
        is_get = self.method == "Get"
        fallback = self.resource if is_get else f"{self.method}{self.resource}Response"
        name = self._root(section, rows, fallback, "response")
        responses = {code: {"description": text, "content": {"application/json": {"schema": ref(name)}}}, "default": ERROR_RESPONSE}
        lro: dict[str, Any] = {}
        if section.anchor and section.anchor.endswith(_OPERATION_ANCHOR):
            lro = self._long_running(rows)
        return responses, lro

    def _long_running(self, rows: tuple[RowText, ...]) -> dict[str, Any]:
        by_name = {r.name: r for r in rows}
        lro: dict[str, Any] = {}
        for slot in ("metadata", "response"):
            row = by_name.get(slot)
            if row is not None and row.type_ref is not None and row.type_ref.kind == "message":
                lro[slot] = self.resolve(row.type_ref)
        if "response" not in by_name and "metadata" in lro:
            lro["response"] = {"type": "object"}  # the page omits a google.protobuf.Empty result
        return lro


def _untyped_result(field: Field) -> Field:
    """Operation.metadata/response are typed per method (see x-long-running-operation)."""
    if field.name not in ("metadata", "response") or "$ref" not in field.schema:
        return field
    schema: dict[str, Any] = {"type": "object"}
    if "description" in field.schema:
        schema["description"] = field.schema["description"]
    return Field(field.name, schema, field.required, field.oneof, field.line, field.kinds, field.diagnostics)
