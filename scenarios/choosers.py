"""The snippet chooser of loss types, with its language filter labelled in the editor's language.

Wagtail 8.0's chooser gives translatable snippets a language filter without a label
(``wagtail.admin.forms.choosers.LocaleFilterMixin``), so Django names it after its field: "Locale",
in English whatever the editor's language.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet


class LanguageFilterLabelMixin:
    def get_filter_form_class(self):
        form_class = super().get_filter_form_class()

        class FilterForm(form_class):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                if "locale" in self.fields:
                    self.fields["locale"].label = _("Language")

        return FilterForm


class LabelledChooseView(LanguageFilterLabelMixin, ChooseView):
    pass


class LabelledChooseResultsView(LanguageFilterLabelMixin, ChooseResultsView):
    pass


class LabelledSnippetChooserViewSet(SnippetChooserViewSet):
    choose_view_class = LabelledChooseView
    choose_results_view_class = LabelledChooseResultsView
