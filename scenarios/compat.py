"""What differs between the Wagtail releases the plugin supports (7.0 to 8.x), in one place.

Wagtail 8 brought API v3 (``wagtail.api.v3``, django-ninja) and fields a v3 client may write
(``APIField(writable=True)``). On Wagtail 7 the plugin serves API v2 alone, and its snippets are
read-only over the API, as every v2 endpoint is. Wagtail 8 also brought a registry of permission
policies per model (``wagtail.permissions.policy_registry``); on Wagtail 7 a snippet's policy is its
viewset's own. Pages, admin screens and templates are the same.
"""

import inspect
from importlib.util import find_spec

from wagtail.api import APIField

try:
    from wagtail.permissions import policy_registry
except ImportError:  # Wagtail 7
    policy_registry = None

HAS_API_V3 = find_spec("wagtail.api.v3") is not None
_API_FIELDS_WRITABLE = "writable" in inspect.signature(APIField.__init__).parameters


def writable_api_field(name, **kwargs):
    """``APIField(name, writable=True)`` where the installed Wagtail can write API fields, else read-only."""
    if _API_FIELDS_WRITABLE:
        kwargs["writable"] = True
    return APIField(name, **kwargs)


def permission_policy_for(model):
    """The permission policy Wagtail's admin uses for ``model``: the registered one on Wagtail 8, the
    snippet viewset's own on Wagtail 7 (where nothing can be registered)."""
    if policy_registry is not None:
        return policy_registry.get_by_type(model)
    return model.snippet_viewset.permission_policy
