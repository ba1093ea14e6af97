//! The progress bar of a batch run: documents, documents per second and
//! megabytes per second, on standard error. Hidden unless asked for (the
//! command line asks when standard error is a terminal and not `--quiet`),
//! so pipelines and logs never get control characters.

use super::Summary;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::time::Instant;

/// A progress bar, or nothing.
#[derive(Debug)]
pub struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
}

impl Progress {
    /// A bar on standard error when `visible`, otherwise nothing.
    pub fn new(visible: bool) -> Progress {
        let bar = visible.then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template("{spinner} {elapsed_precise} {pos} documents, {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar
        });
        Progress {
            bar,
            started: Instant::now(),
        }
    }

    /// Shows the counts so far.
    pub fn update(&self, s: &Summary) {
        let Some(bar) = &self.bar else { return };
        let secs = self.started.elapsed().as_secs_f64().max(1e-3);
        let docs = s.ok + s.failed;
        bar.set_position(docs as u64);
        bar.set_message(format!(
            "{:.0} docs/s, {:.1} MB/s, {} failed",
            docs as f64 / secs,
            s.bytes as f64 / 1e6 / secs,
            s.failed
        ));
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }

    /// Seconds since the run started.
    pub fn elapsed_secs(&self) -> f64 {
        self.started.elapsed().as_secs_f64()
    }
}
