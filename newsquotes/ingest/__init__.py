"""Files, archives and exports -> Article records, or named rejections."""
