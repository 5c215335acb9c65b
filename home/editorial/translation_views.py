"""The translation overview in the admin, and the one-click start of a translation from it.

Every signed-in editor may read the overview (an editor sees what still lacks English); buttons
and links appear only where the user may act (``translation_overview.may_translate`` and
Wagtail's own edit permissions), so no link leads to "permission denied".
"""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import ListView
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale, Page
from wagtail_localize.operations import TranslationCreator

from . import translation_overview as overview

STATUS_FILTERS = {"": overview.NEEDS_WORK, "all": tuple(overview.STATUS_LABELS)} | {
    status: (status,) for status in overview.STATUS_LABELS
}


def target_locales():
    return Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code")


class TranslationOverviewView(WagtailAdminTemplateMixin, ListView):
    template_name = "home/admin/translation_overview.html"
    page_title = header_title = gettext_lazy("Translations")
    header_icon = "globe"
    paginate_by = 50
    context_object_name = "rows"

    def get(self, request, *args, **kwargs):
        self.status = request.GET.get("status", "")
        if self.status not in STATUS_FILTERS:
            return HttpResponseBadRequest(_("Unknown status: choose one of the filters on the page."))
        code = request.GET.get("locale") or (target_locales().values_list("language_code", flat=True).first())
        self.target_locale = Locale.objects.filter(language_code=code).exclude(pk=Locale.get_default().pk).first()
        if self.target_locale is None:
            return HttpResponseBadRequest(_("Unknown language."))
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return overview.overview(self.target_locale, STATUS_FILTERS[self.status])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        annotate_actions(self.request.user, context["rows"], self.target_locale)
        context.update(
            status=self.status,
            statuses=[(key, overview.STATUS_LABELS[key]) for key in overview.STATUS_LABELS],
            target_locale=self.target_locale,
            language=self.target_locale.get_display_name(),
            target_locales=[(locale, locale.get_display_name()) for locale in target_locales()],
        )
        return context

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]


def annotate_actions(user, rows, target_locale):
    """Give each row ``start_allowed`` and ``edit_url`` (None where the user may not act)."""
    finder = AdminURLFinder(user)
    allowed_under = {}  # parent path: may the user add the translation under its translation?
    for row in rows:
        if isinstance(row.source, Page):
            parent_path = row.source.path[: -Page.steplen]
            if parent_path not in allowed_under:
                allowed_under[parent_path] = overview.may_translate(user, row.source, target_locale)
            row.start_allowed = allowed_under[parent_path]
        else:
            row.start_allowed = overview.may_translate(user, row.source, target_locale)
        row.edit_url = finder.get_edit_url(row.target) if row.target is not None else None


@require_POST
def start_translation(request, content_type_id, pk, locale_code):
    """Create the translation (as a draft) with wagtail-localize and open it in its editor."""
    content_type = ContentType.objects.filter(pk=content_type_id).first()
    locale = Locale.objects.filter(language_code=locale_code).exclude(pk=Locale.get_default().pk).first()
    model = content_type.model_class() if content_type else None
    source = model._default_manager.filter(pk=pk).first() if model else None
    if source is None or locale is None or getattr(source, "locale_id", None) != Locale.get_default().pk:
        raise Http404
    source = source.specific if isinstance(source, Page) else source
    if not overview.may_translate(request.user, source, locale):
        raise PermissionDenied
    target = source.get_translation_or_none(locale)
    if target is None:
        with transaction.atomic():
            TranslationCreator(request.user, [locale]).create_translations(source)
        target = source.get_translation(locale)
        messages.success(request, _("The translation is started. Translate each item, then publish."))
    edit_url = AdminURLFinder(request.user).get_edit_url(target)
    return HttpResponseRedirect(edit_url) if edit_url else redirect("home_translations")
