//! The crate's error type: a message for the person running the build, and
//! optionally the lower-level error that led to it.

use std::fmt;

/// An error met while discovering, reading or writing an interpreter configuration.
///
/// The message is written for the person running `cargo build`: it says what was
/// tried and, where there is one, what to change.
///
/// # Examples
///
/// ```
/// use pyo3_build_config::InterpreterConfig;
///
/// let err = InterpreterConfig::from_reader("colour=blue\n".as_bytes()).unwrap_err();
/// assert!(err.to_string().contains("colour"));
/// ```
#[derive(Debug)]
pub struct Error {
    message: String,
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

/// The result type used throughout this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An error carrying only a message.
    pub(crate) fn new(message: impl Into<String>) -> Self {
        Error {
            message: message.into(),
            source: None,
        }
    }

    /// An error whose message explains the context in which `source` happened.
    pub(crate) fn with_source(
        message: impl Into<String>,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        Error {
            message: message.into(),
            source: Some(Box::new(source)),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(source) = &self.source {
            write!(f, "\ncaused by: {source}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_ref()
            .map(|source| &**source as &(dyn std::error::Error + 'static))
    }
}
