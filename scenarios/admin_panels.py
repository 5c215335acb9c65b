"""Admin panels of the plugin's models."""

from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import PageChooserPanel
from wagtail.models import Page


class TypedPageChooserPanel(PageChooserPanel):
    """A page chooser limited to one page type, whose "Choose a page (type)" button is translated in
    the editor's language on every request (Wagtail 8.0 joins the two texts once, when the form is
    built, in whatever language is active then)."""

    def get_form_options(self):
        options = super().get_form_options()
        widget = options.get("widgets", {}).get(self.field_name)
        if widget is not None and widget.model is not Page:
            model_name = capfirst(widget.model._meta.verbose_name)
            widget.choose_one_text = format_lazy("{} ({})", _("Choose a page"), model_name)
        return options
