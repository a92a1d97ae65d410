//! A file's text, shared by every rule family: read once, indexed once.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use crate::text::{LineColumn, LineIndex, TextRange};

/// One text file of the audited tree.
#[derive(Debug)]
pub struct SourceFile {
    /// Path as shown to the user: relative to the working directory when possible, `/`-separated.
    pub path: PathBuf,
    /// Path on disk.
    pub abs_path: PathBuf,
    pub text: String,
    pub index: LineIndex,
    /// Byte offset of the first invalid UTF-8 sequence, if the file was not valid UTF-8
    /// (the text then holds U+FFFD in its place).
    pub invalid_utf8_at: Option<usize>,
    /// Unix permission bits include an execute bit.
    pub executable: bool,
    /// Which notable non-ASCII characters the text holds (computed on first use).
    char_profile: OnceLock<crate::rules::se::chars::Profile>,
}

impl SourceFile {
    pub fn new(path: impl Into<PathBuf>, abs_path: impl Into<PathBuf>, text: String) -> Arc<Self> {
        let index = LineIndex::new(&text);
        Arc::new(Self {
            path: path.into(),
            abs_path: abs_path.into(),
            text,
            index,
            invalid_utf8_at: None,
            executable: false,
            char_profile: OnceLock::new(),
        })
    }

    /// Build from raw bytes, replacing invalid UTF-8 and remembering where it started.
    pub fn from_bytes(
        path: PathBuf,
        abs_path: PathBuf,
        bytes: Vec<u8>,
        executable: bool,
    ) -> Arc<Self> {
        let (text, invalid_utf8_at) = match String::from_utf8(bytes) {
            Ok(t) => (t, None),
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                (String::from_utf8_lossy(e.as_bytes()).into_owned(), Some(at))
            }
        };
        let index = LineIndex::new(&text);
        Arc::new(Self {
            path,
            abs_path,
            text,
            index,
            invalid_utf8_at,
            executable,
            char_profile: OnceLock::new(),
        })
    }

    /// Which notable non-ASCII characters the text holds, found in one pass shared by the
    /// rules that look at characters.
    pub fn char_profile(&self) -> crate::rules::se::chars::Profile {
        *self
            .char_profile
            .get_or_init(|| crate::rules::se::chars::profile(&self.text))
    }

    pub fn line_column(&self, offset: usize) -> LineColumn {
        self.index.line_column(offset, &self.text)
    }

    pub fn slice(&self, range: TextRange) -> &str {
        self.text.get(range.as_range()).unwrap_or("")
    }

    pub fn file_name(&self) -> &str {
        self.abs_path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
    }

    pub fn extension(&self) -> Option<&str> {
        self.abs_path.extension().and_then(|e| e.to_str())
    }

    /// Whether this is a Markdown file.
    pub fn is_markdown(&self) -> bool {
        matches!(
            self.extension().map(str::to_ascii_lowercase).as_deref(),
            Some("md" | "markdown" | "mdx")
        )
    }
}

/// `path` as a `/`-separated string (for output and glob matching).
pub fn slash_path(path: &Path) -> String {
    let s = path.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '\\' {
        s.replace('\\', "/")
    } else {
        s.into_owned()
    }
}
