"""The one table of limits: how much a file, an upload, an archive or an article may take in.

Every limit ends in a named rejection or a flag, never a crash or a silent cut. The CLI, the
upload page (and `.streamlit/config.toml`'s `maxUploadSize`, checked by a test) and the
extractor read them from here.
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """How much one read or one extraction may take in; over a limit is rejected or flagged."""

    max_file_bytes: int = 20 * MB  # per file, and per archive member once unpacked
    max_upload_bytes: int = 20 * MB  # per uploaded file: the same as a file on the command line
    max_members: int = 1000  # per .zip / .tar archive
    max_unpacked_bytes: int = 200 * MB  # per archive (or .gz), all members unpacked
    max_field_chars: int = 20 * MB  # per CSV field (Python's csv default is 131,072)
    # The extractor's bounds (why each number: newsquotes/extract/limits.py).
    max_sentence_chars: int = 2_000  # per sentence parsed; a longer one is skipped
    max_piece_chars: int = 2_000  # per piece handed to the parser
    max_quotation_chars: int = 20_000  # per quotation span; longer is an unclosed mark
    max_quotations: int = 1_000  # per article; the first ones are kept
    max_text_chars: int = 1_000_000  # per article read at all
    max_parsed_chars: int = 200_000  # per article parsed
    max_statements: int = 1_000  # per article; the first ones are kept


def size_text(n: int) -> str:
    """Give a byte count as people read it ("20.0 MB", "1,000 bytes"); in bytes unless a
    whole number of kilobytes, so a file one byte over a limit never reads as the limit."""
    return f"{n / MB:.1f} MB" if n >= MB / 10 and n % 1024 == 0 else f"{n:,} bytes"
