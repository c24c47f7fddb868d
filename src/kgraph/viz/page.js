// kgraph network page: the linked part of a graph, readable labels, a details panel with
// each link's evidence and article, filters (article, source, dates, class, relation,
// modality), accent-insensitive search, export of what is visible; Vietnamese, with an
// English switch. Every name from the graph is written with textContent (or as a
// vis-network plain-text tooltip), never parsed as HTML; nothing is requested.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kgraph-data").textContent);
  var FADED_NODE = "rgba(200,200,200,0.35)";
  var FADED_EDGE = "rgba(200,200,200,0.25)";
  var MAX_RESULTS = 12;
  var READABLE_PX = 13;    // on-screen size of the main labels at the opening zoom
  var MAIN_LABELS = 30;    // how many labels are enlarged so (the others appear on zoom)
  var UNLINKED_LIST = 300; // rows of the unlinked list drawn at once

  var STR = {
    vi: {
      heading: "Mạng quan hệ", lang: "English", search: "Tìm thực thể",
      placeholder: "tên, không cần dấu…", filters: "Bộ lọc", article: "Bài báo", source: "Báo / nguồn",
      dates: "Ngày đăng (từ – đến)", nonAsserted: "Hiện cả quan hệ chưa khẳng định (yêu cầu, dự kiến, có điều kiện, phủ định)",
      reset: "Bỏ mọi bộ lọc", classes: "Lớp thực thể", relations: "Quan hệ", all: "tất cả", none: "bỏ hết",
      only: "chỉ lớp này", onlyRel: "chỉ quan hệ này",
      dashedHelp: "Nét đứt: quan hệ chưa khẳng định.", unlinked: "Thực thể chưa có liên kết", export: "Xuất phần đang hiện",
      help: "Bấm vào một thực thể hay một liên kết để xem chi tiết và câu dẫn chứng; bấm vào nền để bỏ chọn. Phóng to để thấy thêm nhãn.",
      copy: "Sao chép", copied: "Đã sao chép", close: "Đóng", allArticles: "Tất cả bài báo", allSources: "Tất cả nguồn",
      noDate: "không rõ ngày", subtitle: "{0} · {1} bài báo", articles: "{0} bài báo",
      notice: "Đang hiện {0} trong {1} thực thể và {2} trong {3} liên kết.",
      noticeUnlinked: " {0} thực thể chưa có liên kết nào: không vẽ, có trong danh sách bên dưới và trong ô tìm.",
      noticeCap: " Giới hạn {0} thực thể: giữ các phần liên thông lớn nhất.",
      noticeClasses: " Chỉ các lớp: {0}.", noticeRelations: " Chỉ các quan hệ: {0}.",
      noticeFocus: " Trong phạm vi {0} liên kết quanh {1}.",
      noticeLeft: " Không vẽ: {0}. Vẽ chúng bằng kgraph viz --focus TÊN, --classes, --relations hoặc --max-nodes.",
      noEntity: "Đồ thị này chưa có thực thể nào.",
      status: "Đang hiện: {0} thực thể, {1} liên kết.",
      noMatch: "Không có thực thể nào được vẽ mang tên này.",
      leftOutHint: "{0} ({1}): không vẽ ({2}); vẽ bằng kgraph viz GRAPH --focus \"{0}\"",
      reasonUnlinked: "chưa có liên kết", reasonCut: "ngoài giới hạn của trang",
      more: "… và {0} nữa", otherNames: "Tên khác", forms: "Cách gọi trong bài", posts: "Chức vụ", former: "nguyên", mentions: "Được nhắc trong {0} bài báo",
      links: "Liên kết ({0})", noLinks: "Chưa có liên kết nào trong đồ thị.", hiddenLinks: "{0} liên kết tới thực thể không vẽ.",
      evidence: "Câu dẫn chứng", noEvidence: "(không có câu dẫn chứng)", file: "tệp",
      linkTitle: "Liên kết", tipLinks: "Liên kết: {0}", tipArticles: "Bài báo ({0}): {1}",
      csv: ["thực thể nguồn", "quan hệ", "thực thể đích", "mức khẳng định", "câu dẫn chứng", "bài báo", "ngày", "báo / nguồn", "tệp"],
      modality: { asserted: "khẳng định", requested: "yêu cầu", planned: "dự kiến", conditional: "có điều kiện", negated: "phủ định" }
    },
    en: {
      heading: "Relation network", lang: "Tiếng Việt", search: "Find an entity",
      placeholder: "a name, accents optional…", filters: "Filters", article: "Article", source: "Newspaper / source",
      dates: "Published (from – to)", nonAsserted: "Also show relations not asserted (requested, planned, conditional, negated)",
      reset: "Clear all filters", classes: "Entity classes", relations: "Relations", all: "all", none: "none",
      only: "only this", onlyRel: "only this",
      dashedHelp: "Dashed: a relation not asserted.", unlinked: "Entities without a link", export: "Export what is visible",
      help: "Click an entity or a link for its details and evidence; click the background to clear. Zoom in for more labels.",
      copy: "Copy", copied: "Copied", close: "Close", allArticles: "All articles", allSources: "All sources",
      noDate: "date unknown", subtitle: "{0} · {1} articles", articles: "{0} articles",
      notice: "Showing {0} of {1} entities and {2} of {3} links.",
      noticeUnlinked: " {0} entities without any link: not drawn, listed below and searchable.",
      noticeCap: " Capped at {0} entities: the largest linked parts.",
      noticeClasses: " Classes: {0}.", noticeRelations: " Relations: {0}.",
      noticeFocus: " Within {0} link(s) of {1}.",
      noticeLeft: " Left out: {0}. Draw them with kgraph viz --focus NAME, --classes, --relations or --max-nodes.",
      noEntity: "No entity in this graph.",
      status: "Visible: {0} entities, {1} links.",
      noMatch: "No drawn entity has this name.",
      leftOutHint: "{0} ({1}): not drawn ({2}); draw it with kgraph viz GRAPH --focus \"{0}\"",
      reasonUnlinked: "no link", reasonCut: "beyond the page's cap",
      more: "… and {0} more", otherNames: "Other names", forms: "Also called in the article", posts: "Posts", former: "former", mentions: "Mentioned in {0} article(s)",
      links: "Links ({0})", noLinks: "No link in the graph yet.", hiddenLinks: "{0} link(s) to entities not drawn.",
      evidence: "Evidence", noEvidence: "(no evidence sentence)", file: "file",
      linkTitle: "Link", tipLinks: "Links: {0}", tipArticles: "Articles ({0}): {1}",
      csv: ["source entity", "relation", "target entity", "modality", "evidence", "article", "date", "newspaper / source", "file"],
      modality: { asserted: "asserted", requested: "requested", planned: "planned", conditional: "conditional", negated: "negated" }
    }
  };
  var lang = "vi";
  function t(key) {
    var text = STR[lang][key], args = arguments;
    return String(text).replace(/\{(\d)\}/g, function (_, i) { return String(args[Number(i) + 1]); });
  }

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

  function number(n) { return Number(n).toLocaleString(lang === "vi" ? "vi-VN" : "en-US"); }

  var byId = {}, classOf = {}, relationOf = {}, edgeById = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; n.baseFont = n.font.size; });
  data.edges.forEach(function (e) { edgeById[e.id] = e; });
  data.classes.forEach(function (c) { classOf[c.kind] = c; });
  data.relations.forEach(function (r) { relationOf[r.relation] = r; });
  function className(kind) { var c = classOf[kind]; return c ? (lang === "vi" ? c.name : c.en) : kind; }
  function relationName(rel) { var r = relationOf[rel]; return r ? (lang === "vi" ? r.name : r.en) : rel; }
  function articleTitle(i) {
    var a = data.articles[i], title = a ? (a[0] || a[3].split("/").pop()) : "";
    return title.length > 140 ? title.slice(0, 139) + "…" : title;
  }

  var degree = {};
  data.edges.forEach(function (e) { degree[e.from] = (degree[e.from] || 0) + 1; degree[e.to] = (degree[e.to] || 0) + 1; });

  function tooltips() {
    data.nodes.forEach(function (n) {
      var lines = [className(n.kind), n.label];
      if (n.aliases.length) lines.push(t("otherNames") + ": " + n.aliases.slice(0, 6).join("; "));
      lines.push(t("tipLinks", (degree[n.id] || 0) + (n.hiddenLinks ? " (+" + n.hiddenLinks + ")" : "")));
      if (n.arts.length) lines.push(t("tipArticles", n.arts.length, n.arts.slice(0, 3).map(articleTitle).join("; ")));
      n.title = lines.join("\n");
    });
    data.edges.forEach(function (e) {
      var lines = [byId[e.from].label + " → " + relationName(e.relation) + " → " + byId[e.to].label];
      e.ev.slice(0, 2).forEach(function (ev) { lines.push("“" + ev[0] + "”"); });
      e.title = lines.join("\n");
    });
  }
  tooltips();

  // The main labels are enlarged before the network is made, at the zoom its first fit
  // will have (vis-network fits the positions' range, times 1.1, into the canvas): an
  // update after the first drawing costs a second on thousands of nodes.
  function mainLabels(scale, visible, position) {
    // the most central entities first, skipping one whose label would cover a chosen one
    var shown = data.nodes.filter(function (n) { return !visible || visible[n.id]; });
    shown.sort(function (a, b) { return (b.value - a.value) || (a.label < b.label ? -1 : 1); });
    var boxes = [], out = [];
    for (var i = 0; i < shown.length && out.length < MAIN_LABELS && i < 20 * MAIN_LABELS; i++) {
      var n = shown[i], p = position(n), w = 0.6 * READABLE_PX * n.label.length + 6;
      var box = [p.x * scale - w / 2, p.y * scale, p.x * scale + w / 2, p.y * scale + 2 * READABLE_PX];
      var free = boxes.every(function (b) { return box[2] < b[0] || box[0] > b[2] || box[3] < b[1] || box[1] > b[3]; });
      if (!free) continue;
      boxes.push(box);
      out.push({ id: n.id, font: { size: Math.min(90, Math.max(n.baseFont, READABLE_PX / scale)) } });
    }
    return out;
  }
  function expectedScale() {
    var box = document.getElementById("network").getBoundingClientRect();
    var xs = data.nodes.map(function (n) { return n.x || 0; }), ys = data.nodes.map(function (n) { return n.y || 0; });
    var dx = 1.1 * (Math.max.apply(null, xs) - Math.min.apply(null, xs) + 40);
    var dy = 1.1 * (Math.max.apply(null, ys) - Math.min.apply(null, ys) + 40);
    return Math.min(1, box.width / dx, box.height / dy);
  }
  var preset = {};
  if (!data.physics && data.nodes.length) {
    mainLabels(expectedScale(), null, function (n) { return { x: n.x || 0, y: n.y || 0 }; })
      .forEach(function (u) { preset[u.id] = u.font.size; });
    data.nodes.forEach(function (n) { if (preset[n.id]) n.font = { size: preset[n.id] }; });
  }
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  var state = {
    hiddenKinds: {}, hiddenRelations: {}, highlighted: null, ready: false, showModal: false,
    article: "", source: "", from: "", to: "", visibleNodes: {}, visibleEdges: {}, boosted: []
  };

  // --- readable labels: enlarge the main ones to READABLE_PX at the current zoom ---
  function readableLabels() {
    var scale = network.getScale();
    var updates = state.boosted.map(function (id) { return { id: id, font: { size: byId[id].baseFont } }; });
    var main = mainLabels(scale, state.visibleNodes, function (n) { return network.getPosition(n.id); });
    state.boosted = main.map(function (u) { return u.id; });
    if (main.length) nodes.update(updates.concat(main));
  }

  function markReady() {
    if (state.ready) return;
    state.ready = true;
    var first = data.nodes.filter(function (n) { return preset[n.id]; })[0];
    if (!first || preset[first.id] * network.getScale() < READABLE_PX * 0.9) readableLabels();
    else state.boosted = Object.keys(preset);
    window.kgraphReadyMs = performance.now();
    document.body.setAttribute("data-ready", "1");
  }

  // --- filters ---
  function articlePasses() {
    var pass = data.articles.map(function (a, i) {
      if (state.article !== "" && String(i) !== state.article) return false;
      if (state.source !== "" && a[2] !== state.source) return false;
      if ((state.from || state.to) && !a[1]) return false;
      if (state.from && a[1] < state.from) return false;
      if (state.to && a[1] > state.to) return false;
      return true;
    });
    var active = state.article !== "" || state.source !== "" || !!state.from || !!state.to;
    return { pass: pass, active: active };
  }

  function computeVisible() {
    // a link is a candidate when its relation, modality and articles pass; an entity is
    // drawn when its class and articles pass and it keeps a candidate link (the page shows
    // linked entities; hiding a class keeps the others' entities even if their links go)
    var ap = articlePasses();
    var nodeOk = {}, edgeOk = {}, candidate = {};
    data.edges.forEach(function (e) {
      var ok = !state.hiddenRelations[e.relation] && (state.showModal || e.modality === "asserted") &&
        (!ap.active || !e.ev.length || e.ev.some(function (ev) { return ev[1] < 0 || ap.pass[ev[1]]; }));
      if (ok) { candidate[e.from] = true; candidate[e.to] = true; }
      edgeOk[e.id] = ok;
    });
    var anyLink = data.edges.length > 0;
    data.nodes.forEach(function (n) {
      nodeOk[n.id] = !state.hiddenKinds[n.kind] &&
        (!ap.active || n.arts.some(function (i) { return ap.pass[i]; })) &&
        (!anyLink || !!candidate[n.id] || data.focus.indexOf(n.id) >= 0);
    });
    data.edges.forEach(function (e) { edgeOk[e.id] = edgeOk[e.id] && nodeOk[e.from] && nodeOk[e.to]; });
    state.visibleNodes = nodeOk;
    state.visibleEdges = edgeOk;
  }

  function updateStatus() {
    var shownNodes = Object.keys(state.visibleNodes).filter(function (id) { return state.visibleNodes[id]; }).length;
    var shownEdges = Object.keys(state.visibleEdges).filter(function (id) { return state.visibleEdges[id]; }).length;
    document.getElementById("status").textContent = t("status", number(shownNodes), number(shownEdges));
  }

  function applyFilters(refit) {
    computeVisible();
    nodes.update(data.nodes.map(function (n) { return { id: n.id, hidden: !state.visibleNodes[n.id] }; }));
    edges.update(data.edges.map(function (e) { return { id: e.id, hidden: !state.visibleEdges[e.id] }; }));
    updateStatus();
    if (refit !== false) {
      var ids = data.nodes.filter(function (n) { return state.visibleNodes[n.id]; }).map(function (n) { return n.id; });
      if (ids.length) network.fit({ nodes: ids, animation: false });
      readableLabels();
    }
    document.body.setAttribute("data-filtered", String(Date.now()));
  }

  function filterList(listId, items, key, hiddenSet, onlyKey) {
    var list = document.getElementById(listId);
    list.textContent = "";
    items.forEach(function (item) {
      var li = element("li");
      var label = element("label");
      var box = element("input");
      box.type = "checkbox";
      box.checked = !hiddenSet[item[key]];
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
      label.appendChild(element("span", lang === "vi" ? item.name : item.en, "name"));
      var count = item.shown === item.total ? number(item.total) : number(item.shown) + "/" + number(item.total);
      label.appendChild(element("span", count, "count"));
      li.appendChild(label);
      if (item.shown > 0) {
        var only = element("button", "⊙", "only");
        only.type = "button";
        only.title = t(onlyKey);
        only.setAttribute("data-only", item[key]);
        only.addEventListener("click", function () { setAll(items, key, hiddenSet, item[key]); });
        li.appendChild(only);
      }
      list.appendChild(li);
    });
  }

  function setAll(items, key, hiddenSet, keep) {
    // keep: true = show all, false = hide all, a name = only this one
    items.forEach(function (item) { hiddenSet[item[key]] = keep === true ? false : keep === false ? true : item[key] !== keep; });
    drawLists();
    applyFilters();
  }

  function drawLists() {
    filterList("legend", data.classes, "kind", state.hiddenKinds, "only");
    filterList("relations", data.relations, "relation", state.hiddenRelations, "onlyRel");
  }

  function fillSelect(select, first, options) {
    select.textContent = "";
    var all = element("option", first);
    all.value = "";
    select.appendChild(all);
    options.forEach(function (pair) {
      var option = element("option", pair[1]);
      option.value = pair[0];
      select.appendChild(option);
    });
  }

  function drawFilters() {
    var used = {};
    data.nodes.forEach(function (n) { n.arts.forEach(function (i) { used[i] = true; }); });
    var arts = data.articles.map(function (a, i) { return i; }).filter(function (i) { return used[i]; });
    arts.sort(function (x, y) {
      var a = data.articles[x], b = data.articles[y];
      return (b[1] > a[1] ? 1 : b[1] < a[1] ? -1 : 0) || (articleTitle(x) < articleTitle(y) ? -1 : 1);
    });
    fillSelect(document.getElementById("f-article"), t("allArticles"), arts.map(function (i) {
      var a = data.articles[i];
      return [String(i), (a[1] || "…") + " · " + articleTitle(i)];
    }));
    var sources = {};
    arts.forEach(function (i) { if (data.articles[i][2]) sources[data.articles[i][2]] = (sources[data.articles[i][2]] || 0) + 1; });
    fillSelect(document.getElementById("f-source"), t("allSources"), Object.keys(sources).sort().map(function (s) {
      return [s, s + " (" + sources[s] + ")"];
    }));
    document.getElementById("f-article").value = state.article;
    document.getElementById("f-source").value = state.source;
    var dates = arts.map(function (i) { return data.articles[i][1]; }).filter(Boolean).sort();
    document.getElementById("f-dates").hidden = !dates.length;
    ["f-from", "f-to"].forEach(function (id) {
      var box = document.getElementById(id);
      if (dates.length) { box.min = dates[0]; box.max = dates[dates.length - 1]; }
    });
  }

  document.getElementById("f-article").addEventListener("change", function (e) { state.article = e.target.value; applyFilters(); });
  document.getElementById("f-source").addEventListener("change", function (e) { state.source = e.target.value; applyFilters(); });
  document.getElementById("f-from").addEventListener("change", function (e) { state.from = e.target.value; applyFilters(); });
  document.getElementById("f-to").addEventListener("change", function (e) { state.to = e.target.value; applyFilters(); });
  document.getElementById("f-modal").addEventListener("change", function (e) { state.showModal = e.target.checked; applyFilters(); });
  document.getElementById("f-reset").addEventListener("click", function () {
    state.article = state.source = state.from = state.to = "";
    state.showModal = false;
    state.hiddenKinds = {};
    state.hiddenRelations = {};
    document.getElementById("f-from").value = document.getElementById("f-to").value = "";
    document.getElementById("f-modal").checked = false;
    drawFilters();
    setAll(data.classes, "kind", state.hiddenKinds, true);
  });
  document.getElementById("classes-all").addEventListener("click", function () { setAll(data.classes, "kind", state.hiddenKinds, true); });
  document.getElementById("classes-none").addEventListener("click", function () { setAll(data.classes, "kind", state.hiddenKinds, false); });
  document.getElementById("relations-all").addEventListener("click", function () { setAll(data.relations, "relation", state.hiddenRelations, true); });
  document.getElementById("relations-none").addEventListener("click", function () { setAll(data.relations, "relation", state.hiddenRelations, false); });

  // --- neighbourhood highlight ---
  // Only colours change, and only for items whose state changes.
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
    network.unselectAll();
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
      network.setSelection({ nodes: Object.keys(keep), edges: network.getConnectedEdges(id) });
      return;
    }
    setFaded(nodes, data.nodes, faded.nodes, FADED_NODE, function (n) { return !keep[n.id]; });
    setFaded(edges, data.edges, faded.edges, FADED_EDGE, function (e) { return e.from !== id && e.to !== id; });
  }

  // --- details panel ---
  var details = document.getElementById("details");
  var body = document.getElementById("details-body");
  var shownDetails = null;

  function articleLine(i) {
    var a = data.articles[i];
    if (!a) return null;
    var parts = [articleTitle(i), a[1] || t("noDate")];
    if (a[2]) parts.push(a[2]);
    parts.push(t("file") + ": " + a[3]);
    return element("p", parts.join(" · "), "source");
  }

  function entityLink(id) {
    var a = element("a", byId[id].label, "entity");
    a.setAttribute("data-id", id);
    a.addEventListener("click", function () { focusNode(id); });
    return a;
  }

  function evidenceBlock(box, e) {
    if (!e.ev.length) { box.appendChild(element("p", t("noEvidence"), "source")); return; }
    e.ev.forEach(function (ev) {
      var quote = element("blockquote", ev[0]);
      if (ev[2] !== "asserted") quote.appendChild(modalityBadge(ev[2]));
      box.appendChild(quote);
      var line = articleLine(ev[1]);
      if (line) box.appendChild(line);
    });
  }

  function modalityBadge(mode) {
    return element("span", STR[lang].modality[mode] || mode, "modality" + (mode === "asserted" ? "" : " other"));
  }

  function linkItem(e, from) {
    var box = element("div", null, "link");
    box.setAttribute("data-edge", e.id);
    var head = element("div");
    if (from) { head.appendChild(element("span", "→ " + relationName(e.relation) + " → ", "rel")); head.appendChild(entityLink(e.to)); }
    else { head.appendChild(entityLink(e.from)); head.appendChild(element("span", " → " + relationName(e.relation) + " →", "rel")); }
    head.appendChild(modalityBadge(e.modality));
    box.appendChild(head);
    evidenceBlock(box, e);
    return box;
  }

  function entityHeader(label, kind, aliases, posts, arts, forms) {
    body.appendChild(element("div", label, "name"));
    body.appendChild(element("div", className(kind) + " (" + kind + ")", "kind"));
    if (aliases.length) body.appendChild(element("p", t("otherNames") + ": " + aliases.join("; ")));
    if (forms && forms.length) body.appendChild(element("p", t("forms") + ": " + forms.join("; "), "source"));
    if (posts.length) {
      body.appendChild(element("h3", t("posts")));
      var ul = element("ul");
      posts.forEach(function (p) {
        ul.appendChild(element("li", (p[2] ? t("former") + " " : "") + p[0] + (p[1] ? " — " + p[1] : "")));
      });
      body.appendChild(ul);
    }
    if (arts.length) {
      body.appendChild(element("h3", t("mentions", arts.length)));
      arts.forEach(function (i) { var line = articleLine(i); if (line) body.appendChild(line); });
    }
  }

  function showNode(id) {
    var n = byId[id];
    shownDetails = ["node", id];
    body.textContent = "";
    entityHeader(n.label, n.kind, n.aliases, n.posts, n.arts, n.forms);
    var mine = data.edges.filter(function (e) { return e.from === id || e.to === id; });
    body.appendChild(element("h3", t("links", mine.length)));
    if (!mine.length) body.appendChild(element("p", t("noLinks")));
    mine.forEach(function (e) { body.appendChild(linkItem(e, e.from === id)); });
    if (n.hiddenLinks) body.appendChild(element("p", t("hiddenLinks", n.hiddenLinks), "source"));
    details.hidden = false;
  }

  function showLeftOut(pair, reason) {
    shownDetails = ["leftOut", pair];
    body.textContent = "";
    entityHeader(pair[0], pair[1], [], [], pair[2]);
    body.appendChild(element("p", reason, "source"));
    details.hidden = false;
  }

  function showEdge(id) {
    var e = edgeById[id];
    shownDetails = ["edge", id];
    body.textContent = "";
    body.appendChild(element("div", t("linkTitle"), "kind"));
    var head = element("div", null, "name");
    head.appendChild(entityLink(e.from));
    head.appendChild(element("span", " → " + relationName(e.relation) + " → "));
    head.appendChild(entityLink(e.to));
    body.appendChild(head);
    body.appendChild(modalityBadge(e.modality));
    body.appendChild(element("h3", t("evidence")));
    evidenceBlock(body, e);
    details.hidden = false;
  }

  function redrawDetails() {
    if (!shownDetails) return;
    if (shownDetails[0] === "node") showNode(shownDetails[1]);
    else if (shownDetails[0] === "edge") showEdge(shownDetails[1]);
  }

  document.getElementById("details-close").addEventListener("click", function () {
    details.hidden = true;
    shownDetails = null;
  });
  document.getElementById("details-copy").addEventListener("click", function () {
    var text = body.innerText;
    copyBySelection(text);
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(function () {});
    document.getElementById("details-copy").textContent = t("copied");
    window.kgraphCopied = text;
  });
  function copyBySelection(text) {
    var area = element("textarea");
    area.value = text;
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } catch (err) { /* the text stays selectable in the panel */ }
    document.body.removeChild(area);
  }

  network.on("click", function (params) {
    if (params.nodes.length) { highlight(params.nodes[0]); showNode(params.nodes[0]); }
    else if (params.edges.length) { clearHighlight(); showEdge(params.edges[0]); }
    else clearHighlight();
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
    if (leftOutKeys === null) leftOutKeys = data.leftOut.map(function (item) { return fold(item[0]); });
    var out = [];
    leftOutKeys.forEach(function (name, i) { if (name.indexOf(key) >= 0) out.push(i); });
    return out;
  }

  function leftOutReason(i) { return data.leftOut[i][3] ? t("reasonCut") : t("reasonUnlinked"); }

  function focusNode(id) {
    var n = byId[id];
    if (!n) return false;
    if (!state.visibleNodes[id]) {
      state.hiddenKinds[n.kind] = false;
      state.article = state.source = state.from = state.to = "";
      state.showModal = true;
      document.getElementById("f-modal").checked = true;
      drawFilters();
      drawLists();
      applyFilters(false);
    }
    network.selectNodes([id]);
    highlight(id);
    showNode(id);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    return true;
  }

  var input = document.getElementById("search");
  var results = document.getElementById("results");
  function showResults() {
    results.textContent = "";
    if (!fold(input.value)) { clearHighlight(); return; }
    var found = search(input.value);
    if (!found.length) results.appendChild(element("li", t("noMatch"), "empty"));
    found.slice(0, MAX_RESULTS).forEach(function (n) {
      var li = element("li");
      li.setAttribute("data-id", n.id);
      li.appendChild(element("span", n.label, "label"));
      li.appendChild(element("span", className(n.kind), "kind"));
      li.addEventListener("click", function () { focusNode(n.id); });
      results.appendChild(li);
    });
    if (found.length > MAX_RESULTS) results.appendChild(element("li", t("more", found.length - MAX_RESULTS), "empty"));
    // the entities not drawn (no link, or beyond the cap) that bear the name, after the drawn ones
    var missing = searchLeftOut(input.value);
    missing.slice(0, 5).forEach(function (i) {
      var item = data.leftOut[i];
      var li = element("li", t("leftOutHint", item[0], className(item[1]), leftOutReason(i)), "left-out");
      li.addEventListener("click", function () { showLeftOut(item, leftOutReason(i)); });
      results.appendChild(li);
    });
    if (missing.length > 5) results.appendChild(element("li", t("more", missing.length - 5), "empty"));
  }
  input.addEventListener("input", showResults);
  input.addEventListener("search", showResults);
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var first = search(input.value)[0];
      if (first) focusNode(first.id);
    }
  });

  // --- the entities without a link: listed, not drawn ---
  function drawUnlinked() {
    var count = data.view.unlinked;
    document.getElementById("unlinked").hidden = !count;
    document.getElementById("unlinked-count").textContent = number(count);
    var list = document.getElementById("unlinked-list");
    list.textContent = "";
    var unlinked = [];
    data.leftOut.forEach(function (item, i) { if (!item[3]) unlinked.push(i); });
    unlinked.slice(0, UNLINKED_LIST).forEach(function (i) {
      var item = data.leftOut[i], li = element("li");
      li.appendChild(element("span", item[0], "label"));
      li.appendChild(element("span", className(item[1]), "kind"));
      li.addEventListener("click", function () { showLeftOut(item, leftOutReason(i)); });
      list.appendChild(li);
    });
    if (count > UNLINKED_LIST) list.appendChild(element("li", t("more", number(count - UNLINKED_LIST))));
  }

  // --- export of what is visible ---
  function visibleEdges() { return data.edges.filter(function (e) { return state.visibleEdges[e.id]; }); }
  function visibleNodes() { return data.nodes.filter(function (n) { return state.visibleNodes[n.id]; }); }
  function iri(text) { return "<" + String(text).replace(/[\u0000-\u0020<>"{}|^`\\]/g, encodeURIComponent) + ">"; }
  function literal(text) {
    return "\"" + String(text).replace(/\\/g, "\\\\").replace(/"/g, "\\\"").replace(/\n/g, "\\n").replace(/\r/g, "\\r") + "\"";
  }
  function xml(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }
  function csvCell(text) { var s = String(text); return /[",\n\r;]/.test(s) ? "\"" + s.replace(/"/g, "\"\"") + "\"" : s; }

  var KG = "https://w3id.org/kgraph/ontology#";
  function toTurtle() {
    var out = ["@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .",
      "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
      "@prefix prov: <http://www.w3.org/ns/prov#> .", "@prefix kg: <" + KG + "> .", ""];
    visibleNodes().forEach(function (n) {
      out.push(iri(n.id) + " a " + iri(classOf[n.kind].iri) + " ;\n    skos:prefLabel " + literal(n.label) + "@vi .");
    });
    visibleEdges().forEach(function (e) {
      var p = iri(relationOf[e.relation].iri);
      out.push(iri(e.from) + " " + p + " " + iri(e.to) + " .");
      e.ev.forEach(function (ev) {
        var a = data.articles[ev[1]];
        out.push("[] a rdf:Statement ; rdf:subject " + iri(e.from) + " ; rdf:predicate " + p + " ; rdf:object " + iri(e.to) +
          " ;\n    kg:evidence " + literal(ev[0]) + "@vi ;\n    kg:modality kg:" + ev[2] +
          (a ? " ;\n    prov:wasDerivedFrom " + iri(a[4]) : "") + " .");
      });
    });
    return out.join("\n") + "\n";
  }

  function toGraphml() {
    var out = ['<?xml version="1.0" encoding="UTF-8"?>',
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
      '<key id="label" for="node" attr.name="label" attr.type="string"/>',
      '<key id="kind" for="node" attr.name="kind" attr.type="string"/>',
      '<key id="relation" for="edge" attr.name="relation" attr.type="string"/>',
      '<key id="modality" for="edge" attr.name="modality" attr.type="string"/>',
      '<key id="evidence" for="edge" attr.name="evidence" attr.type="string"/>',
      '<graph edgedefault="directed">'];
    visibleNodes().forEach(function (n) {
      out.push('<node id="' + xml(n.id) + '"><data key="label">' + xml(n.label) + '</data><data key="kind">' + xml(n.kind) + "</data></node>");
    });
    visibleEdges().forEach(function (e) {
      out.push('<edge source="' + xml(e.from) + '" target="' + xml(e.to) + '"><data key="relation">' + xml(e.relation) +
        '</data><data key="modality">' + xml(e.modality) + '</data><data key="evidence">' +
        xml(e.ev.map(function (ev) { return ev[0]; }).join("\n")) + "</data></edge>");
    });
    out.push("</graph>", "</graphml>");
    return out.join("\n") + "\n";
  }

  function toCsv() {
    var rows = [STR[lang].csv];
    visibleEdges().forEach(function (e) {
      var evs = e.ev.length ? e.ev : [["", -1, e.modality]];
      evs.forEach(function (ev) {
        var a = data.articles[ev[1]] || ["", "", "", ""];
        rows.push([byId[e.from].label, relationName(e.relation), byId[e.to].label, STR[lang].modality[ev[2]] || ev[2],
          ev[0], a[0], a[1], a[2], a[3]]);
      });
    });
    return "\ufeff" + rows.map(function (r) { return r.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  }

  var EXPORTS = { ttl: [toTurtle, "text/turtle", "ttl"], graphml: [toGraphml, "application/graphml+xml", "graphml"], csv: [toCsv, "text/csv", "csv"] };
  function download(kind) {
    var spec = EXPORTS[kind];
    var blob = new Blob([spec[0]()], { type: spec[1] + ";charset=utf-8" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "kgraph-" + (lang === "vi" ? "mang" : "network") + "." + spec[2];
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
  }
  Object.keys(EXPORTS).forEach(function (kind) {
    document.getElementById("export-" + kind).addEventListener("click", function () { download(kind); });
  });

  // --- language ---
  function notice() {
    var v = data.view;
    if (!v.totalNodes) return t("noEntity");
    var text = t("notice", number(v.drawnNodes), number(v.totalNodes), number(v.drawnEdges), number(v.totalEdges));
    if (v.unlinked) text += t("noticeUnlinked", number(v.unlinked));
    if (v.classes.length) text += t("noticeClasses", v.classes.map(className).join(", "));
    if (v.relations.length) text += t("noticeRelations", v.relations.map(relationName).join(", "));
    if (v.focusNames.length) text += t("noticeFocus", v.depth, v.focusNames.join(", "));
    if (v.cap) text += t("noticeCap", number(v.cap[0]));
    var left = v.leftOutByKind.filter(function () { return v.cap || v.classes.length || v.relations.length || v.focusNames.length; });
    if (left.length) {
      text += t("noticeLeft", left.slice(0, 6).map(function (p) { return className(p[0]) + " " + number(p[1]); }).join(", ") +
        (left.length > 6 ? ", …" : ""));
    }
    return text;
  }

  function setLanguage(code, initial) {
    lang = code;
    document.documentElement.lang = code;
    document.querySelectorAll("[data-t]").forEach(function (node) { node.textContent = t(node.getAttribute("data-t")); });
    document.getElementById("lang").textContent = t("lang");
    document.getElementById("search").placeholder = t("placeholder");
    var named = data.title && data.title !== "kgraph";  // the library's default names nothing
    document.getElementById("subtitle").textContent = named ? t("subtitle", data.title, number(data.articles.length))
      : t("articles", number(data.articles.length));
    document.title = t("heading") + (named ? " — " + data.title : "");
    document.getElementById("notice").textContent = notice();
    if (!initial) {  // the data sets were made with the opening language's tooltips
      tooltips();
      nodes.update(data.nodes.map(function (n) { return { id: n.id, title: n.title }; }));
      edges.update(data.edges.map(function (e) { return { id: e.id, title: e.title }; }));
    }
    drawLists();
    drawFilters();
    drawUnlinked();
    updateStatus();
    redrawDetails();
    if (input.value) showResults();
  }
  document.getElementById("lang").addEventListener("click", function () { setLanguage(lang === "vi" ? "en" : "vi"); });

  // --- start ---
  computeVisible();  // all drawn but non-asserted links (hidden until the switch is on)
  edges.update(data.edges.filter(function (e) { return !state.visibleEdges[e.id]; }).map(function (e) { return { id: e.id, hidden: true }; }));
  setLanguage("vi", true);

  if (data.physics && data.nodes.length) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      document.body.setAttribute("data-frozen", "1");
      network.fit({ animation: false });
      network.once("afterDrawing", markReady);
      network.redraw();
    });
  } else {
    document.body.setAttribute("data-frozen", "1");
    if (data.nodes.length) network.once("afterDrawing", markReady); else markReady();
  }

  // a view drawn around --focus opens with the focus selected (and its neighbours lit)
  if (data.focus.length === 1) {
    network.selectNodes(data.focus);
    highlight(data.focus[0]);
    showNode(data.focus[0]);
  } else if (data.focus.length) {
    network.selectNodes(data.focus);
  }

  window.kgraph = {
    network: network, nodes: nodes, edges: edges, data: data, search: search, focus: focusNode, fold: fold,
    setLanguage: setLanguage, exportText: function (kind) { return EXPORTS[kind][0](); }, state: state,
    showNode: showNode
  };
})();
