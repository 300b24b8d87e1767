//! Reading the value printed in one table cell.
//!
//! Handles `6.2 ± 1.1`, `6.2 +/- 1.1`, `6.2 (1.1)`, `6.2 (23%)`, `19.8 (14–27)`,
//! `19.8 [14, 27]`, `12.3 (10.1 to 15.2)`, a bare range `0.5–4.0`, `n = 8`, decimal commas
//! (`1,23` and `0,123`; `1,234` is a thousands separator), Unicode minus and dashes, scientific forms
//! (`1.2E+03`, `1.2 × 10³`), censoring (`<0.5`, `<LLOQ`, `BLQ`), missing markers
//! (`NA`, `ND`, `NR`, `NC`, `–`, ...) and footnote marks glued to numbers (`3.5a`,
//! `3.5*`, `3.5†`). What the spread means (SD or SE, range or CI) is not in the cell; the
//! table reader decides it from headers, caption and footnotes.

/// How a spread was printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Printed {
    /// After `±` (a dispersion only).
    PlusMinus,
    /// In round brackets, or for an interval with no bracket at all (`0.5–4.0`).
    Round,
    /// In square brackets.
    Square,
}

/// A dispersion printed beside the central value: `± 1.1`, `(1.1)`, `(23%)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dispersed {
    /// The number.
    pub value: f64,
    /// How it was printed.
    pub printed: Printed,
    /// Whether it carries `%` (a CV%).
    pub percent: bool,
}

/// An interval printed beside (or instead of) the central value: `(14–27)`, `[14; 27]`,
/// `10.1 to 15.2`, a bare `0.5–4.0`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    /// Lower bound as printed.
    pub low: f64,
    /// Upper bound as printed.
    pub high: f64,
    /// How it was printed (`Round` also for no bracket).
    pub printed: Printed,
}

/// Why a cell has no value.
#[derive(Debug, Clone, PartialEq)]
pub enum Missing {
    /// Not available, not done, not reported, not calculated, a lone dash.
    NotAvailable(String),
    /// Below the limit of quantification (`BLQ`, `<LLOQ`, `< 0.5`).
    BelowLimit(Option<f64>),
}

/// The reading of one cell.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CellValue {
    /// The central value, if the cell prints one.
    pub value: Option<f64>,
    /// A dispersion after it (`± 1.1`, `(1.1)`).
    pub dispersion: Option<Dispersed>,
    /// An interval after it, or alone (`(4.1–8.3)`, `[4.1; 8.3]`, `(2.2, 5.6)`).
    pub interval: Option<Bounds>,
    /// A unit printed right after the central value (`36.89 μg/ml`), or after its spread
    /// (`14.2 ± 1.6 ng/mL`).
    pub unit: Option<String>,
    /// A subject count printed in the cell (`n = 8`).
    pub n: Option<u32>,
    /// Why there is no value.
    pub missing: Option<Missing>,
    /// Footnote marks glued to the numbers, in order.
    pub marks: Vec<String>,
}

/// The superscript digits, zero to nine (`10³`).
pub(crate) const SUPERSCRIPT_DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// Whether `c` is a letter footnotes are marked with (`a` to `h`; later letters are more
/// often subscripts and units).
pub(crate) fn is_mark_letter(c: char) -> bool {
    ('a'..='h').contains(&c)
}

/// The symbols that mark footnotes (letters are marks too, where the reader expects them).
pub(crate) const MARK_SYMBOLS: &[char] = &['*', '†', '‡', '§', '¶', '#', '‖'];

fn normalise(text: &str) -> String {
    let chars: Vec<char> = text
        .chars()
        .map(|c| match c {
            '\u{a0}' | '\u{2009}' | '\u{202f}' | '\u{2007}' | '\u{200a}' => ' ',
            '−' | '‐' | '‑' => '-',
            '–' | '—' => '–',
            '，' => ',',
            _ => c,
        })
        .collect();
    // A middle dot between digits is a decimal point (`2·80`, as The Lancet prints it).
    let chars: Vec<char> = (0..chars.len())
        .map(|k| {
            let digit = |j: Option<&char>| j.is_some_and(char::is_ascii_digit);
            if chars[k] == '·' && k > 0 && digit(chars.get(k - 1)) && digit(chars.get(k + 1)) { '.' } else { chars[k] }
        })
        .collect();
    // A decimal point that typesetting or PDF extraction split from its decimals
    // ("0. 5" for 0.5) joins them again: the space between a digit's point and a digit.
    let split_decimal = |k: usize| {
        k >= 2
            && chars[k] == ' '
            && chars[k - 1] == '.'
            && chars[k - 2].is_ascii_digit()
            && chars.get(k + 1).is_some_and(char::is_ascii_digit)
    };
    let joined: String = (0..chars.len()).filter(|&k| !split_decimal(k)).map(|k| chars[k]).collect();
    let joined = if joined.contains('+') {
        joined.replace("+/-", "±").replace("+/−", "±").replace("+-", "±")
    } else {
        joined
    };
    // A spread in brackets after a plus-minus sign, `34.2 (±8.9)` ("mean (±SD)"): the
    // spread of a `±`, its brackets dropped.
    if joined.contains("(±") || joined.contains("( ±") {
        let mut out = String::with_capacity(joined.len());
        let mut rest = joined.as_str();
        while let Some(open) = rest.find('(') {
            let inner = &rest[open + 1..];
            match (inner.trim_start().strip_prefix('±'), inner.find(')')) {
                (Some(_), Some(close)) if !inner[..close].contains('(') => {
                    out.push_str(&rest[..open]);
                    out.push(' ');
                    out.push_str(inner[..close].trim());
                    rest = &inner[close + 1..];
                }
                _ => {
                    out.push_str(&rest[..=open]);
                    rest = inner;
                }
            }
        }
        out.push_str(rest);
        return out;
    }
    joined
}

/// Tokens of a cell.
#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(f64),
    PlusMinus,
    Open(bool),
    Close(bool),
    Dash,
    Sep,
    To,
    Percent,
    Less,
    Mark(String),
    Word(String),
}

fn tokens(s: &str) -> Vec<Tok> {
    let chars: Vec<char> = s.chars().collect();
    let decimal_comma = decimal_commas(&chars);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let prev_is_value = matches!(out.last(), Some(Tok::Num(_) | Tok::Close(_) | Tok::Percent | Tok::Mark(_)));
        if c.is_whitespace() {
            i += 1;
        } else if c.is_ascii_digit()
            || (c == '.' && chars.get(i + 1).is_some_and(char::is_ascii_digit))
            || (c == '-' && !prev_is_value && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit() || *d == '.'))
        {
            let (value, len) = number(&chars[i..], decimal_comma);
            out.push(Tok::Num(value));
            i += len;
            // Footnote letters glued to a number: 3.5a (not units such as 3.5h? those are
            // not printed in PK value cells; a single lowercase letter is a mark).
            if let Some(&l) = chars.get(i)
                && l.is_ascii_lowercase()
                && !chars.get(i + 1).is_some_and(|n| n.is_alphabetic())
                && is_mark_letter(l)
            {
                out.push(Tok::Mark(l.to_string()));
                i += 1;
            }
        } else if c == '±' {
            out.push(Tok::PlusMinus);
            i += 1;
        } else if c == '(' || c == '[' {
            out.push(Tok::Open(c == '['));
            i += 1;
        } else if c == ')' || c == ']' {
            out.push(Tok::Close(c == ']'));
            i += 1;
        } else if c == '–' || c == '-' || c == '~' {
            out.push(Tok::Dash);
            i += 1;
        } else if c == ',' || c == ';' {
            out.push(Tok::Sep);
            i += 1;
        } else if c == '%' {
            out.push(Tok::Percent);
            i += 1;
        } else if c == '<' || c == '≤' {
            out.push(Tok::Less);
            i += 1;
        } else if MARK_SYMBOLS.contains(&c) {
            out.push(Tok::Mark(c.to_string()));
            i += 1;
        } else if c.is_alphabetic() {
            let start = i;
            while i < chars.len() && (chars[i].is_alphabetic() || chars[i] == '.' || chars[i] == '/') {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let glued = start > 0 && !chars[start - 1].is_whitespace();
            let single_mark = word.len() == 1 && word.chars().all(is_mark_letter);
            if glued && single_mark && matches!(out.last(), Some(Tok::Close(_) | Tok::Percent)) {
                // "0.268 [0.193; 0.493]a": a footnote mark after a closing bracket.
                out.push(Tok::Mark(word));
            } else if word.eq_ignore_ascii_case("to") {
                out.push(Tok::To);
            } else {
                out.push(Tok::Word(word));
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Whether a cell writes its decimals with commas where that is not in doubt: a comma
/// between digits after a lone zero (`0,500`), or followed by other than three digits
/// (`1,44`, `12,5`), and no point anywhere. Its other numbers follow it: in
/// `0,750 (0,250–1,000)` the `1,000` is one, not a thousand.
fn decimal_commas(chars: &[char]) -> bool {
    if chars.contains(&'.') {
        return false;
    }
    let digits = |range: &mut dyn Iterator<Item = &char>| range.take_while(|d| d.is_ascii_digit()).count();
    chars.iter().enumerate().any(|(i, c)| {
        if *c != ',' || i == 0 {
            return false;
        }
        let before = digits(&mut chars[..i].iter().rev());
        let after = digits(&mut chars[i + 1..].iter());
        let lone_zero = before == 1 && chars[i - 1] == '0';
        before > 0 && after > 0 && (after != 3 || lone_zero) && chars.get(i + 1 + after) != Some(&',')
    })
}

/// Reads a number at the start of `chars`: sign, digits with a decimal point or comma,
/// an exponent (`E+03`) or a `× 10³` / `x10^3` multiplier. Returns the value and the
/// number of chars used. With `decimal_comma` (the cell's other numbers settle it), a comma
/// before three digits is a decimal comma too.
fn number(chars: &[char], decimal_comma: bool) -> (f64, usize) {
    let mut i = 0;
    let mut text = String::new();
    if chars.first() == Some(&'-') {
        text.push('-');
        i += 1;
    }
    let mut seen_point = false;
    let mut seen_thousands = false;
    // Digits grouped by spaces or points (ISO 31-0 and SI `12 450`, European `1.234,5`):
    // the comma that follows is the decimal separator.
    let mut grouped = false;
    let digits_from =
        |k: usize| chars.get(k..).map_or(0, |rest| rest.iter().take_while(|d| d.is_ascii_digit()).count());
    while i < chars.len() {
        let c = chars[i];
        let integer = text.trim_start_matches('-');
        // A group opens with one to three digits, not a leading zero, or follows a group.
        let may_group = seen_thousands || grouped || (1..=3).contains(&integer.len()) && !integer.starts_with('0');
        if c.is_ascii_digit() {
            text.push(c);
            i += 1;
        } else if c == ' ' && !seen_point && !seen_thousands && may_group && digits_from(i + 1) == 3 {
            // `12 450`, `4 518,6` (the thin and no-break spaces are spaces by now): a
            // space between digit groups of three.
            grouped = true;
            i += 1;
        } else if c == '.'
            && !seen_point
            && !seen_thousands
            && may_group
            && digits_from(i + 1) == 3
            && matches!(chars.get(i + 4), Some(',' | '.'))
            && digits_from(i + 5) > 0
        {
            // `1.234,5` and `1.234.567,8`: points group where a decimal comma follows.
            let mut k = i + 4;
            while chars.get(k) == Some(&'.') && digits_from(k + 1) == 3 {
                k += 4;
            }
            // Not when a point follows the decimals (`1.105,1.234`: two numbers, a comma apart).
            let after = k + 1 + digits_from(k + 1);
            if chars.get(k) != Some(&',') || digits_from(k + 1) == 0 || chars.get(after) == Some(&'.') {
                seen_point = true;
                text.push('.');
                i += 1;
                continue;
            }
            grouped = true;
            i += 1;
        } else if (c == '.' || c == ',') && !seen_point && chars.get(i + 1).is_some_and(char::is_ascii_digit) {
            let digits_after = digits_from(i + 1);
            // 1,234 and 12,345,678: thousands separators. 0,123 and 1234,567 are decimal
            // commas (no one writes a leading zero or four digits before a separator).
            if c == ',' && digits_after == 3 && may_group && !grouped && !decimal_comma {
                seen_thousands = true;
                i += 1;
                continue;
            }
            if c == ',' && text.trim_start_matches('-').is_empty() {
                break;
            }
            seen_point = true;
            text.push('.');
            i += 1;
        } else {
            break;
        }
    }
    let mut value: f64 = text.parse().unwrap_or(0.0);
    // Exponent: E+03, e-3.
    if matches!(chars.get(i), Some('e' | 'E')) {
        let mut j = i + 1;
        let mut exp = String::new();
        if matches!(chars.get(j), Some('+' | '-')) {
            exp.push(chars[j]);
            j += 1;
        }
        let digits: String = chars[j..].iter().take_while(|d| d.is_ascii_digit()).collect();
        if !digits.is_empty() {
            exp.push_str(&digits);
            if let Ok(e) = exp.parse::<i32>() {
                value *= 10f64.powi(e);
                i = j + digits.len();
            }
        }
    }
    // Multiplier: × 10³, x 10^-3.
    let mut j = i;
    while chars.get(j) == Some(&' ') {
        j += 1;
    }
    if matches!(chars.get(j), Some('×' | 'x' | '*')) {
        let mut k = j + 1;
        while chars.get(k) == Some(&' ') {
            k += 1;
        }
        if chars.get(k) == Some(&'1') && chars.get(k + 1) == Some(&'0') {
            k += 2;
            if chars.get(k) == Some(&'^') {
                k += 1;
            }
            let (exp, used) = superscript_or_plain_int(&chars[k..]);
            if used > 0 {
                value *= 10f64.powi(exp);
                i = k + used;
            }
        }
    }
    (value, i)
}

/// `(4.35 ± 1.02) × 10³` or `(12 (3)) x 10^-3`: the bracket's text and the power of ten
/// it is multiplied by, when that is all the cell prints.
fn factored(s: &str) -> Option<(&str, f64)> {
    let t = s.trim();
    let rest = t.strip_prefix('(')?;
    let close = rest.rfind(')')?;
    let (inner, after) = (&rest[..close], rest[close + 1..].trim_start());
    let after = after.strip_prefix(['×', 'x', '*'])?.trim_start().strip_prefix("10")?;
    let after = after.strip_prefix('^').unwrap_or(after);
    let chars: Vec<char> = after.chars().collect();
    let (exp, used) = superscript_or_plain_int(&chars);
    (used > 0 && used == chars.len() && !inner.trim().is_empty()).then(|| (inner, 10f64.powi(exp)))
}

fn superscript_or_plain_int(chars: &[char]) -> (i32, usize) {
    let mut i = 0;
    let mut negative = false;
    if matches!(chars.first(), Some('-' | '⁻' | '−')) {
        negative = true;
        i += 1;
    }
    let mut value = 0i32;
    let start = i;
    while let Some(&c) = chars.get(i) {
        let d = c.to_digit(10).or_else(|| SUPERSCRIPT_DIGITS.iter().position(|s| *s == c).map(|p| p as u32));
        match d {
            Some(d) if value < 1000 => {
                value = value * 10 + d as i32;
                i += 1;
            }
            _ => break,
        }
    }
    if i == start {
        return (0, 0);
    }
    (if negative { -value } else { value }, i)
}

const NOT_AVAILABLE: &[&str] = &[
    "na",
    "n/a",
    "n.a.",
    "nd",
    "n.d.",
    "nr",
    "n.r.",
    "nc",
    "n.c.",
    "ne",
    "ns",
    "nq",
    "–",
    "-",
    "—",
    "...",
    "…",
    "not determined",
    "not done",
    "not calculated",
    "not reported",
    "not available",
    "not applicable",
    "not estimated",
    "not estimable",
];

const BELOW_LIMIT: &[&str] =
    &["blq", "bql", "bloq", "<lloq", "< lloq", "lloq", "<loq", "< loq", "<lod", "< lod", "bdl", "below lloq"];

/// Reads one cell.
pub fn parse_cell(text: &str) -> CellValue {
    let s = normalise(text);
    // A factored form (`(4.35 ± 1.02) × 10³`): the bracket's numbers, each times the power
    // (one level: the bracket's own text is read as a plain cell).
    if let Some((inner, factor)) = factored(&s) {
        let mut cell = parse_plain(inner);
        if cell.value.is_some() {
            cell.value = cell.value.map(|v| v * factor);
            if let Some(d) = cell.dispersion.as_mut().filter(|d| !d.percent) {
                d.value *= factor;
            }
            if let Some(b) = cell.interval.as_mut() {
                b.low *= factor;
                b.high *= factor;
            }
            return cell;
        }
    }
    parse_plain(&s)
}

/// Whether a cell's text is one of the words that say a value is missing or below the
/// limit (`NA`, `NC`, `ND`, `BLQ`, `—`), not a label.
pub(crate) fn is_missing_word(text: &str) -> bool {
    let lower = crate::fold::lower(text.trim().trim_end_matches(MARK_SYMBOLS).trim());
    NOT_AVAILABLE.contains(&lower.as_str()) || BELOW_LIMIT.contains(&lower.as_str())
}

/// A cell's numbers without the factored form, from its normalised text.
fn parse_plain(s: &str) -> CellValue {
    let trimmed = s.trim().trim_end_matches(MARK_SYMBOLS).trim();
    let lower = crate::fold::lower(trimmed);
    if lower.is_empty() {
        return CellValue::default();
    }
    if NOT_AVAILABLE.contains(&lower.as_str()) {
        return CellValue { missing: Some(Missing::NotAvailable(trimmed.to_owned())), ..CellValue::default() };
    }
    if BELOW_LIMIT.contains(&lower.as_str()) {
        return CellValue { missing: Some(Missing::BelowLimit(None)), ..CellValue::default() };
    }
    let mut cell = CellValue::default();
    let mut toks = tokens(s);
    // "n = 8" anywhere: take it out.
    let mut k = 0;
    while k < toks.len() {
        if matches!(&toks[k], Tok::Word(w) if w.eq_ignore_ascii_case("n")) {
            let eq = s.contains('=');
            if let Some(Tok::Num(n)) = toks.get(k + 1)
                && eq
                && *n >= 0.0
                && n.fract() == 0.0
            {
                cell.n = Some(*n as u32);
                // Drop "(n = 8)" with its parentheses when present.
                let (lo, hi) =
                    if k > 0 && matches!(toks[k - 1], Tok::Open(_)) && matches!(toks.get(k + 2), Some(Tok::Close(_))) {
                        (k - 1, k + 3)
                    } else {
                        (k, k + 2)
                    };
                toks.drain(lo..hi);
                continue;
            }
        }
        k += 1;
    }
    for t in &toks {
        if let Tok::Mark(m) = t {
            cell.marks.push(m.clone());
        }
    }
    toks.retain(|t| !matches!(t, Tok::Mark(_)));
    // Censored: "< 0.5".
    if let [Tok::Less, Tok::Num(limit), ..] = toks.as_slice() {
        cell.missing = Some(Missing::BelowLimit(Some(*limit)));
        return cell;
    }
    let nums: Vec<f64> = toks.iter().filter_map(|t| if let Tok::Num(v) = t { Some(*v) } else { None }).collect();
    if nums.is_empty() {
        if cell.n.is_none() {
            cell.missing = Some(Missing::NotAvailable(trimmed.to_owned()));
        }
        return cell;
    }
    // A unit printed right after the central value: "36.89 μg/ml".
    if let [Tok::Num(_), Tok::Word(word), ..] = toks.as_slice()
        && hysim_units::Unit::parse(word).is_ok()
    {
        cell.unit = Some(word.clone());
    }
    // Or after the value's spread or interval, the cell's one word: "14.2 ± 1.6 ng/mL",
    // "2.41 (1.12–4.05) µg/mL".
    if cell.unit.is_none() && nums.len() >= 2 {
        // (The text after the last number or bracket, a unit of one word or more:
        // `ng·min/mL`; not a lone footnote letter. Hours and litres set apart by a space are
        // units, `14.3 ± 3.1 h`, `1490 ± 420 L`: the marks from `a` to `h` are glued to the
        // number they mark, and the rarest of them is `h`.)
        let end = trimmed.rfind(|c: char| c.is_ascii_digit() || matches!(c, ')' | ']')).map_or(0, |i| i + 1);
        let tail = trimmed[end..].trim();
        let spaced_letter = matches!(tail, "h" | "L") && trimmed[end..].starts_with(char::is_whitespace);
        if (tail.chars().count() > 1 || spaced_letter)
            && tail.chars().any(char::is_alphabetic)
            && !tail.starts_with(['(', '['])
            && hysim_units::Unit::parse(tail).is_ok()
        {
            cell.unit = Some(tail.to_owned());
        }
    }
    let pattern: Vec<&Tok> = toks.iter().filter(|t| !matches!(t, Tok::Word(_))).collect();
    use Tok::*;
    let printed = |square: bool| if square { Printed::Square } else { Printed::Round };
    let paren = |d: f64, square: bool, percent: bool| Dispersed { value: d, printed: printed(square), percent };
    let bounds = |a: f64, b: f64, square: bool| Bounds { low: a, high: b, printed: printed(square) };
    match pattern.as_slice() {
        [Num(v)] => cell.value = Some(*v),
        [Num(v), PlusMinus, Num(d), Open(sq), Num(a), Dash | Sep | To, Num(b), Close(_), ..] => {
            cell.value = Some(*v);
            cell.dispersion = Some(Dispersed { value: *d, printed: Printed::PlusMinus, percent: false });
            cell.interval = Some(bounds(*a, *b, *sq));
        }
        [Num(v), PlusMinus, Num(d), ..] => {
            cell.value = Some(*v);
            cell.dispersion = Some(Dispersed { value: *d, printed: Printed::PlusMinus, percent: false });
        }
        [Num(v), Open(sq), Num(d), Percent, Close(_), ..] => {
            cell.value = Some(*v);
            cell.dispersion = Some(paren(*d, *sq, true));
        }
        [Num(v), Open(sq), Num(d), Close(_), Open(sq2), Num(a), Dash | Sep | To, Num(b), Close(_), ..] => {
            cell.value = Some(*v);
            cell.dispersion = Some(paren(*d, *sq, false));
            cell.interval = Some(bounds(*a, *b, *sq2));
        }
        [Num(v), Open(sq), Num(d), Close(_), ..] => {
            cell.value = Some(*v);
            cell.dispersion = Some(paren(*d, *sq, false));
        }
        [Num(v), Open(sq), Num(a), Dash | Sep | To, Num(b), Close(_), ..] => {
            cell.value = Some(*v);
            cell.interval = Some(bounds(*a, *b, *sq));
        }
        [Num(a), Dash | To, Num(b)] => {
            cell.interval = Some(bounds(*a, *b, false));
        }
        // An interval printed on its own row or column, in brackets: "(2.2, 5.6)".
        [Open(sq), Num(a), Dash | Sep | To, Num(b), Close(_)] => {
            cell.interval = Some(bounds(*a, *b, *sq));
        }
        [Num(v), Percent, ..] => cell.value = Some(*v),
        [Num(v), ..] => cell.value = Some(*v),
        _ => cell.value = nums.first().copied(),
    }
    cell
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: &str) {
        let c = parse_cell(text);
        let mut parts = Vec::new();
        if let Some(v) = c.value {
            parts.push(format!("value={v}"));
        }
        match c.dispersion {
            Some(Dispersed { value, printed: Printed::PlusMinus, .. }) => parts.push(format!("±{value}")),
            Some(Dispersed { value, printed, percent }) => parts.push(format!(
                "{}{value}{}{}",
                if printed == Printed::Square { "[" } else { "(" },
                if percent { "%" } else { "" },
                if printed == Printed::Square { "]" } else { ")" }
            )),
            None => {}
        }
        if let Some(Bounds { low, high, printed }) = c.interval {
            let sq = if printed == Printed::Square { "sq" } else { "" };
            parts.push(format!("{sq}[{low}, {high}]"));
        }
        if let Some(u) = &c.unit {
            parts.push(format!("unit {u}"));
        }
        if let Some(n) = c.n {
            parts.push(format!("n={n}"));
        }
        match &c.missing {
            Some(Missing::NotAvailable(s)) => parts.push(format!("missing {s:?}")),
            Some(Missing::BelowLimit(l)) => parts.push(format!("below limit {l:?}")),
            None => {}
        }
        if !c.marks.is_empty() {
            parts.push(format!("marks {}", c.marks.join("")));
        }
        assert_eq!(parts.join(" "), expect, "{text:?}");
    }

    #[test]
    fn central_values_and_spreads() {
        check("6.2 ± 1.1", "value=6.2 ±1.1");
        check("0. 5 (0.167–0.67)", "value=0.5 [0.167, 0.67]");
        check("12 (4. 8)", "value=12 (4.8)");
        check("6.2 +/- 1.1", "value=6.2 ±1.1");
        check("6.2±1.1", "value=6.2 ±1.1");
        check("6.2 (1.1)", "value=6.2 (1.1)");
        check("845 (23%)", "value=845 (23%)");
        check("845 [CV 23%]", "value=845 [23%]");
        check("19.8 (14–27)", "value=19.8 [14, 27]");
        check("32.0 (8–91)", "value=32 [8, 91]");
        check("10.8 (9.2, 12.4)", "value=10.8 [9.2, 12.4]");
        check("12.3 (10.1 to 15.2)", "value=12.3 [10.1, 15.2]");
        check("0.42 [0.31-0.55]", "value=0.42 sq[0.31, 0.55]");
        check("0.5–4.0", "[0.5, 4]");
        check("2062.5", "value=2062.5");
        // A spread and an interval; an interval on its own line; a unit after the value.
        check("0.7 ± 0.1 (0.6–0.8)", "value=0.7 ±0.1 [0.6, 0.8]");
        check("12 (3) (8–20)", "value=12 (3) [8, 20]");
        check("(2.2, 5.6)", "[2.2, 5.6]");
        check("[1.1; 2.5]", "sq[1.1, 2.5]");
        check("36.89 μg/ml", "value=36.89 unit μg/ml");
        check("14.2 ± 1.6 ng/mL", "value=14.2 ±1.6 unit ng/mL");
        check("372 ± 44 ng·min/mL", "value=372 ±44 unit ng·min/mL");
        check("2.41 (1.12–4.05) g", "value=2.41 [1.12, 4.05]");
        check("2.41 (1.12–4.05) µg/mL", "value=2.41 [1.12, 4.05] unit µg/mL");
        check("2·80", "value=2.8");
        check("0.94 pg/ml", "value=0.94 unit pg/ml");
        check("14.3 ± 3.1 h", "value=14.3 ±3.1 unit h");
        check("1490 ± 420 L", "value=1490 ±420 unit L");
    }

    #[test]
    fn number_forms() {
        check("1,23", "value=1.23");
        check("1,234", "value=1234");
        check("1,234.5 ± 210", "value=1234.5 ±210");
        check("0,123 ± 0,045", "value=0.123 ±0.045");
        check("12,345,678", "value=12345678");
        check("1234,567", "value=1234.567");
        check("−16.0, 16.0", "value=-16");
        check("-0.5", "value=-0.5");
        check("1.2E+03", "value=1200");
        check("1.2 × 10³", "value=1200");
        check("3.5 x 10^-2", "value=0.035");
        // Factored: the bracket's numbers times the power.
        assert_eq!(parse_cell("(4.35 ± 1.02) × 10³").value, Some(4350.0));
        assert_eq!(parse_cell("(4.35 ± 1.02) × 10³").dispersion.map(|d| d.value.round()), Some(1020.0));
        assert_eq!(parse_cell("(2.1 (1.5–3.0)) x 10^-3").interval.map(|b| (b.low, b.high)), Some((0.0015, 0.003)));
        check("0.113 ± 0.02", "value=0.113 ±0.02");
        check("34.2 (±8.9)", "value=34.2 ±8.9");
        check("34.2 ( ± 8.9) (20.1–50.3)", "value=34.2 ±8.9 [20.1, 50.3]");
        // Digit groups of three set apart by a space (ISO 31-0, SI; thin and no-break
        // spaces too) or by points before a decimal comma (continental Europe).
        check("12 450 ± 3 120", "value=12450 ±3120");
        check("12\u{2009}450 (9\u{a0}870–15\u{202f}200)", "value=12450 [9870, 15200]");
        check("4 518,6 ± 1 022,3", "value=4518.6 ±1022.3");
        check("1 234 567", "value=1234567");
        check("1.234,5 ± 210,3", "value=1234.5 ±210.3");
        check("1.234.567,8", "value=1234567.8");
        // A cell whose decimal commas are not in doubt settles its `,000`: one, not a thousand.
        check("0,750 (0,250–1,000)", "value=0.75 [0.25, 1]");
        check("1,250 (0,980–1,520)", "value=1.25 [0.98, 1.52]");
        check("2,41 ± 1,140", "value=2.41 ±1.14");
        check("1,250 (980–1,520)", "value=1250 [980, 1520]");
        // Not groups: a decimal point, a group of two or four digits, a leading zero.
        check("1.234 ± 0.210", "value=1.234 ±0.21");
        check("1.234 (0.9–1.5)", "value=1.234 [0.9, 1.5]");
        check("12.4 (10.125,14.250)", "value=12.4 [10.125, 14.25]");
        check("0 450", "value=0");
        check("12 45", "value=12");
        check("2.5 100", "value=2.5");
    }

    #[test]
    fn marks_counts_and_missing() {
        check("3.5a", "value=3.5 marks a");
        check("3.5*", "value=3.5 marks *");
        check("0.268 [0.193; 0.493]a (n = 16)", "value=0.268 sq[0.193, 0.493] n=16 marks a");
        check("65.1† (47.5–86.0)", "value=65.1 [47.5, 86] marks †");
        check("n = 8", "n=8");
        check("6.2 ± 1.1 (n = 8)", "value=6.2 ±1.1 n=8");
        check("NA", "missing \"NA\"");
        check("n.d.", "missing \"n.d.\"");
        check("–", "missing \"–\"");
        check("BLQ", "below limit None");
        check("<0.5", "below limit Some(0.5)");
        check("< LLOQ", "below limit None");
        check("", "");
        check("Lorazepam", "missing \"Lorazepam\"");
    }
}
