"""Swagger 2.0 → OpenAPI 3.0.3, so the rest of the pipeline sees one shape.

Works on an already bundled 2.0 document (all refs local). Returns the 3.0 document,
the pointer moves (3.0 pointer → 2.0 pointer) so errors still name the author's
lines, and notes — (2.0 pointer, message) — for what 3.0 cannot say exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.spec.pointers import PointerMoves, child
from generator.spec.swagger2_schema import convert_schema, parameter_schema, style_of

METHODS = ("get", "put", "post", "delete", "options", "head", "patch")
_PARAMETERS = "#/parameters/"
_RESPONSES = "#/responses/"
_FORMS = ("multipart/form-data", "application/x-www-form-urlencoded")
_COPIED_OPERATION_KEYS = (
    "tags", "summary", "description", "externalDocs", "operationId", "deprecated", "security",
)


@dataclass(frozen=True)
class Conversion:
    document: dict[str, Any]
    moves: PointerMoves
    notes: tuple[tuple[str, str], ...]


def convert_swagger2(spec: dict[str, Any]) -> Conversion:
    """Convert; pure — ``spec`` is not modified."""
    return _Converter(spec).run()


def _extensions(value: dict[str, Any]) -> dict[str, Any]:
    return {key: item for key, item in value.items() if isinstance(key, str) and key.startswith("x-")}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


class _Converter:
    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self.moves: dict[str, str] = {}
        self.notes: list[tuple[str, str]] = []
        self.consumes = _list(spec.get("consumes")) or ["application/json"]
        self.produces = _list(spec.get("produces")) or ["application/json"]
        self.shared_parameters = _dict(spec.get("parameters"))

    def move(self, new: str, old: str) -> None:
        self.moves[new] = old

    def run(self) -> Conversion:
        spec = self.spec
        out: dict[str, Any] = {"openapi": "3.0.3"}
        for key in ("info",):
            if key in spec:
                out[key] = spec[key]
        out["servers"] = self.servers()
        components: dict[str, Any] = {}
        schemas = {name: convert_schema(item) for name, item in _dict(spec.get("definitions")).items()}
        if schemas:
            components["schemas"] = schemas
            self.move("/components/schemas", "/definitions")
        self.shared(components)
        out["paths"] = {
            path: self.path_item(item, child("/paths", path)) for path, item in _dict(spec.get("paths")).items()
        }
        if "securityDefinitions" in spec:
            components["securitySchemes"] = {
                name: self.security_scheme(item) for name, item in _dict(spec["securityDefinitions"]).items()
            }
            self.move("/components/securitySchemes", "/securityDefinitions")
        if components:
            out["components"] = components
        for key in ("security", "tags", "externalDocs"):
            if key in spec:
                out[key] = spec[key]
        out.update(_extensions(spec))
        return Conversion(out, PointerMoves(dict(self.moves)), tuple(self.notes))

    def servers(self) -> list[dict[str, Any]]:
        host = self.spec.get("host")
        base = str(self.spec.get("basePath") or "/")
        if not host:
            return [{"url": base}]
        schemes = [scheme for scheme in _list(self.spec.get("schemes")) if isinstance(scheme, str)] or ["https"]
        return [{"url": f"{scheme}://{host}{base if base != '/' else ''}"} for scheme in schemes]

    def shared(self, components: dict[str, Any]) -> None:
        parameters: dict[str, Any] = {}
        bodies: dict[str, Any] = {}
        for name, parameter in self.shared_parameters.items():
            old = child("/parameters", name)
            if not isinstance(parameter, dict):
                continue
            if parameter.get("in") == "body":
                bodies[name] = self.request_body(parameter, self.consumes)
                self.move(child("/components/requestBodies", name), old)
            elif parameter.get("in") != "formData":  # formData ones are inlined where used
                parameters[name] = self.parameter(parameter, old)
                self.move(child("/components/parameters", name), old)
        if parameters:
            components["parameters"] = parameters
        if bodies:
            components["requestBodies"] = bodies
        responses = {
            name: self.response(item, self.produces, child("/responses", name))
            for name, item in _dict(self.spec.get("responses")).items()
        }
        if responses:
            components["responses"] = responses
            self.move("/components/responses", "/responses")

    def security_scheme(self, scheme: Any) -> Any:
        if not isinstance(scheme, dict):
            return scheme
        kind = scheme.get("type")
        extra = {key: scheme[key] for key in ("description",) if key in scheme} | _extensions(scheme)
        if kind == "basic":
            return {"type": "http", "scheme": "basic", **extra}
        if kind == "apiKey":
            return {"type": "apiKey", "name": scheme.get("name"), "in": scheme.get("in"), **extra}
        if kind != "oauth2":
            return scheme
        flow_names = {"implicit": "implicit", "password": "password",
                      "application": "clientCredentials", "accessCode": "authorizationCode"}
        flow: dict[str, Any] = {"scopes": scheme.get("scopes", {})}
        for key in ("authorizationUrl", "tokenUrl"):
            if key in scheme:
                flow[key] = scheme[key]
        return {"type": "oauth2", "flows": {flow_names.get(scheme.get("flow", ""), "implicit"): flow}, **extra}

    # -- paths ------------------------------------------------------------------
    def path_item(self, item: Any, old: str) -> Any:
        if not isinstance(item, dict):
            return item
        self.move(old, old)
        out: dict[str, Any] = {}
        shared = _list(item.get("parameters"))
        simple = [(i, p) for i, p in enumerate(shared) if self.location_of(p) not in ("body", "formData")]
        if simple:
            out["parameters"] = [self.parameter_or_ref(p, f"{old}/parameters/{i}") for i, p in simple]
        for method, operation in item.items():
            if method in METHODS and isinstance(operation, dict):
                out[method] = self.operation(operation, shared, child(old, method))
            elif isinstance(method, str) and method.startswith("x-"):
                out[method] = operation
        return out

    def operation(self, operation: dict[str, Any], shared: list[Any], old: str) -> dict[str, Any]:
        out = {key: operation[key] for key in _COPIED_OPERATION_KEYS if key in operation}
        consumes = _list(operation.get("consumes")) or self.consumes
        produces = _list(operation.get("produces")) or self.produces
        own = _list(operation.get("parameters"))
        indexed = [(f"{old}/parameters/{i}", p) for i, p in enumerate(own)]
        names = {(self.resolve(p).get("name"), self.resolve(p).get("in")) for _, p in indexed}
        path_old = old.rsplit("/", 1)[0]
        indexed += [
            (f"{path_old}/parameters/{i}", p)
            for i, p in enumerate(shared)
            if (self.resolve(p).get("name"), self.resolve(p).get("in")) not in names
            and self.location_of(p) in ("body", "formData")
        ]
        parameters: list[Any] = []
        form: list[tuple[str, dict[str, Any]]] = []
        for pointer, parameter in indexed:
            where = self.location_of(parameter)
            if where == "body":
                out["requestBody"] = self.body_or_ref(parameter, consumes, child(old, "requestBody"), pointer)
            elif where == "formData":
                form.append((pointer, self.resolve(parameter)))
            elif pointer.startswith(old):
                self.move(f"{old}/parameters/{len(parameters)}", pointer)
                parameters.append(self.parameter_or_ref(parameter, pointer))
        if parameters:
            out["parameters"] = parameters
        if form:
            out["requestBody"] = self.form_body(form, consumes, child(old, "requestBody"))
        responses = _dict(operation.get("responses"))
        out["responses"] = {
            code: self.response(item, produces, child(f"{old}/responses", code)) for code, item in responses.items()
        }
        self.move(child(old, "responses"), child(old, "responses"))
        out.update(_extensions(operation))
        return out

    # -- parameters and bodies ----------------------------------------------------
    def resolve(self, parameter: Any) -> dict[str, Any]:
        if isinstance(parameter, dict) and isinstance(parameter.get("$ref"), str):
            ref: str = parameter["$ref"]
            if ref.startswith(_PARAMETERS):
                return _dict(self.shared_parameters.get(ref[len(_PARAMETERS) :]))
        return _dict(parameter)

    def location_of(self, parameter: Any) -> Any:
        return self.resolve(parameter).get("in")

    def parameter_or_ref(self, parameter: Any, old: str) -> Any:
        if isinstance(parameter, dict) and isinstance(parameter.get("$ref"), str):
            ref: str = parameter["$ref"]
            if ref.startswith(_PARAMETERS):
                return {"$ref": "#/components/parameters/" + ref[len(_PARAMETERS) :]}
            return parameter
        return self.parameter(_dict(parameter), old)

    def parameter(self, parameter: dict[str, Any], old: str) -> dict[str, Any]:
        out: dict[str, Any] = {key: parameter[key] for key in ("name", "in", "description", "required", "allowEmptyValue")
               if key in parameter}
        if parameter.get("in") == "path":
            out["required"] = True
        out["schema"] = parameter_schema(parameter)
        style, note = style_of(parameter)
        out.update(style)
        if note:
            self.notes.append((child(old, "collectionFormat"), note))
        out.update(_extensions(parameter))
        return out

    def body_or_ref(self, parameter: Any, consumes: list[Any], new: str, old: str) -> Any:
        if isinstance(parameter, dict) and isinstance(parameter.get("$ref"), str):
            name = str(parameter["$ref"])[len(_PARAMETERS) :]
            return {"$ref": "#/components/requestBodies/" + name}
        self.move(new, old)
        return self.request_body(_dict(parameter), consumes, new, old)

    def request_body(self, parameter: dict[str, Any], consumes: list[Any], new: str = "", old: str = "") -> Any:
        schema = convert_schema(parameter.get("schema", {}))
        media = [ct for ct in consumes if isinstance(ct, str) and ct not in _FORMS] or ["application/json"]
        out: dict[str, Any] = {"content": {ct: {"schema": schema} for ct in media}}
        if new:
            for ct in media:
                self.move(f"{child(f'{new}/content', ct)}/schema", f"{old}/schema")
        for key in ("description", "required"):
            if key in parameter:
                out[key] = parameter[key]
        out.update(_extensions(parameter))
        if "name" in parameter:
            out.setdefault("x-codegen-request-body-name", parameter["name"])
        return out

    def form_body(self, form: list[tuple[str, dict[str, Any]]], consumes: list[Any], new: str) -> dict[str, Any]:
        properties: dict[str, Any] = {}
        required: list[str] = []
        has_file = False
        for old, parameter in form:
            name = str(parameter.get("name", ""))
            schema = parameter_schema(parameter)
            if "description" in parameter:
                schema["description"] = parameter["description"]
            properties[name] = schema
            has_file = has_file or parameter.get("type") == "file"
            if parameter.get("required") is True:
                required.append(name)
        media = [ct for ct in consumes if ct in _FORMS]
        if not media or (has_file and "multipart/form-data" not in media):
            media = ["multipart/form-data" if has_file else "application/x-www-form-urlencoded"]
        body_schema: dict[str, Any] = {"type": "object", "properties": properties}
        if required:
            body_schema["required"] = required
        for ct in media:
            for index, name in enumerate(properties):
                self.move(f"{child(f'{new}/content', ct)}/schema/properties/{child('', name)[1:]}", form[index][0])
        return {"content": {ct: {"schema": body_schema} for ct in media}, "required": bool(required)}

    # -- responses ----------------------------------------------------------------
    def response(self, response: Any, produces: list[Any], old: str) -> Any:
        if not isinstance(response, dict):
            return response
        if isinstance(response.get("$ref"), str):
            ref = str(response["$ref"])
            name = ref[len(_RESPONSES) :] if ref.startswith(_RESPONSES) else ref
            return {"$ref": "#/components/responses/" + name if ref.startswith(_RESPONSES) else ref}
        out: dict[str, Any] = {"description": response.get("description", "")}
        headers = _dict(response.get("headers"))
        if headers:
            out["headers"] = {
                name: {**({"description": h["description"]} if "description" in h else {}),
                       "schema": parameter_schema(h)}
                for name, h in headers.items() if isinstance(h, dict)
            }
        examples = _dict(response.get("examples"))
        if "schema" in response:
            schema = convert_schema(response["schema"])
            media = [ct for ct in produces if isinstance(ct, str)] or ["application/json"]
            content: dict[str, Any] = {}
            for ct in media:
                content[ct] = {"schema": schema}
                if ct in examples:
                    content[ct]["example"] = examples[ct]
                self.move(f"{child(f'{old}/content', ct)}/schema", f"{old}/schema")
            out["content"] = content
        out.update(_extensions(response))
        return out
