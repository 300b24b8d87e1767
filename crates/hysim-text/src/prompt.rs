//! Fine-tuning prompts and targets for the decoder: the table as [`table_text`] renders
//! it inside a ChatML conversation (the chat format of SmolLM2 and Qwen2), and the records
//! as compact JSON lines, one per value.
//!
//! ```text
//! <|im_start|>system
//! Extract every pharmacokinetic value of the table as JSON lines.<|im_end|>
//! <|im_start|>user
//! <table_text>
//! <|im_end|>
//! <|im_start|>assistant
//! {"p":"CMAX","v":"1.2 ± 0.3","u":"µg/mL","s":"mean","g":"IV"}
//! ...<|im_end|>
//! ```
//!
//! The target keeps what a model must read off the table (the parameter code, the cell
//! as printed, the unit as printed, the statistic, the group); units, numbers and context
//! are normalised afterwards by the same code as the rule-based parser.

use hysim_core::{Record, Table};
use serde::{Deserialize, Serialize};

use crate::table_text;

/// The system instruction.
pub const SYSTEM: &str = "Extract every pharmacokinetic value of the table as JSON lines.";

/// One target line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetRecord {
    /// Parameter code (CDISC where one exists).
    #[serde(rename = "p")]
    pub parameter: String,
    /// The cell as printed.
    #[serde(rename = "v")]
    pub value: String,
    /// The unit as printed.
    #[serde(rename = "u", default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// `mean`, `median`, `geometric_mean`, `individual` or `value`.
    #[serde(rename = "s")]
    pub statistic: String,
    /// The group (column or row header), when there is one.
    #[serde(rename = "g", default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

impl TargetRecord {
    /// The target line of a record (`None` for a record without a parameter code).
    pub fn from_record(r: &Record) -> Option<Self> {
        Some(Self {
            parameter: r.parameter.clone()?,
            value: r.value_raw.clone(),
            unit: r.unit_raw.clone(),
            statistic: r.statistic.as_str().to_owned(),
            group: r.context.group.clone(),
        })
    }
}

/// The prompt up to the assistant's turn.
pub fn extraction_prompt(table: &Table) -> String {
    format!(
        "<|im_start|>system\n{SYSTEM}<|im_end|>\n<|im_start|>user\n{}\n<|im_end|>\n<|im_start|>assistant\n",
        table_text(table)
    )
}

/// The assistant's answer: one compact JSON object per record, then the end of the turn.
pub fn target_text(records: &[Record]) -> String {
    let mut out = String::new();
    for r in records.iter().filter_map(TargetRecord::from_record) {
        out.push_str(&serde_json::to_string(&r).expect("invariant: target records serialise"));
        out.push('\n');
    }
    out.push_str("<|im_end|>");
    out
}

/// The target lines a generated answer holds, in order; lines that do not parse are
/// returned as errors with their 1-based number.
pub fn parse_target(text: &str) -> Vec<Result<TargetRecord, (usize, String)>> {
    text.split("<|im_end|>")
        .next()
        .unwrap_or_default()
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(k, l)| serde_json::from_str(l.trim()).map_err(|e| (k + 1, e.to_string())))
        .collect()
}

#[cfg(test)]
mod tests {
    use hysim_core::{Context, Provenance, Statistic};

    use super::*;

    #[test]
    fn prompt_and_target_round_trip() {
        let table = Table {
            id: "t:1".into(),
            caption: Some("Table 1. Enrofloxacin in dogs".into()),
            footnote: None,
            header_rows: vec![vec!["Parameter".into(), "IV".into()]],
            body_rows: vec![vec!["Cmax (µg/mL)".into(), "1.2 ± 0.3".into()]],
        };
        let record = Record {
            table_id: "t:1".into(),
            parameter_raw: "Cmax (µg/mL)".into(),
            parameter: Some("CMAX".into()),
            value_raw: "1.2 ± 0.3".into(),
            value: Some(1.2),
            statistic: Statistic::Mean,
            dispersion: None,
            interval: None,
            unit_raw: Some("µg/mL".into()),
            unit: None,
            value_canonical: None,
            n: None,
            context: Context { group: Some("IV".into()), ..Context::default() },
            provenance: Provenance::default(),
            confidence: None,
            noise: None,
        };
        let text = format!("{}{}", extraction_prompt(&table), target_text(std::slice::from_ref(&record)));
        insta::assert_snapshot!(text, @r#"
        <|im_start|>system
        Extract every pharmacokinetic value of the table as JSON lines.<|im_end|>
        <|im_start|>user
        Table 1. Enrofloxacin in dogs
        Parameter | IV
        Cmax (µg/mL) | 1.2 ± 0.3
        <|im_end|>
        <|im_start|>assistant
        {"p":"CMAX","v":"1.2 ± 0.3","u":"µg/mL","s":"mean","g":"IV"}
        <|im_end|>
        "#);
        let parsed = parse_target(&target_text(std::slice::from_ref(&record)));
        assert_eq!(parsed, [Ok(TargetRecord::from_record(&record).unwrap())]);
        assert_eq!(parse_target("{\"p\":1}\n")[0].as_ref().unwrap_err().0, 1);
    }
}
