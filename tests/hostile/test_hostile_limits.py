"""Issue 13.9 and the limits of the table (newsquotes/config.py): a file one byte over the file
limit, a gzip bomb, a tar whose header claims more than the unpacked limit, each rejected by
name in one batch. The upload's limit equals the file limit: tests/ingest/test_limits.py; the
archives' and WARC's limits read in process: tests/ingest/test_containers.py."""

from __future__ import annotations

import gzip
import tarfile

from newsquotes.config import MB
from tests.hostile.conftest import outcomes, parse_beside_good


def _tar_claiming(path, size: int) -> None:
    info = tarfile.TarInfo("huge.txt")
    info.size = size  # the header claims it; nothing of it is written or read
    with tarfile.open(path, "w:gz") as tar:
        tar.addfile(info)


def test_files_over_the_limits_are_rejected_by_name(tmp_path):
    big, bomb, tgz = tmp_path / "big.txt", tmp_path / "bomb.txt.gz", tmp_path / "bomb.tgz"
    big.write_bytes(b"a" * (20 * MB + 1))
    with gzip.open(bomb, "wb", compresslevel=9) as f:
        for _ in range(64):
            f.write(bytes(MB))
    _tar_claiming(tgz, 300 * MB)
    run = parse_beside_good(tmp_path, big, bomb, tgz)
    assert [outcomes(run, p) for p in (big, bomb, tgz)] == [
        [("rejected", ("file is 20,971,521 bytes, over the size limit of 20.0 MB per file",))],
        [("rejected", ("gzip unpacks to more than 20.0 MB, the limit",))],
        [("rejected", ("tar unpacks to 300.0 MB, over the limit of 200.0 MB; nothing in it "
                       "was read",))],
    ]
