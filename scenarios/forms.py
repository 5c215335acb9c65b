"""The admin form of incident scenarios: an ASCII address when the headline gives none.

A Japanese headline makes a Japanese slug (``/ja/it-work-liability/%E8%A8%AD…/`` once encoded),
which visitors cannot read or type and which breaks when copied. A new scenario's form therefore
starts with the address it will get, the line's slug and the next free number
(``it-work-liability-22``), shown before the first save; Wagtail's script does not replace a slug
that is already filled in. When the slug an editor leaves is empty or not ASCII, the same
proposal is used; an ASCII slug the editor typed is kept as it is.
"""

from wagtail.admin.forms import WagtailAdminPageForm


class IncidentScenarioForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            if self.instance.pk is None and self.parent_page is not None and not self.initial.get("slug"):
                self.initial["slug"] = proposed_slug(self.parent_page, self.instance)

    def clean_slug(self):
        slug = (self.cleaned_data.get("slug") or "").strip()
        if slug and slug.isascii():
            return slug
        parent = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
        return proposed_slug(parent, self.instance) if parent is not None else slug


def proposed_slug(parent, page):
    """``<parent's slug>-<n>`` with the smallest n not taken by another child of ``parent``."""
    siblings = parent.get_children().exclude(pk=page.pk).filter(slug__startswith=f"{parent.slug}-")
    taken = set(siblings.values_list("slug", flat=True))
    number = 1
    while f"{parent.slug}-{number}" in taken:
        number += 1
    return f"{parent.slug}-{number}"
