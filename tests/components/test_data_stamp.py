"""The store's stamp changes when the store is written, not when its catalog is only read."""

from components import data


def test_the_stamp_sees_writes_but_not_sqlite_side_files(tmp_path):
    (tmp_path / "catalog.sqlite").write_bytes(b"x")
    before = data.stamp(tmp_path)
    for side in ("catalog.sqlite-wal", "catalog.sqlite-shm", "catalog.sqlite-journal"):
        (tmp_path / side).write_bytes(b"read")
    assert data.stamp(tmp_path) == before
    (tmp_path / "statements").mkdir()
    (tmp_path / "statements" / "part-000001.parquet").write_bytes(b"new part")
    assert data.stamp(tmp_path) != before
    assert data.stamp(tmp_path / "missing") == "missing"
