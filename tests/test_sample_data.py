"""The sample corpus meets its own description (sample_data/README.md), read with plain Python."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import tomllib
import zipfile
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data"
ARTICLES = SAMPLE / "articles"
SEED = SAMPLE / "seed" / "000_185a27f7b8b51c6b.txt"
# SHA-256 of the seed article as shipped; the copy in sample_data must stay byte for byte.
SEED_SHA256 = "0cf8e014eb35f998d14723a7a4a7541b2943ceaecda49b448f8845d84b0907d5"
HOSTILE = ARTICLES / "txt" / "14_hostile_fixture_ministry_site_defaced.txt"
UNDATED = ARTICLES / "txt" / "18_explainer_northline_pipeline.txt"
FRENCH = ARTICLES / "txt" / "10_treve_port_ansel_fr.txt"
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")


def _decode_txt(data: bytes) -> str:
    if data.startswith(b"\xff\xfe"):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252")


class _Meta(HTMLParser):
    """Collects <meta> name/property -> content of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            a = dict(attrs)
            key = a.get("property") or a.get("name")
            if key and a.get("content") is not None:
                self.meta[key] = a["content"] or ""


def _html_meta(path: Path) -> dict[str, str]:
    parser = _Meta()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.meta


def _rec(origin: str, fmt: str, text: str, date: str = "", outlet: str = "") -> dict[str, str]:
    return {"origin": origin, "format": fmt, "text": text, "date": date, "outlet": outlet}


def _records() -> list[dict[str, str]]:
    """Every article of the corpus as a dict: origin, format, text, date and outlet (or '')."""
    out = [_rec(p.name, "txt", _decode_txt(p.read_bytes()))
           for p in sorted((ARTICLES / "txt").glob("*.txt"))]
    for path in sorted((ARTICLES / "html").glob("*.html")):
        meta = _html_meta(path)
        out.append(_rec(path.name, "html", path.read_text(encoding="utf-8"),
                        meta["article:published_time"], meta["og:site_name"]))
    for path in sorted((ARTICLES / "json").glob("*.json")):
        for i, r in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            out.append(_rec(f"{path.name}#{i}", "json", r["body"], r["date"], r["source"]))
    for path in sorted((ARTICLES / "jsonl").glob("*.jsonl")):
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            r = json.loads(line)
            out.append(_rec(f"{path.name}#{i}", "jsonl", r["content"], r["published"], r["outlet"]))
    for path in sorted((ARTICLES / "csv").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            for i, r in enumerate(csv.DictReader(f)):
                out.append(_rec(f"{path.name}#{i}", "csv", r["text"], r["publish_date"],
                                r["publisher"]))
    for path in sorted((ARTICLES / "zip").glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                out.append(_rec(f"{path.name}!{name}", "zip", z.read(name).decode("utf-8")))
    return out


RECORDS = _records()


def test_corpus_has_at_least_44_articles_besides_the_seed():
    assert len(RECORDS) >= 44


def test_every_format_is_present_in_the_documented_numbers():
    assert Counter(r["format"] for r in RECORDS) == {
        "txt": 20, "html": 5, "json": 5, "jsonl": 5, "csv": 5, "zip": 4,
    }


def test_only_known_article_formats_under_articles():
    suffixes = {p.suffix for p in ARTICLES.rglob("*") if p.is_file()}
    assert suffixes == {".txt", ".html", ".json", ".jsonl", ".csv", ".zip"}


def test_seed_copy_is_byte_identical():
    assert hashlib.sha256(SEED.read_bytes()).hexdigest() == SEED_SHA256


def test_zip_is_valid_flat_and_safe():
    (path,) = (ARTICLES / "zip").glob("*.zip")
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        names = z.namelist()
    assert len(names) == 4
    for name in names:
        assert name.endswith(".txt")
        assert ".." not in Path(name).parts
        assert not name.startswith(("/", "\\"))
        assert "/" not in name


def test_zip_members_exist_nowhere_else_in_the_tree():
    zipped = [r["text"] for r in RECORDS if r["format"] == "zip"]
    others = [r["text"] for r in RECORDS if r["format"] != "zip"]
    for text in zipped:
        headline = text.splitlines()[0]
        assert not any(headline in other for other in others), headline
    names = {r["origin"].split("!")[1] for r in RECORDS if r["format"] == "zip"}
    assert not names & {p.name for p in SAMPLE.rglob("*.txt")}


def test_utf16_file_has_a_bom_and_typographic_text():
    data = (ARTICLES / "txt" / "19_rook_sworn_in_utf16.txt").read_bytes()
    assert data[:2] == b"\xff\xfe"
    assert data.decode("utf-16").startswith("Rook sworn in as Veloran prime minister")


def test_cp1252_file_is_not_utf8_and_holds_typographic_quotes():
    data = (ARTICLES / "txt" / "20_border_commission_cp1252.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert b"\x93" in data and b"\x94" in data  # “ and ” in cp1252
    text = data.decode("cp1252")
    assert "“The easy part is over,” Orlund said." in text


def test_csv_fields_round_trip_with_embedded_quotes_and_newlines():
    path = ARTICLES / "csv" / "regional_press_export.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["title", "text", "publish_date", "publisher", "url"]
    assert all(len(row) == 5 for row in rows)
    assert rows[1][0] == 'Rook launches campaign with promise of "warm homes, open roads"'
    assert "\n\n" in rows[1][1]


def test_structured_and_html_records_carry_at_least_four_outlets_and_months():
    dated = [r for r in RECORDS if r["date"]]
    assert len({r["outlet"] for r in dated}) >= 4
    assert len({r["date"][:7] for r in dated}) >= 4


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "zip", "html"])
def test_english_articles_are_wire_length(fmt):
    for r in RECORDS:
        if r["format"] == fmt:
            text = re.sub(r"<[^>]+>", " ", r["text"]) if fmt == "html" else r["text"]
            assert 250 <= len(text.split()) <= 900, r["origin"]


def test_exactly_one_article_holds_the_hostile_markup():
    markup = ('<script>alert("x")</script>', "<img src=x onerror=alert(1)>")
    holders = [r["origin"] for r in RECORDS if any(m in r["text"] for m in markup)]
    assert holders == [HOSTILE.name]
    text = HOSTILE.read_text(encoding="utf-8")
    assert '<script>alert("x")</script>' in text
    assert "<img src=x onerror=alert(1)>" in text


def test_undated_article_has_no_year_or_month_name():
    text = UNDATED.read_text(encoding="utf-8").lower()
    assert not re.search(r"\b(19|20)\d\d\b", text)
    assert not any(re.search(rf"\b{m}\b", text) for m in MONTHS)


def test_french_article_is_short_and_french():
    text = FRENCH.read_text(encoding="utf-8")
    assert "a déclaré" in text
    assert len(text.split()) < 250


def test_shared_surname_belongs_to_two_people_never_in_one_article():
    piotr = {r["origin"] for r in RECORDS if "Piotr Halvan" in r["text"]}
    mira = {r["origin"] for r in RECORDS if "Mira Halvan" in r["text"]}
    assert piotr and mira
    assert not piotr & mira


def test_topics_toml_has_the_documented_shape():
    topics = tomllib.loads((SAMPLE / "topics.toml").read_text(encoding="utf-8"))["topics"]
    assert 6 <= len(topics) <= 10
    corpus = " ".join(r["text"].lower() for r in RECORDS)
    for name, terms in topics.items():
        assert isinstance(terms, list) and terms, name
        for term in terms:
            assert isinstance(term, str) and term == term.lower() == term.strip(), term
            assert term in corpus, f"{name}: {term!r} never occurs in the sample corpus"


def test_aliases_toml_maps_variants_seen_in_the_corpus_to_canonical_names():
    aliases = tomllib.loads((SAMPLE / "aliases.toml").read_text(encoding="utf-8"))["aliases"]
    assert aliases == {"Alexander Dravik": "Aleksandr Dravik"}
    corpus = " ".join(r["text"] for r in RECORDS)
    for variant, canonical in aliases.items():
        assert variant in corpus and canonical in corpus


def test_readme_speaker_table_lists_at_least_twelve_speakers_all_in_the_corpus():
    readme = (SAMPLE / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Speakers", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")][1:]
    names = [row.split("|")[1].strip() for row in rows]
    types = Counter(row.split("|")[4].strip() for row in rows)
    assert len(names) >= 12
    assert types["person"] >= 12 and types["government"] and types["organisation"]
    corpus = " ".join(r["text"] for r in RECORDS).replace("’", "'")
    missing = [n for n in names if n not in corpus]
    assert missing == []
