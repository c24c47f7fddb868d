"""A small directed multigraph: the part of networkx's ``MultiDiGraph`` the network page uses.

Importing networkx costs about a tenth of a CPU second (all its algorithms, and two scans
of the installed packages' entry points for its backends): a build's page would pay it for
a few dictionary operations. ``Net`` keeps networkx's orders (nodes as added, a node's
edges by neighbour as first linked, then by key), so a page drawn from it is the page drawn
from networkx; ``to_networkx`` gives the real thing (GraphML, reports).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

Data = dict[str, Any]


class NodeView:
    """``net.nodes``: iterate, look up a node's data (``net.nodes[n]``), or list ``(n, data)``."""

    def __init__(self, nodes: dict[str, Data]) -> None:
        self._nodes = nodes

    def __iter__(self) -> Iterator[str]:
        return iter(self._nodes)

    def __len__(self) -> int:
        return len(self._nodes)

    def __contains__(self, node: object) -> bool:
        return node in self._nodes

    def __getitem__(self, node: str) -> Data:
        return self._nodes[node]

    def __call__(self, data: bool = False) -> list[Any]:
        return list(self._nodes.items()) if data else list(self._nodes)


class Net:
    """Nodes with data and keyed directed edges with data (several between two nodes)."""

    def __init__(self) -> None:
        self._node: dict[str, Data] = {}
        self._succ: dict[str, dict[str, dict[str, Data]]] = {}
        self._pred: dict[str, dict[str, dict[str, Data]]] = {}

    def __len__(self) -> int:
        return len(self._node)

    def __iter__(self) -> Iterator[str]:
        return iter(self._node)

    def __contains__(self, node: object) -> bool:
        return node in self._node

    @property
    def nodes(self) -> NodeView:
        return NodeView(self._node)

    def add_node(self, node: str, **data: Any) -> None:
        if node not in self._node:
            self._node[node], self._succ[node], self._pred[node] = {}, {}, {}
        self._node[node].update(data)

    def add_nodes_from(self, nodes: Iterable[tuple[str, Data]]) -> None:
        for node, data in nodes:
            self.add_node(node, **data)

    def add_edge(self, source: str, target: str, key: str, **data: Any) -> None:
        for node in (source, target):
            if node not in self._node:
                self.add_node(node)
        keyed = self._succ[source].setdefault(target, {})
        self._pred[target].setdefault(source, keyed)  # one dict for both directions
        keyed.setdefault(key, {}).update(data)

    def add_edges_from(self, edges: Iterable[tuple[str, str, str, Data]]) -> None:
        for source, target, key, data in edges:
            self.add_edge(source, target, key, **data)

    def remove_nodes_from(self, nodes: Iterable[str]) -> None:
        for node in nodes:
            if node not in self._node:
                continue
            for target in self._succ.pop(node):
                if target != node:
                    del self._pred[target][node]
            for source in self._pred.pop(node):
                if source != node:
                    del self._succ[source][node]
            del self._node[node]

    def edges(self, keys: bool = False, data: bool = False) -> list[Any]:
        """Each edge as ``(u, v)``, ``(u, v, key)`` or ``(u, v, key, data)``, in networkx's order."""
        out: list[Any] = []
        for source, targets in self._succ.items():
            for target, keyed in targets.items():
                for key, values in keyed.items():
                    if keys:
                        out.append((source, target, key, values) if data else (source, target, key))
                    else:
                        out.append((source, target, values) if data else (source, target))
        return out

    def number_of_nodes(self) -> int:
        return len(self._node)

    def number_of_edges(self) -> int:
        return sum(len(keyed) for targets in self._succ.values() for keyed in targets.values())

    def degree(self, node: str) -> int:
        """Edges in and out of ``node`` (a loop counts twice), as networkx counts them."""
        out = sum(len(keyed) for keyed in self._succ[node].values())
        return out + sum(len(keyed) for keyed in self._pred[node].values())

    def successors(self, node: str) -> Iterator[str]:
        return iter(self._succ[node])

    def predecessors(self, node: str) -> Iterator[str]:
        return iter(self._pred[node])

    def subgraph(self, nodes: Iterable[str]) -> Net:
        """A copy of the part of the net among ``nodes`` (in this net's node order)."""
        keep = set(nodes)
        out = Net()
        out.add_nodes_from((n, dict(d)) for n, d in self._node.items() if n in keep)
        out.add_edges_from(
            (u, v, k, dict(d)) for u, v, k, d in self.edges(True, True) if u in keep and v in keep
        )
        return out

    def copy(self) -> Net:
        return self.subgraph(self._node)

    def to_networkx(self) -> Any:
        """The same network as a networkx ``MultiDiGraph``."""
        import networkx as nx

        net = nx.MultiDiGraph()
        net.add_nodes_from(self.nodes(data=True))
        net.add_edges_from(self.edges(keys=True, data=True))
        return net
