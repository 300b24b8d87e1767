//! Lowercasing that keeps byte offsets.
//!
//! The reader finds words in lowercased text and then slices the printed text at the same
//! offsets (the unit after `concentrations (`, the dose after a number). `str::to_lowercase`
//! changes the length of a few characters (`İ` 2 → 3 bytes, the Kelvin sign `K` 3 → 1), and an
//! offset from its output can cut a character of the original. [`lower`] lowercases only the
//! characters whose lowercase is one character of the same length and keeps the others as
//! printed, so an offset in its output is an offset in its input.

/// `text` lowercased character by character, each character keeping its length in bytes.
pub(crate) fn lower(text: &str) -> String {
    text.chars()
        .map(|c| {
            let mut lowered = c.to_lowercase();
            match (lowered.next(), lowered.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::lower;

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
