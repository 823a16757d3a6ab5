"""Generalisation fixes of the rule-based extractor, one test per pattern
(sentences written for these tests)."""
from graphkit.extract import extract_text


def _t(atts):
    return [(a.source.text if a.source else None, a.cue.text, " | ".join(c.text for c in a.content)) for a in atts]


def test_appositive_subject_before_cue_en():
    text = "Maria Olsen, a spokeswoman for the dockworkers' union, said the strike would continue."
    assert _t(extract_text(text, "en")) == [
        ("Maria Olsen, a spokeswoman for the dockworkers' union", "said", "the strike would continue")]


def test_participle_adjunct_not_in_source_en():
    text = "Health Minister Paul Berg, speaking at a hospital, said the vaccine was safe."
    assert _t(extract_text(text, "en")) == [("Health Minister Paul Berg", "said", "the vaccine was safe")]


def test_relative_clause_appositive_and_opener_en():
    text = "But the mayor, Ana Ruiz, who toured the site on Monday, rejected calls for an inquiry."
    assert _t(extract_text(text, "en")) == [
        ("the mayor, Ana Ruiz, who toured the site on Monday", "rejected", "calls for an inquiry")]


def test_appositive_subject_id():
    text = "Kepala Dinas Pertanian Kota Baru, Siti Rahma, seperti dikutip Antara, mengatakan panen padi naik."
    assert _t(extract_text(text, "id")) == [
        ("Kepala Dinas Pertanian Kota Baru, Siti Rahma", "mengatakan", "panen padi naik")]


def test_adjunct_after_appositive_id():
    text = "Juru bicaranya, Budi Santoso, dalam keterangan tertulis mengatakan jadwal tidak berubah."
    assert _t(extract_text(text, "id"))[0][:2] == ("Juru bicaranya, Budi Santoso", "mengatakan")


def test_dateline_not_in_source_or_content():
    text = "BANDAR LAMA, Dec 3 (Reuters) - Gubernur Rina Wati, pejabat baru, mengatakan jalan ditutup."
    assert _t(extract_text(text, "id")) == [("Gubernur Rina Wati, pejabat baru", "mengatakan", "jalan ditutup")]


def test_nya_enclitic_is_the_source():
    text = "“Kami akan memeriksa semua izin,” tegasnya."
    atts = extract_text(text, "id")
    assert _t(atts) == [("nya", "tegas", "Kami akan memeriksa semua izin,")]
    assert text[atts[0].source.start:atts[0].source.end] == "nya"


def test_relative_clause_kept_in_source_id():
    text = "Seorang pegawai bank yang tidak mau disebutkan namanya mengatakan kredit macet naik."
    assert _t(extract_text(text, "id")) == [
        ("Seorang pegawai bank yang tidak mau disebutkan namanya", "mengatakan", "kredit macet naik")]


def test_relative_clause_kept_in_source_en():
    text = "Two engineers who asked not to be named said the bridge was unsafe."
    assert _t(extract_text(text, "en")) == [("Two engineers who asked not to be named", "said", "the bridge was unsafe")]


def test_content_before_cue_with_addressee_and_adjunct():
    text = "The dam was close to failing, two engineers told The Daily Tide because they feared for residents."
    assert _t(extract_text(text, "en")) == [("two engineers", "told", "The dam was close to failing")]


def test_content_before_cue_with_prepositional_tail():
    text = "Prices may fall further, economists at North Bank wrote in a report."
    assert _t(extract_text(text, "en")) == [("economists at North Bank", "wrote", "Prices may fall further")]


def test_coordinated_verbs_share_source_id():
    text = "Direktur PT Maju Jaya Hasan Basri membantah adanya pungutan dan menegaskan semua biaya resmi."
    assert _t(extract_text(text, "id")) == [
        ("Direktur PT Maju Jaya Hasan Basri", "membantah", "adanya pungutan"),
        ("Direktur PT Maju Jaya Hasan Basri", "menegaskan", "semua biaya resmi")]


def test_coordinated_verbs_share_source_en():
    text = "The company insisted that the pipes were safe and dismissed the report as rumour."
    got = _t(extract_text(text, "en"))
    assert got[0] == ("The company", "insisted", "the pipes were safe")
    assert got[1][:2] == ("The company", "dismissed")


def test_participle_continuation_en():
    text = "The union argued the plan was unfair, saying workers had not been consulted."
    assert _t(extract_text(text, "en")) == [
        ("The union", "argued", "the plan was unfair"),
        ("The union", "saying", "workers had not been consulted")]


def test_but_she_starts_a_new_attribution():
    text = "Lee acknowledged that costs had risen, but she insisted the budget was sound."
    assert _t(extract_text(text, "en")) == [
        ("Lee", "acknowledged", "costs had risen"), ("she", "insisted", "the budget was sound")]


def test_complementizer_dropped_en():
    assert _t(extract_text("The agency reported that exports fell.", "en")) == [
        ("The agency", "reported", "exports fell")]


def test_speaker_before_told_after_quote():
    text = "“We did nothing wrong,” the firm's lawyer, Tom Hale, told AFP."
    assert _t(extract_text(text, "en")) == [("the firm's lawyer, Tom Hale", "told", "We did nothing wrong,")]


def test_inverted_source_keeps_closing_appositive():
    text = "“The rent is too high,” said Dora Kent, a shop owner."
    assert _t(extract_text(text, "en"))[0][0] == "Dora Kent, a shop owner"


def test_non_speech_uses_are_not_cues():
    for text in [
        "The council declined to comment on the case.",
        "Growth was stronger than expected in May.",
        "She rejected calls for a recount.",
        "The mayor dismissed the group's claims as false.",
        "The suspects are alleged to have stolen cars.",
        "The cracks found in the wall were repaired.",
    ]:
        cues = [a.cue.text for a in extract_text(text, "en")]
        assert not any(c in ("comment", "expected", "calls", "claims", "alleged", "found") for c in cues), (text, cues)


def test_anonymity_phrase_is_not_a_cue_id():
    text = "Sumber yang enggan disebutkan namanya mengatakan rapat ditunda."
    assert [a.cue.text for a in extract_text(text, "id")] == ["mengatakan"]


def test_according_evidence_inside_content_is_not_a_source():
    text = "Menurut lembaga survei Cerah, partai itu unggul berdasarkan hasil hitung cepat."
    assert [a.cue.text for a in extract_text(text, "id")] == ["Menurut"]


def test_citing_nested_in_report():
    text = "Two ministers will resign, the newspaper Morning Star reported, citing party sources."
    atts = extract_text(text, "en")
    assert [(a.cue.text, a.nested_in) for a in atts] == [("reported", None), ("citing", "a1")]
    assert atts[1].content[0].text == "Two ministers will resign"
