"""Values one request needs in several places, looked up once and kept on the request itself.

The header and the footer both show the contact hours; every listing on a page leaves out the same
private pages. Each is looked up the first time it is needed and kept on the request object, so it
goes away with the request: nothing is kept from one request to the next.
"""

ATTRIBUTE = "scenarios_lookups"


def once_per_request(request, name, build):
    """``build()``, the first time ``name`` is asked for during ``request``; afterwards the same value.
    Without a request (a management command), ``build()`` every time."""
    if request is None:
        return build()
    lookups = getattr(request, ATTRIBUTE, None)
    if lookups is None:
        lookups = {}
        setattr(request, ATTRIBUTE, lookups)
    if name not in lookups:
        lookups[name] = build()
    return lookups[name]


def active_locale(request):
    """The Locale of the active language, or None where the site has none for it: looked up once per
    request."""
    from django.utils import translation
    from wagtail.models import Locale

    def find():
        try:
            return Locale.get_active()
        except Locale.DoesNotExist:
            return None

    return once_per_request(request, f"locale:{translation.get_language()}", find)
