//! Text folding: lowercasing that keeps byte offsets, and runs of whitespace squeezed.
//!
//! The reader finds words in lowercased text and then slices the printed text at the same
//! offsets (the unit after `concentrations (`, the dose after a number). `str::to_lowercase`
//! changes the length of a few characters (`İ` 2 → 3 bytes, the Kelvin sign `K` 3 → 1), and an
//! offset from its output can cut a character of the original. [`lower`] lowercases only the
//! characters whose lowercase is one character of the same length and keeps the others as
//! printed, so an offset in its output is an offset in its input.

/// `text` lowercased character by character, each character keeping its length in bytes.
pub(crate) fn lower(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let mut lowered = c.to_lowercase();
        out.push(match (lowered.next(), lowered.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
            _ => c,
        });
    }
    out
}

/// A text as one sentence read after others: its closing point, semicolon or colon (`...;
/// mean values:`) made one point.
pub(crate) fn as_sentence(text: &str) -> String {
    format!("{}.", text.trim_end().trim_end_matches(['.', ';', ':']))
}

/// `text` with its words separated by single spaces and no space around them (what
/// `split_whitespace` then `join(" ")` gives, without the vector of words).
pub(crate) fn squeeze(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{lower, squeeze};

    #[test]
    fn squeezes_whitespace_like_split_and_join() {
        for text in ["", "  ", "Cmax", " Cmax  (ng/mL)\n", "a\u{a0}b\t c", "t½\u{2009}(h) "] {
            assert_eq!(squeeze(text), text.split_whitespace().collect::<Vec<_>>().join(" "), "{text:?}");
        }
    }

    #[test]
    fn lowercases_and_keeps_every_offset() {
        assert_eq!(lower("Plasma CONCENTRATIONS (ng/mL) µg Σ"), "plasma concentrations (ng/ml) µg σ");
        for text in ["İnfliximab levels (µg/mL)", "5 mg/Kg", "Ⱥ Cmax", "ẞ", "Mean ± SD"] {
            let lowered = lower(text);
            assert_eq!(lowered.len(), text.len(), "{text}");
            assert!(lowered.char_indices().all(|(i, _)| text.is_char_boundary(i)), "{text}");
        }
    }
}
