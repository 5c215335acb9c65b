#!/usr/bin/env python
"""Django's command-line utility for the site.

The Django project is the folder site/, imported as ``itrisk`` (``site`` is a standard-library
module): ``make`` links it into .venv under that name and puts this checkout on the venv's path.
"""

import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "itrisk.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
