"""Words that mean the same to someone searching, kept by the editors."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

SEPARATORS = re.compile(r"[,、，\n]+")


class SearchSynonym(models.Model):
    """One group of words the scenario search treats as the same (see ``scenarios.search``).

    Not per language: a group may hold both (パワハラ, パワーハラスメント, power harassment), and
    the search of each language uses every group.
    """

    terms = models.TextField(
        _("words that mean the same"),
        help_text=_(
            "Separated by commas or one per line, e.g. パワハラ, パワーハラスメント, power harassment. "
            "A search for any of them finds the scenarios that use any other."
        ),
    )

    panels = [FieldPanel("terms")]

    class Meta:
        verbose_name = _("search synonyms")
        verbose_name_plural = _("search synonyms")

    def __str__(self):
        return " = ".join(self.term_list())

    def term_list(self):
        return [term.strip() for term in SEPARATORS.split(self.terms) if term.strip()]

    def clean(self):
        super().clean()
        if len(self.term_list()) < 2:
            raise ValidationError({"terms": _("Give at least two words that mean the same.")})

    @classmethod
    def groups(cls):
        """Every group as a list of words, in one query."""
        rows = cls.objects.order_by("pk").values_list("terms", flat=True)
        return [[term.strip() for term in SEPARATORS.split(terms) if term.strip()] for terms in rows]
