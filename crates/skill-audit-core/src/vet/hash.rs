//! Content hashes: the sha256 of every file of a skill or plugin, and one combined hash.

use std::fmt::Write as _;
use std::io::Read;
use std::path::Path;

use sha2::{Digest, Sha256};

/// Lower-case hex of a digest.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// The sha256 (hex) of a file's bytes on disk, streamed.
pub fn file_sha256(path: &Path) -> std::io::Result<String> {
    let mut f = std::fs::File::open(path)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(hex(&h.finalize()))
}

/// The sha256 (hex) of bytes in memory.
pub fn bytes_sha256(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// The combined content hash of a set of files: sha256 over `path NUL sha256 LF` for each
/// file in path order, written `sha256:<hex>`. Renaming, adding or removing a file changes it
/// as much as editing one does.
pub fn combined<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut sorted: Vec<(&str, &str)> = files.into_iter().collect();
    sorted.sort_unstable();
    let mut h = Sha256::new();
    for (path, sha) in sorted {
        h.update(path.as_bytes());
        h.update([0]);
        h.update(sha.as_bytes());
        h.update([b'\n']);
    }
    format!("sha256:{}", hex(&h.finalize()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn combined_hash_depends_on_names_and_contents_not_order() {
        let a = combined([("a.md", "11"), ("b.md", "22")]);
        assert_eq!(a, combined([("b.md", "22"), ("a.md", "11")]));
        assert_ne!(a, combined([("a.md", "11"), ("c.md", "22")]));
        assert_ne!(a, combined([("a.md", "11"), ("b.md", "23")]));
        assert!(a.starts_with("sha256:") && a.len() == 7 + 64);
        assert_eq!(
            bytes_sha256(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
