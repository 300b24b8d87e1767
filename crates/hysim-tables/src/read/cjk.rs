//! Tables typeset in Japanese, Chinese and Korean, read as English ones: journals in these
//! languages print PK tables with the layouts of English ones, in their own words and with
//! full-width punctuation (`Cmax（ng/mL）`, `1.0（0.5～2.0）`, `N＝12`, `ng・h/mL`).
//! Before such a table is read, every cell, the caption, title and footnote are rewritten:
//! full-width forms as their ASCII ones (the wave dash, which joins a range's ends, as a
//! dash; the katakana middle dot, a product in units, as `·`), and the words that say what
//! a table's labels are as their English words ([`WORDS`]: subjects, patients, animals, body weight and age, sampling
//! times, before the dose, specimens, concentrations, individual, metabolite, parameters),
//! a space each side (the words have none around them). A time word after a number is its
//! unit (`0.5時間`, `24小时`, `2시간`: `0.5 h`); elsewhere it is the word "time" (`投与後時間`,
//! `시간 (h)`). A label that is the word for mean alone (`平均`, `평균`) is `Mean`; the
//! statistic words themselves are `statistic_words`'s. A label that names its parameter in
//! the language, then its symbol (`消除半衰期 t1/2β`, `峰浓度 Cmax`), is read by the symbol.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use hysim_core::Table;

use super::statistic_words::is_cjk;

/// A word of Japanese, Chinese (simplified or traditional) or Korean and its English.
const WORDS: &[(&str, &str)] = &[
    // Subjects and patients.
    ("被験者番号", "subject"),
    ("被験者", "subject"),
    ("被檢者", "subject"),
    ("受试者编号", "subject"),
    ("受试者", "subject"),
    ("受試者", "subject"),
    ("患者番号", "patient"),
    ("患者编号", "patient"),
    ("患者", "patient"),
    ("病例", "case"),
    ("症例", "case"),
    ("시험대상자", "subject"),
    ("대상자", "subject"),
    ("피험자", "subject"),
    ("환자", "patient"),
    ("動物番号", "animal"),
    ("动物编号", "animal"),
    ("動物", "animal"),
    ("动物", "animal"),
    ("동물", "animal"),
    // Sampling times and the time before the dose.
    ("投与後経過時間", "time after dosing"),
    ("投与後時間", "time after dosing"),
    ("採血時間", "sampling time"),
    ("採血時点", "sampling time"),
    ("给药后时间", "time after dosing"),
    ("服药后时间", "time after dosing"),
    ("采样时间", "sampling time"),
    ("采血时间", "sampling time"),
    ("採樣時間", "sampling time"),
    ("투여 후 시간", "time after dosing"),
    ("채혈 시간", "sampling time"),
    ("채혈시간", "sampling time"),
    ("投与前", "predose"),
    ("给药前", "predose"),
    ("服药前", "predose"),
    ("給藥前", "predose"),
    ("투여 전", "predose"),
    ("투여전", "predose"),
    // Specimens.
    ("血漿中", "plasma"),
    ("血漿", "plasma"),
    ("血浆", "plasma"),
    ("血清中", "serum"),
    ("血清", "serum"),
    ("全血", "whole blood"),
    ("尿中", "urine"),
    ("尿液", "urine"),
    ("乳汁", "milk"),
    ("母乳", "breast milk"),
    ("脳脊髄液", "cerebrospinal fluid"),
    ("脑脊液", "cerebrospinal fluid"),
    ("혈장", "plasma"),
    ("혈청", "serum"),
    ("전혈", "whole blood"),
    ("소변", "urine"),
    ("모유", "breast milk"),
    ("뇌척수액", "cerebrospinal fluid"),
    // A subject's body weight and age.
    ("体重", "body weight"),
    ("체중", "body weight"),
    ("年齢", "age"),
    ("年龄", "age"),
    ("연령", "age"),
    // Concentrations, individual values, parent and metabolite.
    ("血药浓度", "plasma concentration"),
    ("药物浓度", "drug concentration"),
    ("薬物濃度", "drug concentration"),
    ("濃度", "concentration"),
    ("浓度", "concentration"),
    ("농도", "concentration"),
    ("各被験者の", "individual subject"),
    ("個別", "individual"),
    ("个体", "individual"),
    ("個體", "individual"),
    ("개별", "individual"),
    ("代謝物", "metabolite"),
    ("代谢物", "metabolite"),
    ("대사체", "metabolite"),
    ("대사물", "metabolite"),
    ("未変化体", "parent"),
    ("原形药", "parent"),
    // Parameters and a ratio of geometric means.
    ("薬物動態パラメータ", "pharmacokinetic parameters"),
    ("薬物動態パラメーター", "pharmacokinetic parameters"),
    ("药代动力学参数", "pharmacokinetic parameters"),
    ("药动学参数", "pharmacokinetic parameters"),
    ("藥動學參數", "pharmacokinetic parameters"),
    ("약동학 파라미터", "pharmacokinetic parameters"),
    ("약동학 파라메타", "pharmacokinetic parameters"),
    ("パラメータ", "parameter"),
    ("パラメーター", "parameter"),
    ("参数", "parameter"),
    ("參數", "parameter"),
    ("파라미터", "parameter"),
    ("幾何平均値の比", "geometric mean ratio"),
    ("几何均值比", "geometric mean ratio"),
    ("几何平均值比", "geometric mean ratio"),
    ("기하평균비", "geometric mean ratio"),
    // The limit of quantification.
    ("低于定量下限", "below the lower limit of quantification"),
    ("定量下限", "lower limit of quantification"),
    ("定量限界", "limit of quantification"),
    ("정량한계", "limit of quantification"),
    ("미만", "below"),
    ("未満", "below"),
];

/// Time words that are a unit after a number and the word "time" elsewhere, with the unit.
const TIMES: &[(&str, &str)] =
    &[("時間", "h"), ("小时", "h"), ("小時", "h"), ("시간", "h"), ("分钟", "min"), ("分鐘", "min")];

static AUTOMATON: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(WORDS.iter().chain(TIMES).map(|(word, _)| word))
        .expect("invariant: a vocabulary of short words builds an automaton")
});

/// `table` with its cells, caption, title and footnote in English words and ASCII forms,
/// where any of them is written in Japanese, Chinese or Korean; else `None`.
pub(crate) fn in_english(table: &Table) -> Option<Table> {
    let texts = [table.caption.as_deref(), table.title.as_deref(), table.footnote.as_deref()];
    let cells = table.header_rows.iter().chain(&table.body_rows).flatten().map(String::as_str);
    if !texts.into_iter().flatten().chain(cells).any(|t| t.chars().any(is_cjk)) {
        return None;
    }
    let mut english = table.clone();
    for text in [&mut english.caption, &mut english.title].into_iter().flatten() {
        *text = in_words(text);
    }
    if let Some(footnote) = &mut english.footnote {
        *footnote = marks_as_letters(&in_words(footnote), true);
    }
    for row in english.header_rows.iter_mut().chain(english.body_rows.iter_mut()) {
        for cell in row.iter_mut().filter(|c| !c.is_empty()) {
            *cell = marks_as_letters(&in_words(&label_in_english(cell)), false);
        }
    }
    Some(english)
}

/// `text` with its footnote marks written `a)` (`Tmax a)(h)`, `平均値±標準偏差、a) 中央値`)
/// as mark letters set apart (`Tmax a (h)`); in a footnote, each mark's note after a
/// semicolon (`...; a 中央値`), as notes are separated in English. A letter before `)`
/// inside an open bracket is no mark (`Cmin (24 h)`).
fn marks_as_letters(text: &str, footnote: bool) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k];
        let before = k.checked_sub(1).map(|i| chars[i]);
        let mark = ('a'..='h').contains(&c)
            && chars.get(k + 1) == Some(&')')
            && before.is_none_or(|b| b == ' ' || b == ',' || is_cjk(b))
            // (Not a bracketed letter, `(a)`, nor a letter inside a bracket left open before
            // it, a unit's `h` in `Cmin (24 h)`.)
            && chars[..k].iter().filter(|c| **c == '(').count() <= chars[..k].iter().filter(|c| **c == ')').count();
        if !mark {
            out.push(c);
            k += 1;
            continue;
        }
        if footnote && k > 0 {
            let trimmed = out.trim_end().trim_end_matches(',').trim_end().len();
            out.truncate(trimmed);
            out.push_str("; ");
        } else if before.is_some_and(|b| b != ' ') {
            out.push(' ');
        }
        out.push(c);
        k += 2;
        if chars.get(k).is_some_and(|n| *n != ' ') {
            out.push(' ');
        }
    }
    out
}

/// A label rewritten by what it is: the word for mean alone is `Mean`, for the range alone
/// `Range` (in brackets or within a label it is `statistic_words`'s, and `治疗范围` is a
/// therapeutic range), for the minimum and maximum alone `Min` and `Max`; a parameter named
/// in the language and then by a symbol the vocabulary knows (`消除半衰期 t1/2β`) is its
/// symbol; anything else keeps its words (`高齢者 N＝12`, a group and its count).
fn label_in_english(text: &str) -> String {
    let text: String = text.chars().map(fold).collect();
    match text.trim() {
        "平均" | "평균" => return "Mean".to_owned(),
        "範囲" | "范围" | "範圍" | "범위" => return "Range".to_owned(),
        "最小値" | "最小值" | "최솟값" | "최소값" => return "Min".to_owned(),
        "最大値" | "最大值" | "최댓값" | "최대값" => return "Max".to_owned(),
        _ => {}
    }
    if let Some((name, symbol)) = text.split_once(' ')
        && !name.is_empty()
        && name.chars().all(is_cjk)
        && symbol.starts_with(|c: char| c.is_ascii_alphabetic())
        && crate::params::parameter_code(symbol, None).is_some()
    {
        return symbol.to_owned();
    }
    text
}

/// `text` with full-width forms folded and the words of [`WORDS`] and [`TIMES`] in English.
fn in_words(text: &str) -> String {
    let folded: String = text.chars().map(fold).collect();
    let mut out = String::with_capacity(folded.len() + 16);
    let mut last = 0;
    for m in AUTOMATON.find_iter(&folded) {
        let (start, end) = (m.start(), m.end());
        let index = m.pattern().as_usize();
        let before = folded[..start].trim_end_matches(' ');
        let english = match WORDS.get(index) {
            Some((_, english)) => *english,
            // (A time word after a number is its unit: `0.5時間`, `2 시간`.)
            None if before.ends_with(|c: char| c.is_ascii_digit()) => TIMES[index - WORDS.len()].1,
            None => "time",
        };
        out.push_str(&folded[last..start]);
        if !out.is_empty() && !out.ends_with([' ', '(']) {
            out.push(' ');
        }
        out.push_str(english);
        if folded[end..].starts_with(|c: char| c != ' ' && c != ')' && c != ',') {
            out.push(' ');
        }
        last = end;
    }
    if last == 0 {
        return folded;
    }
    out.push_str(&folded[last..]);
    out
}

/// A full-width form as its ASCII one; the wave dash of ranges (`0.5～2.0`) as a dash, the
/// katakana middle dot (`ng・h/mL`) as a middle dot, the ideographic comma as a comma.
fn fold(c: char) -> char {
    match c {
        '～' | '〜' => '–',
        '・' => '·',
        '、' => ',',
        '\u{3000}' => ' ',
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_full_width_forms_in_english() {
        for (printed, read) in [
            ("Cmax（ng/mL）", "Cmax(ng/mL)"),
            ("1.0（0.5～2.0）", "1.0(0.5–2.0)"),
            ("AUC0-∞（ng・h/mL）", "AUC0-∞(ng·h/mL)"),
            ("非高齢者 N＝12", "非高齢者 N=12"),
            ("被験者番号", "subject"),
            ("投与後時間", "time after dosing"),
            ("0.5時間", "0.5 h"),
            ("24小时", "24 h"),
            ("시간 (h)", "time (h)"),
            ("투여 전", "predose"),
            ("대상자", "subject"),
            ("代谢物M2 (ng·mL−1)", "metabolite M2 (ng·mL−1)"),
            ("采样时间 (h)", "sampling time (h)"),
            ("各被験者の血漿中ベルトラジン濃度", "individual subject plasma ベルトラジン concentration"),
            ("BLQ:低于定量下限(0.5 ng/mL)。", "BLQ: below the lower limit of quantification (0.5 ng/mL)。"),
            ("Cmax (ng/mL)", "Cmax (ng/mL)"),
        ] {
            assert_eq!(in_words(printed), read, "{printed}");
        }
    }

    #[test]
    fn footnote_marks_written_with_a_bracket() {
        assert_eq!(marks_as_letters("Tmax a)(h)", false), "Tmax a (h)");
        assert_eq!(marks_as_letters("Tmax a)", false), "Tmax a");
        assert_eq!(
            marks_as_letters("平均値±標準偏差, a) 中央値(最小値–最大値), b) 比", true),
            "平均値±標準偏差; a 中央値(最小値–最大値); b 比"
        );
        // (Not a bracketed letter, not the end of a word, not a unit inside a bracket.)
        assert_eq!(marks_as_letters("Group (a) and Cmax)", false), "Group (a) and Cmax)");
        assert_eq!(marks_as_letters("Cmin (24 h) (ng/mL)", false), "Cmin (24 h) (ng/mL)");
        assert_eq!(marks_as_letters("AUC(0–24 h)", false), "AUC(0–24 h)");
    }

    #[test]
    fn a_mean_alone_and_a_name_before_its_symbol() {
        assert_eq!(label_in_english("평균"), "Mean");
        assert_eq!(label_in_english("平均"), "Mean");
        assert_eq!(label_in_english("범위"), "Range");
        assert_eq!(label_in_english("最大値"), "Max");
        assert_eq!(label_in_english("治疗范围"), "治疗范围");
        assert_eq!(label_in_english("消除半衰期 t1/2β"), "t1/2β");
        assert_eq!(label_in_english("峰浓度 Cmax"), "Cmax");
        // (A drug's name over its unit stays: the unit is no symbol; so does a group's
        // name before its count.)
        assert_eq!(label_in_english("硫普利特 (ng·mL−1)"), "硫普利特 (ng·mL−1)");
        assert_eq!(label_in_english("高齢者 N＝12"), "高齢者 N=12");
        // (Mean residence time, which opens with the word for mean, stays.)
        assert_eq!(label_in_english("平均滞留時間"), "平均滞留時間");
    }

    #[test]
    fn tables_without_these_scripts_stay() {
        let table = Table {
            id: "t".into(),
            caption: Some("Individual plasma concentrations (ng/mL)".into()),
            header_rows: vec![vec!["Subject".into(), "1 h".into()]],
            body_rows: vec![vec!["S1".into(), "12.5".into()]],
            ..Table::default()
        };
        assert!(in_english(&table).is_none());
    }
}
