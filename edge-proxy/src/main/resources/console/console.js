"use strict";
// The operator console: logs in with the admin token (kept only in the form field until sent),
// then reads and flips through the admin API under the session cookie, polling every 3 s.
(function () {
  const POLL_MS = 3000;
  const CHART_MS = 5000;
  const DAY_S = 24 * 3600;
  const LOW_PARITY = 0.99;
  let csrf = null;
  let timer = null;
  let audit = [];
  let routes = [];
  let flipping = null;
  let chartTimer = null;
  const charts = new Map();

  const $ = (id) => document.getElementById(id);

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  function setText(e, text) {
    const t = text === undefined || text === null ? "" : String(text);
    if (e.textContent !== t) e.textContent = t;
  }

  // Updates a table body in place, one row per key: a row (and its buttons) survives a refresh,
  // so a click, the focus and the reader's place are kept.
  function keyed(body, items, keyOf, make, fill) {
    const rows = new Map([...body.rows].map((tr) => [tr.dataset.key, tr]));
    const wanted = items.map((item) => {
      const key = String(keyOf(item));
      let tr = rows.get(key);
      if (tr) rows.delete(key); else { tr = make(key); tr.dataset.key = key; }
      fill(tr, item);
      return tr;
    });
    rows.forEach((tr) => tr.remove());
    wanted.forEach((tr, i) => { if (body.rows[i] !== tr) body.insertBefore(tr, body.rows[i] || null); });
  }

  function cells(tr, n) {
    for (let i = 0; i < n; i++) tr.append(el("td"));
    return tr;
  }

  async function call(method, path, body) {
    const headers = { "Accept": "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (method !== "GET" && csrf) { headers["X-CSRF-Token"] = csrf; headers["X-Actor"] = "console"; }
    const r = await fetch(path, { method, headers, credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await r.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    return { status: r.status, json };
  }

  function show(view) {
    for (const id of ["login", "routes", "route", "audit", "instances"]) $(id).hidden = id !== view;
    $("nav").hidden = view === "login";
  }

  function loggedOut(message) {
    csrf = null;
    clearInterval(timer);
    clearInterval(chartTimer);
    timer = null;
    chartTimer = null;
    charts.forEach((c) => c.plot.destroy());
    charts.clear();
    $("charts").replaceChildren();
    routes = [];
    audit = [];
    $("routes-table").tBodies[0].replaceChildren();
    $("audit-table").tBodies[0].replaceChildren();
    $("instances-table").tBodies[0].replaceChildren();
    $("login-error").textContent = message || "";
    show("login");
    $("token").focus();
  }

  function loggedIn(session) {
    csrf = session.csrf;
    $("token").value = "";
    $("login-error").textContent = "";
    route();
    refresh().then(refreshCharts);
    timer = setInterval(refresh, POLL_MS);
    chartTimer = setInterval(refreshCharts, CHART_MS);
  }

  function route() {
    if (!csrf) return;
    const page = location.hash.startsWith("#route/") ? "route"
      : ["#audit", "#instances"].includes(location.hash) ? location.hash.substring(1) : "routes";
    show(page);
    if (page === "instances") refreshInstances();
    if (page === "route") openRoute(decodeURIComponent(location.hash.substring("#route/".length)));
  }

  async function refresh() {
    const [r, a] = await Promise.all([
      call("GET", "/admin/routes"),
      call("GET", "/admin/audit?limit=1000&after=" + (audit.length ? audit[audit.length - 1].seq : 0))]);
    if (r.status === 401 || a.status === 401) { loggedOut("Your session ended: log in again."); return; }
    if (r.status === 200) { routes = r.json.routes; renderRoutes(r.json.config_error); }
    if (a.status === 200) { audit = audit.concat(a.json.entries); renderAudit(); }
    if (!$("route").hidden) refreshGroups();
    if (!$("instances").hidden) refreshInstances();
  }

  function percent(p) {
    return p === null || p === undefined ? "no data" : (p * 100).toFixed(1) + "%";
  }

  // The share of users on new when both sides serve users, else null.
  function partialWeight(rt) {
    const w = rt.weight ? rt.weight.new : null;
    return w !== null && w > 0 && w < 100 ? w : null;
  }

  function serving(rt) {
    const w = partialWeight(rt);
    return w !== null ? "new " + w + "% / legacy " + (100 - w) + "%" : rt.primary;
  }

  function ms(v) {
    return v === null || v === undefined ? "-" : v < 10 ? v.toFixed(1) : Math.round(v).toString();
  }

  function figures(f, errors) {
    return "p50 " + ms(f.p50_ms) + " ms, p99 " + ms(f.p99_ms) + " ms, " + (f.error_rate * 100).toFixed(1) + "% "
      + errors + " of " + f.answered;
  }

  // What a side answered when it served, and as the shadow (the only figures new has before a flip).
  function sideLine(name, s) {
    const served = s && s.answered ? figures(s, "5xx") : "served none";
    const m = s && s.mirrored;
    return name + ": " + served + (m && m.answered ? "; as shadow " + figures(m, "errors") : "");
  }

  function routeRow(id) {
    const tr = cells(el("tr"), 8);
    tr.dataset.route = id;
    const name = el("th");
    name.scope = "row";
    const link = el("a", id);
    link.href = "#route/" + encodeURIComponent(id);
    name.append(link);
    tr.replaceChild(name, tr.cells[0]);
    ["match", "primary", "source", "parity", "outcomes", "latency"].forEach((c, i) => { tr.cells[i + 1].className = c; });
    const b = el("button");
    b.type = "button";
    b.addEventListener("click", () => {
      const rt = routes.find((r) => r.id === id);
      if (!rt) return;
      const w = partialWeight(rt);
      if (w !== null) openFlip(rt.id, "new for " + w + "% of its users", "legacy", w);
      else openFlip(rt.id, rt.primary, rt.primary === "legacy" ? "new" : "legacy");
    });
    const w = el("button", "Set weight\u2026");
    w.type = "button";
    w.className = "weight";
    w.setAttribute("aria-label", "Set the share of " + id + "'s users served by new");
    w.addEventListener("click", () => {
      const rt = routes.find((r) => r.id === id);
      if (rt) openWeight(rt.id, rt.weight ? rt.weight.new : (rt.primary === "new" ? 100 : 0));
    });
    tr.cells[7].append(b, " ", w);
    return tr;
  }

  function fillRoute(tr, rt) {
    const c = tr.cells;
    setText(c[1], rt.match.path + (rt.match.methods.length ? " [" + rt.match.methods.join(",") + "]" : "")
      + (rt.match.host ? " host " + rt.match.host : ""));
    setText(c[2], serving(rt));
    setText(c[3], rt.source);
    const low = rt.parity !== null && rt.parity < LOW_PARITY;
    c[4].className = low ? "parity parity-low" : "parity";
    setText(c[4], percent(rt.parity));
    setText(c[5], Object.entries(rt.outcomes).filter(([, n]) => n > 0).map(([k, n]) => k + " " + n).join(", ") || "none");
    const sides = rt.sides || {};
    setText(c[6], sideLine("legacy", sides.legacy) + "\n" + sideLine("new", sides.new));
    const to = rt.primary === "legacy" && partialWeight(rt) === null ? "new" : "legacy";
    const b = c[7].firstChild;
    setText(b, to === "new" ? "Flip to new" : "Roll back to legacy");
    b.setAttribute("aria-label", (to === "new" ? "Flip " : "Roll back ") + rt.id + " to " + to);
  }

  function renderRoutes(configError) {
    keyed($("routes-table").tBodies[0], routes, (rt) => rt.id, routeRow, fillRoute);
    setText($("routes-status"), (configError ? "Config reload refused: " + configError + ". " : "")
      + "Updated " + new Date().toLocaleTimeString() + ".");
  }

  function lastDay() {
    const now = Date.now() / 1000;
    return [now - DAY_S, now];
  }

  function chartFor(id) {
    if (charts.has(id)) return charts.get(id);
    const box = el("figure", null, "chart");
    box.dataset.route = id;
    const caption = el("figcaption", id + ": no data yet");
    box.append(caption);
    $("charts").append(box);
    const plot = new uPlot({ width: 640, height: 160, scales: { x: { time: true, range: lastDay }, y: { range: [0, 100] } },
      series: [{}, { label: "parity %", stroke: "#24323f", width: 2, points: { show: true },
        value: (u, v) => v === null ? "-" : v.toFixed(1) + "%" }],
      axes: [{}, { values: (u, ticks) => ticks.map((t) => t + "%") }] }, [[], []], box);
    const c = { box, caption, plot };
    charts.set(id, c);
    return c;
  }

  async function refreshCharts() {
    for (const rt of routes.filter((r) => r.shadow.enabled)) {
      const r = await call("GET", "/console/api/parity/" + encodeURIComponent(rt.id));
      if (r.status === 401) { loggedOut("Your session ended: log in again."); return; }
      if (r.status !== 200 || !csrf) continue;
      const c = chartFor(rt.id);
      const values = r.json.parity.map((p) => p * 100);
      c.plot.setData([r.json.minutes, values]);
      c.box.dataset.points = String(values.length);
      c.caption.textContent = rt.id + ": " + (values.length
        ? values.length + " minute(s) with mirrored traffic, last " + values[values.length - 1].toFixed(1) + "%"
        : "no mirrored traffic in 24 h");
    }
  }

  let current = { route: null, fingerprint: null, groups: [], trend: {} };

  function openRoute(id) {
    if (current.route !== id) {
      current = { route: id, fingerprint: null, groups: [], trend: {} };
      $("route-title").textContent = "Route " + id;
      $("groups-table").tBodies[0].replaceChildren();
      $("example").hidden = true;
    }
    refreshGroups();
  }

  const BARS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";

  // A text sparkline of the last 24 hours (one character per hour), with the numbers for a reader.
  function sparkline(counts) {
    if (!counts) return { text: "-", label: "no records in 24 h" };
    const max = Math.max(...counts);
    const text = counts.map((n) => n === 0 ? "\u00B7" : BARS[Math.min(7, Math.floor((n / max) * 7.999))]).join("");
    const total = counts.reduce((a, b) => a + b, 0);
    return { text, label: total + " in 24 h, last hour " + counts[counts.length - 1] + ", busiest hour " + max };
  }

  function groupRow(fingerprint) {
    const tr = cells(el("tr"), 7);
    tr.dataset.fingerprint = fingerprint;
    ["outcome", "count", "trend", "first", "last", "fingerprint"].forEach((c, i) => { tr.cells[i].className = c; });
    const show = el("button", "Show example");
    show.type = "button";
    show.addEventListener("click", () => showExample(fingerprint));
    const exp = el("button", "Export JSONL");
    exp.type = "button";
    exp.addEventListener("click", () => {
      const g = current.groups.find((x) => x.fingerprint === fingerprint);
      if (g) exportGroup(g);
    });
    tr.cells[6].append(show, " ", exp);
    return tr;
  }

  function fillGroup(tr, g) {
    const c = tr.cells;
    setText(c[0], g.outcome);
    setText(c[1], g.count);
    const line = sparkline(current.trend[g.fingerprint]);
    setText(c[2], line.text);
    c[2].title = line.label;
    c[2].setAttribute("aria-label", line.label);
    setText(c[3], g.first_seen);
    setText(c[4], g.last_seen);
    setText(c[5], g.fingerprint);
  }

  async function refreshGroups() {
    const id = current.route;
    const q = encodeURIComponent(id);
    const [r, t, n] = await Promise.all([call("GET", "/admin/discrepancies/groups?limit=100&route=" + q),
      call("GET", "/console/api/trend/" + q), call("GET", "/admin/routes/" + q + "/noise")]);
    if (r.status !== 200 || id !== current.route) return;
    current.groups = r.json.groups;
    current.trend = t.status === 200 ? t.json.groups : {};
    setText($("groups-empty"), current.groups.length ? "" : "No discrepancies recorded for this route.");
    keyed($("groups-table").tBodies[0], current.groups, (g) => g.fingerprint, groupRow, fillGroup);
    showSuggestion(n.status === 200 ? n.json : null);
    if (!current.fingerprint && current.groups.length) showExample(current.groups[0].fingerprint);
  }

  function showSuggestion(noise) {
    const learned = noise && noise.observations > 0;
    setText($("suggestion-status"), learned
      ? "From " + noise.observations + " repeated request(s) on this instance, noise learning suggests:"
      : "Noise learning has not observed this route yet (defaults.shadow.noise.sample).");
    setText($("suggestion-yaml"), learned ? noise.suggested_yaml : "");
    $("suggestion-yaml").hidden = !learned;
  }

  function showExample(fingerprint) {
    const g = current.groups.find((x) => x.fingerprint === fingerprint);
    current.fingerprint = fingerprint;
    if (!g || !g.example) { $("example").hidden = true; return; }
    const ex = g.example;
    const paths = new Set(ex.diffs.map((d) => d.path));
    $("example-request").textContent = "Request: " + ex.method + " " + ex.path + (ex.query ? "?" + ex.query : "")
      + " (" + ex.at + ", request id " + ex.request_id + ", served by " + ex.served_by + ")";
    $("example-diffs").tBodies[0].replaceChildren(...ex.diffs.map((d) => {
      const tr = el("tr");
      tr.append(el("td", d.path), el("td", d.kind), el("td", JSON.stringify(d.legacy)),
        el("td", JSON.stringify(d.new)));
      return tr;
    }));
    for (const side of ["legacy", "new"]) {
      const s = ex[side];
      const pre = $("side-" + side);
      pre.replaceChildren();
      if (!s) { pre.textContent = "(no answer)"; continue; }
      pre.append("status " + s.status + ", " + s.latency_ms + " ms" + (s.error ? ", " + s.error : "") + "\n");
      if (s.core !== undefined) render(pre, s.core, "$", paths, "");
    }
    $("example").hidden = false;
  }

  function render(into, value, path, paths, indent) {
    const target = paths.has(path) ? el("mark", null, "diff") : into;
    if (target !== into) { target.title = "differs: " + path; target.append("\u2260 "); into.append(target); }
    if (value !== null && typeof value === "object") {
      const entries = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
      target.append(Array.isArray(value) ? "[" : "{");
      entries.forEach(([k, v], i) => {
        target.append("\n" + indent + "  " + (Array.isArray(value) ? "" : JSON.stringify(k) + ": "));
        const child = Array.isArray(value) ? path + "[" + k + "]"
          : /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? path + "." + k : path + "[" + JSON.stringify(k) + "]";
        render(target, v, child, paths, indent + "  ");
        if (i < entries.length - 1) target.append(",");
      });
      target.append((entries.length ? "\n" + indent : "") + (Array.isArray(value) ? "]" : "}"));
    } else {
      target.append(JSON.stringify(value));
    }
  }

  async function exportGroup(g) {
    const lines = [];
    let before = "";
    do {
      const r = await call("GET", "/admin/discrepancies?limit=1000&route=" + encodeURIComponent(g.route)
        + "&fingerprint=" + encodeURIComponent(g.fingerprint) + (before ? "&before=" + encodeURIComponent(before) : ""));
      if (r.status !== 200) return;
      r.json.discrepancies.forEach((d) => lines.push(JSON.stringify(d)));
      before = r.json.next;
    } while (before);
    const a = el("a");
    a.href = URL.createObjectURL(new Blob([lines.reverse().join("\n") + "\n"], { type: "application/x-ndjson" }));
    a.download = g.route + "-" + g.fingerprint + ".jsonl";
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }

  function renderAudit() {
    const r = $("audit-route").value.trim().toLowerCase();
    const a = $("audit-actor").value.trim().toLowerCase();
    const rows = audit.filter((e) => (!r || e.route.toLowerCase().includes(r))
      && (!a || e.actor.toLowerCase().includes(a))).slice().reverse();
    $("audit-table").tBodies[0].replaceChildren(...rows.map((e) => {
      const tr = el("tr");
      const weighted = e.action === "weight" && e.weight;
      tr.append(el("td", e.seq), el("td", e.at), el("td", e.route),
        el("td", weighted ? e.weight.from + "% new" : e.from), el("td", weighted ? e.weight.to + "% new" : e.to),
        el("td", e.actor), el("td", e.reason));
      return tr;
    }));
  }

  async function refreshInstances() {
    const r = await call("GET", "/admin/instances");
    if (r.status !== 200) {
      setText($("instances-status"), r.status === 404 ? "This edge shares no store with others." : "HTTP " + r.status);
      return;
    }
    setText($("instances-status"), r.json.instances.length + " instance(s) share this store. Updated "
      + new Date().toLocaleTimeString() + ".");
    keyed($("instances-table").tBodies[0], r.json.instances, (i) => i.id, (id) => {
      const tr = cells(el("tr"), 8);
      tr.dataset.instance = id;
      return tr;
    }, (tr, i) => {
      [i.id, i.address, i.version, i.state + (i.config_drift ? " \u26A0 config drift" : ""), i.started, i.last_seen,
        i.audit_seq, i.config_hash].forEach((v, k) => setText(tr.cells[k], v));
      tr.cells[3].className = i.config_drift || i.state !== "serving" ? "state warn" : "state";
    });
  }

  function openWeight(id, current) {
    flipping = { id, weight: current };
    $("flip-title").textContent = "Set the weight of " + id;
    $("flip-summary").textContent = "Now " + current + "% of " + id + "'s users are served by new. Users keep"
      + " their side (a hash of the route's sticky key); raising the share only moves users from legacy to new.";
    $("weight-field").hidden = false;
    $("flip-weight").value = String(current);
    $("flip-reason").value = "";
    $("flip-error").textContent = "";
    $("flip-dialog").showModal();
    $("flip-weight").focus();
  }

  // A flip between the plain states (cutover, expecting the side shown), or from a partial weight
  // back to legacy (weight 0, expecting the weight shown).
  function openFlip(id, from, to, partial) {
    $("weight-field").hidden = true;
    flipping = { id, from, to, partial };
    $("flip-title").textContent = to === "new" ? "Flip " + id + " to new" : "Roll back " + id + " to legacy";
    $("flip-summary").textContent = "Route " + id + " is served by " + from + ". After you confirm, "
      + to + " serves its next request on every instance.";
    $("flip-reason").value = "";
    $("flip-error").textContent = "";
    $("flip-dialog").showModal();
    $("flip-reason").focus();
  }

  async function confirmFlip(ev) {
    ev.preventDefault();
    const reason = $("flip-reason").value.trim();
    if (!reason) { $("flip-error").textContent = "A reason is required."; $("flip-reason").focus(); return; }
    const f = flipping;
    const weighting = f.weight !== undefined;
    const share = Number($("flip-weight").value);
    if (weighting && !(Number.isInteger(share) && share >= 0 && share <= 100)) {
      $("flip-error").textContent = "The weight is a whole number from 0 to 100.";
      $("flip-weight").focus();
      return;
    }
    const body = weighting ? { new: share, expect: f.weight, reason }
      : f.partial !== undefined ? { new: 0, expect: f.partial, reason } : { primary: f.to, expect: f.from, reason };
    const r = await call("POST", "/admin/routes/" + encodeURIComponent(f.id)
      + (weighting || f.partial !== undefined ? "/weight" : "/cutover"), body);
    if (r.status === 200) { $("flip-dialog").close(); refresh(); return; }
    if (r.status === 401) { $("flip-dialog").close(); loggedOut("Your session ended: log in again."); return; }
    $("flip-error").textContent = r.status === 409
      ? "Someone else changed this route first (it is now " + (r.json.weight ? r.json.weight.new + "% new"
        : r.json.primary) + "): cancel and look again."
      : "The change failed: " + (r.json && r.json.error ? r.json.error : "HTTP " + r.status);
  }

  async function login(ev) {
    ev.preventDefault();
    const r = await call("POST", "/console/api/login", { token: $("token").value });
    $("token").value = "";
    if (r.status === 200) { loggedIn(r.json); return; }
    $("login-error").textContent = r.json && r.json.error ? r.json.error : "Login failed (HTTP " + r.status + ").";
  }

  async function logout() {
    await call("POST", "/console/api/logout");
    loggedOut("Logged out.");
  }

  document.addEventListener("DOMContentLoaded", async () => {
    $("login-form").addEventListener("submit", login);
    $("logout").addEventListener("click", logout);
    $("flip-form").addEventListener("submit", confirmFlip);
    $("flip-cancel").addEventListener("click", () => $("flip-dialog").close());
    $("audit-route").addEventListener("input", renderAudit);
    $("audit-actor").addEventListener("input", renderAudit);
    window.addEventListener("hashchange", route);
    const s = await call("GET", "/console/api/session");
    if (s.status === 200 && s.json.csrf) loggedIn(s.json); else loggedOut("");
  });
})();
