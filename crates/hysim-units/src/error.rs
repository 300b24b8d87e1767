//! The error type of `hysim-units`.

/// Result alias used throughout `hysim-units`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Why a unit cannot be read or converted.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    /// The unit text is empty.
    #[error("empty unit")]
    Empty,
    /// A word that is not a known unit.
    #[error("unknown unit {word:?} in {unit:?}")]
    UnknownWord {
        /// The word.
        word: String,
        /// The whole unit text.
        unit: String,
    },
    /// Unbalanced parentheses or a dangling operator.
    #[error("malformed unit {unit:?}: {problem}")]
    Malformed {
        /// The whole unit text.
        unit: String,
        /// What is wrong.
        problem: &'static str,
    },
    /// The unit's dimension is not the family's.
    #[error("{unit} is not a unit of {family} (canonical {canonical})")]
    DimensionMismatch {
        /// The unit as printed.
        unit: String,
        /// The family asked for.
        family: &'static str,
        /// The family's canonical unit.
        canonical: &'static str,
    },
    /// A molar unit without a molecular weight.
    #[error("{unit} is molar: converting it to {canonical} needs the molecular weight")]
    NeedsMolecularWeight {
        /// The unit as printed.
        unit: String,
        /// The target unit.
        canonical: &'static str,
    },
}
