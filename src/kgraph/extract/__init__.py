"""Extraction: mentions -> entities -> relations, each with its evidence sentence."""

from __future__ import annotations

from ..model import Document, Extraction


def extract(document: Document) -> Extraction:
    """Everything kgraph reads from one normalised article."""
    return Extraction(document)
