"""Draw the entity network as one self-contained HTML page (pyvis + networkx)."""

from __future__ import annotations

import html
import json

from rdflib import Graph

from .network import graph_to_networkx

COLORS = {
    "PartyCommittee": "#c0392b", "PartyOrganization": "#e74c3c", "PartyAgency": "#d35400",
    "StateAgency": "#2980b9", "MassOrganization": "#16a085", "EducationalInstitution": "#8e44ad",
    "Enterprise": "#7f8c8d", "Organization": "#95a5a6", "Person": "#f1c40f", "Location": "#27ae60",
    "Campaign": "#e67e22", "Project": "#34495e", "Event": "#9b59b6",
}
DOCUMENT_COLOR = "#2c3e50"


def render_html(graph: Graph, title: str = "kgraph") -> str:
    """An HTML page drawing ``graph``'s entities and relations."""
    net = graph_to_networkx(graph)
    nodes = [
        {
            "id": node,
            "label": data["label"],
            "title": f"{data['kind']}: {data['label']}",
            "color": COLORS.get(data["kind"], DOCUMENT_COLOR),
            "value": 1 + net.degree(node),
        }
        for node, data in sorted(net.nodes(data=True))
    ]
    edges = [
        {"from": s, "to": o, "label": data["relation"], "arrows": "to", "title": data["evidence"]}
        for s, o, data in sorted(net.edges(data=True), key=lambda e: (e[0], e[1], e[2]["relation"]))
    ]
    payload = json.dumps({"nodes": nodes, "edges": edges}, ensure_ascii=False, sort_keys=True)
    payload = payload.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return (
        "<!doctype html><html lang='vi'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title></head><body>"
        f"<script id='kgraph-data' type='application/json'>{payload}</script>"
        "</body></html>\n"
    )
