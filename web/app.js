// trichdan's page: search, a document, an identifier with its chain. Plain JavaScript, routed
// with the History API (every view has its URL); every word comes from the server (#words).
"use strict";

const W = JSON.parse(document.getElementById("words").textContent);
const main = document.getElementById("main");
const PAGE = 10;

// ---------- helpers ----------

function esc(s) {
  return String(s ?? "").replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}
function num(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "."); }
function dec(x, places) { return x.toFixed(places).replace(".", ","); }
function date(d) { if (!d) return W.none; const [y, m, day] = d.split("-"); return `${day}/${m}/${y}`; }
function fill(t, vars) { return t.replace(/\{(\w+)\}/g, (_, k) => vars[k]); }
function docUrl(id) { return "/van-ban/" + encodeURIComponent(id); }
function idUrl(id) { return "/so-hieu/" + encodeURIComponent(id); }
function nodeUrl(n) { return n.doc ? docUrl(n.doc) : idUrl(n.node); }
function tierName(t) { return t ? (W.tiers[t] || t) : W.unknown_tier; }

// each navigation bumps `seq`; an answer that arrives after the next navigation is dropped
let seq = 0;
const STALE = new Error("stale");

async function api(path) {
  const at = seq;
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await r.json().catch(() => ({}));
  if (at !== seq) throw STALE;
  return { status: r.status, body };
}

// a drawing or an expansion runs on its own: an answer dropped as stale is not an error
function quietly(promise) {
  promise.catch(e => { if (e !== STALE) console.error(e); });
}

function go(url) {
  history.pushState(null, "", url);
  route().then(() => main.focus({ preventScroll: !!location.hash }));
}

// links inside the page navigate without reloading
document.addEventListener("click", e => {
  const a = e.target.closest("a");
  if (!a || a.target || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith("/api/") || url.pathname.startsWith("/static/")) return;
  e.preventDefault();
  go(url.pathname + url.search + url.hash);
});
window.addEventListener("popstate", route);

const form = document.getElementById("search-form");
const box = document.getElementById("q");
box.placeholder = W.placeholder;
box.setAttribute("aria-label", W.search);
document.getElementById("go").textContent = W.search;
document.getElementById("nav-due").textContent = W.due.nav;
document.getElementById("nav-lint").textContent = W.lint.nav;
const navAdd = document.getElementById("nav-add");
navAdd.textContent = W.add.nav;
// the upload view is offered only by a server that takes writes
fetch("/api/health").then(r => r.json()).then(h => { navAdd.hidden = !h.writes; }).catch(() => {});
form.addEventListener("submit", e => {
  e.preventDefault();
  const q = box.value.trim();
  if (q) go(searchUrl(q));
});

function showError(status, body) {
  const e = body.error || {};
  if (status === 503 && e.code === "building") {
    main.innerHTML = `<p class="muted">${esc(W.building)}</p>`;
    const at = seq;
    setTimeout(() => { if (at === seq) route(); }, 3000);
    return;
  }
  let html = `<p class="error" role="alert">${esc(e.message || W.error + " " + status)}</p>`;
  if (body.suggestions && body.suggestions.length) {
    html += `<p>${esc(W.did_you_mean)} ` + body.suggestions.map(s => `<a href="${idUrl(s)}">${esc(s)}</a>`).join(", ") + "</p>";
  }
  main.innerHTML = html;
}

// ---------- routing ----------

async function route() {
  seq += 1;
  if (cy) { cy.destroy(); cy = null; }
  let path;
  try { path = decodeURIComponent(location.pathname); } catch { path = "/"; }
  const params = new URLSearchParams(location.search);
  main.innerHTML = `<p class="muted" role="status">${esc(W.loading)}</p>`;
  try {
    if (path.startsWith("/van-ban/")) return await showDocument(path.slice("/van-ban/".length));
    if (path.startsWith("/so-hieu/")) return await showIdentifier(path.slice("/so-hieu/".length), params);
    if (path === "/den-han") return await showAgenda(params);
    if (path === "/kiem-tra") return await showLint(params);
    if (path === "/them-van-ban") return showAdd();
    if (path !== "/") return showNotFound();
    return params.get("q") ? await showSearch(params) : await showHome();
  } catch (e) {
    if (e === STALE) return;
    main.innerHTML = `<p class="error" role="alert">${esc(W.error)}: ${esc(e.message || e)}</p>`;
  }
}

function showNotFound() {
  document.title = `${W.not_found.title} — trichdan`;
  main.innerHTML = `<h1>${esc(W.not_found.title)}</h1><p id="not-found">${esc(W.not_found.text)}</p><p><a href="/">${esc(W.home)}</a></p>`;
}

// ---------- adding documents (a server with a write token) ----------

function showAdd() {
  const A = W.add;
  document.title = `${A.title} — trichdan`;
  main.innerHTML = `<h1>${esc(A.title)}</h1><p class="muted">${esc(A.intro)}</p>
    <form id="add-form" class="card add">
      <label>${esc(A.token)} <input id="token" type="password" autocomplete="off" value="${esc(sessionStorage.getItem("trichdan-token") || "")}"></label>
      <div id="drop" class="drop" tabindex="0">${esc(A.drop)} <label class="pick">${esc(A.choose)}<input id="files" type="file" multiple hidden></label></div>
    </form><ul id="outcomes" class="outcomes" aria-live="polite"></ul>`;
  const drop = document.getElementById("drop");
  // one file after another: a scan is read by OCR, and the server is one office machine
  let queue = Promise.resolve();
  const send = files => { for (const f of files) queue = queue.then(() => upload(f)); };
  document.getElementById("files").addEventListener("change", e => { send([...e.target.files]); e.target.value = ""; });
  drop.addEventListener("dragover", e => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", e => { e.preventDefault(); drop.classList.remove("over"); send(e.dataTransfer.files); });
}

// one file, one request; its outcome on its own line (added as which id, or refused and why)
async function upload(file) {
  const token = document.getElementById("token").value.trim();
  sessionStorage.setItem("trichdan-token", token);
  const li = document.createElement("li");
  li.textContent = `${file.name}: ${W.add.sending}`;
  document.getElementById("outcomes").append(li);
  const body = new FormData();
  body.append("file", file, file.name);
  try {
    const r = await fetch("/api/documents", { method: "POST", body, headers: { Authorization: "Bearer " + token } });
    const answer = await r.json().catch(() => ({}));
    if (r.status === 201) {
      li.className = "added";
      li.innerHTML = `${esc(file.name)}: ${esc(W.add.added)} ` + answer.ids.map(id => `<a href="${docUrl(id)}">${esc(id)}</a>`).join(", ");
    } else {
      li.className = "refused";
      li.textContent = `${file.name}: ${W.add.refused} — ${(answer.error && answer.error.message) || r.status}`;
    }
  } catch (e) {
    li.className = "refused";
    li.textContent = `${file.name}: ${W.add.refused} — ${e.message || e}`;
  }
}

// ---------- the landing page: what the archive holds ----------

function searchUrl(q, sort) { return "/?q=" + encodeURIComponent(q) + (sort && sort !== "relevance" ? "&sort=" + sort : ""); }

function countList(id, title, entries, query, shown = v => v) {
  if (!entries.length) return "";
  return `<section class="card tally" id="${id}"><h2>${esc(title)}</h2><ul>` + entries.map(([v, n]) =>
    `<li><a href="${searchUrl(query(v))}">${esc(shown(v))}</a> <span class="count">${num(n)}</span></li>`).join("") + `</ul></section>`;
}

async function showHome() {
  box.value = "";
  document.title = `trichdan — ${W.app}`;
  const { status, body: o } = await api("/api/overview");
  if (status !== 200) return showError(status, o);
  const H = W.landing;
  let html = `<h1>${esc(W.app)}</h1>`;
  if (o.documents === 0) {
    main.innerHTML = html + `<div class="card" id="empty-archive"><p>${esc(H.empty)}</p><pre>${esc(H.empty_how)}</pre></div>`;
    return;
  }
  html += `<p class="summary" id="holdings">${esc(fill(H.holds, { n: num(o.documents) }))}</p>`;
  html += `<section class="examples" id="examples"><h2>${esc(H.examples)}</h2><ul>` + H.example_list.map(e =>
    `<li><a href="${searchUrl(e.q)}"><code>${esc(e.q)}</code></a> <span class="muted">${esc(e.what)}</span></li>`).join("") + `</ul></section>`;
  const byCount = m => Object.entries(m || {}).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "vi"));
  const years = Object.entries(o.facets.year || {}).sort((a, b) => b[0].localeCompare(a[0])).slice(0, 12);
  html += `<div class="tallies">` +
    countList("by-kind", H.by_kind, byCount(o.facets.kind).slice(0, 12), v => `kind:"${v}"`) +
    countList("by-level", H.by_level, byCount(o.facets.level), v => `level:"${v}"`, tierName) +
    countList("by-year", H.by_year, years, v => `year:${v}`) + `</div>`;
  if (o.most_implemented.length) {
    html += `<section id="most-implemented"><h2>${esc(H.most_implemented)}</h2><ol class="card ranked">` + o.most_implemented.map(m =>
      `<li><a href="${idUrl(m.node)}">${esc(m.node)}</a>${m.label && !m.label.includes(m.node) ? ` <span>${esc(m.label)}</span>` : ""}` +
      ` <span class="meta">${esc(fill(H.implementers, { n: num(m.implementers) }))}${m.doc ? "" : " · " + esc(W.not_in_archive)}</span></li>`).join("") + `</ol></section>`;
  }
  html += `<section id="newest"><h2>${esc(H.newest)}</h2><ul class="card ranked">` + o.newest.map(h =>
    `<li><a href="${docUrl(h.id)}">${esc(h.label)}</a> <span class="meta">${esc([h.number, h.date && date(h.date), h.issuer].filter(Boolean).join(" · "))}</span></li>`).join("") + `</ul></section>`;
  main.innerHTML = html;
}

// ---------- search ----------

async function showSearch(params) {
  const q = params.get("q") || "";
  box.value = q;
  document.title = `${q} — trichdan`;
  const page = Math.max(1, parseInt(params.get("trang") || "1", 10) || 1);
  const sort = ["newest", "oldest"].includes(params.get("sort")) ? params.get("sort") : "relevance";
  const { status, body } = await api(`/api/search?q=${encodeURIComponent(q)}&limit=${PAGE}&offset=${(page - 1) * PAGE}&sort=${sort}`);
  if (status !== 200) return showError(status, body);
  let html = `<h1 class="sr">${esc(W.search)}: ${esc(q)}</h1><div class="result-bar"><p class="summary" id="summary" role="status">${esc(fill(W.found, { n: num(body.total), s: dec(body.took_ms / 1000, 2) }))}</p>`;
  html += `<label class="sort">${esc(W.sort.label)} <select id="sort">` + ["relevance", "newest", "oldest"].map(s =>
    `<option value="${s}"${s === sort ? " selected" : ""}>${esc(W.sort[s])}</option>`).join("") + `</select></label>`;
  html += `<button type="button" class="filter-toggle" id="filter-toggle" aria-expanded="false" aria-controls="facets">${esc(W.filter_toggle)}</button></div>`;
  if (body.relaxed) html += `<p class="muted" id="relaxed">${esc(body.relaxed.note)}</p>`;
  for (const e of body.expanded || []) html += `<p class="muted expanded">${esc(e.note)}</p>`;
  for (const i of body.interpreted || []) html += nameCard(i);
  if (body.total === 0) html += `<p>${esc(W.no_results)}</p>`;
  html += `<div class="layout"><nav class="facets" id="facets" aria-label="${esc(W.filters)}"><h2 class="sr">${esc(W.filters)}</h2>`;
  const names = { kind: "kind", year: "year", level: "level", place: "place", issuer: "issuer" };
  for (const key of Object.keys(names)) {
    const counts = Object.entries(body.facets[key] || {}).sort((a, b) => b[1] - a[1]).slice(0, 12);
    if (!counts.length) continue;
    html += `<h3>${esc(W.filter[key])}</h3><ul>` + counts.map(([v, n]) =>
      `<li><button type="button" data-filter="${esc(key)}:&quot;${esc(v)}&quot;">${esc(v)}</button> <span class="count">${num(n)}</span></li>`).join("") + "</ul>";
  }
  html += `</nav><section class="results" id="results">`;
  for (const h of body.hits) {
    const title = h.label;
    const meta = [h.kind, h.number, h.date ? date(h.date) : null, h.issuer, h.level, h.place].filter(Boolean).map(esc).join(" · ");
    const secret = h.classification ? `<span class="secret">${esc(h.classification)}</span> ` : "";
    html += `<article class="hit"><h2>${secret}<a href="${docUrl(h.id)}">${esc(title)}</a></h2>
      <div class="meta">${meta}</div><p class="snippet">${h.snippet}</p></article>`;
  }
  const pages = Math.ceil(body.total / PAGE);
  if (pages > 1) {
    html += `<div class="pager">`;
    if (page > 1) html += `<button type="button" data-page="${page - 1}">${esc(W.previous)}</button>`;
    html += `<span>${esc(fill(W.page, { n: page }))} / ${num(pages)}</span>`;
    if (page < pages && page * PAGE < 10000) html += `<button type="button" data-page="${page + 1}">${esc(W.next)}</button>`;
    html += `</div>`;
  }
  main.innerHTML = html + `</section></div>`;
  main.querySelectorAll("[data-filter]").forEach(b => b.addEventListener("click", () =>
    go(searchUrl(q + " " + b.dataset.filter, sort))));
  main.querySelectorAll("[data-page]").forEach(b => b.addEventListener("click", () =>
    go(`${searchUrl(q, sort)}&trang=${b.dataset.page}`)));
  document.getElementById("sort").addEventListener("change", e => go(searchUrl(q, e.target.value)));
  const toggle = document.getElementById("filter-toggle");
  toggle.addEventListener("click", () => {
    const open = document.getElementById("facets").classList.toggle("open");
    toggle.setAttribute("aria-expanded", String(open));
  });
}

// a typed name read as a document's identifier: the one taken, its chain, the other candidates
function nameCard(i) {
  const [best, ...others] = i.candidates;
  let html = `<aside class="name-card"><p><span class="muted">${esc(W.read_as)} «${esc(i.typed)}»:</span> ` +
    `<a href="${best.doc ? docUrl(best.doc) : idUrl(best.id)}">${esc(best.said)}</a> · <a href="${idUrl(best.id)}">${esc(W.see_chain)}</a></p>`;
  if (best.title && best.title !== best.id && !best.said.includes(best.title)) html += `<p class="muted">${esc(best.title)}</p>`;
  if (others.length) html += `<p>${esc(W.did_you_mean)} ` + others.map(c => `<a href="${idUrl(c.id)}">${esc(c.said)}</a>`).join("; ") + `</p>`;
  return html + `</aside>`;
}

// ---------- a document ----------

function fieldList(pairs) {
  return `<dl class="fields">` + pairs.filter(([, v]) => v).map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join("") + `</dl>`;
}

function nodeLink(n) {
  const text = n.label && n.label !== n.node ? `${n.node} — ${n.label}` : n.node;
  return `<a href="${nodeUrl(n)}">${esc(text)}</a>` + (n.doc ? "" : ` <span class="muted">(${esc(W.not_in_archive)})</span>`);
}

// the Lược đồ: groups with documents, then the empty ones folded into one line
function groupsHtml(groups) {
  const filled = groups.filter(g => g.count), empty = groups.filter(g => !g.count);
  let html = `<div class="groups">` + filled.map(g =>
    `<section class="group"><h3>${esc(g.label)}<span class="count">${g.count}</span></h3>` +
    "<ul>" + g.documents.map(d => `<li>${nodeLink(d)}</li>`).join("") + "</ul></section>").join("") + `</div>`;
  if (empty.length) html += `<details class="empty-groups"><summary>${esc(fill(W.empty_groups, { n: empty.length }))}</summary>` +
    `<p class="muted">${empty.map(g => esc(g.label)).join(" · ")}</p></details>`;
  return html;
}

/** The documents named without a number, each name once, with what it was resolved to and why. */
function namedHtml(named) {
  if (!named.length) return "";
  const seen = new Map();
  for (const n of named) {
    const k = n.name.toLowerCase() + "|" + (n.node || n.candidates.join(","));
    if (!seen.has(k)) seen.set(k, { ...n, count: 0 });
    seen.get(k).count++;
  }
  const rows = [...seen.values()].map(n => {
    let to;
    if (n.node) to = `<a href="${n.doc ? docUrl(n.doc) : idUrl(n.node)}">${esc(n.node)}</a>`;
    else if (n.candidates.length) to = `${esc(W.named_maybe)} ` + n.candidates.map(c => `<a href="${idUrl(c)}">${esc(c)}</a>`).join(", ");
    else to = `<span class="muted">${esc(W.named_open)}</span>`;
    const why = n.evidence.length ? `<div class="meta">${esc(W.named_evidence)}: ` + n.evidence.map(e =>
      `“${esc(e.quote)}” (<a href="${docUrl(e.doc)}">${esc(e.doc)}</a>)`).join("; ") + `</div>` : "";
    const times = n.count > 1 ? ` · ${n.count} ${esc(W.times)}` : "";
    return `<li><b>${esc(n.name)}</b> → ${to} <span class="meta">${esc(W.outgoing[n.relation] || n.relation)}${times}</span>${why}</li>`;
  });
  return `<h2>${esc(W.named)} <span class="count">${seen.size}</span></h2><ul class="card named-list" id="named">${rows.join("")}</ul>`;
}

async function showDocument(id) {
  const { status, body: d } = await api("/api/documents/" + encodeURIComponent(id));
  if (status !== 200) return showError(status, d);
  const title = d.label;
  document.title = `${title} — trichdan`;
  const F = W.fields;
  const ocr = d.ocr ? `<p class="ocr-note" id="ocr-note">${esc(W.ocr_note)}</p>` : "";
  const stamps = [d.classification, d.urgency].filter(Boolean).map(esc).join(" · ");
  const secret = d.classification || d.urgency
    ? `<p class="${d.classification ? "secret-note" : "urgent-note"}" id="marks"><strong>${stamps}</strong> ${d.classification ? esc(W.secret_note) : ""}</p>` : "";
  main.innerHTML = `<article><h1>${esc(title)}</h1>${secret}${ocr}<div class="card">` + fieldList([
    [F.number, d.own_id && (d.node ? `<a href="${idUrl(d.node)}">${esc(d.own_id)}</a>` : esc(d.own_id))],
    [F.kind, esc(d.kind)], [F.date, d.date && esc(date(d.date))], [F.issuer, esc(d.issuer)],
    [F.signer, esc(d.signer)], [F.place, esc(d.place)], [F.level, d.level.tier && esc(tierName(W.tier_codes[d.level.tier]))],
    [F.id, esc(d.id)],
  ]) + `</div><h2>${esc(W.diagram)}</h2>${groupsHtml(d.relations)}${namedHtml(d.named)}
    <h2>${esc(W.full_text)}</h2><div class="card text" id="text">${d.html}</div></article>`;
  // a place the data-quality report points at (`#o1234`, a citation's first byte)
  const here = location.hash && document.getElementById(location.hash.slice(1));
  if (here) { here.classList.add("here"); here.scrollIntoView({ block: "center" }); }
}


// ---------- an identifier ----------

async function showIdentifier(id, params) {
  const { status, body: v } = await api("/api/ids/" + encodeURIComponent(id));
  if (status === 300) {
    main.innerHTML = `<h1>${esc(id)}</h1><p>${esc(W.ambiguous)}</p><ul id="candidates">` + v.candidates.map(c =>
      `<li><a href="${idUrl(c.node)}">${esc(c.node)}</a> — ${esc([c.kind, c.date && date(c.date), c.issuer, c.locality].filter(Boolean).join(" · "))}</li>`).join("") + "</ul>";
    return;
  }
  if (status !== 200) return showError(status, v);
  document.title = `${v.node} — trichdan`;
  const F = W.fields;
  const khoa = [...new Set(v.statements.map(s => s.khoa).filter(Boolean))].join(", ");
  const heading = [v.kind, v.node].filter(Boolean).join(" ");
  let html = `<h1>${esc(heading)}</h1><div class="card">` + fieldList([
    [F.number, esc(v.node)], [F.title, v.label !== heading && v.label !== v.node ? esc(v.label) : ""], [F.kind, esc(v.kind)], [F.date, v.date && esc(date(v.date))],
    [F.issuer, esc(v.issuer)], [F.khoa, esc(khoa)], [F.place, esc(v.locality)],
    [F.level, v.tier && esc(tierName(v.tier))],
    [W.full_text, v.docs.length ? v.docs.map(d => `<a href="${docUrl(d)}">${esc(d)}</a>`).join(", ") : esc(W.not_in_archive)],
  ]) + `</div>`;
  html += `<h2>${esc(W.implementers)} <span class="count">${v.implementers.length}</span></h2><div class="card" id="implementers">`;
  for (const g of v.groups) {
    html += `<h3>${esc(tierName(g.tier))}${g.locality ? " · " + esc(g.locality) : ""} <span class="count">${g.count}</span></h3><ul>`;
    for (const i of g.rows.map(r => v.implementers[r])) {
      const after = i.days_after != null ? ` · ${esc(fill(W.days_after, { n: num(i.days_after) }))}` : "";
      html += `<li>${nodeLink(i)} <span class="meta">${esc(date(i.date))}${after}${i.depth > 1 ? " · ← " + esc(i.via) : ""}</span></li>`;
    }
    html += `</ul>`;
  }
  if (!v.implementers.length) html += `<p class="muted">${esc(W.none)}</p>`;
  html += `</div><section id="follow" aria-live="polite"></section><h2>${esc(W.chain)}</h2><div class="controls"><label>${esc(W.depth)}
    <select id="depth">${[1, 2, 3, 4, 5].map(n => `<option${n === 2 ? " selected" : ""}>${n}</option>`).join("")}</select></label>
    <span class="muted">${esc(W.graph_hint)}</span></div>
    <div class="chainbox"><div id="cy" role="img" aria-label="${esc(W.chain)}"></div>
    <nav class="tree" id="tree" aria-label="${esc(W.chain_list)}"></nav></div>`;
  html += `<h2>${esc(W.diagram)}</h2>${groupsHtml(v.relations)}`;
  html += `<h2>${esc(W.citers)} <span class="count">${v.citers.length}</span></h2><ul class="card">` +
    v.citers.map(c => `<li>${nodeLink(c)} <span class="meta">${esc(W.outgoing[c.relation] || c.relation)} · ${c.count} ${esc(W.times)}</span></li>`).join("") + `</ul>`;
  main.innerHTML = html;
  const depth = document.getElementById("depth");
  depth.addEventListener("change", () => quietly(drawChain(v.node, +depth.value)));
  quietly(drawChain(v.node, 2));
  quietly(drawFollowUp(v.node, params && params.get("as_of")));
}

// ---------- follow-up: who was asked, who acted, what falls due ----------

const FW = W.follow;
function tierOf(code) { return code ? tierName(W.tier_codes[code]) : W.unknown_tier; }
function dueText(d) {
  if (d.due.every) return FW.every[d.due.every.period] + (d.next ? ` (${date(d.next)})` : "");
  return d.next ? date(d.next) : W.none;
}

async function drawFollowUp(node, asOf) {
  const q = asOf ? `?as_of=${encodeURIComponent(asOf)}` : "";
  const { status, body: f } = await api(`/api/follow-up/${encodeURIComponent(node)}${q}`);
  const box = document.getElementById("follow");
  if (status !== 200 || !box || (!f.asked && !f.unasked.length && !f.deadlines.length)) return;
  const file = fmt => esc(`/api/follow-up/${encodeURIComponent(node)}?format=${fmt}&as_of=${encodeURIComponent(f.as_of)}`);
  let html = `<h2>${esc(FW.title)}</h2><div class="card follow">
    <p class="summary">${esc(fill(FW.summary, { a: f.acted, n: f.asked }))}</p>
    <div class="controls"><label>${esc(FW.as_of)} <input type="date" id="as-of" value="${esc(f.as_of)}"></label>
      <label>${esc(FW.level)} <select id="f-level"><option value="">${esc(FW.all)}</option>${
        [...new Set(f.units.map(u => u.tier))].map(t => `<option value="${esc(t || "")}">${esc(tierOf(t))}</option>`).join("")}</select></label>
      <label>${esc(FW.status)} <select id="f-status"><option value="">${esc(FW.all)}</option>
        <option value="acted">${esc(FW.acted)}</option><option value="not_seen">${esc(FW.not_seen)}</option></select></label>
      <button type="button" id="f-print">${esc(FW.print)}</button>
      <a href="${file("csv")}" download>${esc(FW.csv)}</a> <a href="${file("xlsx")}" download>${esc(FW.xlsx)}</a></div>`;
  if (!f.asked) html += `<p class="muted">${esc(FW.no_recipients)}</p>`;
  html += mapHtml(f) + unitsTable(f);
  if (f.unexpanded.length) html += `<h3>${esc(FW.unexpanded)}</h3><ul>${f.unexpanded.map(r => `<li>${esc(r)}</li>`).join("")}</ul>`;
  if (f.unasked.length) html += `<h3>${esc(FW.unasked)} <span class="count">${num(f.unasked_total)}</span></h3><ul>${f.unasked.map(p =>
    `<li>${esc(p.issuer || W.none)}: ${nodeLink(p)} <span class="meta">${esc(date(p.date))}${p.days_after != null ? " · " + esc(fill(W.days_after, { n: num(p.days_after) })) : ""}</span></li>`).join("")}${
    f.unasked_total > f.unasked.length ? `<li class="muted">${esc(fill(FW.more, { n: num(f.unasked_total - f.unasked.length) }))}</li>` : ""}</ul>`;
  if (f.lags.length) html += `<h3>${esc(FW.lag)}</h3><ul>${f.lags.map(l =>
    `<li>${esc(tierOf(l.tier))}: ${l.median_days != null ? esc(num(l.median_days) + " " + FW.days) : esc(W.none)} <span class="meta">(${esc(l.plans)})</span></li>`).join("")}</ul>`;
  if (f.deadlines.length) html += deadlinesTable(f);
  box.innerHTML = html + `</div>`;
  const filter = () => {
    const lv = document.getElementById("f-level").value, st = document.getElementById("f-status").value;
    for (const tr of box.querySelectorAll("#f-units tbody tr")) {
      tr.hidden = (lv && tr.dataset.tier !== lv) || (st && tr.dataset.status !== st);
    }
  };
  document.getElementById("f-level").addEventListener("change", filter);
  document.getElementById("f-status").addEventListener("change", filter);
  document.getElementById("as-of").addEventListener("change", e => {
    if (e.target.value) quietly(drawFollowUp(node, e.target.value));
  });
  document.getElementById("f-print").addEventListener("click", () => {
    document.body.classList.add("print-follow");
    window.print();
    document.body.classList.remove("print-follow");
  });
  for (const th of box.querySelectorAll("#f-units th[data-key]")) th.addEventListener("click", () => sortUnits(th));
}

function mapHtml(f) {
  const tiles = f.units.filter(u => u.tile);
  if (!tiles.length) return "";
  const at = new Map();
  for (const u of tiles) {
    const k = u.tile.join(","), was = at.get(k);
    // a square of several old provinces shows the best news among them
    if (!was || (!was.plans.length && u.plans.length)) at.set(k, u);
  }
  // initials, with the first word's second letter where two squares would read alike
  const initials = name => (name || "").split(" ").map(w => w[0]).join("");
  const seen = new Map();
  for (const u of at.values()) seen.set(initials(u.province), (seen.get(initials(u.province)) || 0) + 1);
  const short = name => seen.get(initials(name)) > 1 ? name[0] + name[1] + initials(name).slice(1) : initials(name);
  let cells = "";
  for (const u of at.values()) {
    const [row, col] = u.tile, p = u.plans[0];
    const label = `${u.province}: ${p ? p.node + " · " + date(p.date) : FW.not_seen}`;
    const inner = esc(short(u.province));
    const style = `grid-row:${row + 1};grid-column:${col + 1}`;
    cells += p
      ? `<a class="tile acted" style="${style}" href="${nodeUrl(p)}" title="${esc(label)}" aria-label="${esc(label)}">${inner}</a>`
      : `<span class="tile" style="${style}" title="${esc(label)}" aria-label="${esc(label)}">${inner}</span>`;
  }
  return `<h3>${esc(FW.map)}</h3><p class="legend"><span class="tile acted"></span> ${esc(FW.acted)}
    <span class="tile"></span> ${esc(FW.not_seen)}</p><div class="tilemap" role="img" aria-label="${esc(FW.map)}">${cells}</div>`;
}

function unitsTable(f) {
  if (!f.units.length) return "";
  const C = FW.columns;
  let html = `<div class="scroll"><table id="f-units"><thead><tr><th data-key="0">${esc(C[0])}</th><th data-key="1">${esc(C[1])}</th>
    <th data-key="2">${esc(C[3])}</th><th data-key="3">${esc(C[4])}</th><th data-key="4">${esc(C[5])}</th><th data-key="5">${esc(C[6])}</th></tr></thead><tbody>`;
  for (const u of f.units) {
    const p = u.plans[0];
    const tasks = u.tasks.map(t => f.tasks[t]);
    const detail = tasks.length ? `<details><summary>${esc(FW.tasks)} (${tasks.length})</summary><ul>${tasks.map(t =>
      `<li><b>${esc(FW.roles[t.role])}</b>: ${esc(t.text)}</li>`).join("")}</ul></details>` : "";
    html += `<tr data-tier="${esc(u.tier || "")}" data-status="${p ? "acted" : "not_seen"}" class="${p ? "acted" : "not-seen"}">
      <td data-v="${esc(u.name)}">${esc(u.name)}${detail}</td><td data-v="${esc(u.tier || "")}">${esc(tierOf(u.tier))}</td>
      <td data-v="${p ? 1 : 0}">${esc(p ? FW.acted : FW.not_seen)}</td><td data-v="${esc(p ? p.node : "")}">${p ? nodeLink(p) : ""}</td>
      <td data-v="${esc(p && p.date || "")}">${p ? esc(date(p.date)) : ""}</td><td data-v="${p && p.days_after != null ? p.days_after : ""}">${p && p.days_after != null ? num(p.days_after) : ""}</td></tr>`;
  }
  return html + `</tbody></table></div>`;
}

function sortUnits(th) {
  const table = th.closest("table"), body = table.tBodies[0], k = +th.dataset.key;
  const up = th.dataset.dir !== "asc";
  table.querySelectorAll("th").forEach(h => { delete h.dataset.dir; h.removeAttribute("aria-sort"); });
  th.dataset.dir = up ? "asc" : "desc";
  th.setAttribute("aria-sort", up ? "ascending" : "descending");
  const val = tr => tr.cells[k].dataset.v;
  const rows = [...body.rows].sort((a, b) => {
    const x = val(a), y = val(b), nx = parseFloat(x), ny = parseFloat(y);
    const c = !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y, "vi");
    return up ? c : -c;
  });
  rows.forEach(r => body.appendChild(r));
}

function deadlinesTable(f) {
  return `<h3>${esc(FW.deadlines)}</h3><div class="scroll"><table class="dues"><thead><tr><th>${esc(FW.due)}</th><th>${esc(FW.status)}</th>
    <th>${esc(FW.what)}</th><th>${esc(FW.unit)}</th><th>${esc(FW.from)}</th></tr></thead><tbody>` +
    f.deadlines.map(d => `<tr class="${esc(d.status)}"><td>${esc(dueText(d))}</td><td>${esc(FW[d.status])}</td><td>${esc(d.text)}</td>
      <td>${esc(d.unit || "")}</td><td>${d.doc ? `<a href="${docUrl(d.doc)}">${esc(d.from)}</a>` : esc(d.from)}</td></tr>`).join("") +
    `</tbody></table></div>`;
}

// ---------- the agenda: what falls due in a period ----------

async function showAgenda(params) {
  const DW = W.due;
  document.title = `${DW.title} — trichdan`;
  const from = params.get("tu") || "", to = params.get("den") || "";
  const q = [from && `from=${encodeURIComponent(from)}`, to && `to=${encodeURIComponent(to)}`].filter(Boolean).join("&");
  const { status, body: a } = await api("/api/due" + (q ? "?" + q : ""));
  if (status !== 200) return showError(status, a);
  let html = `<h1>${esc(DW.title)}</h1><p class="muted">${esc(DW.intro)}</p>
    <form class="controls" id="agenda-form"><label>${esc(DW.from)} <input type="date" name="tu" value="${esc(a.from)}"></label>
    <label>${esc(DW.to)} <input type="date" name="den" value="${esc(a.to)}"></label><button type="submit">${esc(DW.show)}</button></form>
    <p class="summary" role="status">${esc(fill(DW.summary, { from: date(a.from), to: date(a.to), n: num(a.total) }))}</p>`;
  if (a.shown < a.total) html += `<p class="muted">${esc(fill(DW.capped, { shown: num(a.shown) }))}</p>`;
  if (!a.total) html += `<p>${esc(DW.none)}</p>`;
  for (const u of a.units) {
    html += `<section class="card follow agenda"><h2 class="unit">${esc(u.unit || DW.no_unit)} <span class="count">${u.items.length}</span></h2>` +
      `<div class="scroll"><table class="dues"><thead><tr><th>${esc(FW.due)}</th><th>${esc(FW.status)}</th><th>${esc(FW.what)}</th><th>${esc(FW.from)}</th></tr></thead><tbody>` +
      u.items.map(d => `<tr class="${esc(d.status)}"><td>${esc(dueText(d))}</td><td>${esc(FW[d.status])}</td><td>${esc(d.text)}</td>
        <td>${d.doc ? `<a href="${docUrl(d.doc)}">${esc(d.from)}</a>` : esc(d.from)}</td></tr>`).join("") + `</tbody></table></div></section>`;
  }
  main.innerHTML = html;
  document.getElementById("agenda-form").addEventListener("submit", e => {
    e.preventDefault();
    const f = new FormData(e.target);
    go(`/den-han?tu=${encodeURIComponent(f.get("tu"))}&den=${encodeURIComponent(f.get("den"))}`);
  });
}

// ---------- the data-quality report ----------

const LINT_PAGE = 100;
// checks whose subject is an identifier (linked to its page) rather than a document or a file
const ID_CHECKS = new Set(["qd_qdi", "doubled_suffix", "kind_disagrees", "date_disagrees", "issuer_disagrees"]);

async function showLint(params) {
  const LW = W.lint;
  document.title = `${LW.title} — trichdan`;
  const check = params.get("loai") || "";
  const page = Math.max(1, parseInt(params.get("trang") || "1", 10) || 1);
  const q = `limit=${LINT_PAGE}&offset=${(page - 1) * LINT_PAGE}` + (check ? `&check=${encodeURIComponent(check)}` : "");
  const { status, body: r } = await api("/api/lint?" + q);
  if (status !== 200) return showError(status, r);
  const all = r.counts.reduce((n, c) => n + c.count, 0);
  let html = `<h1>${esc(LW.title)}</h1><p class="muted">${esc(LW.intro)}</p>
    <p class="summary" role="status">${esc(fill(LW.summary, { d: num(r.documents), n: num(all) }))}</p>
    <ul class="checks"><li><a href="/kiem-tra"${check ? "" : ' aria-current="page"'}>${esc(LW.all)}</a> <span class="count">${num(all)}</span></li>` +
    r.counts.map(c => `<li>${c.count ? `<a href="/kiem-tra?loai=${esc(c.check)}"${c.check === check ? ' aria-current="page"' : ""}>${esc(c.label)}</a>` : esc(c.label)} <span class="count">${num(c.count)}</span></li>`).join("") + `</ul>`;
  if (!r.total) html += `<p>${esc(LW.none)}</p>`;
  let last = null;
  for (const f of r.findings) {
    if (f.check !== last) { html += `<h2>${esc(LW.checks[f.check])}</h2>`; last = f.check; }
    html += findingHtml(f);
  }
  const end = r.offset + r.findings.length;
  if (r.total > r.findings.length) {
    const at = n => `/kiem-tra?${check ? "loai=" + encodeURIComponent(check) + "&" : ""}trang=${n}`;
    html += `<p class="pager">${page > 1 ? `<a href="${esc(at(page - 1))}">${esc(W.previous)}</a> ` : ""}` +
      (r.findings.length ? esc(fill(LW.shown, { a: num(r.offset + 1), b: num(end), n: num(r.total) })) : "") +
      (end < r.total ? ` <a href="${esc(at(page + 1))}">${esc(LW.more)}</a>` : "") + `</p>`;
  }
  main.innerHTML = html;
}

function findingHtml(f) {
  const LW = W.lint;
  const subject = ID_CHECKS.has(f.check) ? `<a href="${idUrl(f.subject)}">${esc(f.subject)}</a>`
    : f.check === "unread" ? `<code>${esc(f.subject)}</code>` : `<a href="${docUrl(f.subject)}">${esc(f.subject)}</a>`;
  const places = f.places.filter(p => p.span || p.doc !== f.subject).map(p => {
    const where = p.span ? `${docUrl(p.doc)}#o${p.span[0]}` : docUrl(p.doc);
    const words = p.excerpt ? `…${esc(p.excerpt.before)}<mark>${esc(p.excerpt.hit)}</mark>${esc(p.excerpt.after)}…`
      : `${esc(LW.header)}${p.said ? ": " + esc(LW.said) + " «" + esc(p.said) + "»" : ""}`;
    return `<li><a href="${where}">${esc(p.doc)}</a> <span class="excerpt">${words}</span></li>`;
  });
  return `<article class="card finding"><h3>${subject}</h3><p>${esc(f.detail)}</p>` +
    (places.length ? `<ul class="places">${places.join("")}</ul>` : "") + `</article>`;
}

let cy = null;

async function chainData(node, depth) {
  const [down, up] = await Promise.all(["down", "up"].map(d =>
    api(`/api/graph?node=${encodeURIComponent(node)}&direction=${d}&depth=${depth}`)));
  const nodes = new Map(), edges = new Map();
  for (const r of [down, up]) {
    if (r.status !== 200) continue;
    r.body.nodes.forEach(n => nodes.set(n.node, n));
    r.body.edges.forEach(e => edges.set(`${e.from}→${e.to}`, e));
  }
  return { nodes, edges };
}

function elements(nodes, edges) {
  const els = [];
  for (const n of nodes.values()) {
    const name = n.node.split("@")[0];
    const short = name.length > 16 ? name.slice(0, 15) + "…" : name;
    els.push({ data: { id: n.node, label: short + (n.locality ? "\n" + n.locality : ""), doc: n.doc || "", held: n.doc ? "yes" : "no" } });
  }
  for (const [key, e] of edges) {
    if (nodes.has(e.from) && nodes.has(e.to)) els.push({ data: { id: key, source: e.from, target: e.to } });
  }
  return els;
}

let drawing = 0;

async function drawChain(root, depth) {
  const mine = ++drawing;
  const { nodes, edges } = await chainData(root, depth);
  const box = document.getElementById("cy");
  if (!box || mine !== drawing) return; // the page or the depth moved on meanwhile
  drawTree(root, nodes, edges);
  if (cy) { cy.destroy(); cy = null; }
  if (typeof cytoscape === "undefined") return;
  if (typeof cytoscapeDagre !== "undefined" && !drawChain.registered) { cytoscape.use(cytoscapeDagre); drawChain.registered = true; }
  cy = cytoscape({
    container: box,
    elements: elements(nodes, edges),
    style: [
      { selector: "node", style: { label: "data(label)", "text-wrap": "wrap", "text-max-width": 110, "font-size": 9, "text-valign": "bottom", "background-color": "#0b57a3", width: 14, height: 14 } },
      { selector: "node[held = 'no']", style: { "background-color": "#bbb" } },
      { selector: "node.root", style: { "background-color": "#8b1a1a", width: 20, height: 20 } },
      { selector: "edge", style: { width: 1.2, "line-color": "#999", "target-arrow-color": "#999", "target-arrow-shape": "triangle", "curve-style": "bezier" } },
    ],
    layout: { name: "dagre", rankDir: "BT", nodeSep: 70, rankSep: 70 },
    wheelSensitivity: 0.3,
  });
  cy.getElementById(root).addClass("root");
  cy.on("tap", "node", ev => {
    const d = ev.target.data();
    go(d.doc ? docUrl(d.doc) : idUrl(d.id));
  });
  cy.on("cxttap", "node", ev => quietly(expand(root, ev.target.id(), nodes, edges)));
}

// expand a node in place: its own chain one level down and up, added to the drawing and the list
async function expand(root, node, nodes, edges) {
  const more = await chainData(node, 1);
  for (const [k, n] of more.nodes) nodes.set(k, n);
  for (const [k, e] of more.edges) edges.set(k, e);
  drawTree(root, nodes, edges);
  if (!cy) return;
  cy.add(elements(more.nodes, more.edges).filter(el => cy.getElementById(el.data.id).empty()));
  cy.layout({ name: "dagre", rankDir: "BT", nodeSep: 70, rankSep: 70 }).run();
}

// the same chain as a nested list (for keyboards and screen readers): implementers under what they implement
function drawTree(root, nodes, edges) {
  const below = new Map(), above = new Map();
  for (const e of edges.values()) {
    if (!below.has(e.to)) below.set(e.to, []);
    below.get(e.to).push(e);
    if (!above.has(e.from)) above.set(e.from, []);
    above.get(e.from).push(e);
  }
  const seen = new Set();
  const item = (name, edge, next) => {
    const n = nodes.get(name) || { node: name };
    const stated = edge ? ` <span class="meta">(${esc(W.stated_in)} ${esc(edge.stated_in)})</span>` : "";
    if (seen.has(name)) return `<li>${nodeLink(n)}${stated} <span class="muted">— ${esc(W.shown_above)}</span></li>`;
    seen.add(name);
    const kids = (next.get(name) || []).map(e => item(next === below ? e.from : e.to, e, next)).join("");
    const more = `<button type="button" class="expand" data-node="${esc(name)}" aria-label="${esc(W.expand)} ${esc(name)}">+</button>`;
    return `<li>${nodeLink(n)}${stated} ${more}${kids ? "<ul>" + kids + "</ul>" : ""}</li>`;
  };
  const ups = (above.get(root) || []).map(e => item(e.to, e, above)).join("");
  seen.clear();
  const downs = item(root, null, below);
  const tree = document.getElementById("tree");
  if (!tree) return;
  tree.innerHTML =
    (ups ? `<h3>${esc(W.up)}</h3><ul>${ups}</ul>` : "") + `<h3>${esc(W.down)}</h3><ul>${downs}</ul>`;
  tree.querySelectorAll("button.expand").forEach(b =>
    b.addEventListener("click", () => quietly(expand(root, b.dataset.node, nodes, edges))));
}

route();
