//! `cargo xtask review-check` and `cargo xtask bench review`: the review page in a real
//! headless Chromium, as a curator uses it.
//!
//! The check builds the page as a user would (`hysim parse`, then `hysim review`) of the
//! shared tables with their curated gold when `../shared` is there (else the openly
//! licensed tables of `fixtures/`), and in the browser: the page loads without errors and
//! without a network request, every record lies on its cell, a record is accepted with
//! `a` and another edited with `e` (keyboard and mouse events), a record is added on an
//! unmarked cell, progress survives a reload, and the download holds exactly those three
//! reviewed records. The download then goes back in: `hysim eval --gold` scores against
//! it and `hysim train` trains the encoder extractor with it. A table carrying a
//! `<script>`, an `onerror` attribute and a `javascript:` link stays inert.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail, ensure};
use serde_json::Value;

use crate::browser::{Browser, find_chromium};
use crate::{cmd, paths};

const READY: &str = "document.body && document.body.dataset.ready === '1'";

/// The Chromium to use; with `install`, installs Debian's `chromium` package when none is
/// found (as root, through apt-get: a package registry).
pub(crate) fn chromium(install: bool) -> Result<PathBuf> {
    if let Some(found) = find_chromium() {
        return Ok(found);
    }
    let root = cmd::output(Command::new("id").arg("-u")).is_some_and(|uid| uid == "0");
    if install && root && cmd::output(Command::new("apt-get").arg("--version")).is_some() {
        cmd::run(Command::new("apt-get").args(["update", "-qq"]))?;
        cmd::run(
            Command::new("apt-get")
                .args(["install", "-y", "-qq", "--no-install-recommends", "chromium"])
                .env("DEBIAN_FRONTEND", "noninteractive"),
        )?;
        if let Some(found) = find_chromium() {
            return Ok(found);
        }
    }
    bail!(
        "no Chromium found (looked for $HYSIM_CHROMIUM, chromium, chromium-browser, google-chrome on PATH): \
         install Debian's package (`apt-get install chromium`) or set HYSIM_CHROMIUM"
    )
}

/// The debug `hysim` that `cargo xtask ci`'s tests built.
fn hysim(root: &Path) -> Result<PathBuf> {
    cmd::run(cmd::new(cmd::cargo(), root).args(["build", "--quiet", "-p", "hysim-cli"]))?;
    Ok(paths::target_dir(root).join("debug").join("hysim"))
}

fn run_hysim(hysim: &Path, args: &[&str], dir: &Path) -> Result<String> {
    let mut command = Command::new(hysim);
    command.args(args).current_dir(dir).env("RUST_LOG", "warn");
    let shown = format!("hysim {}", args.join(" "));
    cmd::note(&format!("$ {shown}"));
    let out = command.output().with_context(|| format!("cannot start {}", hysim.display()))?;
    if !out.status.success() {
        bail!("`{shown}` failed: {}", String::from_utf8_lossy(&out.stderr).trim());
    }
    let stdout = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    cmd::note(&stdout);
    Ok(stdout)
}

fn file_url(path: &Path) -> Result<String> {
    let path = path.canonicalize().with_context(|| format!("{} is missing", path.display()))?;
    Ok(format!("file://{}", path.display()))
}

/// Runs the browser check; with `screenshot`, also saves a PNG of a table under review.
pub(crate) fn check(install: bool, screenshot: Option<&Path>) -> Result<()> {
    let root = paths::project_root();
    let chromium = chromium(install)?;
    let hysim = hysim(&root)?;
    let work = paths::target_dir(&root).join("review-check");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work)?;
    let shared = std::env::var_os("HYSIM_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(paths::shared_dir)
        .join("data")
        .join("tabular-data-pk");
    let mut tables = vec![root.join("fixtures").join("open-tables.jsonl")];
    let mut gold = Vec::new();
    if shared.join("tables.jsonl").is_file() {
        tables.push(shared.join("tables.jsonl"));
        gold.push(shared.join("ground_truth").join("pk_summary"));
        gold.push(shared.join("ground_truth").join("pk_individual"));
    } else {
        cmd::note(&format!("review-check: {} is absent: the page of the open tables only", shared.display()));
    }
    let text = |p: &PathBuf| p.display().to_string();
    let table_args: Vec<String> = tables.iter().map(text).collect();
    let records = work.join("records.jsonl");
    let page = work.join("review.html");
    let mut args: Vec<String> = vec!["parse".into()];
    args.extend(table_args.iter().cloned());
    args.extend(["--out".into(), text(&records)]);
    run_hysim(&hysim, &args.iter().map(String::as_str).collect::<Vec<_>>(), &root)?;
    let mut args: Vec<String> = vec!["review".into()];
    args.extend(table_args.iter().cloned());
    args.extend(["--records".into(), text(&records), "--out".into(), text(&page)]);
    if !gold.is_empty() {
        args.push("--gold".into());
        args.extend(gold.iter().map(text));
    }
    run_hysim(&hysim, &args.iter().map(String::as_str).collect::<Vec<_>>(), &root)?;

    let downloads = work.join("downloads");
    std::fs::create_dir_all(&downloads)?;
    let mut browser = Browser::launch(&chromium, &work.join("profile"))?;
    browser.browser_call(
        "Browser.setDownloadBehavior",
        serde_json::json!({"behavior": "allow", "downloadPath": text(&downloads.canonicalize()?)}),
    )?;
    let url = file_url(&page)?;
    browser.open(&url, READY)?;

    records_on_cells(&mut browser, &page, true)?;

    // One paper reviewed whole from the keyboard: the smallest with records and a value cell
    // without one. Its first record clicked, accepted (a steps on), the next edited (e, a
    // value, Enter), the rest accepted; then a record added on an unmarked cell.
    let paper = browser.eval(
        "(() => { const d = window.hysimReview.data; let best = -1, size = 1e9; d.papers.forEach((p, k) => { \
           const n = p.tables.reduce((a, t) => a + d.tables[t].records.length, 0) + p.orphans.length; \
           const loose = p.tables.some((t) => d.tables[t].records.some((i) => !d.placed[i])) || p.orphans.length > 0; \
           const cells = p.tables.some((t) => d.tables[t].templates.length > 0); \
           if (n >= 3 && !loose && cells && n < size) { best = k; size = n; } }); return [best, size]; })()",
    )?;
    let (Some(paper), Some(size)) = (paper[0].as_i64().filter(|&k| k >= 0), paper[1].as_u64()) else {
        bail!("no paper with 3 records on cells and a value cell without one: {paper}");
    };
    browser.click(&format!("nav button[data-paper=\"{paper}\"]"))?;
    browser.click("td.rec")?;
    let accepted = selected(&mut browser)?;
    browser.key("a")?;
    let edited = selected(&mut browser)?;
    ensure!(edited != accepted, "a did not step to the next record");
    browser.key("e")?;
    browser.eval("(() => { const v = document.getElementById('edit-value'); v.focus(); v.select(); return 1; })()")?;
    browser.type_text("123.4")?;
    browser.key("Enter")?;
    browser.key("j")?;
    for _ in 2..size {
        browser.key("a")?;
    }
    // The last `a` stepped into the next paper: back to this one.
    browser.click(&format!("nav button[data-paper=\"{paper}\"]"))?;
    browser.click("td.value")?;
    browser.key("n")?;
    browser
        .eval("(() => { const c = document.getElementById('edit-parameter'); c.focus(); c.select(); return 1; })()")?;
    browser.type_text("CMAX")?;
    browser.key("Enter")?;
    let state = browser.eval("JSON.stringify(window.hysimReview.state())")?;
    cmd::note(&format!("review-check: state {state}"));

    // Closing the tab loses nothing: the progress is in local storage.
    browser.eval("window.beforeReload = 1")?;
    browser.call("Page.reload", serde_json::json!({}))?;
    browser.wait_for(&format!("window.beforeReload === undefined && {READY}"), Duration::from_secs(30))?;
    let kept = browser.eval(
        "(() => { const s = window.hysimReview.state(); return [Object.keys(s.verdicts).length, s.added.length]; })()",
    )?;
    ensure!(kept == serde_json::json!([size, 1]), "progress lost on reload: {kept}");

    browser.click("#download")?;
    let file = downloads.join("reviewed.jsonl");
    let deadline = Instant::now() + Duration::from_secs(20);
    while !file.is_file() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    let downloaded = std::fs::read_to_string(&file).with_context(|| format!("no download at {}", file.display()))?;
    let lines: Vec<Value> = downloaded.lines().map(serde_json::from_str).collect::<Result<_, _>>()?;
    let verdicts: Vec<&str> = lines.iter().map(|l| l["review"]["verdict"].as_str().unwrap_or("?")).collect();
    let count = |v: &str| verdicts.iter().filter(|x| **x == v).count() as u64;
    ensure!(
        (count("accepted"), count("edited"), count("added"), lines.len() as u64) == (size - 1, 1, 1, size + 1),
        "the download holds {verdicts:?}, for {size} records reviewed and one added"
    );
    let edit = lines.iter().find(|l| l["review"]["verdict"] == "edited").context("no edited line")?;
    ensure!(edit["value"] == 123.4 && edit["review"]["original"].is_object(), "the edit: {edit}");
    let add = lines.iter().find(|l| l["review"]["verdict"] == "added").context("no added line")?;
    ensure!(add["parameter"] == "CMAX" && add["provenance"]["row"].is_u64(), "the added record: {add}");
    if let Some(path) = screenshot {
        // A table of an openly licensed paper (29943508), never another article's.
        browser.eval(
            "(() => { const b = Array.from(document.querySelectorAll('nav button')).find((b) => b.dataset.paper && \
             window.hysimReview.data.papers[Number(b.dataset.paper)].id === '29943508'); if (b) b.click(); return 1; })()",
        )?;
        browser.click("td.rec")?;
        browser.screenshot(path)?;
        cmd::note(&format!("review-check: screenshot -> {}", path.display()));
    }
    let errors = browser.page_errors();
    ensure!(errors.is_empty(), "the page logged errors: {errors:?}");
    let own = browser.eval("document.URL")?;
    let requests: Vec<String> = browser.requests().into_iter().filter(|u| *u != url && *u != own).collect();
    ensure!(requests.is_empty(), "the page requested {requests:?}");
    // The review pages of the pipeline's tiny run (`hysim run --tiny`, which ci runs first).
    let tiny = root.join("target").join("pipeline").join("default-tiny").join("eval");
    if let Ok(systems) = std::fs::read_dir(&tiny) {
        for system in systems.filter_map(|e| e.ok()) {
            let run_page = system.path().join("review.html");
            if run_page.is_file() {
                browser.open(&file_url(&run_page)?, READY)?;
                // A tiny run's decoder may write nothing: its page must still load.
                records_on_cells(&mut browser, &run_page, false)?;
            }
        }
    }
    let errors = browser.page_errors();
    ensure!(errors.is_empty(), "the pipeline's pages logged errors: {errors:?}");
    drop(browser);
    round_trip(&hysim, &root, &work, &tables[0], &records, &file, &gold)?;
    hostile(&chromium, &hysim, &root, &work)?;
    cmd::note("review-check: the review page works in Chromium");
    Ok(())
}

/// Every record of the open page on its cell: each paper drawn in turn, the records of its
/// cells collected and compared with the records the page places (and, with
/// `need_records`, at least one placed).
fn records_on_cells(browser: &mut Browser, page: &Path, need_records: bool) -> Result<()> {
    let drawn = browser.eval(
        "(() => { const d = window.hysimReview.data; const seen = new Set(); \
         document.querySelectorAll('nav button').forEach((b) => { b.click(); \
           document.querySelectorAll('td.rec[data-records]').forEach((td) => { \
             const [t, row, col] = [Number(td.dataset.table), Number(td.dataset.row), Number(td.dataset.col)]; \
             for (const i of td.dataset.records.split(',').map(Number)) { const p = d.records[i].provenance; \
               if (d.record_table[i] === t && p.row === row && p.col === col) seen.add(i); } }); }); \
         const placed = d.placed.map((p, i) => p ? i : -1).filter((i) => i >= 0); \
         return { placed: placed.length, drawn: seen.size, missing: placed.filter((i) => !seen.has(i)).slice(0, 5), \
                  papers: d.papers.length, records: d.records.length }; })()",
    )?;
    cmd::note(&format!("review-check: {}: {drawn}", page.display()));
    ensure!(
        !need_records || drawn["placed"].as_u64().unwrap_or(0) > 0,
        "{}: no record placed on a cell: {drawn}",
        page.display()
    );
    ensure!(drawn["placed"] == drawn["drawn"], "{}: records not drawn on their cells: {drawn}", page.display());
    Ok(())
}

fn selected(browser: &mut Browser) -> Result<u64> {
    browser.eval("(() => { const td = document.querySelector('td.selected'); return td ? Number(td.dataset.records.split(',')[0]) : -1; })()")?
        .as_u64()
        .context("no record selected")
}

/// The downloaded records back in: as gold for `hysim eval`, and as labelled source tables
/// for `hysim train` (the encoder extractor, a few epochs).
fn round_trip(
    hysim: &Path,
    root: &Path,
    work: &Path,
    open_tables: &Path,
    records: &Path,
    reviewed: &Path,
    gold: &[PathBuf],
) -> Result<()> {
    let text = |p: &Path| p.display().to_string();
    let eval = work.join("eval");
    let out = run_hysim(
        hysim,
        &[
            "eval",
            "--gold",
            &text(reviewed),
            "--pred",
            &text(records),
            "--out",
            &text(&eval),
            "--protocol",
            "numeric",
            "--bootstrap",
            "0",
        ],
        root,
    )?;
    let metrics: Value = serde_json::from_str(&std::fs::read_to_string(eval.join("metrics.json"))?)?;
    // Summary and per-subject values together: the accepted record matches itself, the
    // edited value (123.4) matches no record.
    let count = |key: &str| {
        ["numeric", "individual"].iter().map(|part| metrics[part]["overall"][key].as_u64().unwrap_or(0)).sum::<u64>()
    };
    ensure!(count("tp") >= 1, "the accepted record is not gold: {out}");
    ensure!(count("fn") >= 1, "the edited value is not gold: {out}");
    let synth = work.join("synth");
    run_hysim(hysim, &["synth", "--n", "12", "--seed", "1", "--out", &text(&synth)], root)?;
    let all_tables = if gold.is_empty() { text(open_tables) } else { text(&work.join("tables.jsonl")) };
    if !gold.is_empty() {
        // The reviewed records may come from either input: give train both, as one file.
        let mut args = vec!["parse".to_owned(), text(open_tables)];
        let shared = gold[0].parent().and_then(Path::parent).context("gold outside the shared data")?;
        args.push(text(&shared.join("tables.jsonl")));
        args.extend(["--out".into(), text(&work.join("unused.jsonl")), "--tables-out".into(), all_tables.clone()]);
        run_hysim(hysim, &args.iter().map(String::as_str).collect::<Vec<_>>(), root)?;
    }
    let config = work.join("train.toml");
    std::fs::write(
        &config,
        format!(
            "out = {:?}\nsystems = [\"encoder\"]\n[data]\ntables = {:?}\ngold = {:?}\nvalidation_fraction = 0.0\n\
             [[data.reviewed]]\ntables = {:?}\nrecords = {:?}\n[encoder.heads]\nepochs = 2\n",
            text(&work.join("model")),
            text(&synth.join("tables.jsonl")),
            text(&synth.join("gold.jsonl")),
            all_tables,
            text(reviewed),
        ),
    )?;
    let out = run_hysim(hysim, &["train", "--config", &text(&config)], root)?;
    ensure!(out.contains("reviewed"), "train did not report the reviewed tables: {out}");
    Ok(())
}

/// A table whose cells and caption carry markup stays text, and nothing runs or loads.
fn hostile(chromium: &Path, hysim: &Path, root: &Path, work: &Path) -> Result<()> {
    let dir = work.join("hostile");
    std::fs::create_dir_all(&dir)?;
    let html = dir.join("hostile.html");
    std::fs::write(
        &html,
        "<table><caption>Table 1. Pharmacokinetic parameters (mean ± SD) &lt;/script&gt;&lt;script&gt;window.pwned=1&lt;/script&gt;</caption>\
         <thead><tr><th>Parameter <img src=\"http://127.0.0.1:9/x.png\" onerror=\"window.pwned=2\"></th>\
         <th>Oral &lt;img src=x onerror=window.pwned=true&gt;</th></tr></thead>\
         <tbody><tr><td>Cmax (ng/mL)</td><td>12.5 ± 3.1</td></tr>\
         <tr><td>Tmax (h) <a href=\"javascript:window.pwned=3\">link</a></td><td>1.5 ± 0.5</td></tr>\
         <tr><td>Comment &lt;iframe src=\"https://example.com\"&gt;&lt;/iframe&gt;</td><td>12 &lt;script&gt;window.pwned=4&lt;/script&gt;</td></tr></tbody></table>",
    )?;
    let records = dir.join("records.jsonl");
    let page = dir.join("review.html");
    let text = |p: &Path| p.display().to_string();
    run_hysim(hysim, &["parse", &text(&html), "--out", &text(&records)], root)?;
    run_hysim(hysim, &["review", &text(&html), "--records", &text(&records), "--out", &text(&page)], root)?;
    let mut browser = Browser::launch(chromium, &dir.join("profile"))?;
    let url = file_url(&page)?;
    browser.open(&url, READY)?;
    // The records' cells and details drawn, every cell clicked.
    let cells = browser.eval("document.querySelectorAll('tbody td').length")?.as_u64().unwrap_or(0);
    for k in 0..cells {
        browser
            .eval(&format!("(() => {{ document.querySelectorAll('tbody td')[{k}].id = 'cell-{k}'; return 1; }})()"))?;
        browser.click(&format!("#cell-{k}"))?;
    }
    browser.click("td.rec")?;
    std::thread::sleep(Duration::from_millis(300));
    let result = browser.eval(
        "({ pwned: window.pwned === undefined ? null : window.pwned, records: window.hysimReview.data.records.length, \
            elements: document.querySelectorAll('img, a, iframe, object, embed').length, \
            caption: document.querySelector('.caption').textContent, \
            header: document.querySelector('thead').textContent, detail: document.getElementById('detail').textContent })",
    )?;
    cmd::note(&format!("review-check: hostile table {result}"));
    ensure!(result["records"].as_u64().unwrap_or(0) > 0, "the hostile table gave no record to draw: {result}");
    ensure!(result["pwned"].is_null(), "script ran: {result}");
    ensure!(result["elements"] == 0, "input markup became elements: {result}");
    ensure!(result["caption"].as_str().is_some_and(|c| c.contains("<script>")), "caption not shown as text: {result}");
    ensure!(result["header"].as_str().is_some_and(|c| c.contains("<img")), "header not shown as text: {result}");
    ensure!(result["detail"].as_str().is_some_and(|c| c.contains("<img")), "record not shown as text: {result}");
    let own = browser.eval("document.URL")?;
    let requests: Vec<String> = browser.requests().into_iter().filter(|u| *u != url && *u != own).collect();
    ensure!(requests.is_empty(), "the page requested {requests:?}");
    let errors = browser.page_errors();
    ensure!(errors.is_empty(), "the hostile page logged errors: {errors:?}");
    Ok(())
}

/// Opens a review page of `n` synthetic tables (records from `hysim parse`) `runs` times
/// and prints how long it took until the first paper was drawn.
pub(crate) fn bench(n: usize, runs: usize) -> Result<()> {
    let root = paths::project_root();
    let chromium = chromium(false)?;
    let hysim = crate::bench::build_hysim(&root)?;
    let dir = paths::cache_dir().join("bench").join("review");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let text = |p: &Path| p.display().to_string();
    let synth = dir.join("synth");
    run_hysim(&hysim, &["synth", "--n", &n.to_string(), "--seed", "0", "--out", &text(&synth)], &root)?;
    let tables = synth.join("tables.jsonl");
    let records = dir.join("records.jsonl");
    let page = dir.join("review.html");
    run_hysim(&hysim, &["parse", &text(&tables), "--out", &text(&records)], &root)?;
    run_hysim(
        &hysim,
        &[
            "review",
            &text(&tables),
            "--records",
            &text(&records),
            "--gold",
            &text(&synth.join("gold.jsonl")),
            "--out",
            &text(&page),
        ],
        &root,
    )?;
    let size = std::fs::metadata(&page)?.len();
    let url = file_url(&page)?;
    let mut times = Vec::new();
    for run in 0..runs {
        // A fresh browser each run: nothing cached.
        let mut browser = Browser::launch(&chromium, &dir.join(format!("profile-{run}")))?;
        let started = Instant::now();
        browser.open(&url, READY)?;
        let wall = started.elapsed().as_secs_f64();
        let page_ms = browser.eval("window.hysimReview.readyAt")?.as_f64().unwrap_or(f64::NAN);
        times.push((page_ms / 1000.0, wall));
    }
    times.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (lo, mid, hi) = (times[0], times[times.len() / 2], times[times.len() - 1]);
    cmd::note(&format!(
        "review page of {n} tables ({:.1} MB): drawn {:.3} s after navigation start (min {:.3}, max {:.3}; \
         the protocol's round trip {:.3} s), {runs} fresh Chromium runs",
        size as f64 / 1e6,
        mid.0,
        lo.0,
        hi.0,
        mid.1
    ));
    Ok(())
}
