// kgraph network page: legend and filters, accent-insensitive search, neighbourhood
// highlight, physics frozen once stable. Every name from the graph is written with
// textContent (or as a vis-network plain-text tooltip), never parsed as HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kgraph-data").textContent);
  var FADED_NODE = "rgba(200,200,200,0.35)";
  var FADED_EDGE = "rgba(200,200,200,0.25)";
  var MAX_RESULTS = 12;

  function fold(text) {
    // the same key as kgraph.network.fold_name: no accents, đ -> d, lower case
    return text.replace(/[đĐ]/g, "d").normalize("NFD").replace(/\p{M}/gu, "")
      .toLowerCase().split(/\s+/).filter(Boolean).join(" ");
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  var state = { hiddenKinds: {}, hiddenRelations: {}, highlighted: null, ready: false };

  document.getElementById("title").textContent = data.title;
  document.getElementById("notice").textContent = data.notice;

  function markReady() {
    if (state.ready) return;
    state.ready = true;
    window.kgraphReadyMs = performance.now();
    document.body.setAttribute("data-ready", "1");
  }

  if (data.physics && data.nodes.length) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      document.body.setAttribute("data-frozen", "1");
      network.once("afterDrawing", markReady);
      network.redraw();
    });
  } else {
    document.body.setAttribute("data-frozen", "1");
    if (data.nodes.length) network.once("afterDrawing", markReady); else markReady();
  }

  // --- filters: the legend is the class filter, the relation list the relation filter ---
  function updateStatus() {
    var shownNodes = 0, shownEdges = 0;
    data.nodes.forEach(function (n) { if (!state.hiddenKinds[n.kind]) shownNodes++; });
    data.edges.forEach(function (e) {
      if (!state.hiddenRelations[e.relation] && !state.hiddenKinds[byId[e.from].kind] &&
          !state.hiddenKinds[byId[e.to].kind]) shownEdges++;
    });
    document.getElementById("status").textContent =
      "Visible: " + shownNodes + " entities, " + shownEdges + " links.";
  }

  function applyFilters() {
    nodes.update(data.nodes.map(function (n) { return { id: n.id, hidden: !!state.hiddenKinds[n.kind] }; }));
    edges.update(data.edges.map(function (e) {
      return { id: e.id, hidden: !!state.hiddenRelations[e.relation] };
    }));
    updateStatus();
  }

  function filterList(listId, items, key, hiddenSet) {
    var list = document.getElementById(listId);
    items.forEach(function (item) {
      var li = element("li");
      var label = element("label");
      var box = element("input");
      box.type = "checkbox";
      box.checked = true;
      box.disabled = item.shown === 0;
      box.setAttribute("data-" + key, item[key]);
      box.addEventListener("change", function () {
        hiddenSet[item[key]] = !box.checked;
        applyFilters();
      });
      var glyph = element("span", item.glyph || "━", "glyph");
      glyph.style.color = item.color;
      label.appendChild(box);
      label.appendChild(glyph);
      label.appendChild(element("span", item.name + " (" + item[key] + ")", "name"));
      var count = item.shown === item.total ? String(item.total) : item.shown + "/" + item.total;
      label.appendChild(element("span", count, "count"));
      li.appendChild(label);
      list.appendChild(li);
    });
  }
  filterList("legend", data.classes, "kind", state.hiddenKinds);
  filterList("relations", data.relations, "relation", state.hiddenRelations);
  updateStatus();

  // --- neighbourhood highlight ---
  // Only colours change (no font or label update: re-measuring labels is what makes a
  // highlight slow on thousands of nodes), and only for items whose state changes.
  var faded = { nodes: {}, edges: {} };
  function setFaded(dataSet, items, store, fadedColor, shouldFade) {
    var updates = [];
    items.forEach(function (item) {
      var fade = shouldFade(item);
      if (!!store[item.id] !== fade) {
        store[item.id] = fade;
        updates.push({ id: item.id, color: fade ? fadedColor : item.color });
      }
    });
    if (updates.length) dataSet.update(updates);
  }

  function clearHighlight() {
    if (state.highlighted === null) return;
    state.highlighted = null;
    document.body.removeAttribute("data-highlighted");
    setFaded(nodes, data.nodes, faded.nodes, FADED_NODE, function () { return false; });
    setFaded(edges, data.edges, faded.edges, FADED_EDGE, function () { return false; });
  }

  function highlight(id) {
    var keep = {};
    keep[id] = true;
    network.getConnectedNodes(id).forEach(function (other) { keep[other] = true; });
    state.highlighted = id;
    document.body.setAttribute("data-highlighted", id);
    if (data.nodes.length + data.edges.length > data.fadeMaxItems) {
      // large views: recolouring thousands of items takes too long; select the
      // neighbourhood instead (vis-network draws selected items emphasised)
      network.setSelection({ nodes: Object.keys(keep), edges: network.getConnectedEdges(id) });
      return;
    }
    setFaded(nodes, data.nodes, faded.nodes, FADED_NODE, function (n) { return !keep[n.id]; });
    setFaded(edges, data.edges, faded.edges, FADED_EDGE, function (e) { return e.from !== id && e.to !== id; });
  }

  network.on("click", function (params) {
    if (params.nodes.length) highlight(params.nodes[0]); else clearHighlight();
  });

  // --- search ---
  function search(query) {
    var key = fold(query);
    if (!key) return [];
    var exact = [], prefix = [], other = [];
    data.nodes.forEach(function (n) {
      var names = n.search.split("\n");
      if (names.indexOf(key) >= 0) exact.push(n);
      else if (names.some(function (s) { return s.indexOf(key) === 0; })) prefix.push(n);
      else if (n.search.indexOf(key) >= 0) other.push(n);
    });
    var byValue = function (a, b) { return (b.value - a.value) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0); };
    return exact.sort(byValue).concat(prefix.sort(byValue), other.sort(byValue));
  }

  var leftOutKeys = null;  // folded lazily: most pages are never searched for missing names
  function searchLeftOut(query) {
    var key = fold(query);
    if (!key || !data.leftOut.length) return [];
    if (leftOutKeys === null) leftOutKeys = data.leftOut.map(function (pair) { return fold(pair[0]); });
    var out = [];
    leftOutKeys.forEach(function (name, i) { if (name.indexOf(key) >= 0) out.push(data.leftOut[i]); });
    return out;
  }

  function focusNode(id) {
    var n = byId[id];
    if (!n) return false;
    if (state.hiddenKinds[n.kind]) {
      state.hiddenKinds[n.kind] = false;
      var box = document.querySelector('#legend input[data-kind="' + CSS.escape(n.kind) + '"]');
      if (box) box.checked = true;
      applyFilters();
    }
    network.selectNodes([id]);
    highlight(id);
    network.focus(id, { scale: 1.2, animation: false });
    return true;
  }

  var input = document.getElementById("search");
  var results = document.getElementById("results");
  function showResults() {
    results.textContent = "";
    if (!fold(input.value)) return;
    var found = search(input.value);
    if (!found.length) {
      results.appendChild(element("li", "No drawn entity has this name.", "empty"));
      var missing = searchLeftOut(input.value);
      missing.slice(0, 5).forEach(function (pair) {
        results.appendChild(element("li", pair[0] + " (" + pair[1] + "): left out of this view; draw it with " +
          "kgraph viz GRAPH --focus \"" + pair[0] + "\"", "empty left-out"));
      });
      if (missing.length > 5) results.appendChild(element("li", "… +" + (missing.length - 5) + " left out", "empty"));
      return;
    }
    found.slice(0, MAX_RESULTS).forEach(function (n) {
      var li = element("li");
      li.setAttribute("data-id", n.id);
      li.appendChild(element("span", n.label, "label"));
      li.appendChild(element("span", n.kind, "kind"));
      li.addEventListener("click", function () { focusNode(n.id); });
      results.appendChild(li);
    });
    if (found.length > MAX_RESULTS) results.appendChild(element("li", "… +" + (found.length - MAX_RESULTS), "empty"));
  }
  input.addEventListener("input", showResults);
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var first = search(input.value)[0];
      if (first) focusNode(first.id);
    }
  });

  // a view drawn around --focus opens with the focus selected (and its neighbours lit)
  if (data.focus.length === 1) {
    network.selectNodes(data.focus);
    highlight(data.focus[0]);
  } else if (data.focus.length) {
    network.selectNodes(data.focus);
  }

  window.kgraph = { network: network, nodes: nodes, edges: edges, data: data, search: search, focus: focusNode, fold: fold };
})();
