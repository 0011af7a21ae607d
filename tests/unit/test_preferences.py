from pathlib import Path

from namnd.storage import preferences


def test_missing_file_gives_defaults_and_saving_round_trips(monkeypatch, tmp_path):
    monkeypatch.delenv("NAMND_USER", raising=False)
    assert preferences.load() == preferences.Preferences()
    saved = preferences.Preferences(user_name="Åsa Öberg", export_folder="/tmp/ut").with_organ(
        Path("/ws"), "sn"
    )
    path = preferences.save(saved)
    assert path.parent == tmp_path / "config"
    assert preferences.load() == saved
    assert preferences.load().organ_for(Path("/ws")) == "sn"
    assert preferences.current_user() == "Åsa Öberg"
    monkeypatch.setenv("NAMND_USER", "kalle")
    assert preferences.current_user() == "kalle"


def test_unreadable_file_means_defaults(tmp_path):
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / preferences.FILENAME).write_text("[1, 2", encoding="utf-8")
    assert preferences.load() == preferences.Preferences()
