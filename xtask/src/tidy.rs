//! `cargo xtask tidy`: the workspace rules of STYLE.md, checked from the files.
//!
//! - Every crate is in the layer table below and in ARCHITECTURE.md.
//! - Internal dependencies point only downward (any crate may use `hysim-core`, and
//!   `hysim-test-support` only as a dev-dependency); xtask uses no `hysim-*` crate.
//! - Heavy dependencies appear only in their allowed crates, come from
//!   `[workspace.dependencies]` with `default-features = false`, and tch never enables
//!   `download-libtorch`.
//! - Every crate inherits the workspace lints and declares dependencies with `workspace = true`.
//! - Every Rust source file under `src/` opens with a `//!` doc comment.
//! - Default members build without libtorch (no tch, directly or through a workspace crate).
//! - No pending insta snapshot (`.snap.new`, `.pending-snap`) is left in the tree.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use toml::Table;

/// Layer of each crate (STYLE.md §2). A crate may depend on crates of lower layers only.
const LAYERS: &[(&str, u8)] = &[
    ("hysim-core", 0),
    ("hysim-units", 0),
    ("hysim-text", 0),
    ("hysim-test-support", 0),
    ("hysim-tables", 1),
    ("hysim-synth", 1),
    ("hysim-weights", 1),
    ("hysim-nn", 1),
    ("hysim-models", 2),
    ("hysim-embed", 3),
    ("hysim-finetune", 3),
    ("hysim-eval", 3),
    ("hysim-pipeline", 4),
    ("hysim-extract", 4),
    ("hysim-review", 4),
    ("hysim-cli", 5),
];

/// Heavy dependencies and the crates allowed to use them (STYLE.md §3).
const HEAVY: &[(&str, &[&str])] = &[
    ("tch", &["hysim-nn", "hysim-models", "hysim-embed", "hysim-finetune"]),
    ("polars", &["hysim-tables"]),
    ("faer", &["hysim-weights"]),
    ("tokenizers", &["hysim-text"]),
];

/// Runs every check and fails with the list of violations.
pub(crate) fn run(root: &Path) -> Result<()> {
    let mut problems = Vec::new();
    let root_manifest = read_toml(&root.join("Cargo.toml"))?;
    check_workspace_deps(&root_manifest, &mut problems);
    check_default_members(root, &root_manifest, &mut problems)?;
    let architecture = fs::read_to_string(root.join("ARCHITECTURE.md")).unwrap_or_default();
    if architecture.is_empty() {
        problems.push("ARCHITECTURE.md is missing or empty".to_owned());
    }
    for (name, dir) in crates(root)? {
        let manifest = read_toml(&dir.join("Cargo.toml"))?;
        check_crate(&name, &manifest, &mut problems);
        if !architecture.contains(&format!("### crates/{name}")) {
            problems.push(format!("{name}: no `### crates/{name}` section in ARCHITECTURE.md"));
        }
        check_module_docs(&dir.join("src"), &mut problems)?;
    }
    let xtask = read_toml(&root.join("xtask").join("Cargo.toml"))?;
    for (dep, _) in dependencies(&xtask) {
        if dep.starts_with("hysim-") {
            problems.push(format!("xtask: depends on {dep}; xtask must build without any hysim crate"));
        }
    }
    check_module_docs(&root.join("xtask").join("src"), &mut problems)?;
    find_pending_snapshots(root, &mut problems)?;
    if problems.is_empty() {
        Ok(())
    } else {
        bail!("tidy found {} problem(s):\n  {}", problems.len(), problems.join("\n  "))
    }
}

/// The workspace crates that link tch, directly or through another workspace crate.
fn tch_crates(root: &Path) -> Result<Vec<String>> {
    let mut deps: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (name, dir) in crates(root)? {
        let manifest = read_toml(&dir.join("Cargo.toml"))?;
        let normal = manifest.get("dependencies").and_then(|d| d.as_table()).map(|t| t.keys().cloned().collect());
        deps.insert(name, normal.unwrap_or_default());
    }
    let mut linking: Vec<String> = Vec::new();
    loop {
        let before = linking.len();
        for (name, ds) in &deps {
            if !linking.contains(name) && ds.iter().any(|d| d == "tch" || linking.contains(d)) {
                linking.push(name.clone());
            }
        }
        if linking.len() == before {
            break;
        }
    }
    linking.sort();
    Ok(linking)
}

/// Default members must build without libtorch, so a plain `cargo test` needs none.
fn check_default_members(root: &Path, manifest: &Table, problems: &mut Vec<String>) -> Result<()> {
    let members = manifest.get("workspace").and_then(|w| w.get("default-members")).and_then(|m| m.as_array());
    let linking = tch_crates(root)?;
    for member in members.into_iter().flatten().filter_map(|m| m.as_str()) {
        let name = member.rsplit('/').next().unwrap_or(member);
        if linking.iter().any(|l| l == name) {
            problems.push(format!(
                "Cargo.toml: default member {member} links libtorch; plain `cargo test` must not need it"
            ));
        }
    }
    Ok(())
}

fn crates(root: &Path) -> Result<Vec<(String, PathBuf)>> {
    let mut out = Vec::new();
    let dir = root.join("crates");
    for entry in fs::read_dir(&dir).with_context(|| format!("cannot list {}", dir.display()))? {
        let path = entry?.path();
        if path.join("Cargo.toml").is_file() {
            let name = path.file_name().expect("invariant: read_dir entries have names").to_string_lossy().into_owned();
            out.push((name, path));
        }
    }
    out.sort();
    Ok(out)
}

fn read_toml(path: &Path) -> Result<Table> {
    let text = fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    text.parse::<Table>().with_context(|| format!("{} is not valid TOML", path.display()))
}

/// Dependencies of every kind as (name, section, value).
fn dependencies(manifest: &Table) -> Vec<(String, DepEntry)> {
    let mut out = Vec::new();
    for section in ["dependencies", "dev-dependencies", "build-dependencies"] {
        if let Some(deps) = manifest.get(section).and_then(|d| d.as_table()) {
            for (name, value) in deps {
                out.push((name.clone(), DepEntry { section, value: value.clone() }));
            }
        }
    }
    out
}

struct DepEntry {
    section: &'static str,
    value: toml::Value,
}

fn layer(name: &str) -> Option<u8> {
    LAYERS.iter().find(|(n, _)| *n == name).map(|(_, l)| *l)
}

fn check_crate(name: &str, manifest: &Table, problems: &mut Vec<String>) {
    let package_name = manifest.get("package").and_then(|p| p.get("name")).and_then(|n| n.as_str());
    if package_name != Some(name) {
        problems.push(format!("{name}: package name {package_name:?} differs from the folder name"));
    }
    let Some(own_layer) = layer(name) else {
        problems.push(format!(
            "{name}: not in tidy's layer table (xtask/src/tidy.rs); add it there and to ARCHITECTURE.md"
        ));
        return;
    };
    let lints_inherited =
        manifest.get("lints").and_then(|l| l.get("workspace")).and_then(|w| w.as_bool()) == Some(true);
    if !lints_inherited {
        problems.push(format!("{name}: missing `[lints] workspace = true`"));
    }
    for (dep, entry) in dependencies(manifest) {
        let inherited = entry.value.get("workspace").and_then(|w| w.as_bool()) == Some(true);
        if !inherited {
            problems.push(format!("{name}: {} `{dep}` must be `{dep}.workspace = true`", entry.section));
        }
        if let Some(dep_layer) = layer(&dep) {
            let allowed = dep == "hysim-core" && name != "hysim-core"
                || dep == "hysim-test-support" && entry.section == "dev-dependencies"
                || dep_layer < own_layer;
            if !allowed {
                problems.push(format!("{name} (layer {own_layer}): may not depend on {dep} (layer {dep_layer}); dependencies point only downward"));
            }
        } else if dep.starts_with("hysim-") {
            problems.push(format!("{name}: depends on {dep}, which is not in tidy's layer table"));
        }
        if let Some((_, allowed)) = HEAVY.iter().find(|(heavy, _)| *heavy == dep)
            && !allowed.contains(&name)
        {
            problems.push(format!("{name}: may not depend on {dep} (allowed only in {})", allowed.join(", ")));
        }
        let features = entry.value.get("features").and_then(|f| f.as_array());
        if features.is_some_and(|f| f.iter().any(|f| f.as_str() == Some("download-libtorch"))) {
            problems.push(format!("{name}: enables tch's download-libtorch, which fetches from a non-registry host"));
        }
    }
}

fn check_workspace_deps(root: &Table, problems: &mut Vec<String>) {
    let deps = root.get("workspace").and_then(|w| w.get("dependencies")).and_then(|d| d.as_table());
    let Some(deps) = deps else {
        problems.push("Cargo.toml: no [workspace.dependencies]".to_owned());
        return;
    };
    for (heavy, _) in HEAVY {
        if let Some(value) = deps.get(*heavy) {
            if value.get("default-features").and_then(|d| d.as_bool()) != Some(false) {
                problems.push(format!("Cargo.toml: workspace dependency {heavy} must set default-features = false"));
            }
            let features = value.get("features").and_then(|f| f.as_array()).cloned().unwrap_or_default();
            if features.iter().any(|f| f.as_str() == Some("download-libtorch")) {
                problems.push("Cargo.toml: tch's download-libtorch fetches from a non-registry host".to_owned());
            }
        }
    }
}

fn check_module_docs(src: &Path, problems: &mut Vec<String>) -> Result<()> {
    let mut stack = vec![src.to_path_buf()];
    let mut files = BTreeMap::new();
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else { continue };
        for entry in entries {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
                files.insert(path, text);
            }
        }
    }
    for (path, text) in files {
        let first = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
        if !first.starts_with("//!") {
            problems.push(format!("{}: does not open with a `//!` doc comment", path.display()));
        }
    }
    Ok(())
}

fn find_pending_snapshots(root: &Path, problems: &mut Vec<String>) -> Result<()> {
    let mut stack = vec![root.join("crates"), root.join("xtask")];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else { continue };
        for entry in entries {
            let path = entry?.path();
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            if path.is_dir() {
                stack.push(path);
            } else if name.ends_with(".snap.new") || name.ends_with(".pending-snap") {
                problems
                    .push(format!("{}: pending insta snapshot; review it with `cargo insta review`", path.display()));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workspace_is_tidy() {
        run(&crate::paths::project_root()).unwrap();
    }

    fn problems_of(name: &str, manifest: &str) -> Vec<String> {
        let mut problems = Vec::new();
        check_crate(name, &manifest.parse::<Table>().unwrap(), &mut problems);
        problems
    }

    #[test]
    fn upward_and_heavy_dependencies_are_caught() {
        let problems = problems_of(
            "hysim-weights",
            r#"
            [package]
            name = "hysim-weights"
            [lints]
            workspace = true
            [dependencies]
            hysim-embed.workspace = true
            tch.workspace = true
            faer.workspace = true
            serde = "1"
            "#,
        );
        assert_eq!(
            problems,
            vec![
                "hysim-weights (layer 1): may not depend on hysim-embed (layer 3); dependencies point only downward",
                "hysim-weights: dependencies `serde` must be `serde.workspace = true`",
                "hysim-weights: may not depend on tch (allowed only in hysim-nn, hysim-models, hysim-embed, hysim-finetune)",
            ]
        );
    }

    #[test]
    fn core_and_test_support_rules() {
        let problems = problems_of(
            "hysim-core",
            r#"
            [package]
            name = "hysim-core"
            [dependencies]
            hysim-units.workspace = true
            [dev-dependencies]
            hysim-test-support.workspace = true
            "#,
        );
        assert_eq!(
            problems,
            vec![
                "hysim-core: missing `[lints] workspace = true`",
                "hysim-core (layer 0): may not depend on hysim-units (layer 0); dependencies point only downward",
            ]
        );
    }
}
