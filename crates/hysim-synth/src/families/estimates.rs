//! A population PK model's final estimates: typical values of clearance, volumes and the
//! absorption rate constant with their precision (`RSE (%)`, a bootstrap median and 95 %
//! interval, shrinkage), or each with its standard error in brackets (`Estimate (SE)`),
//! then between-subject and residual variability. Only the typical
//! values are PK values (statistic `value`); precision columns, variability and error
//! rows give no record.

use hysim_core::{Record, Statistic};

use super::{assemble, base_context, finish, gold};
use crate::format::{Quantity, UnitChoice, decimals_for, number, printed_value, unit_options};
use crate::render::{Layout, Param, SynthTable};
use crate::rng::Rng;
use crate::study::Study;

/// One typical value: its printed label, code, unit and value (in the printed unit).
struct Typical {
    short: String,
    label: String,
    code: &'static str,
    unit: UnitChoice,
    family: Option<hysim_units::Family>,
    value: f64,
}

fn geometric_mean(xs: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = xs.fold((0.0, 0usize), |(s, n), x| (s + x.max(1e-300).ln(), n + 1));
    (sum / n.max(1) as f64).exp()
}

/// Rounded as a model's output is printed: three significant figures.
fn rounded(x: f64) -> (String, f64) {
    let d = decimals_for(x, 4);
    (number(x, d, false), printed_value(x, d))
}

/// The final estimates of a one- or two-compartment model fitted to the study's first
/// group (its typical values are the geometric means of its subjects').
pub(crate) fn model_estimates(rng: &mut Rng, study: &Study, id: &str, index: u32, veterinary: bool) -> SynthTable {
    let g = &study.groups[0];
    let ev = g.route.extravascular();
    let f = if ev { "/F" } else { "" };
    let theta = rng.below(3);
    // `CL/F (L/h)`, `θCL/F (L/h)` or `CL/F, L/h`.
    let name = |short: &str, unit: &str| match theta {
        0 => format!("{short} ({unit})"),
        1 => format!("θ<sub>{short}</sub> ({unit})"),
        _ => format!("{short}, {unit}"),
    };
    let clearance = unit_options(Quantity::Clearance, false, true)[if rng.chance(0.8) { 0 } else { 1 }];
    let volume = unit_options(Quantity::Volume, false, true)[0];
    let rate = *rng.pick(unit_options(Quantity::Rate, false, true));
    let cl = geometric_mean(g.subjects.iter().map(|s| Param::Cl.of(s, false)));
    let vss = geometric_mean(g.subjects.iter().map(|s| Param::Vss.of(s, false).max(Param::Vz.of(s, false) * 0.8)));
    let mut typical = vec![Typical {
        short: format!("CL{f}"),
        label: name(&format!("CL{f}"), clearance.text),
        code: Param::Cl.code(g.route),
        unit: clearance,
        family: Some(hysim_units::Family::Clearance),
        value: cl * clearance.factor,
    }];
    if study.two_compartment {
        let central = 0.3 + 0.3 * rng.f64();
        for (short, code, share) in [("Vc", "VC", central), ("Vp", "VP", 1.0 - central)] {
            typical.push(Typical {
                short: format!("{short}{f}"),
                label: name(&format!("{short}{f}"), volume.text),
                code,
                unit: volume,
                family: Some(hysim_units::Family::Volume),
                value: vss * share,
            });
        }
    } else {
        let vz = geometric_mean(g.subjects.iter().map(|s| Param::Vz.of(s, false)));
        typical.push(Typical {
            short: format!("V{f}"),
            label: name(&format!("V{f}"), volume.text),
            code: Param::Vz.code(g.route),
            unit: volume,
            family: Some(hysim_units::Family::Volume),
            value: vz,
        });
    }
    if ev {
        typical.push(Typical {
            short: "ka".to_owned(),
            label: name("ka", rate.text),
            code: "KA",
            unit: rate,
            family: Some(hysim_units::Family::RateConstant),
            value: (0.3f64.ln() + rng.f64() * 10f64.ln()).exp(),
        });
    }
    let with_shrinkage = rng.chance(0.5);
    let with_bootstrap = rng.chance(0.5);
    let headings = rng.chance(0.6);
    // Three models in ten print each estimate with its standard error in brackets under
    // `Estimate (SE)` instead of a relative standard error column.
    let with_se = rng.chance(0.3);
    let mut header = vec!["Parameter".to_owned(), (*rng.pick(&["Estimate", "Final estimate", "Value"])).to_owned()];
    if with_se {
        header[1].push_str(" (SE)");
    } else {
        header.push((*rng.pick(&["RSE (%)", "RSE%", "%RSE"])).to_owned());
    }
    if with_shrinkage {
        header.push("Shrinkage (%)".to_owned());
    }
    if with_bootstrap {
        header
            .push((*rng.pick(&["Bootstrap median (95% CI)", "Bootstrap median [2.5th–97.5th percentile]"])).to_owned());
    }
    let width = header.len();
    let rse = |rng: &mut Rng| format!("{:.1}", 3.0 + 27.0 * rng.f64());
    // A row's estimate and its precision: `2.86` beside its RSE, or `2.86 (0.31)` with the
    // standard error (in the estimate's unit, so printed as the estimate is), and the SE.
    let estimate = |rng: &mut Rng, text: String, value: f64| -> (Vec<String>, Option<f64>) {
        if with_se {
            let (se_text, se) = rounded(value * (0.03 + 0.27 * rng.f64()));
            (vec![format!("{text} ({se_text})")], Some(se))
        } else {
            (vec![text, rse(rng)], None)
        }
    };
    let bootstrap = |rng: &mut Rng, x: f64| {
        let (m, _) = rounded(x * (0.97 + 0.06 * rng.f64()));
        let (lo, _) = rounded(x * (0.7 + 0.2 * rng.f64()));
        let (hi, _) = rounded(x * (1.1 + 0.3 * rng.f64()));
        format!("{m} ({lo}–{hi})")
    };
    let heading = |text: &str| {
        let mut row = vec![text.to_owned()];
        row.extend(std::iter::repeat_n(String::new(), width - 1));
        row
    };

    let mut body: Vec<Vec<String>> = Vec::new();
    if headings {
        body.push(heading(rng.pick::<&str>(&["Structural model", "Fixed effects", "Typical values"])));
    }
    let mut cells: Vec<(usize, usize, f64, Option<f64>)> = Vec::new();
    for (k, t) in typical.iter().enumerate() {
        let (text, value) = rounded(t.value);
        let (printed, se) = estimate(rng, text, value);
        let mut row = vec![crate::render::plain(&t.label).trim().to_owned()];
        row.extend(printed);
        if with_shrinkage {
            row.push(String::new());
        }
        if with_bootstrap {
            row.push(bootstrap(rng, value));
        }
        cells.push((body.len(), k, value, se));
        body.push(row);
    }
    // Between-subject variability (% CV) with its shrinkage; residual error.
    if headings {
        body.push(heading(rng.pick::<&str>(&[
            "Between-subject variability",
            "Interindividual variability (CV%)",
            "Random effects",
        ])));
    }
    let iiv: Vec<String> = typical.iter().take(2).map(|t| t.short.clone()).collect();
    for short in iiv {
        let label = match rng.below(3) {
            0 => format!("IIV {short} (%)"),
            1 => format!("BSV on {short} (CV%)"),
            _ => format!("ω<sub>{short}</sub> (%)"),
        };
        let (text, value) = rounded(15.0 + 45.0 * rng.f64());
        let mut row = vec![crate::render::plain(&label).trim().to_owned()];
        row.extend(estimate(rng, text, value).0);
        if with_shrinkage {
            row.push(format!("{:.0}", 5.0 + 35.0 * rng.f64()));
        }
        if with_bootstrap {
            row.push(bootstrap(rng, value));
        }
        body.push(row);
    }
    if headings {
        body.push(heading("Residual variability"));
    }
    let (text, value) = rounded(8.0 + 25.0 * rng.f64());
    let mut row =
        vec![(*rng.pick(&["Proportional error (%)", "Proportional residual error (CV%)", "σ prop (%)"])).to_owned()];
    row.extend(estimate(rng, text, value).0);
    if with_shrinkage {
        row.push(String::new());
    }
    if with_bootstrap {
        row.push(bootstrap(rng, value));
    }
    body.push(row);

    let subjects = study.population.unwrap_or(study.subjects_word);
    let caption = match rng.below(2) {
        0 => format!(
            "Table {index}. Parameter estimates of the final population pharmacokinetic model of {} in {subjects}",
            study.drug.name
        ),
        _ => format!(
            "Table {index}. Final model parameters of {} ({} {} administration)",
            study.drug.name,
            g.dose_text,
            crate::render::route_word(g.route)
        ),
    };
    let mut table = assemble(id, caption, vec![header], body);
    table.footnote = Some(
        if with_se {
            "SE, standard error; CI, confidence interval; IIV, interindividual variability. Between-subject variability is expressed as CV%."
        } else {
            "RSE, relative standard error; CI, confidence interval; IIV, interindividual variability. Between-subject variability is expressed as CV%."
        }
        .to_owned(),
    );
    let mut records: Vec<Record> = Vec::new();
    for (row, k, value, se) in cells {
        let t = &typical[k];
        let raw = table.body_rows[row][0].clone();
        let mut r = gold(&table, row, 1, &raw, t.code, value, Statistic::Value, &t.unit, t.family, base_context(study));
        r.context.group = None;
        r.dispersion = se.map(|value| hysim_core::Dispersion { kind: "SE".to_owned(), value });
        records.push(r);
    }
    finish(study, table, Layout::ModelEstimates, veterinary, records)
}
