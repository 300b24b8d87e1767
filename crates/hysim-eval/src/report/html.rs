//! `report.html`: the Markdown report's numbers with plots as inline SVG (no script, no
//! external file), so the page opens anywhere and can be archived as one file.

use std::fmt::Write;

use crate::report::Evaluation;

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// One bar: label, F1 and its interval.
type Bar = (String, f64, Option<(f64, f64)>);

const W: f64 = 640.0;
const H: f64 = 300.0;
const LEFT: f64 = 110.0;
const BOTTOM: f64 = 40.0;
const TOP: f64 = 20.0;

/// Horizontal bars of F1 per class with their 95 % interval as a whisker.
fn f1_bars(rows: &[Bar], title: &str) -> String {
    let height = TOP + BOTTOM + 22.0 * rows.len() as f64;
    let plot_w = W - LEFT - 20.0;
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{height}" role="img" aria-label="{}"><text x="{LEFT}" y="14" font-size="13">{}</text>"#,
        escape(title),
        escape(title)
    );
    for (k, (name, f1, ci)) in rows.iter().enumerate() {
        let y = TOP + 22.0 * k as f64;
        let _ = write!(
            svg,
            r##"<text x="{}" y="{}" font-size="12" text-anchor="end">{}</text><rect x="{LEFT}" y="{}" width="{:.1}" height="14" fill="#4a7ab5"><title>{} F1 {:.3}</title></rect>"##,
            LEFT - 6.0,
            y + 16.0,
            escape(name),
            y + 5.0,
            plot_w * f1.clamp(0.0, 1.0),
            escape(name),
            f1
        );
        if let Some((lo, hi)) = ci {
            let _ = write!(
                svg,
                r##"<line x1="{:.1}" x2="{:.1}" y1="{}" y2="{}" stroke="#222" stroke-width="1.5"/>"##,
                LEFT + plot_w * lo.clamp(0.0, 1.0),
                LEFT + plot_w * hi.clamp(0.0, 1.0),
                y + 12.0,
                y + 12.0
            );
        }
    }
    let axis_y = TOP + 22.0 * rows.len() as f64 + 8.0;
    for tick in [0.0, 0.25, 0.5, 0.75, 1.0] {
        let x = LEFT + plot_w * tick;
        let _ = write!(
            svg,
            r##"<line x1="{x:.1}" x2="{x:.1}" y1="{TOP}" y2="{axis_y}" stroke="#ccc"/><text x="{x:.1}" y="{}" font-size="11" text-anchor="middle">{tick}</text>"##,
            axis_y + 14.0
        );
    }
    svg.push_str("</svg>");
    svg
}

fn axes(svg: &mut String, x_label: &str, y_label: &str) {
    let _ = write!(
        svg,
        r##"<line x1="{LEFT}" x2="{}" y1="{}" y2="{}" stroke="#222"/><line x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{}" stroke="#222"/><text x="{}" y="{}" font-size="12" text-anchor="middle">{}</text><text x="16" y="{}" font-size="12" transform="rotate(-90 16 {})" text-anchor="middle">{}</text>"##,
        W - 20.0,
        H - BOTTOM,
        H - BOTTOM,
        H - BOTTOM,
        (LEFT + W - 20.0) / 2.0,
        H - 8.0,
        escape(x_label),
        (TOP + H - BOTTOM) / 2.0,
        (TOP + H - BOTTOM) / 2.0,
        escape(y_label)
    );
}

fn px(x: f64, lo: f64, hi: f64) -> f64 {
    LEFT + (W - 20.0 - LEFT) * if hi > lo { (x - lo) / (hi - lo) } else { 0.5 }
}

fn py(y: f64, lo: f64, hi: f64) -> f64 {
    (H - BOTTOM) - (H - BOTTOM - TOP) * if hi > lo { (y - lo) / (hi - lo) } else { 0.5 }
}

/// Reliability diagram: accuracy against mean confidence per bin, the diagonal for reference.
fn reliability(bins: &[crate::stats::Bin]) -> String {
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" role="img" aria-label="reliability diagram">"#
    );
    axes(&mut svg, "confidence", "accuracy");
    let _ = write!(
        svg,
        r##"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#999" stroke-dasharray="4"/>"##,
        px(0.0, 0.0, 1.0),
        py(0.0, 0.0, 1.0),
        px(1.0, 0.0, 1.0),
        py(1.0, 0.0, 1.0)
    );
    for b in bins.iter().filter(|b| b.count > 0) {
        let _ = write!(
            svg,
            r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="#4a7ab5" opacity="0.8"><title>{:.1}-{:.1}: {} records, accuracy {:.3}</title></rect>"##,
            px(b.low, 0.0, 1.0) + 1.0,
            py(b.accuracy, 0.0, 1.0),
            px(b.high, 0.0, 1.0) - px(b.low, 0.0, 1.0) - 2.0,
            py(0.0, 0.0, 1.0) - py(b.accuracy, 0.0, 1.0),
            b.low,
            b.high,
            b.count,
            b.accuracy
        );
    }
    svg.push_str("</svg>");
    svg
}

/// Histogram of sample weights (30 bins).
fn histogram(values: &[f64]) -> String {
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" role="img" aria-label="weight histogram">"#
    );
    axes(&mut svg, "hybrid weight", "source rows");
    let (lo, hi) = values.iter().fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(*v), b.max(*v)));
    let n_bins = 30;
    let mut counts = vec![0usize; n_bins];
    for v in values {
        let b = if hi > lo { (((v - lo) / (hi - lo)) * n_bins as f64) as usize } else { 0 };
        counts[b.min(n_bins - 1)] += 1;
    }
    let max = counts.iter().copied().max().unwrap_or(1).max(1) as f64;
    for (b, c) in counts.iter().enumerate() {
        let x0 = lo + (hi - lo) * b as f64 / n_bins as f64;
        let x1 = lo + (hi - lo) * (b + 1) as f64 / n_bins as f64;
        let _ = write!(
            svg,
            r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="#6a9f58"><title>{x0:.3}-{x1:.3}: {c}</title></rect>"##,
            px(x0, lo, hi),
            py(*c as f64, 0.0, max),
            (px(x1, lo, hi) - px(x0, lo, hi) - 1.0).max(0.5),
            py(0.0, 0.0, max) - py(*c as f64, 0.0, max)
        );
    }
    let _ = write!(
        svg,
        r##"<text x="{LEFT}" y="{}" font-size="11">{lo:.3}</text><text x="{}" y="{}" font-size="11" text-anchor="end">{hi:.3}</text>"##,
        H - BOTTOM + 14.0,
        W - 20.0,
        H - BOTTOM + 14.0
    );
    svg.push_str("</svg>");
    svg
}

/// Source rows as circles coloured by weight (light = low, dark = high), target rows as
/// orange crosses.
fn projection(points: &[(f64, f64, bool, f64)]) -> String {
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" role="img" aria-label="embedding projection">"#
    );
    axes(&mut svg, "PC 1", "PC 2");
    let (x_lo, x_hi) = points.iter().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
    let (y_lo, y_hi) = points.iter().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
    let w_max = points.iter().filter(|p| !p.2).map(|p| p.3).fold(0.0, f64::max).max(1e-12);
    for &(x, y, target, w) in points {
        let (cx, cy) = (px(x, x_lo, x_hi), py(y, y_lo, y_hi));
        if target {
            let _ = write!(
                svg,
                r##"<path d="M{:.1} {:.1}l6 6m0 -6l-6 6" stroke="#e07b00" stroke-width="1.5"/>"##,
                cx - 3.0,
                cy - 3.0
            );
        } else {
            let shade = (220.0 - 200.0 * (w / w_max).clamp(0.0, 1.0)) as u8;
            let _ = write!(svg, r##"<circle cx="{cx:.1}" cy="{cy:.1}" r="2.5" fill="rgb({shade},{shade},255)"/>"##);
        }
    }
    svg.push_str("</svg>");
    svg
}

/// The whole page.
pub(crate) fn page(e: &Evaluation) -> String {
    let mut body = String::new();
    if let Some(n) = &e.numeric {
        let rows: Vec<Bar> = n
            .per_parameter
            .iter()
            .map(|(class, s)| {
                let ci =
                    n.overall.intervals.as_ref().and_then(|i| i.per_parameter_f1.get(class)).map(|i| (i.low, i.high));
                (class.clone(), s.f1, ci)
            })
            .collect();
        body.push_str(
            "<h2>Numeric protocol: F1 per parameter class (bars) with bootstrap 95 % intervals (whiskers)</h2>",
        );
        body.push_str(&f1_bars(&rows, "numeric protocol"));
        if !n.reliability.is_empty() {
            body.push_str("<h2>Reliability of record confidences</h2>");
            body.push_str(&reliability(&n.reliability));
        }
    }
    if let Some(a) = &e.autopk {
        let rows: Vec<Bar> = a.per_parameter.iter().map(|(p, s)| (p.clone(), s.f1, None)).collect();
        body.push_str("<h2>AutoPK protocol: macro F1 per parameter</h2>");
        body.push_str(&f1_bars(&rows, "AutoPK protocol"));
    }
    if let Some(w) = e.weights.as_deref().filter(|w| !w.is_empty()) {
        body.push_str("<h2>Sample weights</h2>");
        body.push_str(&histogram(w));
    }
    if let Some(p) = e.projection.as_deref().filter(|p| !p.is_empty()) {
        body.push_str("<h2>Source (circles, darker = heavier weight) and target (crosses) embeddings, first two principal components</h2>");
        body.push_str(&projection(p));
    }
    // The Markdown report's tables, as preformatted text under the plots.
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>HySim evaluation</title><style>body{{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}}pre{{white-space:pre-wrap;background:#f6f6f6;padding:1rem}}h2{{font-size:1.05rem;margin-top:2rem}}</style></head><body><h1>HySim evaluation</h1>{body}<h2>Tables</h2><pre>{}</pre></body></html>\n",
        escape(&e.markdown())
    )
}
