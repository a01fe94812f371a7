"""IR → the client constructors: which credential arguments exist and how they resolve.

A Yandex Cloud API gets IAM credentials (token, provider, service-account key, the
environment) and the IAM and operation endpoints as options. Any other API gets one
argument set per OpenAPI security scheme (bearer, API key, basic); an API without
schemes sends no credentials unless ``credentials=`` is given.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.ir.model import Api, AuthScheme
from generator.ir.names import snake_case
from generator.render.escape import py_string
from generator.render.views import ArgumentView


@dataclass(frozen=True)
class OptionDoc:
    name: str
    text: str


@dataclass(frozen=True)
class ClientView:
    """What the two client classes' ``__init__`` take and do with credentials."""

    credential_arguments: tuple[ArgumentView, ...]
    endpoint_arguments: tuple[ArgumentView, ...]  # yandex: iam_endpoint, operation_base_url
    explicit_sources: tuple[str, ...]  # Python expressions, tried in order
    environment_sources: tuple[str, ...]  # tried after every explicit one
    require_credentials: bool
    credentials_imports: tuple[str, ...]  # from ``_credentials``
    iam_imports: tuple[str, ...]  # from ``_iam``
    uses_environment: bool
    options: tuple[OptionDoc, ...]  # documented in the class docstring
    token_env: str  # what the README says the token is read from


def _optional(name: str, annotation: str) -> ArgumentView:
    return ArgumentView(name, f"{annotation} | None", "None")


def _yandex(api: Api) -> ClientView:
    return ClientView(
        credential_arguments=(
            _optional("token", "str"),
            _optional("token_provider", "TokenProvider"),
            _optional("service_account_key", "str | os.PathLike[str] | Mapping[str, str]"),
        ),
        endpoint_arguments=(_optional("iam_endpoint", "str"),)
        + ((_optional("operation_base_url", "str"),) if has_operations(api) else ()),
        explicit_sources=("bearer_from(token, token_provider)", "service_account_from(service_account_key, iam_endpoint)"),
        environment_sources=(
            'bearer_from(os.environ.get("YC_IAM_TOKEN"))',
            'service_account_from(os.environ.get("YC_SERVICE_ACCOUNT_KEY_FILE"), iam_endpoint)',
        ),
        require_credentials=True,
        credentials_imports=("Credentials", "TokenProvider", "bearer_from", "first_of"),
        iam_imports=("service_account_from",),
        uses_environment=True,
        options=(
            OptionDoc("token", "an IAM token (else ``YC_IAM_TOKEN``)"),
            OptionDoc("token_provider", "a callable returning an IAM token; async on the async client"),
            OptionDoc(
                "service_account_key",
                "an authorized key (path or dict) exchanged for IAM tokens (else ``YC_SERVICE_ACCOUNT_KEY_FILE``)",
            ),
            OptionDoc("credentials", "any ``Credentials``, e.g. ``MetadataService()`` on a VM"),
            OptionDoc("iam_endpoint", "where service-account JWTs are exchanged for tokens"),
        )
        + ((OptionDoc("operation_base_url", "the operation service that long-running operations are polled at"),) if has_operations(api) else ()),
        token_env="YC_IAM_TOKEN",
    )


def has_operations(api: Api) -> bool:
    """Whether any method returns a long-running operation (and the operation service is needed)."""
    return any(op.long_running is not None for op in api.operations)


def _api_key_name(scheme: AuthScheme, count: int) -> str:
    return "api_key" if count == 1 else snake_case(f"{scheme.name} key", fallback="api_key")


def _generic(api: Api) -> ClientView:
    env_prefix = api.package.upper()
    arguments: list[ArgumentView] = []
    explicit: list[str] = []
    environment: list[str] = []
    imports = {"Credentials", "first_of"}
    options: list[OptionDoc] = []
    kinds = {scheme.kind for scheme in api.auth}
    if kinds & {"bearer", "iam"}:
        arguments += [_optional("token", "str"), _optional("token_provider", "TokenProvider")]
        explicit.append("bearer_from(token, token_provider)")
        environment.append(f"bearer_from(os.environ.get({py_string(env_prefix + '_TOKEN')}))")
        imports |= {"TokenProvider", "bearer_from"}
        options.append(OptionDoc("token", f"a bearer token (else ``{env_prefix}_TOKEN``)"))
        options.append(OptionDoc("token_provider", "a callable returning a bearer token; async on the async client"))
    keys = [scheme for scheme in api.auth if scheme.kind == "api_key"]
    for scheme in keys:
        name = _api_key_name(scheme, len(keys))
        where = f"name={py_string(scheme.parameter_name)}, location={py_string(scheme.location)}"
        arguments.append(_optional(name, "str"))
        explicit.append(f"api_key_from({name}, {where})")
        variable = f"{env_prefix}_{name.upper()}"
        environment.append(f"api_key_from(os.environ.get({py_string(variable)}), {where})")
        imports.add("api_key_from")
        options.append(OptionDoc(name, f"the API key sent as {scheme.location} ``{scheme.parameter_name}`` (else ``{variable}``)"))
    if "basic" in kinds:
        arguments += [_optional("username", "str"), _optional("password", "str")]
        explicit.append("basic_from(username, password)")
        imports.add("basic_from")
        options.append(OptionDoc("username", "HTTP Basic user name, with ``password``"))
    options.append(OptionDoc("credentials", "any ``Credentials`` (``BearerToken``, ``ApiKey``, ``BasicAuth``, your own)"))
    return ClientView(
        credential_arguments=tuple(arguments),
        endpoint_arguments=(),
        explicit_sources=tuple(explicit),
        environment_sources=tuple(environment),
        require_credentials=bool(api.auth),
        credentials_imports=tuple(sorted(imports, key=lambda n: (n[0].islower(), n))),
        iam_imports=(),
        uses_environment=bool(environment),
        options=tuple(options),
        token_env=f"{env_prefix}_TOKEN",
    )


def client_view(api: Api) -> ClientView:
    return _yandex(api) if api.yandex else _generic(api)
