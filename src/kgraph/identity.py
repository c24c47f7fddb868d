"""Deterministic IRIs, minted in one place.

An entity's IRI depends only on its identity key (normalised name or document number,
plus the scope of locally named bodies), so the same thing gets the same IRI in every
article and every run, and graphs built separately merge by plain union.
"""

from __future__ import annotations

import hashlib
import re

from .namespaces import ENTITY_CLASSES, IRI
from .text import fold

_RES = str(IRI.RES)

#: IRI path segment for each entity class local name.
SEGMENT_OF_KIND = {c.name: c.segment for c in ENTITY_CLASSES}
DOCUMENT_KINDS = frozenset(c.name for c in ENTITY_CLASSES if c.segment == "doc")


def slugify(text: str, limit: int = 60) -> str:
    """ASCII slug of a name: letters, digits and single hyphens only."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    return slug[:limit].rstrip("-") or "x"


def short_hash(text: str, size: int = 8) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:size]


def group_of(kind: str) -> str:
    return SEGMENT_OF_KIND.get(kind, "org")


def mint_iri(kind: str, key: str) -> str:
    """IRI of an entity of class ``kind`` with identity ``key`` (see ``kgraph.extract``)."""
    readable = key.split("|")[-1] if "|" in key else key
    return f"{_RES}{group_of(kind)}/{slugify(readable)}-{short_hash(key)}"


def mint_aux_iri(group: str, *parts: object) -> str:
    """IRI of an auxiliary node (article, statement, membership, quantity, role...)."""
    joined = "|".join(str(part) for part in parts)
    return f"{_RES}{group}/{short_hash(joined, 16)}"


def article_iri(article_id: str) -> str:
    return f"{_RES}article/{article_id}"


def role_iri(title: str) -> str:
    return f"{_RES}role/{slugify(title)}-{short_hash(title.lower())}"


def doctype_iri(code: str) -> str:
    return f"{_RES}doctype/{slugify(code)}"
