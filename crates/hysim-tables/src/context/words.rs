//! Word boundaries and neighbouring words, shared by the context readers.

use hysim_core::Table;

/// What separates words: white space and punctuation.
fn is_sep_char(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | ')' | ',' | ';' | ':' | '.')
}

/// The words of `lower`, punctuation and white space between them.
pub(crate) fn tokens(lower: &str) -> impl Iterator<Item = &str> {
    lower.split(is_sep_char).filter(|token| !token.is_empty())
}

/// Whether the lower-case `lower` holds one of `words` as a whole word (punctuation
/// separates words).
pub(crate) fn has_word(lower: &str, words: &[&str]) -> bool {
    let is_sep = |c: Option<char>| c.is_none_or(is_sep_char);
    // A word without separators is found whole exactly when it is one of the text's tokens
    // (one pass over the text; a phrase never equals a token); a phrase ("i v") is searched
    // for.
    // (ASCII text, most of it, is split byte by byte: the same tokens, no characters decoded.)
    let whole_word = if lower.is_ascii() {
        let sep = |b: &u8| matches!(b, b'\t'..=b'\r' | b' ' | b'(' | b')' | b',' | b';' | b':' | b'.');
        lower.as_bytes().split(sep).any(|token| !token.is_empty() && words.iter().any(|w| w.as_bytes() == token))
    } else {
        tokens(lower).any(|token| words.contains(&token))
    };
    whole_word
        || words.iter().filter(|w| w.contains(is_sep_char)).any(|w| {
            lower
                .match_indices(w)
                .any(|(i, _)| is_sep(lower[..i].chars().next_back()) && is_sep(lower[i + w.len()..].chars().next()))
        })
}

/// A fixed list of phrases and one automaton over them: which of them a text holds, in one
/// pass over the text, rather than a search for each phrase (the vocabularies are searched
/// for in every caption and abstract).
pub(crate) struct Phrases {
    automaton: aho_corasick::AhoCorasick,
}

impl Phrases {
    pub(crate) fn new<'a>(phrases: impl IntoIterator<Item = &'a str>) -> Self {
        Phrases {
            automaton: aho_corasick::AhoCorasick::new(phrases)
                .expect("invariant: a vocabulary of phrases builds an automaton"),
        }
    }

    /// For each phrase, in the order given, whether `text` holds it anywhere (as `str::contains`
    /// says, inside other words too).
    pub(crate) fn occurring(&self, text: &str) -> Vec<bool> {
        let mut found = vec![false; self.automaton.patterns_len()];
        for hit in self.automaton.find_overlapping_iter(text) {
            found[hit.pattern().as_usize()] = true;
        }
        found
    }
}

/// The paper's title and abstract, where the table carries them, as one text.
pub(crate) fn paper_text(table: &Table) -> String {
    [&table.title, &table.abstract_text].iter().filter_map(|t| t.as_deref()).collect::<Vec<_>>().join(" ")
}

/// A space or a dash between words (`blood-brain`, `blood–brain`, `blood\u{2010}brain`).
pub(crate) fn is_space_or_dash(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}')
}

/// Whether `text[start..end]` is a whole word: no letter or digit right before or after it.
pub(crate) fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    !alnum(text[..start].chars().next_back()) && !alnum(text[end..].chars().next())
}

/// The word `rest` starts with after the characters `skip` accepts, in lower case.
pub(crate) fn next_word(rest: &str, skip: impl Fn(char) -> bool) -> String {
    rest.trim_start_matches(skip).chars().take_while(|c| c.is_alphabetic()).collect::<String>().to_lowercase()
}

/// The word `before` ends with, spaces and dashes after it left out, in lower case.
pub(crate) fn previous_word(before: &str) -> String {
    let mut word: Vec<char> =
        before.trim_end_matches(is_space_or_dash).chars().rev().take_while(|c| c.is_alphabetic()).collect();
    word.reverse();
    word.into_iter().collect::<String>().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::{Phrases, has_word};

    #[test]
    fn phrases_occurring_as_contains_says() {
        let phrases = ["cord blood", "blood", "plasma", "milk", "ord b"];
        let automaton = Phrases::new(phrases);
        for text in ["cord blood and plasma", "", "bloodless milkweed", "plasmapheresis; cord  blood"] {
            let expected: Vec<bool> = phrases.iter().map(|p| text.contains(p)).collect();
            assert_eq!(automaton.occurring(text), expected, "{text:?}");
        }
    }

    #[test]
    fn finds_whole_words_and_phrases_only() {
        let text = "plasma levels in dogs (beagles), i v dose; catheter.";
        assert!(has_word(text, &["cat", "dogs"]));
        assert!(has_word(text, &["beagles"]));
        assert!(has_word(text, &["i v"]));
        assert!(has_word(text, &["dose"]));
        assert!(!has_word(text, &["cat"]), "catheter is not cat");
        assert!(!has_word(text, &["dog", "beagle", "iv", "v d"]));
        assert!(!has_word("beagle-dogs", &["dogs"]), "a dash joins words");
        assert!(has_word("cat", &["cat"]));
        assert!(!has_word("", &["cat"]));
        // Every white space separates, in ASCII text and in any other.
        assert!(has_word("dose\x0bcat", &["cat"]));
        assert!(has_word("µg dose\u{a0}cat", &["cat"]));
        assert!(has_word("µg (cat)", &["cat"]) && !has_word("µg catheter", &["cat"]));
    }
}
