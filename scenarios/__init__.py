"""A reusable Wagtail plugin: insurance lines, the incident scenarios under them, and the shared
contact-hours and operator snippets every scenario page shows.

It imports nothing from the project that installs it; its templates are overridable and its
settings (see ``scenarios.conf``) have defaults.
"""
