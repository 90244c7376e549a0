"""Issue 13.11: escape sequences and bidi controls in names reach no terminal raw and leave
titles and outlets. Read in process: tests/ingest/test_special.py; the upload's names:
tests/ingest/test_upload_formats.py."""

from __future__ import annotations

import json
import zipfile

from tests.hostile.conftest import BODY, outcomes, parse_beside_good


def test_member_names_are_escaped_and_titles_cleaned(tmp_path):
    pack, record = tmp_path / "names.zip", tmp_path / "record.json"
    with zipfile.ZipFile(pack, "w") as z:
        z.writestr("\x1b[2Jclear\u202etxt.exe", "x")
        z.writestr("\u202ebidi.txt", "Only a headline\n")
    record.write_text(json.dumps({"text": BODY, "title": "\x1b[31mRed\u202e title",
                                  "source": "<Wire\u202e>"}), encoding="utf-8")
    run = parse_beside_good(tmp_path, pack, record)
    assert not any(ch in run.stderr + run.stdout for ch in "\x1b\u202e")
    assert [line.split(": ", 1)[0] for line in run.rejected()] == [
        f"{pack}!\\x1b[2Jclear\\u202etxt.exe", f"{pack}!\\u202ebidi.txt"]
    (article,) = [a for a in run.articles() if a["origin"] == str(record)]
    assert (article["title"], article["source"]) == ("[31mRed title", "<Wire >")
    assert outcomes(run, record) == [("stored", ())]
