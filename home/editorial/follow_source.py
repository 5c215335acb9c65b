"""Fields that are not text follow the Japanese source the moment it is published.

Hours, weekdays, the phone number, a scenario's type of case and loss types, the operator's pages:
nothing to translate, and an English page that shows yesterday's hours is wrong. wagtail-localize
copies such fields only when a translator syncs and publishes the translation, so here publishing
the Japanese object copies them at once into every translation: into its live row (what visitors
and the API see) and into its latest revision and live revision (so that an English draft, when it
is published later, keeps the new values instead of bringing the old ones back). The translation's
own text, its drafts' text and its live status are never touched.

A model lists these fields in ``follows_source``: plain fields, foreign keys (pointed at the
translation of the target when there is one) and child relations of translatable objects (rebuilt
with the same translation keys, their foreign keys translated the same way; a child model with its
own ``follows_source`` keeps its translated text, and only the fields it lists follow).
"""

from django.db import models, transaction
from modelcluster.fields import ParentalKey
from wagtail.models import Locale, Page, Revision, TranslatableMixin
from wagtail.search import index


def copy_to_translations(sender, instance, **kwargs):
    """Signal receiver for ``page_published`` and ``published``."""
    source = instance.specific if isinstance(instance, Page) else instance
    names = getattr(type(source), "follows_source", ())
    if not names or source.locale_id != Locale.get_default().pk:
        return
    with transaction.atomic():
        for target in source.get_translations():
            target = target.specific if isinstance(target, Page) else target
            _copy_into_live_row(source, target, names)
            _copy_into_revisions(source, target, names)
            if isinstance(target, index.Indexed):
                index.insert_or_update_object(target)


def _translated(value, locale):
    if isinstance(value, TranslatableMixin):
        value = value.specific if isinstance(value, Page) else value
        return value.get_translation_or_none(locale) or value
    return value


def _assign(source, target, names):
    """Set the ``names`` of ``target`` (a model instance, saved or not) from ``source``."""
    for name in names:
        field = type(source)._meta.get_field(name)
        if isinstance(field, models.ManyToOneRel):
            setattr(target, name, _child_copies(source, field, target))
        else:
            setattr(target, name, _translated(getattr(source, name), target.locale))


def _child_copies(source, relation, target):
    """The children of ``source`` for ``target``: each one ``target`` has already (the same
    translation key) kept with its own text, the others new, each given the source child's fields.

    A child model that lists ``follows_source`` (a contact line's closure periods: their dates, not
    their translated label) has only those fields and its place copied; a new child's other fields
    stay empty until the translator writes them. Any other child (a scenario's loss types) is
    copied whole, its foreign keys pointed at their translations.
    """
    locale = target.locale
    existing = {child.translation_key: child for child in getattr(target, relation.name).all()}
    following = getattr(relation.related_model, "follows_source", None)
    children = []
    for child in getattr(source, relation.name).all():
        copy = existing.get(child.translation_key) or relation.related_model(
            locale=locale, translation_key=child.translation_key
        )
        for field in child._meta.concrete_fields:
            if field.primary_key or field.name in ("locale", "translation_key") or isinstance(field, ParentalKey):
                continue
            if following is not None and field.name not in following and field.name != "sort_order":
                continue
            setattr(copy, field.name, _translated(getattr(child, field.name), locale))
        children.append(copy)
    return children


def _copy_into_live_row(source, target, names):
    plain = [name for name in names if not isinstance(type(source)._meta.get_field(name), models.ManyToOneRel)]
    _assign(source, target, names)
    type(target).objects.filter(pk=target.pk).update(**{name: getattr(target, name) for name in plain})
    for name in names:
        relation = type(source)._meta.get_field(name)
        if isinstance(relation, models.ManyToOneRel):
            getattr(target, name).commit()


def _copy_into_revisions(source, target, names):
    revision_ids = {target.latest_revision_id, getattr(target, "live_revision_id", None)} - {None}
    for revision in Revision.objects.filter(pk__in=revision_ids):
        draft = revision.as_object()
        _assign(source, draft, names)
        revision.content = draft.serializable_data()
        revision.save(update_fields=["content"])
