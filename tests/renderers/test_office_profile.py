"""The LibreOffice profile namnd keeps in the user's cache folder, and its lock."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from namnd.renderers.pdf_archive import office_profile


def _path(url: str) -> Path:
    return Path(unquote(urlparse(url).path))


def test_the_kept_profile_is_reused_and_a_second_taker_gets_its_own(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    kept = tmp_path / "cache" / "namnd" / "libreoffice" / "profil"
    with office_profile() as first:
        assert _path(first) == kept
        with office_profile() as second:  # another namnd process, converting meanwhile
            assert _path(second) != kept and not _path(second).is_relative_to(kept.parent)
            _path(second).mkdir(parents=True)
        assert not _path(second).exists(), "the throw-away profile is removed"
    with office_profile() as again:
        assert _path(again) == kept


def test_a_lock_left_by_a_killed_libreoffice_is_cleared(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    with office_profile() as url:
        _path(url).mkdir(parents=True)
        (_path(url) / "user").mkdir()
        (_path(url) / ".lock").write_text("host,pid")
    with office_profile() as url:
        assert not (_path(url) / ".lock").exists() and (_path(url) / "user").is_dir()
