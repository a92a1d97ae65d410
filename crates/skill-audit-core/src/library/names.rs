//! Name skeletons: two names with the same skeleton differ only by case, separators, accents
//! or look-alike characters, so people (and agents choosing a skill) can mistake one for the
//! other.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Characters that look like an ASCII letter or digit (a practical subset of Unicode's
/// confusables table: Cyrillic, Greek and fullwidth look-alikes, and the classic `0`/`o`,
/// `1`/`l`/`i` swaps).
fn confusable(c: char) -> Option<char> {
    Some(match c {
        'а' | 'α' => 'a',
        'в' | 'β' => 'b',
        'с' | 'ϲ' => 'c',
        'ԁ' => 'd',
        'е' | 'ε' => 'e',
        'һ' => 'h',
        'і' | 'ι' | 'ı' | '1' | 'l' | '|' | 'ӏ' => 'l',
        'ј' => 'j',
        'κ' | 'к' => 'k',
        'м' => 'm',
        'ո' | 'η' => 'n',
        'о' | 'ο' | 'σ' | '0' => 'o',
        'р' | 'ρ' => 'p',
        'ԛ' => 'q',
        'ѕ' => 's',
        'τ' | 'т' => 't',
        'υ' | 'ս' => 'u',
        'ν' | 'ѵ' => 'v',
        'ԝ' | 'ω' => 'w',
        'х' | 'χ' => 'x',
        'у' | 'γ' => 'y',
        _ => return None,
    })
}

/// Separators that do not tell names apart.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        '-' | '_' | '.' | ' ' | ':' | '/' | '\u{2010}'..='\u{2015}'
    ) || c.is_whitespace()
}

/// The skeleton of a name: NFKC, lowercase, accents dropped, look-alikes mapped to ASCII and
/// separators removed.
pub fn skeleton(name: &str) -> String {
    let lowered: String = name.nfkc().flat_map(char::to_lowercase).collect();
    lowered
        .nfd()
        .filter(|c| !is_combining_mark(*c) && !is_separator(*c))
        .map(|c| confusable(c).unwrap_or(c))
        .collect()
}

/// Why two different names share a skeleton, for messages.
pub fn difference(a: &str, b: &str) -> &'static str {
    let fold = |s: &str| s.to_lowercase();
    if fold(a) == fold(b) {
        return "case";
    }
    let strip = |s: &str| -> String { s.chars().filter(|c| !is_separator(*c)).collect() };
    if fold(&strip(a)) == fold(&strip(b)) {
        return "separators";
    }
    "look-alike characters"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_separators_and_lookalikes_share_a_skeleton() {
        assert_eq!(skeleton("PDF-Tools"), skeleton("pdf_tools"));
        assert_eq!(skeleton("pdftools"), skeleton("pdf-tools"));
        assert_eq!(skeleton("pdf-tооls"), skeleton("pdf-tools")); // Cyrillic o
        assert_eq!(skeleton("café"), skeleton("cafe"));
        assert_ne!(skeleton("pdf-tools"), skeleton("pdf-forms"));
        assert_eq!(difference("PDF", "pdf"), "case");
        assert_eq!(difference("pdf-x", "pdfx"), "separators");
        assert_eq!(
            difference("pdf-tооls", "pdf-tools"),
            "look-alike characters"
        );
    }
}
