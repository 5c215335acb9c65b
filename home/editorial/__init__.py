"""The editorial side of the site: who may do what, in which language, and how nothing is lost.

- ``roles``: the three groups (editors and approvers for Japanese, translators for English), their
  page permissions on each language's home page, and the approval workflow.
- ``permissions``: the rules Wagtail's permissions cannot say alone: unpublishing, deleting and
  moving live pages is for approvers; shared snippets are edited per language like pages.
- ``recycle_bin``: deleting moves a page, its translations and the pages under it into a recycle
  bin, from where an approver brings them back whole.
- ``translation_overview`` and ``translation_views``: what lacks English or has stale English, pages
  and snippets in one list, and the one-click start of a translation for translators.
- ``translation_sync`` and ``follow_source``: publishing Japanese refreshes what translators see,
  copies privacy to the translations at once, and carries the fields that are not text (hours,
  phone number, a scenario's kind and loss types) into every translation.
- ``guide``: the editor guide (docs/editor-guide.ja.md) served in the admin behind the Help menu.

The permission matrix these implement is written out in docs/editor-guide.ja.md.
"""
