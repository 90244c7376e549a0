"""Extraction on a Dask cluster: the runner, the ingest and the upload through it."""
