//! Errors of the library: bad lexicon or rule lines (with file and line),
//! unreadable files.

use std::path::PathBuf;

/// What went wrong while building an [`crate::Extractor`].
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A lexicon line that cannot be read.
    #[error("{file}:{line}: {message}")]
    Lexicon {
        /// The lexicon file (`orgs.tsv`, or the user's path).
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong and how to fix it.
        message: String,
    },
    /// An event rule line that cannot be read.
    #[error("{file}:{line}: {message}")]
    Rule {
        /// The rule file.
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong and how to fix it.
        message: String,
    },
    /// A file that cannot be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A file in a lexicon directory that frextract does not know.
    #[error("{}: not a frextract lexicon file (known files: {known})", path.display())]
    UnknownLexicon {
        /// The file.
        path: PathBuf,
        /// The known file names.
        known: String,
    },
}

/// Result with the library's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;
