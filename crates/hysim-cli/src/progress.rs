//! Progress bars on standard error for the libraries' long work.

/// An indicatif bar that follows a library's [`hysim_extract::progress::Progress`].
pub(crate) struct Bar(indicatif::ProgressBar);

impl Bar {
    /// A hidden bar, drawn once work starts.
    pub(crate) fn new() -> Self {
        Self(indicatif::ProgressBar::hidden())
    }
}

impl hysim_extract::progress::Progress for Bar {
    fn start(&self, total: usize, unit: &str, what: &str) {
        self.0.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        self.0.set_style(
            indicatif::ProgressStyle::with_template(&format!(
                "{{msg}} [{{bar:40}}] {{pos}}/{{len}} {unit} ({{eta}} left)"
            ))
            .expect("invariant: the template is valid")
            .progress_chars("=> "),
        );
        self.0.set_length(total as u64);
        self.0.set_position(0);
        self.0.set_message(what.to_owned());
    }

    fn grow(&self, units: usize) {
        self.0.inc_length(units as u64);
    }

    fn set(&self, done: usize) {
        self.0.set_position(done as u64);
    }

    fn advance(&self, units: usize) {
        self.0.inc(units as u64);
    }

    fn message(&self, message: &str) {
        self.0.set_message(message.to_owned());
    }

    fn finish(&self) {
        self.0.finish_and_clear();
    }
}
