"""Annotated reader: a static-site generator for aligned, annotated source texts.

The pipeline reads top to bottom in `pipeline.py`: load the sources into
typed objects, validate them, then (in later stages) link and render.
"""

__version__ = "0.1.0"
