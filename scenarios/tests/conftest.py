"""Makes sure nothing here can lean on the site that ships the plugin: importing it fails."""

import sys
from importlib.abc import MetaPathFinder

SITE_PACKAGES = {"home", "itrisk"}


class RefuseSiteImports(MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        if fullname.split(".")[0] in SITE_PACKAGES:
            raise ImportError(f"the scenarios plugin must not import {fullname}")
        return None


sys.meta_path.insert(0, RefuseSiteImports())
