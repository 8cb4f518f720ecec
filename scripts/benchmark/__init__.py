"""The build benchmark: a synthetic corpus of any size, a plain baseline site, and a report.

Not part of the installed package (`annotated_reader` is): run it from a
checkout with `make benchmark`, or `PYTHONPATH=scripts python -m benchmark`.

- `text_pool`: sentences and headings sampled from the repository's own witnesses.
- `corpus`, `corpus_files`, `corpus_notes`, `project`: a complete project of
  N synthetic documents, with seeds, notes, glossary and timeline, that
  checks clean and builds.
- `baseline`: the same texts as a plain mkdocs-material site, and the
  Markdown-only floor.
- `measure`: timed builds, peak memory and output sizes.
- `gzip_server`, `browser`, `lighthouse`: what a reader's browser downloads.
- `report`, `run`: the table and the command line.
"""
