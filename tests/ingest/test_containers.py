"""gzip of any format, tar archives, WARC crawls and RSS/Atom feeds, each built here."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import tarfile

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsquotes.config import Limits
from tests.ingest.conftest import BODY, STORY

PAGE = ("<html><head><title>Fares rise</title>{meta}</head><body><article><h1>Fares rise</h1>"
        "<p>Ferry fares rose by a tenth on Monday, the harbour board said, blaming the price "
        "of fuel, which has doubled this year.</p><p>The chair said the rise would not last "
        "and that fares would fall again in the spring.</p></article></body></html>")
DATED = '<meta property="article:published_time" content="2019-11-18T09:00:00Z">'


@pytest.mark.parametrize(
    ("name", "data", "title", "body"),
    [
        ("a.txt.gz", STORY, "Ferry fares rise", BODY),
        ("a.jsonl.gz", json.dumps({"maintext": BODY, "title": "Fares"}) + "\n", "Fares", BODY),
        ("a.csv.gz", f'title,text\nFares,"{BODY}"\n', "Fares", BODY),
        ("a.json.gz", json.dumps([{"text": BODY, "title": "Fares"}]), "Fares", BODY),
    ],
)
def test_gzip_of_any_format(tmp_path, read, name, data, title, body):
    path = tmp_path / name
    path.write_bytes(gzip.compress(data.encode("utf-8")))
    (art,), rejected = read(path)
    assert (art.title, art.body, rejected) == (title, body, [])


def test_gzipped_html_page(tmp_path, read):
    path = tmp_path / "a.html.gz"
    path.write_bytes(gzip.compress(PAGE.format(meta=DATED).encode("utf-8")))
    (art,), rejected = read(path)
    assert (art.title, art.date, rejected) == ("Fares rise", dt.date(2019, 11, 18), [])
    assert art.body.startswith("Ferry fares rose by a tenth")


def test_a_gzip_bomb_is_rejected(tmp_path, read):
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(b"a" * 3000))
    assert read(path, limits=Limits(max_file_bytes=1000)) == (
        [], [(str(path), "gzip unpacks to more than 1,000 bytes, the limit")])


def _tar(path, members, mode="w:gz"):
    with tarfile.open(path, mode) as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            if data is None:  # a link out of the archive
                info.type, info.linkname = tarfile.SYMTYPE, "/etc/passwd"
                tar.addfile(info)
            else:
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
    return path


@pytest.mark.parametrize("name,mode", [("a.tar", "w"), ("a.tar.gz", "w:gz"), ("a.tgz", "w:gz")])
def test_tar_archives(tmp_path, read, name, mode):
    path = _tar(tmp_path / name, {"news/one.txt": STORY.encode(), "link.txt": None,
                                  "../../escape.txt": STORY.encode(), ".DS_Store": b"x",
                                  "two.jsonl.gz": gzip.compress(
                                      json.dumps({"text": BODY + " Again."}).encode())}, mode)
    arts, rejected = read(path)
    assert [(a.origin, a.body) for a in arts] == [
        (f"{path}!news/one.txt", BODY), (f"{path}!two.jsonl.gz#line 1", BODY + " Again.")]
    assert rejected == [
        (f"{path}!link.txt", "a link (to /etc/passwd) in the archive; not followed"),
        (f"{path}!../../escape.txt", "unsafe member path (absolute or with '..'); not read")]


def test_tar_limits(tmp_path, read):
    path = _tar(tmp_path / "a.tgz", {f"{i}.txt": STORY.encode() for i in range(5)})
    assert read(path, limits=Limits(max_members=3)) == ([], [(
        str(path), "tar has over 3 members, over the limit of 3; nothing in it was read")])
    big = _tar(tmp_path / "b.tgz", {"a.txt": b"a" * 9000})
    assert read(big, limits=Limits(max_unpacked_bytes=8000)) == ([], [(
        str(big), "tar unpacks to 9,000 bytes, over the limit of 8,000 bytes; nothing in it "
                  "was read")])


def _warc(records) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for uri, ctype, payload, stamp in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            uri, "response", payload=io.BytesIO(payload), http_headers=headers,
            warc_headers_dict={"WARC-Date": stamp}))
    return buf.getvalue()


WARC = _warc([
    ("https://example.com/a", "text/html; charset=utf-8", PAGE.format(meta="").encode(),
     "2019-11-19T14:05:00Z"),
    ("https://example.com/logo.png", "image/png", b"\x89PNG", "2019-11-19T14:05:01Z"),
    ("https://example.com/b", "text/html", PAGE.format(meta=DATED).replace(
        "tenth", "fifth").encode(), "2019-11-20T00:00:00Z"),
])


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.html"])
def test_warc_records_are_articles(tmp_path, read, name):
    path = tmp_path / name
    path.write_bytes(WARC)
    arts, rejected = read(path)
    assert [(a.origin, a.url, a.date, a.flags) for a in arts] == [
        (f"{path}!https://example.com/a", "https://example.com/a", dt.date(2019, 11, 19),
         ("date_crawled",)),
        (f"{path}!https://example.com/b", "https://example.com/b", dt.date(2019, 11, 18), ()),
    ]
    assert rejected == []


def test_uncompressed_warc(tmp_path, read):
    path = tmp_path / "crawl.warc"
    path.write_bytes(gzip.decompress(WARC))
    assert [a.url for a in read(path)[0]] == ["https://example.com/a", "https://example.com/b"]


def test_a_warc_is_held_to_its_unpacked_size_by_every_record_and_to_the_file_limit_by_page(
        tmp_path, read):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_warc([
        ("https://example.com/a", "text/html", PAGE.format(meta="").encode(), "2019-11-19"),
        ("https://example.com/big.png", "image/png", b"\x89PNG" + bytes(6000), "2019-11-19"),
        ("https://example.com/b", "text/html", PAGE.format(meta=DATED).encode(), "2019-11-19"),
    ]))
    arts, rejected = read(path, limits=Limits(max_unpacked_bytes=5000))
    assert ([a.url for a in arts], rejected) == (["https://example.com/a"], [(
        str(path), "WARC unpacks to more than 5,000 bytes, the limit; the rest is not read")])
    small = Limits(max_file_bytes=len(PAGE) + 100)  # under the file's size, over each page's
    assert path.stat().st_size > small.max_file_bytes
    assert len(read(path, limits=small)[0]) == 2


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Harbour Wire</title>
<item><title>Fares rise</title><link>https://example.com/a</link>
<pubDate>Tue, 19 Nov 2019 14:05:00 +0000</pubDate><category>Transport</category>
<description>Fares rose.</description>
<content:encoded><![CDATA[<p>Ferry fares rose by a tenth, the board said.</p>
<p>“It will not last,” the chair said.</p>]]></content:encoded></item>
<item><title>Only a summary</title><link>https://example.com/b</link>
<description>Ferry fares fell, the board said on Monday.</description></item>
<item><title>Nothing</title></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour Atom</title>
<entry><title>Fares rise</title><link href="https://example.com/a"/>
<published>2019-11-19T14:05:00Z</published><author><name>Jane Doe</name></author>
<content type="html">&lt;p&gt;Ferry fares rose by a tenth, the board said.&lt;/p&gt;</content>
</entry></feed>"""


def test_rss_items_are_articles(tmp_path, read):
    path = tmp_path / "feed.rss"
    path.write_text(RSS, encoding="utf-8")
    arts, rejected = read(path)
    assert [(a.title, a.body, a.date, a.url, a.source, a.section, a.flags) for a in arts] == [
        ("Fares rise", "Ferry fares rose by a tenth, the board said.\n\n“It will not last,” "
         "the chair said.", dt.date(2019, 11, 19), "https://example.com/a", "Harbour Wire",
         "Transport", ()),
        ("Only a summary", "Ferry fares fell, the board said on Monday.", None,
         "https://example.com/b", "Harbour Wire", "", ("summary_only", "no_date")),
    ]
    assert rejected == [(f"{path}#item 3",
                         "feed item has no text (neither content nor summary)")]


def test_atom_entries_are_articles(tmp_path, read):
    path = tmp_path / "feed.xml"
    path.write_text(ATOM, encoding="utf-8")
    (art,), rejected = read(path)
    assert (art.title, art.body, art.date, art.url, art.author, art.source, rejected) == (
        "Fares rise", "Ferry fares rose by a tenth, the board said.", dt.date(2019, 11, 19),
        "https://example.com/a", "Jane Doe", "Harbour Atom", [])


def test_xml_that_is_no_feed(tmp_path, read):
    path = tmp_path / "a.xml"
    path.write_text("<?xml version='1.0'?><catalog><book>x</book></catalog>", encoding="utf-8")
    assert read(path) == ([], [(str(path), "not an RSS or Atom feed")])
