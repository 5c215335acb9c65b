"""The Django project of the IT-risk incident scenario site (import name: ``itrisk``)."""
