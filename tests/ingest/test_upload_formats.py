"""The dashboard's upload reads the new shapes as the CLI does (a feed, a WARC.gz, a .tgz)."""

from __future__ import annotations

import io
import tarfile
from dataclasses import dataclass

from components.uploads import add_uploads
from tests.ingest.test_containers import RSS, WARC


@dataclass
class Upload:
    name: str
    data: bytes

    def getvalue(self) -> bytes:
        return self.data


def _tgz() -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        data = b"Fares fall\n\nFerry fares fell by a fifth on Friday, the port board said.\n"
        info = tarfile.TarInfo("one.txt")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def test_uploaded_feed_warc_and_tar_are_stored(tmp_path):
    report = add_uploads([Upload("feed.rss", RSS.encode()), Upload("crawl.warc.gz", WARC),
                          Upload("pack.tgz", _tgz())], tmp_path / "store")
    assert (len(report.added), report.error) == (5, "")
    assert report.rejected == [("feed.rss#item 3",
                                "feed item has no text (neither content nor summary)")]


def test_an_uploaded_file_s_name_is_shown_with_controls_escaped(tmp_path):
    report = add_uploads([Upload("\x1b[2Jfares\u202e.txt", b"Only a headline\n")],
                         tmp_path / "store")
    assert report.rejected == [("\\x1b[2Jfares\\u202e.txt",
                                "no article text found (only a headline or boilerplate)")]
