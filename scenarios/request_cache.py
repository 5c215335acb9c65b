"""A per-request memo, so that a lookup made by several template tags or API fields runs once.

Some of Wagtail's hooks into a page are called without the request (``get_view_restrictions``):
what they look up is kept in the memo of the request being served in this thread or task
(``current_request_memo``), from Django's ``request_started`` signal to its ``request_finished``.
"""

from asgiref.local import Local
from django.core.signals import request_finished, request_started

_current = Local()


def request_cache(request):
    """A dict that lives as long as ``request``; a throwaway dict when there is no request."""
    if request is None:
        return {}
    if not hasattr(request, "_scenarios_cache"):
        request._scenarios_cache = {}
    return request._scenarios_cache


def current_request_memo():
    """The memo of the request being served in this thread or task (for lookups that do not depend
    on who asks), or None outside one (a management command, a shell, a test's RequestFactory)."""
    return getattr(_current, "memo", None)


def forget_current_request_memo():
    """Drop what the request being served has looked up (its content has just changed)."""
    memo = getattr(_current, "memo", None)
    if memo is not None:
        memo.clear()


def begin_request(**kwargs):
    """Give the request now being served an empty memo (on ``request_started``)."""
    _current.memo = {}


def end_request(**kwargs):
    """Drop the memo of the request just served (on ``request_finished``)."""
    _current.memo = None


def connect():
    request_started.connect(begin_request, dispatch_uid="scenarios_request_memo_begin")
    request_finished.connect(end_request, dispatch_uid="scenarios_request_memo_end")
