"""The API v3 OpenAPI document a client generator can trust: valid 3.1, exact, and the same for everyone.

Wagtail generates the document from its ninja API. Served as it comes, it is not valid OpenAPI 3.1
(its anonymous security scheme has no ``scheme``), its titles and descriptions follow the
request's ``Accept-Language`` (so two developers generate different clients), fields that are
always present are typed optional and nullable, and only the 200 answers are described. This
module serves the same document with those fixed:

- generated in English, once per process;
- operations open to anonymous clients declare no security requirement;
- a field of the plugin's (or the project's) page types that is never null is required and
  non-null, judged from the model field or the API field's declared return type;
- every operation describes its errors (problem+json) and ``find`` its redirect.
"""

import copy
import types
from functools import cache
from typing import get_args, get_type_hints

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.http import JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from wagtail.api import APIField
from wagtail.models import get_page_models

SCHEMA_LANGUAGE = "en"
PROBLEM = {
    "type": "object",
    "description": "An error, as RFC 9457 problem details.",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {"type": "array", "items": {"type": "object"}},
    },
    "required": ["title", "status"],
}
ERRORS = {
    "400": "A parameter names nothing, or is malformed.",
    "404": "Nothing at this address, or not visible to this client.",
    "422": "A parameter or the body does not match its type.",
}
WRITE_ERRORS = {"401": "No valid API token.", "403": "The token's user may not do this."}


def _mount_prefix():
    return reverse("wagtailapi_v3:openapi-json").removesuffix("openapi.json")


@cache
def openapi_document():
    """The corrected document (see the module's docstring); built once per process."""
    from wagtail.api.v3.api import api

    with translation.override(SCHEMA_LANGUAGE):
        document = api.get_openapi_schema(path_prefix=_mount_prefix())
        document = _plain(document)
    _allow_anonymous_the_openapi_way(document)
    with translation.override(SCHEMA_LANGUAGE):
        _english_field_texts(document)
    _require_what_is_always_there(document)
    _describe_errors(document)
    return document


def _plain(value):
    """A deep copy with lazy translation strings turned into plain strings."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if value is not None and not isinstance(value, (str, int, float, bool)):
        return str(value)
    return value


def _allow_anonymous_the_openapi_way(document):
    """Operations open to anonymous clients declare no security requirement (a client generator then
    needs no token for them); a token may still be sent, and says so in the description."""
    schemes = document.get("components", {}).get("securitySchemes", {})
    anonymous = [name for name, scheme in schemes.items() if scheme.get("type") == "http" and "scheme" not in scheme]
    for name in anonymous:
        del schemes[name]
    for operation in _operations(document):
        if any(set(requirement) & set(anonymous) for requirement in operation.get("security", [])):
            del operation["security"]
            operation["description"] = (
                operation.get("description", "") + "\n\nOpen to anonymous clients, which see live, public "
                "content; with an API token (Authorization: Bearer …) it answers for the token's user."
            ).strip()


def _operations(document):
    for methods in document.get("paths", {}).values():
        for method, operation in methods.items():
            if method in ("get", "post", "put", "patch", "delete"):
                yield operation


def _model_schemas(document):
    """(model, component schema) for each model Wagtail generated a schema for."""
    schemas = document.get("components", {}).get("schemas", {})
    for model in apps.get_models():
        for suffix in ("Schema", "CreateSchema", "PatchSchema"):
            schema = schemas.get(f"{model.__name__}{suffix}")
            if schema is not None:
                yield model, schema


def _english_field_texts(document):
    """Titles and descriptions of model fields in English: Wagtail builds them once, when the
    process starts, in whatever language is active then."""
    for model, schema in _model_schemas(document):
        for name, prop in schema.get("properties", {}).items():
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if getattr(field, "verbose_name", None):
                prop["title"] = capfirst(str(field.verbose_name))
            if getattr(field, "help_text", None):
                prop["description"] = str(field.help_text)
    _ascii_titles(document)


def _ascii_titles(value):
    """Any title still in another language (inline form schemas) becomes its property's name."""
    if isinstance(value, dict):
        for name, prop in value.get("properties", {}).items():
            if isinstance(prop, dict) and not str(prop.get("title", "")).isascii():
                prop["title"] = name.replace("_", " ").title()
        for item in value.values():
            _ascii_titles(item)
    elif isinstance(value, list):
        for item in value:
            _ascii_titles(item)


def _never_null(model, api_field):
    if api_field.serializer is not None:
        try:
            annotation = get_type_hints(api_field.serializer.to_representation)["return"]
        except (KeyError, NameError):
            return False
        return type(None) not in get_args(annotation) and not isinstance(annotation, types.NoneType)
    try:
        field = model._meta.get_field(api_field.name)
    except FieldDoesNotExist:
        return False
    return not field.null and not field.is_relation


def _require_what_is_always_there(document):
    schemas = document.get("components", {}).get("schemas", {})
    for model in get_page_models():
        schema = schemas.get(f"{model.__name__}Schema")
        if schema is None:
            continue
        for api_field in APIField.get_fields_for_model(model):
            prop = schema.get("properties", {}).get(api_field.name)
            if prop is None or not _never_null(model, api_field):
                continue
            choices = [choice for choice in prop.get("anyOf", []) if choice != {"type": "null"}]
            if len(choices) == 1:
                del prop["anyOf"]
                prop.update(choices[0] or {"type": "string"})
            prop.pop("default", None)
            required = schema.setdefault("required", [])
            if api_field.name not in required:
                required.append(api_field.name)


def _describe_errors(document):
    components = document.setdefault("components", {}).setdefault("schemas", {})
    components["ProblemDetails"] = PROBLEM
    problem = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/ProblemDetails"}}}
    for path, methods in document.get("paths", {}).items():
        for method, operation in methods.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            responses = operation.setdefault("responses", {})
            errors = dict(ERRORS)
            if operation.get("security"):
                errors |= WRITE_ERRORS
            for status, description in errors.items():
                responses.setdefault(status, {"description": description, "content": copy.deepcopy(problem)})
            if path.endswith("/find/"):
                responses["302"] = {
                    "description": "Found: the Location header is the object's detail URL.",
                    "headers": {"Location": {"schema": {"type": "string"}, "required": True}},
                }
                responses.pop("200", None)


def openapi_view(request):
    """``/api/v3/openapi.json``, corrected (mounted before Wagtail's own)."""
    return JsonResponse(openapi_document(), json_dumps_params={"ensure_ascii": False})
