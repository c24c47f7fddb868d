"""The page at ``/``: a query box, the ready-made queries, a results table, a network view (in Vietnamese)."""

from __future__ import annotations

import html
import json
from functools import lru_cache
from importlib import resources

from ..sparql import ready_queries

#: The page's example CONSTRUCT: related entities with their class and name, for the network view.
#: A ready-made name on the page and at /sparql (``query=network``); not a ``kgraph query`` one.
NETWORK_QUERY = """# The entity network: related entities with their class and name (drawn below).
CONSTRUCT {
  ?a ?relation ?b .
  ?a a ?classA ; skos:prefLabel ?nameA .
  ?b a ?classB ; skos:prefLabel ?nameB .
} WHERE {
  VALUES ?relation {
    kg:directs kg:implements kg:issuedBy kg:cooperatesWith org:subOrganizationOf org:memberOf
    kg:organizes kg:participatesIn kg:locatedIn
  }
  ?a ?relation ?b .
  ?a a ?classA ; skos:prefLabel ?nameA .
  ?b a ?classB ; skos:prefLabel ?nameB .
} LIMIT 2000
"""


def _data(name: str) -> str:
    return (resources.files("kgraph") / "data" / name).read_text(encoding="utf-8")


def query_descriptions() -> dict[str, str]:
    """What each ready-made query answers, in Vietnamese (``data/serve_queries.tsv``)."""
    out = {}
    for line in _data("serve_queries.tsv").splitlines():
        if line and not line.startswith("#"):
            name, about = line.split("\t", 1)
            out[name] = about.strip()
    return out


@lru_cache(maxsize=1)
def render_page() -> str:
    """The page, from ``data/serve_page.html``, with the ready-made queries filled in."""
    queries = {**ready_queries(), "network": NETWORK_QUERY}
    about = query_descriptions()
    ready = {name: {"text": text, "about": about.get(name, name)} for name, text in queries.items()}
    payload = json.dumps(ready, ensure_ascii=False, sort_keys=True)
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    options = "".join(
        f'<option value="{html.escape(name)}">{html.escape(name)} — {html.escape(q["about"])}</option>'
        for name, q in sorted(ready.items())
    )
    return _data("serve_page.html").replace("{{OPTIONS}}", options).replace("{{QUERIES}}", payload)
