"""Snippet admin views that ask the permission policy about each instance, not only about the model.

Wagtail's snippet views check model permissions ("may change contact hours") and leave the instance
out. A project whose rules depend on the instance (e.g. its language) registers a permission policy
for the model (``wagtail.permissions.register_permission_policy``); these views then ask it about
the very instance a URL names, and list only the instances the user may work on. With Wagtail's
default policy, the answers are the model-level ones, so nothing changes.
"""

from functools import wraps

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy
from wagtail.snippets.views import snippets as snippet_views

from .compat import permission_policy_for

# The permission each URL of a snippet viewset needs on its instance; unlisted ones need "change".
INSTANCE_ACTIONS = {"delete": "delete", "copy": "add", "unpublish": "publish", "revisions_unschedule": "publish"}
WORKING_ACTIONS = {"change", "delete", "publish"}


class IndexView(snippet_views.IndexView):
    def get_base_queryset(self):
        allowed = permission_policy_for(self.model).instances_user_has_any_permission_for(
            self.request.user, WORKING_ACTIONS
        )
        return super().get_base_queryset().filter(pk__in=allowed.values("pk"))


class InstancePermissionViewSetMixin:
    """For a ``SnippetViewSet``: every view of one instance checks the instance's permission policy."""

    index_view_class = IndexView

    @property
    def breadcrumbs_items(self):
        """Wagtail's, with "Home" translated per request (Wagtail 8.0 translates it once, at start-up,
        so it stays English for a Japanese editor)."""
        home, *rest = super().breadcrumbs_items
        return [{**home, "label": gettext_lazy("Home")}, *rest]

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            if "pk" in pattern.pattern.regex.groupindex:
                action = INSTANCE_ACTIONS.get(pattern.name, "change")
                pattern.callback = self._checking_instance(pattern.callback, action)
        return patterns

    def _checking_instance(self, view, action):
        model = self.model

        @wraps(view)
        def checked_view(request, *args, **kwargs):
            instance = get_object_or_404(model, pk=unquote(str(kwargs["pk"])))
            actions = {action}
            if request.method == "POST" and "action-publish" in request.POST:
                actions.add("publish")
            policy = permission_policy_for(model)
            if not all(policy.user_has_permission_for_instance(request.user, name, instance) for name in actions):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return checked_view
