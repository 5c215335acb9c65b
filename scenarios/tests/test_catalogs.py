"""The compiled catalogs say what their .po files say.

The plugin's .mo files are committed beside their .po (a wheel built from a plain clone, or
``pip install git+…``, compiles nothing), so a .po changed without its .mo recompiled would ship the
old translations. Each .po is compiled here in memory and its messages compared with the .mo's, not
the bytes (another polib may write the same messages differently). Run in the installed wheel, this
checks the catalogs it ships.
"""

from pathlib import Path

import polib
import pytest

import scenarios

LOCALE = Path(scenarios.__file__).resolve().parent / "locale"
CATALOGS = sorted(LOCALE.glob("*/LC_MESSAGES/*.po"))


def messages(catalog):
    """Every message of a compiled catalog, by context, id and plural id, with its translations."""
    return {
        (entry.msgctxt, entry.msgid, entry.msgid_plural): (entry.msgstr, tuple(sorted(entry.msgstr_plural.items())))
        for entry in catalog
    }


def test_the_plugin_has_its_catalogs():
    assert {po.parent.parent.name for po in CATALOGS} >= {"en", "ja"}, CATALOGS


@pytest.mark.parametrize("po_path", CATALOGS, ids=lambda path: f"{path.parent.parent.name}/{path.name}")
def test_the_compiled_catalog_matches_its_po(po_path):
    mo_path = po_path.with_suffix(".mo")
    fix = "recompile it (make catalogs, or polib.pofile(po).save_as_mofile(mo)) and commit the .mo"
    assert mo_path.is_file(), f"{mo_path.name} is missing beside {po_path}: {fix}"
    expected = polib.mofile(polib.pofile(str(po_path)).to_binary())
    compiled = polib.mofile(str(mo_path))
    wanted, found = messages(expected), messages(compiled)
    differ = sorted(
        (key for key in wanted.keys() | found.keys() if wanted.get(key) != found.get(key)), key=lambda key: key[1]
    )
    assert not differ, f"{mo_path} lags behind its .po in {len(differ)} message(s), e.g. {differ[:3]}: {fix}"
    assert compiled.metadata.get("Plural-Forms") == expected.metadata.get("Plural-Forms"), f"{mo_path}: {fix}"
