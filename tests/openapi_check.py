"""Validation of API v3 responses against the site's own OpenAPI document, with openapi-core."""

import json
from functools import cache

from openapi_core import Config, OpenAPI
from openapi_core.contrib.django import DjangoOpenAPIRequest, DjangoOpenAPIResponse
from openapi_core.templating.paths.exceptions import OperationNotFound, PathNotFound

SKIPPED = ("/api/v3/openapi.json", "/api/v3/docs/")


@cache
def openapi():
    from scenarios.api.openapi import openapi_document

    config = Config(extra_media_type_deserializers={"application/problem+json": json.loads})
    return OpenAPI.from_dict(openapi_document(), config=config)


def check_response(response):
    request = getattr(response, "wsgi_request", None)
    if request is None or not request.path.startswith("/api/v3/") or request.path in SKIPPED:
        return
    try:
        openapi().validate_response(DjangoOpenAPIRequest(request), DjangoOpenAPIResponse(response))
    except (PathNotFound, OperationNotFound):
        return  # no such operation: the 404 itself is all there is
    except Exception as error:  # openapi-core raises its own error classes, one per kind of mismatch
        detail = getattr(error, "__cause__", None) or error
        raise AssertionError(
            f"{request.method} {request.get_full_path()} → {response.status_code} breaks the OpenAPI document: "
            f"{detail!r}\n{response.content[:500]!r}"
        ) from error
