"""Issue 13.12, the smaller points: a one-paragraph .txt without headline is an article (read in
process: tests/ingest/test_records.py); the served app shows no traceback; the Articles page
opens on the latest article (tests/test_app.py, test_the_articles_page_opens_on_the_latest_
article); framing is refused by the reverse proxy, as Streamlit cannot send X-Frame-Options
(the README's nginx lines, not testable here)."""

from __future__ import annotations

import tomllib

from tests.hostile.conftest import BODY, ROOT, outcomes, parse_beside_good


def test_a_one_paragraph_txt_is_stored(tmp_path):
    path = tmp_path / "para.txt"
    path.write_text(BODY + "\n", encoding="utf-8")
    run = parse_beside_good(tmp_path, path)
    assert outcomes(run, path) == [("stored", ())]


def test_the_served_app_shows_no_error_details():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"
