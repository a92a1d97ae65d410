//! SA: findings about the audit itself (I/O, limits, internal errors). These are raised by
//! the walker, the reader and the runner rather than by a check of content.

mod binary_file;
mod file_too_large;
mod internal_error;
mod invalid_suppression_comment;
mod invalid_utf8;
mod io_error;
mod not_regular_file;
mod symlink_escapes_root;
mod symlink_loop;
mod unused_suppression;

use std::path::Path;

pub use binary_file::BinaryFile;
pub use file_too_large::FileTooLarge;
pub use internal_error::InternalError;
pub use invalid_suppression_comment::InvalidSuppressionComment;
pub use invalid_utf8::InvalidUtf8;
pub use io_error::IoError;
pub use not_regular_file::NotRegularFile;
pub use symlink_escapes_root::SymlinkEscapesRoot;
pub use symlink_loop::SymlinkLoop;
pub use unused_suppression::UnusedSuppression;

use crate::diagnostic::Diagnostic;
use crate::rules::{Rule, RuleMeta};
use crate::text::TextRange;

pub static RULES: &[&dyn Rule] = &[
    &InternalError,
    &IoError,
    &FileTooLarge,
    &SymlinkLoop,
    &SymlinkEscapesRoot,
    &InvalidUtf8,
    &BinaryFile,
    &NotRegularFile,
    &InvalidSuppressionComment,
    &UnusedSuppression,
];

fn whole_file(meta: &'static RuleMeta, path: &Path, message: String) -> Diagnostic {
    Diagnostic::new(
        meta.code,
        meta.name,
        meta.severity,
        path,
        TextRange::default(),
        message,
    )
}

pub fn io_error(path: &Path, err: &str) -> Diagnostic {
    whole_file(IoError::META, path, format!("cannot read: {err}"))
}

pub fn file_too_large(path: &Path, size: u64, max: u64) -> Diagnostic {
    let mut d = whole_file(
        FileTooLarge::META,
        path,
        format!("file is {size} bytes, over the {max}-byte limit, and was not read"),
    );
    d.set_help(
        "raise `max-file-size` in skill-audit.toml if this file is meant to ship, or remove it",
    );
    d
}

pub fn symlink_loop(path: &Path) -> Diagnostic {
    let mut d = whole_file(
        SymlinkLoop::META,
        path,
        "symbolic link loops back on itself".into(),
    );
    d.set_help("remove the link or point it at a real file");
    d
}

pub fn symlink_escapes(path: &Path) -> Diagnostic {
    let mut d = whole_file(
        SymlinkEscapesRoot::META,
        path,
        "symbolic link points outside the audited folder and was not followed".into(),
    );
    d.set_help("copy the file into the skill instead of linking to it; installed skills are copied without what links point to");
    d
}

pub fn not_regular_file(path: &Path) -> Diagnostic {
    let mut d = whole_file(
        NotRegularFile::META,
        path,
        "not a regular file (FIFO, socket or device) and was not opened".into(),
    );
    d.set_help("remove it: a skill can only ship regular files");
    d
}

pub fn internal_error(path: &Path, what: &str) -> Diagnostic {
    let mut d = whole_file(
        InternalError::META,
        path,
        format!("internal error while checking this file: {what}"),
    );
    d.set_help("this is a bug in skill-audit; please report it with the file that triggered it");
    d
}

pub fn invalid_suppression(path: &Path, range: TextRange, problem: &str) -> Diagnostic {
    let mut d = Diagnostic::new(
        InvalidSuppressionComment::META.code,
        InvalidSuppressionComment::META.name,
        InvalidSuppressionComment::META.severity,
        path,
        range,
        format!("suppression comment {problem} and suppresses nothing"),
    );
    d.set_help("write `<!-- skill-audit-ignore CODE: reason -->` (or `# skill-audit: ignore[CODE] reason`) with a known code and a reason");
    d
}

pub fn unused_suppression(path: &Path, range: TextRange, codes: &[String]) -> Diagnostic {
    let mut d = Diagnostic::new(
        UnusedSuppression::META.code,
        UnusedSuppression::META.name,
        UnusedSuppression::META.severity,
        path,
        range,
        format!("suppression of {} matches no finding", codes.join(", ")),
    );
    d.set_help("remove the suppression comment");
    d
}
