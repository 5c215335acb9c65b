"""A per-request memo, so that a lookup made by several template tags or API fields runs once."""


def request_cache(request):
    """A dict that lives as long as ``request``; a throwaway dict when there is no request."""
    if request is None:
        return {}
    if not hasattr(request, "_scenarios_cache"):
        request._scenarios_cache = {}
    return request._scenarios_cache
