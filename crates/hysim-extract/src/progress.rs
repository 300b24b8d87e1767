//! How long work tells its caller how far it is: the library reports, the command line
//! draws (a progress bar), a test ignores.

/// Receives progress of one piece of work at a time.
pub trait Progress {
    /// Work of `total` units (`unit`: "steps", "tables") starts, saying what it is.
    fn start(&self, _total: usize, _unit: &str, _what: &str) {}
    /// The total grows by `units` (work whose size is found as it goes).
    fn grow(&self, _units: usize) {}
    /// The count of done units is now `done`.
    fn set(&self, _done: usize) {}
    /// `units` more are done.
    fn advance(&self, _units: usize) {}
    /// A new message beside the count ("training, loss 0.4213").
    fn message(&self, _message: &str) {}
    /// The work is over.
    fn finish(&self) {}
}

/// Reports nothing.
#[derive(Debug, Clone, Copy, Default)]
pub struct Silent;

impl Progress for Silent {}
