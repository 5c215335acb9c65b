"""The fragment cache: a process's copy first, the shared cache behind it (``scenarios.fragment_cache``)."""

from django.core.cache import caches

from scenarios.fragment_cache import ProcessCopiesCache


def fragments():
    return ProcessCopiesCache("", {"OPTIONS": {"SHARED": "default"}})


def test_a_fragment_read_once_from_the_shared_cache_is_then_served_from_the_process(monkeypatch):
    shared = caches["default"]
    kept = fragments()
    assert kept.get("line-scenarios.1", "none") == "none"
    fragments().set("line-scenarios.1", "<ul>…</ul>")  # as another process writes it
    assert shared.get("line-scenarios.1") == "<ul>…</ul>"

    reads = []
    read = shared.get
    monkeypatch.setattr(shared, "get", lambda *args, **kwargs: reads.append(args[0]) or read(*args, **kwargs))
    assert kept.get("line-scenarios.1") == kept.get("line-scenarios.1") == "<ul>…</ul>"
    assert reads == ["line-scenarios.1"]


def test_what_is_set_deleted_or_cleared_goes_from_both():
    shared, kept = caches["default"], fragments()
    kept.set("home-lines.1", "<section>…</section>")
    assert kept.get("home-lines.1") == shared.get("home-lines.1") == "<section>…</section>"
    kept.delete("home-lines.1")
    assert kept.get("home-lines.1") is None and shared.get("home-lines.1") is None
    kept.set("home-lines.2", "<section>…</section>")
    kept.clear()
    assert kept.get("home-lines.2") is None and shared.get("home-lines.2") is None
