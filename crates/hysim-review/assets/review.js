"use strict";
// HySim review page. Everything drawn comes from the JSON document in #hysim-data and is
// written with textContent: no input text is ever parsed as HTML.
(function () {
  const DATA = JSON.parse(document.getElementById("hysim-data").textContent);
  const KEY = "hysim-review:" + DATA.id;
  const STATISTICS = ["mean", "geometric_mean", "median", "individual", "value", "unknown"];

  // Review state: verdicts by record index, records added on cells; kept in localStorage.
  let state = { reviewer: "", verdicts: {}, added: [] };
  let saved = null;
  try { saved = JSON.parse(window.localStorage.getItem(KEY) || "null"); } catch (e) { /* unavailable or damaged */ }
  if (saved && typeof saved === "object") state = Object.assign(state, saved);
  else {
    // A reviewed file opened again: its verdicts are where the review stands.
    DATA.records.forEach((r, i) => {
      const v = r.review;
      if (!v || v.verdict === "pending") return;
      state.verdicts[i] = { verdict: v.verdict, reviewer: v.reviewer, at: v.at };
      if (v.verdict === "edited") {
        state.verdicts[i].edit = { parameter: r.parameter, statistic: r.statistic, value: r.value, unit_raw: r.unit_raw };
      }
    });
  }
  function save() {
    try { window.localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* private mode */ }
    drawCounts();
  }

  const ui = { paper: 0, selected: null, cell: null, editing: false, filters: { text: "", code: "", below: null, todo: false } };

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function fmt(v) { return v === null || v === undefined ? "–" : String(v); }

  // ---- page frame -------------------------------------------------------------------
  const header = el("header");
  header.append(el("h1", null, DATA.title));
  const counts = el("span"); counts.id = "counts"; header.append(counts);
  const search = el("input"); search.type = "text"; search.placeholder = "paper"; search.id = "filter-paper";
  const codeSel = el("select"); codeSel.id = "filter-code";
  const below = el("input"); below.type = "number"; below.min = "0"; below.max = "1"; below.step = "0.05"; below.id = "filter-below";
  const todo = el("input"); todo.type = "checkbox"; todo.id = "filter-todo";
  const reviewer = el("input"); reviewer.type = "text"; reviewer.placeholder = "your name"; reviewer.id = "reviewer";
  reviewer.value = state.reviewer || "";
  const download = el("button", "primary", "Download reviewed"); download.id = "download";
  function labelled(text, input) { const l = el("label", null, text + " "); l.append(input); return l; }
  header.append(labelled("Paper", search), labelled("Parameter", codeSel), labelled("Confidence below", below),
    labelled("Unreviewed only", todo), labelled("Reviewer", reviewer), download);
  const main = el("main");
  const nav = el("nav"); nav.id = "papers";
  const tablesPane = el("div"); tablesPane.id = "tables";
  const detail = el("aside", "detail"); detail.id = "detail";
  main.append(nav, tablesPane, detail);
  document.body.append(header, main);

  const codesPresent = Array.from(new Set(DATA.records.map((r) => r.parameter || ""))).sort();
  codeSel.append(new Option("all", ""));
  for (const c of codesPresent) codeSel.append(new Option(c === "" ? "(none)" : c, c === "" ? "(none)" : c));

  // ---- records and filters ----------------------------------------------------------
  function verdictOf(i) { return state.verdicts[i] ? state.verdicts[i].verdict : null; }
  function shown(i) {
    const r = DATA.records[i];
    const f = ui.filters;
    if (f.code && (r.parameter || "(none)") !== f.code) return false;
    if (f.below !== null && !(r.confidence !== null && r.confidence < f.below)) return false;
    if (f.todo && verdictOf(i)) return false;
    return true;
  }
  function paperShown(p) { return !ui.filters.text || p.id.toLowerCase().includes(ui.filters.text.toLowerCase()); }
  function recordsOfPaper(p) {
    const out = [];
    for (const t of p.tables) for (const i of DATA.tables[t].records) out.push(i);
    for (const i of p.orphans) out.push(i);
    return out;
  }
  function current(i) {
    // The record as the curator left it (edits applied), as the download writes it.
    const r = DATA.records[i];
    const v = state.verdicts[i];
    if (!v || v.verdict !== "edited") return r;
    const e = Object.assign({}, r, v.edit);
    const sameUnit = v.edit.unit_raw === r.unit_raw && v.edit.parameter === r.parameter;
    const factor = r.value_canonical !== null && r.value ? r.value_canonical / r.value : null;
    if (sameUnit && factor !== null && e.value !== null) e.value_canonical = e.value * factor;
    else { e.unit = null; e.value_canonical = null; } // `hysim train` and `hysim eval` convert again
    return e;
  }
  function colour(conf) {
    // Red (0) through amber to green (1).
    const hue = Math.round(Math.max(0, Math.min(1, conf)) * 120);
    return "hsl(" + hue + ", 70%, 84%)";
  }

  function drawCounts() {
    const n = DATA.records.length;
    const by = { accepted: 0, rejected: 0, edited: 0 };
    for (const k in state.verdicts) by[state.verdicts[k].verdict] = (by[state.verdicts[k].verdict] || 0) + 1;
    counts.textContent = n + " records, " + (by.accepted + by.rejected + by.edited) + " reviewed (" + by.accepted +
      " accepted, " + by.rejected + " rejected, " + by.edited + " edited), " + state.added.length + " added";
  }

  function drawPapers() {
    nav.replaceChildren();
    DATA.papers.forEach((p, k) => {
      if (!paperShown(p)) return;
      const recs = recordsOfPaper(p);
      const done = recs.filter((i) => verdictOf(i)).length;
      const b = el("button", k === ui.paper ? "current" : null, p.id);
      b.dataset.paper = String(k);
      let sub = p.tables.length + " tables, " + recs.length + " records, " + done + " reviewed";
      if (DATA.has_gold) {
        const right = recs.filter((i) => DATA.verdicts[i] === true).length;
        const wrong = recs.filter((i) => DATA.verdicts[i] === false).length;
        sub += "; gold " + right + " right, " + wrong + " wrong, " + p.missed.length + " missed";
      }
      b.append(el("span", "sub", sub));
      b.addEventListener("click", () => { ui.paper = k; ui.selected = null; ui.cell = null; drawAll(); });
      nav.append(b);
    });
  }

  // Cells of the current paper's tables: "t:row:col" -> td.
  let cellIndex = new Map();
  function drawTables() {
    tablesPane.replaceChildren();
    cellIndex = new Map();
    const p = DATA.papers[ui.paper];
    if (!p) { tablesPane.append(el("p", null, "No tables.")); return; }
    const legend = el("p", "legend");
    legend.append(el("span", null, "record: colour = confidence (red low, green high)"), el("span", "l-rule", "rule-based"),
      el("span", "l-miss", "value without record"));
    if (DATA.has_gold) legend.append(el("span", "l-right", "right"), el("span", "l-wrong", "wrong"));
    tablesPane.append(legend);
    if (p.missed.length) {
      const box = el("div", "missed");
      box.append(el("strong", null, "Gold values no record matched (" + p.missed.length + "): "));
      box.append(el("span", null, p.missed.map((m) => m.parameter_raw + " " + m.value + (m.unit_raw ? " " + m.unit_raw : "") +
        (m.statistic ? " (" + m.statistic + ")" : "") + (m.subject ? " subject " + m.subject : "") + (m.time ? " at " + m.time : "")).join("; ")));
      tablesPane.append(box);
    }
    for (const t of p.tables) tablesPane.append(drawTable(t));
    if (p.orphans.length) {
      const s = el("section", "table");
      s.append(el("h2", null, "Records of tables not in the input"));
      s.append(looseList(p.orphans));
      tablesPane.append(s);
    }
  }

  function looseList(indices) {
    const ul = el("ul", "loose");
    for (const i of indices) {
      const r = current(i);
      const li = el("li", ui.selected === i ? "selected" : null,
        fmt(r.parameter) + " " + r.value_raw + " (" + r.statistic + ")" + (verdictOf(i) ? " [" + verdictOf(i) + "]" : ""));
      li.dataset.record = String(i);
      li.addEventListener("click", () => select(i));
      ul.append(li);
    }
    return ul;
  }

  function drawTable(t) {
    const T = DATA.tables[t];
    const s = el("section", "table");
    s.dataset.table = String(t);
    s.append(el("h2", null, T.id));
    if (T.caption) s.append(el("p", "caption", T.caption));
    const table = el("table", "pk");
    if (T.header.length) {
      const thead = el("thead");
      for (const row of T.header) {
        const tr = el("tr");
        for (const c of row) {
          const th = el("th", null, c.text);
          if (c.colspan > 1) th.colSpan = c.colspan;
          if (c.rowspan > 1) th.rowSpan = c.rowspan;
          tr.append(th);
        }
        thead.append(tr);
      }
      table.append(thead);
    }
    const onCell = new Map();
    for (const i of T.records) {
      if (!DATA.placed[i]) continue;
      const pv = DATA.records[i].provenance;
      const k = pv.row + ":" + pv.col;
      if (!onCell.has(k)) onCell.set(k, []);
      onCell.get(k).push(i);
    }
    const added = new Map();
    state.added.forEach((a, n) => { if (a.table === t) added.set(a.row + ":" + a.col, n); });
    const values = new Set(T.values.map((v) => v[0] + ":" + v[1]));
    const tbody = el("tbody");
    T.body.forEach((cells, row) => {
      const tr = el("tr");
      cells.forEach((text, col) => {
        const k = row + ":" + col;
        const td = el("td", null, text);
        td.dataset.table = String(t);
        td.dataset.row = String(row);
        td.dataset.col = String(col);
        const recs = onCell.get(k);
        if (recs) {
          td.classList.add("rec");
          td.dataset.records = recs.join(",");
          const confs = recs.map((i) => DATA.records[i].confidence).filter((c) => c !== null);
          if (confs.length) td.style.backgroundColor = colour(Math.min.apply(null, confs));
          else td.classList.add("rule");
          if (recs.length > 1) td.append(el("span", "count", "×" + recs.length));
          if (DATA.has_gold) {
            if (recs.some((i) => DATA.verdicts[i] === false)) td.classList.add("wrong");
            else if (recs.some((i) => DATA.verdicts[i] === true)) td.classList.add("right");
          }
          const vs = recs.map(verdictOf);
          if (vs.every((v) => v === "rejected")) td.classList.add("rejected");
          else if (vs.some((v) => v === "edited")) td.classList.add("edited");
          else if (vs.every((v) => v === "accepted")) td.classList.add("accepted");
          if (!recs.some(shown)) td.classList.add("dim");
          if (recs.includes(ui.selected)) td.classList.add("selected");
          td.title = recs.map((i) => { const r = current(i); return fmt(r.parameter) + " " + r.statistic + " " + fmt(r.value_canonical) + " " + fmt(r.unit); }).join("\n");
          td.addEventListener("click", () => {
            // Clicking a cell with several records steps through them.
            const at = recs.indexOf(ui.selected);
            select(recs[(at + 1) % recs.length]);
          });
        } else if (added.has(k)) {
          td.classList.add("rec", "added");
          td.dataset.added = String(added.get(k));
          if (ui.cell && ui.cell.t === t && ui.cell.row === row && ui.cell.col === col) td.classList.add("selected");
          td.addEventListener("click", () => selectCell(t, row, col));
        } else if (values.has(k)) {
          td.classList.add("value");
          if (ui.cell && ui.cell.t === t && ui.cell.row === row && ui.cell.col === col) td.classList.add("selected");
          td.addEventListener("click", () => selectCell(t, row, col));
        }
        cellIndex.set(t + ":" + k, td);
        tr.append(td);
      });
      tbody.append(tr);
    });
    table.append(tbody);
    s.append(table);
    if (T.footnote) s.append(el("p", "footnote", T.footnote));
    const loose = T.records.filter((i) => !DATA.placed[i]);
    if (loose.length) {
      s.append(el("p", "loose", loose.length + " records not on a cell (no provenance):"));
      s.append(looseList(loose));
    }
    return s;
  }

  // ---- detail panel -----------------------------------------------------------------
  function dl(pairs) {
    const d = el("dl");
    for (const [k, v] of pairs) { d.append(el("dt", null, k), el("dd", null, fmt(v))); }
    return d;
  }
  function keysHelp() {
    const p = el("div", "keys");
    const keys = [["j / k", "next / previous record"], ["a", "accept"], ["r", "reject"], ["e", "edit"],
      ["u", "undo the verdict"], ["n", "add a record on the selected cell"], ["Enter / Esc", "save / cancel an edit"]];
    for (const [k, what] of keys) { const line = el("div"); line.append(el("kbd", null, k), document.createTextNode(" " + what)); p.append(line); }
    return p;
  }
  function drawDetail() {
    detail.replaceChildren();
    if (ui.selected !== null) {
      const i = ui.selected;
      const r = current(i);
      const v = state.verdicts[i];
      const h = el("h3", null, fmt(r.parameter) + " · " + r.statistic);
      if (v) { h.append(document.createTextNode(" ")); h.append(el("span", "badge " + v.verdict, v.verdict)); }
      detail.append(h);
      const disp = r.dispersion ? r.dispersion.type + " " + r.dispersion.value : null;
      const intv = r.interval ? r.interval.type + " " + r.interval.low + "–" + r.interval.high : null;
      const ctx = Object.entries(r.context || {}).filter(([, x]) => x !== null && x !== undefined).map(([k, x]) => k + ": " + x).join("; ");
      const pairs = [["table", r.table_id], ["cell", r.provenance.row === null ? null : "row " + r.provenance.row + ", col " + r.provenance.col],
        ["printed", r.value_raw], ["parameter", r.parameter_raw], ["value", r.value], ["dispersion", disp], ["interval", intv],
        ["unit as printed", r.unit_raw], ["canonical", r.value_canonical === null ? null : r.value_canonical + " " + r.unit],
        ["n", r.n], ["context", ctx || null], ["header path", (r.provenance.header_path || []).join(" / ") || null],
        ["confidence", r.confidence === null ? "rule-based" : r.confidence.toFixed(3)]];
      if (DATA.has_gold) pairs.push(["gold", DATA.verdicts[i] === true ? "right" : DATA.verdicts[i] === false ? "wrong" : "not judged"]);
      detail.append(dl(pairs));
      if (ui.editing) detail.append(editForm(r, (edit) => { setVerdict(i, "edited", edit); }));
      else {
        const actions = el("div", "actions");
        const mk = (label, id, fn) => { const b = el("button", null, label); b.id = id; b.addEventListener("click", fn); actions.append(b); };
        mk("Accept (a)", "act-accept", () => setVerdict(i, "accepted"));
        mk("Reject (r)", "act-reject", () => setVerdict(i, "rejected"));
        mk("Edit (e)", "act-edit", () => { ui.editing = true; drawDetail(); focusForm(); });
        if (v) mk("Undo (u)", "act-undo", () => { delete state.verdicts[i]; save(); redraw(); });
        detail.append(actions);
      }
    } else if (ui.cell) {
      const { t, row, col } = ui.cell;
      const T = DATA.tables[t];
      const n = state.added.findIndex((a) => a.table === t && a.row === row && a.col === col);
      detail.append(el("h3", null, n >= 0 ? "Added record" : "Value without a record"));
      detail.append(dl([["table", T.id], ["cell", "row " + row + ", col " + col], ["printed", T.body[row][col]],
        ["row label", T.body[row][0]], ["header path", headerPath(T, col).join(" / ") || null]]));
      if (ui.editing) {
        const tpl = template(t, row, col);
        const start = n >= 0 ? state.added[n].edit : { parameter: "", statistic: tpl.context.subject ? "individual" : "unknown", value: tpl.value, unit_raw: tpl.unit_raw };
        detail.append(editForm(start, (edit) => addRecord(t, row, col, edit)));
      } else {
        const actions = el("div", "actions");
        const b = el("button", null, n >= 0 ? "Edit (e)" : "Add record (n)"); b.id = "act-add";
        b.addEventListener("click", () => { ui.editing = true; drawDetail(); focusForm(); });
        actions.append(b);
        if (n >= 0) {
          const d = el("button", null, "Remove (u)"); d.id = "act-remove";
          d.addEventListener("click", () => { state.added.splice(n, 1); save(); redraw(); });
          actions.append(d);
        }
        detail.append(actions);
      }
    } else {
      detail.append(el("h3", null, "Select a record"));
      detail.append(el("p", null, "Click a coloured cell, or press j to step through the records the filters show."));
    }
    detail.append(keysHelp());
  }
  function headerPath(T, col) {
    const path = [];
    for (const row of T.header) for (const c of row) {
      if (col >= c.col && col < c.col + c.colspan && c.text && path[path.length - 1] !== c.text) path.push(c.text);
    }
    return path;
  }
  function template(t, row, col) {
    // The reader's record of a value cell without one (see TableData.templates), or a
    // bare record of the cell when the reader reads nothing there.
    const T = DATA.tables[t];
    const found = T.templates.find((x) => x[0][0] === row && x[0][1] === col);
    if (found) return found[1];
    const label = (T.body[row][0] || "").trim();
    const path = headerPath(T, col);
    return {
      table_id: T.id, parameter_raw: col > 0 && label ? label : path.join(" / "), parameter: null,
      value_raw: T.body[row][col], value: null, statistic: "unknown", dispersion: null, interval: null,
      unit_raw: null, unit: null, value_canonical: null, n: null,
      context: { drug: null, analyte: null, species: null, population: null, matrix: null, dose: null, route: null, group: null, subject: null, time: null },
      provenance: { row: row, col: col, header_path: path, footnotes: [] }, confidence: null,
    };
  }
  function paperOfTable(t) { return DATA.papers.findIndex((p) => p.tables.includes(t)); }
  function paperOf(i) {
    const t = DATA.record_table[i];
    if (t !== null) return paperOfTable(t);
    return DATA.papers.findIndex((p) => p.orphans.includes(i));
  }
  function parseNumber(text) {
    // "1,234.5" and "1 234" are thousands; a lone comma ("0,35") is a decimal comma.
    let t = String(text).trim().replace(/[−–]/g, "-").replace(/\s+/g, "");
    if (t === "") return null;
    if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, "");
    else if (/^-?\d*,\d+$/.test(t)) t = t.replace(",", ".");
    return Number(t);
  }
  function editForm(r, onSave) {
    const form = el("form"); form.id = "edit-form";
    const code = el("input"); code.id = "edit-parameter"; code.value = r.parameter || ""; code.setAttribute("list", "codes");
    const list = el("datalist"); list.id = "codes";
    for (const c of DATA.codes) { const o = el("option"); o.value = c.code; o.label = c.name; list.append(o); }
    const stat = el("select"); stat.id = "edit-statistic";
    for (const s of STATISTICS) stat.append(new Option(s, s, false, s === r.statistic));
    const value = el("input"); value.id = "edit-value"; value.type = "text"; value.value = r.value === null ? "" : String(r.value);
    const unit = el("input"); unit.id = "edit-unit"; unit.type = "text"; unit.value = r.unit_raw || "";
    const problem = el("p", null, ""); problem.id = "edit-problem";
    form.append(el("label", null, "parameter"), code, list, el("label", null, "statistic"), stat,
      el("label", null, "value"), value, el("label", null, "unit as printed"), unit);
    const buttons = el("div", "actions");
    const ok = el("button", null, "Save (Enter)"); ok.type = "submit"; ok.id = "edit-save";
    const cancel = el("button", null, "Cancel (Esc)"); cancel.type = "button";
    cancel.addEventListener("click", () => { ui.editing = false; drawDetail(); });
    buttons.append(ok, cancel);
    form.append(buttons, problem);
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const number = parseNumber(value.value);
      if (number !== null && !Number.isFinite(number)) { problem.textContent = "value must be a number: " + value.value; return; }
      const p = code.value.trim().toUpperCase();
      if (p && !DATA.codes.some((c) => c.code === p)) { problem.textContent = "unknown parameter code: " + code.value; return; }
      ui.editing = false;
      onSave({ parameter: p || null, statistic: stat.value, value: number, unit_raw: unit.value.trim() || null });
    });
    return form;
  }
  function focusForm() {
    const first = document.getElementById("edit-parameter");
    if (first) { first.focus(); first.select(); }
  }

  function stamp() { return { reviewer: state.reviewer || null, at: new Date().toISOString() }; }
  function setVerdict(i, verdict, edit) {
    state.verdicts[i] = Object.assign({ verdict: verdict }, stamp(), edit ? { edit: edit } : {});
    save();
    redraw();
  }
  function addRecord(t, row, col, edit) {
    const n = state.added.findIndex((a) => a.table === t && a.row === row && a.col === col);
    const entry = Object.assign({ table: t, row: row, col: col, edit: edit }, stamp());
    if (n >= 0) state.added[n] = entry; else state.added.push(entry);
    save();
    redraw();
  }

  // ---- selection and navigation -----------------------------------------------------
  function select(i) {
    ui.selected = i; ui.cell = null; ui.editing = false;
    const p = DATA.papers.findIndex((p) => recordsOfPaper(p).includes(i));
    if (p >= 0 && p !== ui.paper) { ui.paper = p; drawPapers(); }
    redraw();
    const pv = DATA.records[i].provenance;
    const t = DATA.record_table[i];
    const td = DATA.placed[i] ? cellIndex.get(t + ":" + pv.row + ":" + pv.col) : null;
    if (td && td.scrollIntoView) td.scrollIntoView({ block: "nearest", inline: "nearest" });
  }
  function selectCell(t, row, col) {
    ui.selected = null; ui.cell = { t: t, row: row, col: col }; ui.editing = false;
    redraw();
  }
  function loop() {
    // The records the filters show, paper by paper, table by table, row by row.
    const out = [];
    DATA.papers.forEach((p) => {
      if (!paperShown(p)) return;
      for (const t of p.tables) {
        const recs = DATA.tables[t].records.slice().sort((a, b) => {
          const pa = DATA.records[a].provenance, pb = DATA.records[b].provenance;
          return ((pa.row ?? 1e9) - (pb.row ?? 1e9)) || ((pa.col ?? 1e9) - (pb.col ?? 1e9)) || a - b;
        });
        for (const i of recs) if (shown(i)) out.push(i);
      }
      for (const i of p.orphans) if (shown(i)) out.push(i);
    });
    return out;
  }
  function step(by) {
    const l = loop();
    if (!l.length) return;
    const at = ui.selected === null ? -1 : l.indexOf(ui.selected);
    const next = at < 0 ? (by > 0 ? 0 : l.length - 1) : Math.max(0, Math.min(l.length - 1, at + by));
    select(l[next]);
  }

  function redraw() { drawTables(); drawDetail(); drawPapers(); }
  function drawAll() { drawPapers(); drawTables(); drawDetail(); drawCounts(); }

  document.addEventListener("keydown", (ev) => {
    const typing = ev.target && (ev.target.tagName === "INPUT" || ev.target.tagName === "SELECT" || ev.target.tagName === "TEXTAREA");
    if (ev.key === "Escape" && ui.editing) { ui.editing = false; drawDetail(); ev.preventDefault(); return; }
    if (typing || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const i = ui.selected;
    switch (ev.key) {
      case "j": case "ArrowDown": step(1); break;
      case "k": case "ArrowUp": step(-1); break;
      case "a": case "r":
        if (i !== null) {
          // The next record is chosen before the verdict: with "unreviewed only" the record
          // leaves the loop once it has one.
          const l = loop();
          const at = l.indexOf(i);
          const next = at >= 0 && at + 1 < l.length ? l[at + 1] : null;
          setVerdict(i, ev.key === "a" ? "accepted" : "rejected");
          if (next !== null) select(next);
        }
        break;
      case "e": if (i !== null || ui.cell) { ui.editing = true; drawDetail(); focusForm(); } break;
      case "n": if (ui.cell) { ui.editing = true; drawDetail(); focusForm(); } break;
      case "u":
        if (i !== null && state.verdicts[i]) { delete state.verdicts[i]; save(); redraw(); }
        else if (ui.cell) {
          const n = state.added.findIndex((a) => a.table === ui.cell.t && a.row === ui.cell.row && a.col === ui.cell.col);
          if (n >= 0) { state.added.splice(n, 1); save(); redraw(); }
        }
        break;
      default: return;
    }
    ev.preventDefault();
  });

  search.addEventListener("input", () => { ui.filters.text = search.value; drawPapers(); });
  codeSel.addEventListener("change", () => { ui.filters.code = codeSel.value; redraw(); });
  below.addEventListener("input", () => { const v = parseFloat(below.value); ui.filters.below = Number.isFinite(v) ? v : null; redraw(); });
  todo.addEventListener("change", () => { ui.filters.todo = todo.checked; redraw(); });
  reviewer.addEventListener("input", () => { state.reviewer = reviewer.value; save(); });

  // ---- download ---------------------------------------------------------------------
  // Reviewed records as SPEC records, one JSON object per line, each with its review.
  function reviewedLines() {
    const lines = [];
    Object.keys(state.verdicts).map(Number).sort((a, b) => a - b).forEach((i) => {
      const v = state.verdicts[i];
      const o = DATA.records[i];
      const r = JSON.parse(JSON.stringify(current(i)));
      const review = { verdict: v.verdict, reviewer: v.reviewer, at: v.at };
      if (v.verdict === "edited") {
        review.original = o.review && o.review.original ? o.review.original
          : { parameter: o.parameter, statistic: o.statistic, value: o.value, unit_raw: o.unit_raw };
      }
      r.review = review;
      lines.push(JSON.stringify(r));
    });
    // The other records of the papers worked on, as pending: a reader of the file knows
    // which papers are reviewed whole (`hysim eval` and `hysim train` use only those).
    const touched = new Set();
    Object.keys(state.verdicts).forEach((i) => touched.add(paperOf(Number(i))));
    for (const a of state.added) touched.add(paperOfTable(a.table));
    DATA.papers.forEach((p, k) => {
      if (!touched.has(k)) return;
      for (const i of recordsOfPaper(p)) {
        if (state.verdicts[i]) continue;
        const r = JSON.parse(JSON.stringify(DATA.records[i]));
        r.review = { verdict: "pending", reviewer: null, at: null };
        lines.push(JSON.stringify(r));
      }
    });
    for (const a of state.added) {
      // The reader's reading of the cell (unit, context, spread as printed) with the
      // curator's code, statistic, value and unit; `hysim train` and `hysim eval` convert.
      const r = JSON.parse(JSON.stringify(template(a.table, a.row, a.col)));
      r.parameter = a.edit.parameter; r.statistic = a.edit.statistic; r.value = a.edit.value; r.unit_raw = a.edit.unit_raw;
      r.unit = null; r.value_canonical = null; r.confidence = null;
      r.review = { verdict: "added", reviewer: a.reviewer, at: a.at };
      lines.push(JSON.stringify(r));
    }
    return lines;
  }
  download.addEventListener("click", () => {
    const lines = reviewedLines();
    const blob = new Blob([lines.join("\n") + (lines.length ? "\n" : "")], { type: "application/x-ndjson" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "reviewed.jsonl";
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  });

  // For the browser check (`cargo xtask review-check`) and the benchmark.
  window.hysimReview = { data: DATA, state: () => state };
  drawAll();
  window.hysimReview.readyAt = performance.now();
  document.body.dataset.ready = "1";
})();
