"""Admin panels of the plugin's models."""

from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import PageChooserPanel
from wagtail.models import Page


class TypedPageChooserPanel(PageChooserPanel):
    """A page chooser limited to one page type, whose "Choose a page (type)" button is translated in
    the editor's language on every request (Wagtail 8.0 joins the two texts once, when the form is
    built, in whatever language is active then).

    ``page_type`` may be a function returning the types, for types that come from the project's
    settings: it is called when the form is built, not when the model is imported.
    """

    def __init__(self, field_name, page_type=None, **kwargs):
        super().__init__(field_name, page_type=page_type, **kwargs)
        self.page_type_source = page_type

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "page_type": self.page_type_source}

    def get_form_options(self):
        if callable(self.page_type_source):
            self.page_type = self.page_type_source()
        options = super().get_form_options()
        widget = options.get("widgets", {}).get(self.field_name)
        if widget is not None and widget.model is not Page:
            model_name = capfirst(widget.model._meta.verbose_name)
            widget.choose_one_text = format_lazy("{} ({})", _("Choose a page"), model_name)
        return options
