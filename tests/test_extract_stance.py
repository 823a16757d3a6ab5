from graphkit.extract import extract_text


def test_denial_verb():
    a = extract_text("The ministry denied that troops were sent.", "en")[0]
    assert a.stance == "denies"


def test_negated_denial_asserts():
    a = extract_text("Pemerintah tidak membantah laporan itu.", "id")[0]
    assert a.stance == "asserts"


def test_fake_news_quote_denies():
    a = extract_text("“Ini hoaks belaka,” kata juru bicara itu.", "id")[0]
    assert a.stance == "denies"
    b = extract_text("“This looks like fake news,” the spokesman said.", "en")[0]
    assert b.stance == "denies"


def test_hedges():
    assert extract_text("Polisi mengatakan pelaku kemungkinan kabur ke luar kota.", "id")[0].certainty == "probable"
    assert extract_text("The police said the suspect may have fled.", "en")[0].certainty == "possible"
    assert extract_text("The police said the suspect fled.", "en")[0].certainty == "certain"


def test_hedge_belongs_to_innermost():
    atts = extract_text("Menurut Antara, polisi mengatakan bahwa pelaku kemungkinan kabur.", "id")
    assert [a.certainty for a in atts] == ["certain", "probable"]
