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
    for (const id of ["login", "routes", "route", "audit"]) $(id).hidden = id !== view;
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
    const page = location.hash.startsWith("#route/") ? "route" : location.hash === "#audit" ? "audit" : "routes";
    show(page);
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
  }

  function percent(p) {
    return p === null || p === undefined ? "no data" : (p * 100).toFixed(1) + "%";
  }

  function renderRoutes(configError) {
    const body = $("routes-table").tBodies[0];
    body.replaceChildren(...routes.map((rt) => {
      const tr = el("tr");
      tr.dataset.route = rt.id;
      const match = rt.match.path + (rt.match.methods.length ? " [" + rt.match.methods.join(",") + "]" : "")
        + (rt.match.host ? " host " + rt.match.host : "");
      const name = el("th");
      const link = el("a", rt.id);
      link.href = "#route/" + encodeURIComponent(rt.id);
      name.append(link);
      tr.append(name, el("td", match), el("td", rt.primary, "primary"), el("td", rt.source));
      const low = rt.parity !== null && rt.parity < LOW_PARITY;
      tr.append(el("td", percent(rt.parity), low ? "parity parity-low" : "parity"));
      tr.append(el("td", Object.entries(rt.outcomes).filter(([, n]) => n > 0)
        .map(([k, n]) => k + " " + n).join(", ") || "none", "outcomes"));
      const to = rt.primary === "legacy" ? "new" : "legacy";
      const b = el("button", to === "new" ? "Flip to new" : "Roll back to legacy");
      b.type = "button";
      b.setAttribute("aria-label", (to === "new" ? "Flip " : "Roll back ") + rt.id + " to " + to);
      b.addEventListener("click", () => openFlip(rt.id, rt.primary, to));
      const cell = el("td");
      cell.append(b);
      tr.append(cell);
      return tr;
    }));
    $("routes-status").textContent = (configError ? "Config reload refused: " + configError + ". " : "")
      + "Updated " + new Date().toLocaleTimeString() + ".";
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

  let current = { route: null, fingerprint: null, groups: [] };

  function openRoute(id) {
    if (current.route !== id) {
      current = { route: id, fingerprint: null, groups: [] };
      $("route-title").textContent = "Route " + id;
      $("groups-table").tBodies[0].replaceChildren();
      $("example").hidden = true;
    }
    refreshGroups();
  }

  async function refreshGroups() {
    const id = current.route;
    const r = await call("GET", "/admin/discrepancies/groups?limit=100&route=" + encodeURIComponent(id));
    if (r.status !== 200 || id !== current.route) return;
    current.groups = r.json.groups;
    $("groups-empty").textContent = current.groups.length ? "" : "No discrepancies recorded for this route.";
    $("groups-table").tBodies[0].replaceChildren(...current.groups.map((g) => {
      const tr = el("tr");
      tr.dataset.fingerprint = g.fingerprint;
      const actions = el("td");
      const show = el("button", "Show example");
      show.type = "button";
      show.addEventListener("click", () => showExample(g.fingerprint));
      const exp = el("button", "Export JSONL");
      exp.type = "button";
      exp.addEventListener("click", () => exportGroup(g));
      actions.append(show, " ", exp);
      tr.append(el("td", g.outcome), el("td", g.count, "count"), el("td", g.first_seen), el("td", g.last_seen),
        el("td", g.fingerprint), actions);
      return tr;
    }));
    if (!current.fingerprint && current.groups.length) showExample(current.groups[0].fingerprint);
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
      tr.append(el("td", e.seq), el("td", e.at), el("td", e.route), el("td", e.from), el("td", e.to),
        el("td", e.actor), el("td", e.reason));
      return tr;
    }));
  }

  function openFlip(id, from, to) {
    flipping = { id, from, to };
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
    const r = await call("POST", "/admin/routes/" + encodeURIComponent(f.id) + "/cutover",
      { primary: f.to, expect: f.from, reason });
    if (r.status === 200) { $("flip-dialog").close(); refresh(); return; }
    if (r.status === 401) { $("flip-dialog").close(); loggedOut("Your session ended: log in again."); return; }
    $("flip-error").textContent = r.status === 409
      ? "Someone else flipped this route first (it is now " + r.json.primary + "): cancel and look again."
      : "The flip failed: " + (r.json && r.json.error ? r.json.error : "HTTP " + r.status);
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
