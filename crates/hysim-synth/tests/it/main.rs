//! Integration tests of `hysim-synth`: determinism, PK consistency of the printed values,
//! noise flags, bad settings, and snapshots of a few rendered tables.

use std::collections::BTreeMap;
use std::f64::consts::LN_2;
use std::path::Path;

use hysim_core::Record;
use hysim_synth::{Config, Format, NoiseSpec, Profile, generate, write_corpus};

fn config(n: usize, seed: u64, profile: Profile, noise: &str) -> Config {
    Config { n, seed, profile, noise: NoiseSpec::parse(noise).unwrap() }
}

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.insert(path.strip_prefix(dir).unwrap().display().to_string(), std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

#[test]
fn same_seed_same_bytes_and_tables_do_not_depend_on_n() {
    let all = [Format::Jats, Format::Csv, Format::Md, Format::Xlsx];
    let write = |cfg: &Config| {
        let dir = tempfile::tempdir().unwrap();
        write_corpus(dir.path(), cfg, &generate(cfg), &all).unwrap();
        let f = files(dir.path());
        (dir, f)
    };
    let cfg = config(40, 11, Profile::Mixed, "label=0.1,ocr=0.1,offtopic=0.05");
    let (_a, first) = write(&cfg);
    let (_b, second) = write(&cfg);
    assert!(first.len() > 80, "{} files", first.len());
    assert_eq!(first.keys().collect::<Vec<_>>(), second.keys().collect::<Vec<_>>());
    for (name, bytes) in &first {
        assert!(second[name] == *bytes, "{name} differs between two runs with the same seed");
    }
    // Another seed, other tables; a longer corpus starts with the same tables.
    let other = generate(&config(40, 12, Profile::Mixed, "none"));
    let clean = generate(&config(40, 11, Profile::Mixed, "none"));
    assert_ne!(other[0].table.table, clean[0].table.table);
    let longer = generate(&config(60, 11, Profile::Mixed, "none"));
    assert_eq!(longer[..40], clean[..]);
}

#[test]
fn values_are_pharmacokinetically_consistent() {
    use hysim_synth::pk::Route;
    use hysim_synth::study::Study;
    // Every subject of every study: the identities hold exactly.
    let mut rng = hysim_synth::rng::Rng::new(5);
    for k in 0..300 {
        let study = Study::draw(&mut rng, k % 2 == 1);
        for group in &study.groups {
            for s in &group.subjects {
                assert!((s.half_life * s.lambda_z - LN_2).abs() < 1e-12);
                assert!((s.vz * s.lambda_z - s.cl).abs() <= 1e-9 * s.cl);
                assert!(s.auc_last <= s.auc_inf * (1.0 + 1e-12));
                assert!(s.tmax > 0.0 && s.tmax <= s.t_last);
                assert!(s.fe > 0.0 && s.fe <= 1.0);
                if group.route == Route::Iv {
                    assert!(s.mrt * s.cl - s.vss < 1e-9 * s.vss, "MRT = Vss / CL after IV");
                    assert_eq!(s.f, 1.0);
                } else {
                    assert!(s.f > 0.0 && s.f <= 1.0);
                }
            }
        }
    }
    // Printed individual values agree within their rounding (three significant digits).
    let items = generate(&config(800, 3, Profile::Veterinary, "none"));
    let mut checked = 0;
    for item in &items {
        let mut by_row: BTreeMap<u32, BTreeMap<&str, f64>> = BTreeMap::new();
        for r in item.table.gold.iter().filter(|r| r.statistic == hysim_core::Statistic::Individual) {
            let code = r.parameter.as_deref().unwrap();
            if let Some(v) = r.value_canonical {
                by_row.entry(r.provenance.row.unwrap()).or_default().insert(code, v);
            }
        }
        for params in by_row.values() {
            if let (Some(t), Some(l)) = (params.get("LAMZHL"), params.get("LAMZ")) {
                assert!((t * l / LN_2 - 1.0).abs() < 0.01, "{}: t1/2 {t} λz {l}", item.table.table.id);
                checked += 1;
            }
            let cl = params.get("CLO").or(params.get("CLFO"));
            let v = params.get("VZO").or(params.get("VZFO"));
            if let (Some(cl), Some(v), Some(t)) = (cl, v, params.get("LAMZHL")) {
                assert!((cl * t / LN_2 / v - 1.0).abs() < 0.01, "{}: CL {cl} Vz {v} t1/2 {t}", item.table.table.id);
                checked += 1;
            }
        }
    }
    assert!(checked > 20, "only {checked} individual rows checked");
}

#[test]
fn breadth_of_the_corpus() {
    // Three tables in ten report no PK result; the rarest specimens (lung tissue, cord
    // blood, skin and fat) come among the first 3,000 of this seed.
    let items = generate(&config(3000, 1, Profile::Mixed, "none"));
    let gold: Vec<&Record> = items.iter().flat_map(|i| &i.table.gold).collect();
    let distinct = |f: &dyn Fn(&Record) -> Option<String>| {
        let mut v: Vec<String> = gold.iter().filter_map(|r| f(r)).collect();
        v.sort();
        v.dedup();
        v
    };
    assert!(distinct(&|r| r.context.drug.clone()).len() >= 60);
    assert_eq!(distinct(&|r| r.context.species.clone()).len(), 12);
    assert_eq!(
        distinct(&|r| r.context.matrix.clone()),
        [
            // The edible tissues of residue depletion studies among them, and the organs of
            // laboratory animals (tissue distribution).
            "adipose tissue",
            "brain tissue",
            "cerebrospinal fluid",
            "cord blood",
            "heart tissue",
            "kidney tissue",
            "liver tissue",
            "lung tissue",
            "milk",
            "muscle tissue",
            "plasma",
            "serum",
            "skin and fat",
            "spleen tissue",
            "urine"
        ]
    );
    // Per-gram tissue units and excreted amounts keep their printed unit and no canonical one.
    for r in &gold {
        let tissue = r.context.matrix.as_deref().is_some_and(|m| m.ends_with("tissue"));
        let code = r.parameter.as_deref().unwrap_or_default();
        // Ratios of specimens are unitless.
        // Residues per kg of tissue too.
        let residue = r.unit_raw.as_deref() == Some("µg/kg");
        // Concentrations per gram of an organ too (tissue distribution).
        let per_gram = r.unit_raw.as_deref().is_some_and(|u| u.ends_with("/g"));
        let no_family = tissue && (["CMAX", "AUCLST", "AUCIFO"].contains(&code) || code == "CONC" && per_gram)
            || residue
            || code == "RCAMINT"
            || code.ends_with("RATIO");
        if no_family {
            assert_eq!((r.unit.as_deref(), r.value_canonical), (None, None), "{r:?}");
        } else {
            assert!(r.unit.is_some() && r.value_canonical.is_some(), "{r:?}");
        }
    }
    assert_eq!(distinct(&|r| r.context.route.clone()), ["IM", "IV", "PO", "SC"]);
    let stats = distinct(&|r| Some(r.statistic.as_str().to_owned()));
    // "unknown": spreads that the table never declares (the undeclared family); "value": a
    // population model's typical values (model_estimates).
    assert_eq!(stats, ["geometric_mean", "individual", "mean", "median", "unknown", "value"]);
    let layouts: Vec<&str> = items.iter().map(|i| i.table.layout.name()).collect();
    for layout in [
        "rows",
        "rows_stats",
        "rows_unit_column",
        "columns",
        "individual",
        "statistic_rows",
        "concentration_time",
        "named_subjects",
        "specimen_columns",
        "undeclared",
        "statistic_column",
        "parameter_headings",
        "comparison",
        "model_estimates",
        "statistics_under_parameters",
        "conditions_per_subject",
        "residues",
        "tissue_distribution",
        "long_table",
        "listing",
        "monitoring",
        "other_language",
        "statistic_rows_abroad",
        "coded_times",
        "not_pk",
    ] {
        assert!(layouts.contains(&layout), "no {layout} table");
    }
    assert!(items.iter().any(|i| i.table.decimal_comma));
    // Some tables print as a PDF's conversion stacks rows; some other-language tables are
    // East Asian ones (a Japanese, Chinese or Korean caption).
    assert!(items.iter().any(|i| i.table.stacked && hysim_synth::render::to_html(&i.table).contains("<br/>")));
    let captions = |layout: &str| {
        items
            .iter()
            .filter(|i| i.table.layout.name() == layout)
            .filter_map(|i| i.table.table.caption.clone())
            .collect::<Vec<String>>()
    };
    for layout in ["other_language", "statistic_rows_abroad"] {
        let captions = captions(layout);
        assert!(captions.iter().any(|c| c.starts_with("表") || c.starts_with("표")), "{captions:?}");
    }
    // Every gold record is well formed and points at the cell it came from.
    for item in &items {
        for r in &item.table.gold {
            assert_eq!(r.problem(), None);
            let (row, col) = (r.provenance.row.unwrap() as usize, r.provenance.col.unwrap() as usize);
            assert_eq!(item.table.table.body_rows[row][col], r.value_raw);
        }
    }
}

#[test]
fn noise_is_flagged_where_it_was_put() {
    let clean = generate(&config(300, 9, Profile::Mixed, "none"));
    let noisy = generate(&config(
        300,
        9,
        Profile::Mixed,
        "wrong_value=0.05,wrong_unit=0.05,wrong_parameter=0.05,gaussian=0.05,heavy_tailed=0.05,structured=0.05,ocr=0.05,shifted_columns=0.05,garbage_rows=0.05,offtopic=0.05,spurious=0.05,truncated=0.05",
    ));
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for (c, n) in clean.iter().zip(&noisy) {
        match &n.noise {
            None => assert_eq!(c.table, n.table, "{}: unflagged table changed", c.table.table.id),
            Some(kind) => {
                *kinds.entry(kind.clone()).or_default() += 1;
                assert_ne!(c.table, n.table, "{}: flagged {kind} but unchanged", c.table.table.id);
                if kind == "offtopic" {
                    assert!(n.table.gold.is_empty());
                    continue;
                }
                if kind == "spurious" {
                    // The PK table's gold, each record on another value cell of the off-topic table.
                    assert!(!n.table.gold.is_empty() && n.table.gold.len() <= c.table.gold.len());
                    assert_ne!(c.table.table.caption, n.table.table.caption);
                    let mut cells = std::collections::BTreeSet::new();
                    for r in &n.table.gold {
                        assert_eq!(r.noise.as_deref(), Some("spurious"));
                        let (row, col) = (r.provenance.row.unwrap() as usize, r.provenance.col.unwrap() as usize);
                        assert!(cells.insert((row, col)), "two records on one cell");
                        let cell = &n.table.table.body_rows[row][col];
                        assert!(cell.chars().any(|ch| ch.is_ascii_digit()), "{cell:?}");
                    }
                    continue;
                }
                if kind == "truncated" {
                    let kept = n.table.table.body_rows.len();
                    assert!(kept >= 1 && kept < c.table.table.body_rows.len());
                    assert_eq!(n.table.table.body_rows[..], c.table.table.body_rows[..kept]);
                    for r in &n.table.gold {
                        let lost = r.provenance.row.is_some_and(|row| row as usize >= kept);
                        assert_eq!(r.noise.as_deref() == Some("truncated"), lost, "{r:?}");
                    }
                    assert!(n.table.gold.iter().any(|r| r.noise.as_deref() == Some("truncated")));
                }
                // Records: unflagged ones are the clean ones; flagged ones differ.
                assert_eq!(c.table.gold.len(), n.table.gold.len());
                for (cr, nr) in c.table.gold.iter().zip(&n.table.gold) {
                    match &nr.noise {
                        None => assert_eq!(cr, nr),
                        Some(k)
                            if ["wrong_value", "wrong_unit", "wrong_parameter", "structured"].contains(&k.as_str()) =>
                        {
                            assert_ne!(
                                (&cr.value, &cr.unit_raw, &cr.parameter),
                                (&nr.value, &nr.unit_raw, &nr.parameter),
                                "{k}"
                            )
                        }
                        Some(_) => {}
                    }
                }
            }
        }
    }
    for kind in hysim_synth::noise::TABLE_KINDS.iter().chain(hysim_synth::noise::RECORD_KINDS) {
        assert!(kinds.contains_key(*kind), "no table flagged {kind}: {kinds:?}");
    }
}

#[test]
fn bad_settings_name_the_value() {
    let err = |r: Result<Profile, hysim_synth::Error>| r.unwrap_err().to_string();
    assert_eq!(err("human".parse()), "unknown profile \"human\" (expected one of: clinical, veterinary, mixed)");
    assert!("pdf".parse::<Format>().unwrap_err().to_string().contains("unknown format \"pdf\""));
    // A folder that cannot be created is an error naming it.
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, "x").unwrap();
    let cfg = config(2, 0, Profile::Clinical, "none");
    let message = write_corpus(&blocker.join("out"), &cfg, &generate(&cfg), &[]).unwrap_err().to_string();
    assert!(message.contains("file/out"), "{message}");
}

#[test]
fn rendered_tables() {
    let items = generate(&config(12, 2024, Profile::Mixed, "none"));
    let pick = |layout: &str| items.iter().find(|i| i.table.layout.name() == layout);
    for layout in ["rows", "rows_stats", "columns"] {
        let Some(item) = pick(layout) else { continue };
        let t = &item.table;
        let text = format!(
            "{}\n{}\n\n{}\n\n{}",
            t.table.caption.as_deref().unwrap_or(""),
            t.table.footnote.as_deref().unwrap_or("(no footnote)"),
            hysim_synth::render::to_html(t),
            t.gold
                .iter()
                .map(|r| format!(
                    "{} {} {:?} {} {:?} {:?} -> {:?} {:?}",
                    r.parameter.as_deref().unwrap_or("-"),
                    r.value_raw,
                    r.value,
                    r.statistic.as_str(),
                    r.dispersion.as_ref().map(|d| (&d.kind, d.value)),
                    r.interval.as_ref().map(|i| (&i.kind, i.low, i.high)),
                    r.value_canonical,
                    r.context.group,
                ))
                .collect::<Vec<_>>()
                .join("\n")
        );
        insta::assert_snapshot!(format!("table_{layout}"), text);
    }
}
