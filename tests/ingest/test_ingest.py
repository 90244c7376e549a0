"""Reading files, folders and zips: every file ends as articles or a rejection with a reason."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest

from newsquotes.config import Limits
from newsquotes.ingest.files import article_id, decode, read_paths
from newsquotes.ingest.language import language_of
from newsquotes.records import Article, Rejection

STORY = ("Ferry fares rise\n\nBy Jane Doe\n\nMarch 10, 2022\n\n"
         "Ferry fares rose by a tenth on Monday, the harbour board said.\n\n"
         "“We had no choice,” said Alva Strand, the board’s chair.")
FRENCH = ("Les tarifs augmentent\n\n10 mars 2022\n\n"
          "Les tarifs du ferry ont augmenté lundi, a déclaré le conseil du port. "
          "« Nous n'avions pas le choix », a dit la présidente du conseil, qui a ajouté que "
          "les prix du carburant avaient doublé depuis l'hiver.")


def _read(*paths, limits=None):
    items = list(read_paths(paths, limits or Limits()))
    return ([i for i in items if isinstance(i, Article)],
            [(r.origin, r.reason) for r in items if isinstance(r, Rejection)])


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def test_a_plain_text_article(tmp_path):
    path = _write(tmp_path / "story.txt", STORY)
    [a], rejected = _read(path)
    assert rejected == []
    assert (a.title, a.date, a.author, a.language, a.word_count, a.origin, a.flags) == (
        "Ferry fares rise", dt.date(2022, 3, 10), "Jane Doe", "en", 22, str(path), ())
    assert a.body.endswith("said Alva Strand, the board’s chair.")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf8.txt", STORY.encode("utf-8")),
        ("utf8_bom.txt", b"\xef\xbb\xbf" + STORY.encode("utf-8")),
        ("utf16_le.txt", STORY.encode("utf-16")),  # Python writes the BOM
        ("utf16_be.txt", b"\xfe\xff" + STORY.encode("utf-16-be")),
        ("cp1252.txt", STORY.encode("cp1252")),
    ],
)
def test_encodings_give_the_same_article(tmp_path, name, data):
    [a], rejected = _read(_write(tmp_path / name, data))
    assert rejected == []
    assert a.title == "Ferry fares rise"  # no BOM left on the headline
    assert "“We had no choice,” said Alva Strand, the board’s chair." in a.body
    assert a.id == article_id(_read(_write(tmp_path / "ref.txt", STORY))[0][0].body)


def test_latin1_detected():
    text = ("Le conseil du port a annoncé une hausse des tarifs du ferry. La présidente a "
            "déclaré que la décision était inévitable après l'été.")
    assert decode(text.encode("latin-1")) == text


def test_empty_file(tmp_path):
    path = _write(tmp_path / "empty.txt", b"")
    assert _read(path) == ([], [(str(path), "empty file")])


def test_whitespace_only_file(tmp_path):
    path = _write(tmp_path / "blank.json", b"  \n\n ")
    assert _read(path) == ([], [(str(path), "empty file")])


def test_binary_file(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    path = _write(tmp_path / "image.txt", png)
    assert _read(path) == ([], [(str(path), "binary file: not text in any known encoding")])


def test_unknown_extension(tmp_path):
    path = _write(tmp_path / "story.pdf", STORY)
    [], [(origin, reason)] = _read(path)
    assert origin == str(path)
    assert reason.startswith("unknown extension '.pdf' (expected one of .txt,")


def test_missing_path(tmp_path):
    assert _read(tmp_path / "nowhere.txt") == ([], [(str(tmp_path / "nowhere.txt"),
                                                      "no such file or folder")])


def test_broken_json_names_the_file_and_line(tmp_path):
    path = _write(tmp_path / "feed.json", '[{"text": "Fares rose."},\n{"text": ]')
    assert _read(path) == ([], [(str(path), "broken JSON: line 2 column 10: Expecting value")])


def test_broken_csv_names_the_record(tmp_path):
    path = _write(tmp_path / "feed.csv", 'title,text\nA,Fares rose.\nB,Fares fell.,oops\n')
    articles, rejected = _read(path)
    assert [a.body for a in articles] == ["Fares rose."]
    assert rejected == [(f"{path}#record 2",
                         "broken CSV: line 3: more fields than the header has")]


def test_record_without_text(tmp_path):
    path = _write(tmp_path / "feed.jsonl", '{"title": "Fares", "date": "2022-03-10"}\n')
    assert _read(path) == ([], [(f"{path}#line 1", "record has no text "
                                 "(expected a 'text', 'body', 'maintext', 'content' field)")])


def test_file_over_the_size_limit_says_the_limit(tmp_path):
    path = _write(tmp_path / "big.txt", STORY + "\n\n" + "More text. " * 200)
    assert _read(path, limits=Limits(max_file_bytes=1000)) == (
        [], [(str(path), f"file is {path.stat().st_size:,} bytes, over the size limit of "
                         f"1,000 bytes per file")])


def test_default_size_limit_is_twenty_megabytes():
    assert Limits().max_file_bytes == 20 * 1024 * 1024


def test_article_without_a_date_is_kept_and_flagged(tmp_path):
    path = _write(tmp_path / "undated.txt", "Ferry fares explained\n\nFares are set by the "
                  "port board, which meets each spring to review the costs of the crossing.")
    [a], _ = _read(path)
    assert (a.date, a.flags) == (None, ("no_date",))


def test_text_not_in_english_is_kept_and_flagged(tmp_path):
    [a], _ = _read(_write(tmp_path / "fr.txt", FRENCH))
    assert (a.language, a.flags, a.date) == ("fr", ("not_english",), dt.date(2022, 3, 10))


def test_same_story_twice_is_one_id(tmp_path):
    as_text = _write(tmp_path / "a.txt", STORY)
    body = _read(as_text)[0][0].body
    as_json = _write(tmp_path / "b.json", json.dumps({"title": "Other", "text": body + "\n"}))
    [a], [b] = _read(as_text)[0], _read(as_json)[0]
    assert a.id == b.id and len(a.id) == 16


def test_ids_ignore_quote_style_and_spacing():
    assert article_id("“Yes,” she said.\n\nNo.") == article_id('"yes," she  said. no.')
    assert article_id("She said yes.") != article_id("She said no.")


def test_folder_is_read_recursively_in_order(tmp_path):
    _write(tmp_path / "b" / "2.txt", STORY)
    _write(tmp_path / "a.json", json.dumps([{"text": "One."}, {"text": "Two."}]))
    _write(tmp_path / "b" / ".hidden.txt", STORY)
    _write(tmp_path / "b" / "c" / "notes.md", "# notes")
    articles, rejected = _read(tmp_path)
    assert [a.origin for a in articles] == [
        f"{tmp_path}/a.json#record 1", f"{tmp_path}/a.json#record 2", f"{tmp_path}/b/2.txt"]
    assert [o for o, _ in rejected] == [f"{tmp_path}/b/c/notes.md"]


def test_one_bad_file_does_not_stop_the_batch(tmp_path):
    bad = _write(tmp_path / "bad.json", "{")
    good = _write(tmp_path / "good.txt", STORY)
    articles, rejected = _read(bad, good)
    assert [a.origin for a in articles] == [str(good)]
    assert [o for o, _ in rejected] == [str(bad)]


def _zip(path: Path, members: dict[str, bytes | str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def test_zip_members_are_read_in_memory(tmp_path):
    path = _zip(tmp_path / "bundle.zip", {"one.txt": STORY, "feed/two.json": '{"text": "Two."}',
                                          "notes.bin": "x"})
    articles, rejected = _read(path)
    assert [a.origin for a in articles] == [f"{path}!one.txt", f"{path}!feed/two.json"]
    assert [o for o, _ in rejected] == [f"{path}!notes.bin"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bundle.zip"]


def test_zip_with_too_many_members(tmp_path):
    path = _zip(tmp_path / "many.zip", {f"{i}.txt": STORY for i in range(4)})
    assert _read(path, limits=Limits(max_members=3)) == ([], [(
        str(path), "zip has 4 members, over the limit of 3; nothing in it was read")])


def test_zip_too_large_when_unpacked(tmp_path):
    path = _zip(tmp_path / "bomb.zip", {"a.txt": "a" * 5000, "b.txt": "b" * 5000})
    assert _read(path, limits=Limits(max_unpacked_bytes=8000)) == ([], [(
        str(path), "zip unpacks to 10,000 bytes, over the limit of 8,000 bytes; "
                   "nothing in it was read")])


def test_zip_member_over_the_file_limit(tmp_path):
    big = STORY + "x" * 2000
    path = _zip(tmp_path / "big.zip", {"big.txt": big, "ok.txt": STORY})
    articles, rejected = _read(path, limits=Limits(max_file_bytes=1000))
    assert [a.origin for a in articles] == [f"{path}!ok.txt"]
    assert rejected == [(f"{path}!big.txt", f"member is {len(big.encode()):,} bytes, over the "
                                            "size limit of 1,000 bytes per file")]


@pytest.mark.parametrize("name", ["../escape.txt", "a/../../escape.txt", "/etc/escape.txt",
                                  "C:/escape.txt", "..\\escape.txt"])
def test_zip_with_unsafe_paths_writes_nothing(tmp_path, name):
    inner = tmp_path / "inner"
    inner.mkdir()
    path = _zip(inner / "evil.zip", {name: STORY, "fine.txt": STORY})
    articles, rejected = _read(path)
    assert [a.origin for a in articles] == [f"{path}!fine.txt"]
    assert rejected == [(f"{path}!{name}", "unsafe member path (absolute or with '..'); "
                                           "not read")]
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["evil.zip", "inner"]


def test_not_a_zip(tmp_path):
    path = _write(tmp_path / "fake.zip", STORY)
    [], [(origin, reason)] = _read(path)
    assert origin == str(path) and reason.startswith("not a readable zip archive")


def test_zip_inside_a_zip_is_not_read(tmp_path):
    inner = _zip(tmp_path / "inner.zip", {"one.txt": STORY})
    path = _zip(tmp_path / "outer.zip", {"inner.zip": inner.read_bytes()})
    assert _read(path) == ([], [(f"{path}!inner.zip", "an archive inside an archive is not read")])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The board said on Monday that the fares would rise again in the spring.", ("en", True)),
        ("Le conseil a déclaré que les tarifs du ferry vont encore augmenter.", ("fr", False)),
        ("Der Vorstand sagte, dass die Preise für die Fähre wieder steigen.", ("de", False)),
        ("O pessoal da câmara disse que a ponte vai fechar na segunda-feira.", ("pt", False)),
        ("Fares rose.", ("", True)),  # too short to call: not known, so extracted as English
        ("Top stories\nElection results\nWeather\nSports scores\nMarkets today\nOpinion\n"
         "Letters to the editor\nObituaries\nCrosswords", ("", True)),  # an English list page
        ("", ("", True)),
    ],
)
def test_language_of(text, expected):
    assert language_of(text) == expected
