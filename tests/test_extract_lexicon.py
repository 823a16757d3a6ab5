import graphkit.lang
from graphkit.extract import clear_cache, extract_text


def test_user_cue_verb_through_lang_path(tmp_path, monkeypatch):
    text = "Pak Budi berkicau bahwa hujan akan turun."
    assert extract_text(text, "id") == []
    d = tmp_path / "id"
    d.mkdir()
    (d / "attribution.toml").write_text('[cues]\nspeech = ["berkicau"]\n', encoding="utf-8")
    monkeypatch.setenv("GRAPHKIT_LANG_PATH", str(tmp_path))
    graphkit.lang.clear_cache()
    clear_cache()
    try:
        atts = extract_text(text, "id")
        assert [(a.source.text, a.cue.text, a.content[0].text) for a in atts] == [
            ("Pak Budi", "berkicau", "hujan akan turun")]
    finally:
        monkeypatch.delenv("GRAPHKIT_LANG_PATH")
        graphkit.lang.clear_cache()
        clear_cache()


def test_whole_new_language(tmp_path, monkeypatch):
    d = tmp_path / "xx"
    d.mkdir()
    (d / "attribution.toml").write_text('[cues]\nspeech = ["sagte"]\n[syntax]\ncomplementizers = ["dass"]\n',
                                        encoding="utf-8")
    monkeypatch.setenv("GRAPHKIT_LANG_PATH", str(tmp_path))
    graphkit.lang.clear_cache()
    clear_cache()
    try:
        atts = extract_text("Anna sagte, dass es regnet.", "xx")
        assert [(a.source.text, a.content[0].text) for a in atts] == [("Anna", "es regnet")]
    finally:
        monkeypatch.delenv("GRAPHKIT_LANG_PATH")
        graphkit.lang.clear_cache()
        clear_cache()
