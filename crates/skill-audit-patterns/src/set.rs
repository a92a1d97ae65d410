//! Several packs compiled together, and the scanner.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::checks::{github_checksum_ok, is_repeated, is_sequential, shannon_entropy};
use crate::pack::{
    Allowlist, Checksum, CompiledRule, Heuristic, LazyRegex, Pack, SecretGroup, Target,
};
use crate::{Match, PatternRule, Severity};

/// The built-in credentials pack, embedded at build time.
pub const BUILTIN_CREDENTIALS_TOML: &str = include_str!("../../../rules/credentials.toml");
/// The origin name of the built-in credentials pack.
pub const BUILTIN_CREDENTIALS_ORIGIN: &str = "rules/credentials.toml";
/// The built-in security pack (SE codes), embedded at build time.
pub const BUILTIN_SECURITY_TOML: &str = include_str!("../../../rules/security.toml");
/// The origin name of the built-in security pack.
pub const BUILTIN_SECURITY_ORIGIN: &str = "rules/security.toml";

/// Several packs compiled together: one Aho-Corasick automaton over the keywords of all rules.
#[derive(Debug, Clone)]
pub struct PackSet {
    rules: Vec<CompiledRule>,
    meta: Vec<PatternRule>,
    /// Global allowlist of the pack each rule comes from (index into `globals`).
    rule_global: Vec<Option<usize>>,
    globals: Vec<Allowlist>,
    keywords: Option<AhoCorasick>,
    /// The keywords, by keyword index (the automaton's pattern order).
    keyword_list: Vec<String>,
    /// keyword index -> rules
    keyword_rules: Vec<Vec<usize>>,
    /// Rules without keywords (always run).
    always: Vec<usize>,
}

impl PackSet {
    /// The built-in credentials pack (`rules/credentials.toml`), compiled once.
    ///
    /// The pack is checked by this crate's tests, so failing to compile it is a build defect;
    /// should it happen anyway, the set is empty rather than a panic.
    pub fn builtin_credentials() -> &'static PackSet {
        static SET: OnceLock<PackSet> = OnceLock::new();
        SET.get_or_init(|| {
            let packs = Pack::from_toml_str(BUILTIN_CREDENTIALS_TOML, BUILTIN_CREDENTIALS_ORIGIN)
                .map(|p| vec![p])
                .unwrap_or_default();
            PackSet::new(packs)
        })
    }

    /// The built-in credentials pack, parsed afresh (errors included): for tests and tools.
    pub fn builtin_credentials_pack() -> Result<Pack, crate::PackError> {
        Pack::from_toml_str(BUILTIN_CREDENTIALS_TOML, BUILTIN_CREDENTIALS_ORIGIN)
    }

    /// The built-in security pack (`rules/security.toml`), compiled once; empty rather than a
    /// panic should it fail to compile (its tests make that a build defect).
    pub fn builtin_security() -> &'static PackSet {
        static SET: OnceLock<PackSet> = OnceLock::new();
        SET.get_or_init(|| {
            let packs = Pack::from_toml_str(BUILTIN_SECURITY_TOML, BUILTIN_SECURITY_ORIGIN)
                .map(|p| vec![p])
                .unwrap_or_default();
            PackSet::new(packs)
        })
    }

    /// The built-in security pack, parsed afresh (errors included): for tests and tools.
    pub fn builtin_security_pack() -> Result<Pack, crate::PackError> {
        Pack::from_toml_str(BUILTIN_SECURITY_TOML, BUILTIN_SECURITY_ORIGIN)
    }

    /// Compile packs together. A rule whose id already appeared in an earlier pack replaces it
    /// (so an organisation pack can retune a built-in rule); otherwise rules keep pack order.
    pub fn new(packs: Vec<Pack>) -> PackSet {
        let mut rules: Vec<CompiledRule> = Vec::new();
        let mut rule_global: Vec<Option<usize>> = Vec::new();
        let mut globals = Vec::new();
        let mut by_id: BTreeMap<String, usize> = BTreeMap::new();
        for pack in packs {
            let g = pack.global.map(|g| {
                globals.push(g);
                globals.len() - 1
            });
            for rule in pack.rules {
                if let Some(&i) = by_id.get(&rule.meta.id) {
                    rules[i] = rule;
                    rule_global[i] = g;
                } else {
                    by_id.insert(rule.meta.id.clone(), rules.len());
                    rules.push(rule);
                    rule_global.push(g);
                }
            }
        }
        let mut kw_index: BTreeMap<String, usize> = BTreeMap::new();
        let mut keyword_rules: Vec<Vec<usize>> = Vec::new();
        let mut always = Vec::new();
        for (i, r) in rules.iter().enumerate() {
            if r.meta.keywords.is_empty() {
                always.push(i);
            }
            for k in &r.meta.keywords {
                let next = kw_index.len();
                let ki = *kw_index.entry(k.clone()).or_insert(next);
                if ki == keyword_rules.len() {
                    keyword_rules.push(Vec::new());
                }
                keyword_rules[ki].push(i);
            }
        }
        let mut patterns: Vec<(usize, String)> =
            kw_index.into_iter().map(|(k, i)| (i, k)).collect();
        patterns.sort();
        let keyword_list: Vec<String> = patterns.into_iter().map(|(_, k)| k).collect();
        let keywords = keyword_automaton(&keyword_list);
        // Without an automaton (cannot happen for sane keyword lists) every rule runs.
        if keywords.is_none() {
            always = (0..rules.len()).collect();
        }
        let meta = rules.iter().map(|r| r.meta.clone()).collect();
        PackSet {
            rules,
            meta,
            rule_global,
            globals,
            keywords,
            keyword_list,
            keyword_rules,
            always,
        }
    }

    /// Metadata of all rules, in set order (`Match::rule_index` indexes this slice).
    pub fn rules(&self) -> &[PatternRule] {
        &self.meta
    }

    /// Find the secrets in `text`. `path` is the file's path relative to the audited root, with
    /// forward slashes (used by path filters). Results are sorted by start offset, then rule id;
    /// two findings never share secret bytes.
    pub fn scan(&self, path: &str, text: &str) -> Vec<Match> {
        self.scan_with(path, text, self.keyword_hits(text))
    }

    /// Which rules run on `text`, and where their keywords are: the keyword pass of [`scan`].
    ///
    /// [`scan`]: PackSet::scan
    pub fn keyword_hits(&self, text: &str) -> KeywordHits {
        let mut hits = self.no_hits();
        if let Some(ac) = &self.keywords {
            for m in ac.find_overlapping_iter(text) {
                self.note(&mut hits, m.pattern().as_usize(), m.start());
            }
        }
        hits
    }

    /// The rules without keywords run; no keyword hit yet.
    fn no_hits(&self) -> KeywordHits {
        let mut run = vec![false; self.rules.len()];
        for &i in &self.always {
            run[i] = true;
        }
        KeywordHits {
            run,
            hits: vec![Vec::new(); self.rules.len()],
        }
    }

    /// Record that keyword `keyword` occurs at byte `start`.
    fn note(&self, hits: &mut KeywordHits, keyword: usize, start: usize) {
        for &r in &self.keyword_rules[keyword] {
            hits.run[r] = true;
            if !self.rules[r].multiline {
                hits.hits[r].push(start);
            }
        }
    }

    /// [`scan`] with the keyword pass already done (by [`keyword_hits`] or
    /// [`FusedKeywords::hits`] over the same text).
    ///
    /// [`scan`]: PackSet::scan
    /// [`keyword_hits`]: PackSet::keyword_hits
    pub fn scan_with(&self, path: &str, text: &str, hits: KeywordHits) -> Vec<Match> {
        let KeywordHits { run, mut hits } = hits;
        if run.len() != self.rules.len() {
            // Hits of another set: do the pass afresh rather than misread them.
            return self.scan(path, text);
        }
        let mut candidates: Vec<Match> = Vec::new();
        for (i, rule) in self.rules.iter().enumerate() {
            if !run[i] || !path_allowed(rule, path) {
                continue;
            }
            let global = self.rule_global[i].map(|g| &self.globals[g]);
            if global.is_some_and(|g| g.paths.as_ref().is_some_and(|p| p.is_match(path))) {
                continue;
            }
            if rule.meta.file {
                candidates.push(Match {
                    rule_id: rule.meta.id.clone(),
                    code: rule.meta.code.clone(),
                    rule_index: i,
                    severity: rule.meta.severity,
                    range: 0..0,
                    secret: 0..0,
                    entropy: None,
                    checksum: None,
                });
            } else if rule.multiline {
                run_rule(i, rule, global, path, text, 0..text.len(), &mut candidates);
            } else {
                for w in windows(text, &mut hits[i]) {
                    run_rule(i, rule, global, path, text, w, &mut candidates);
                }
            }
        }
        resolve_overlaps(&self.rules, candidates)
    }
}

/// An overlapping, ASCII-case-insensitive keyword automaton; `None` without keywords (or if
/// it cannot be built, which sane keyword lists never cause).
fn keyword_automaton(keywords: &[String]) -> Option<AhoCorasick> {
    if keywords.is_empty() {
        return None;
    }
    // A full DFA: the keyword pass reads every byte of every text file, and an overlapping
    // search over a DFA is several times faster than over an NFA.
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .build(keywords)
        .ok()
}

/// The result of a keyword pass for one [`PackSet`]: which of its rules run, and for
/// line-local rules where their keywords occur.
#[derive(Debug, Clone)]
pub struct KeywordHits {
    run: Vec<bool>,
    hits: Vec<Vec<usize>>,
}

/// The keyword passes of several [`PackSet`]s fused into one automaton over all their
/// keywords, so a file is read once for all of them (the pass costs the same per byte
/// whatever the number of keywords: about 0.2 s per 70 MB on one core).
#[derive(Debug)]
pub struct FusedKeywords {
    ac: Option<AhoCorasick>,
    /// fused keyword index -> (set, keyword index in that set)
    targets: Vec<Vec<(usize, usize)>>,
    /// How many rules each set had (to check the sets passed to `hits` are the same ones).
    rules: Vec<usize>,
}

impl FusedKeywords {
    pub fn new(sets: &[&PackSet]) -> FusedKeywords {
        let mut index: BTreeMap<&str, usize> = BTreeMap::new();
        let mut targets: Vec<Vec<(usize, usize)>> = Vec::new();
        for (s, set) in sets.iter().enumerate() {
            for (k, word) in set.keyword_list.iter().enumerate() {
                let next = index.len();
                let f = *index.entry(word.as_str()).or_insert(next);
                if f == targets.len() {
                    targets.push(Vec::new());
                }
                targets[f].push((s, k));
            }
        }
        let mut words: Vec<(usize, &str)> = index.into_iter().map(|(w, i)| (i, w)).collect();
        words.sort_unstable();
        let words: Vec<String> = words.into_iter().map(|(_, w)| w.to_string()).collect();
        // Without a fused automaton, `hits` falls back to each set's own pass.
        let ac = if sets
            .iter()
            .all(|s| s.keywords.is_some() || s.keyword_list.is_empty())
        {
            keyword_automaton(&words)
        } else {
            None
        };
        FusedKeywords {
            ac,
            targets,
            rules: sets.iter().map(|s| s.rules.len()).collect(),
        }
    }

    /// The keyword hits of each of `sets` (the sets this was built from, in the same order)
    /// in `text`: the same as each set's [`PackSet::keyword_hits`], from one pass.
    pub fn hits(&self, sets: &[&PackSet], text: &str) -> Vec<KeywordHits> {
        let same = sets.len() == self.rules.len()
            && sets
                .iter()
                .zip(&self.rules)
                .all(|(s, &n)| s.rules.len() == n);
        let Some(ac) = self.ac.as_ref().filter(|_| same) else {
            return sets.iter().map(|s| s.keyword_hits(text)).collect();
        };
        let mut out: Vec<KeywordHits> = sets.iter().map(|s| s.no_hits()).collect();
        for m in ac.find_overlapping_iter(text) {
            for &(s, k) in &self.targets[m.pattern().as_usize()] {
                sets[s].note(&mut out[s], k, m.start());
            }
        }
        out
    }
}

/// Lines a line-local rule is run on: from the start of the line of each keyword hit to the end
/// of the second line after it (a value may sit on the next line, as in XML), merged.
fn windows(text: &str, hits: &mut [usize]) -> Vec<std::ops::Range<usize>> {
    const LINES: usize = 3;
    hits.sort_unstable();
    let bytes = text.as_bytes();
    let len = bytes.len();
    // position after the `n`-th newline at or after `pos` (or the end of the text)
    let advance = |pos: usize, n: usize| -> usize {
        memchr::memchr_iter(b'\n', &bytes[pos..])
            .nth(n - 1)
            .map_or(len, |i| pos + i + 1)
    };
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for &h in hits.iter() {
        if let Some(w) = out.last_mut() {
            if h < w.end {
                if w.end < len {
                    let k = memchr::memchr_iter(b'\n', &bytes[h..w.end]).count();
                    if k < LINES {
                        w.end = advance(w.end, LINES - k);
                    }
                }
                continue;
            }
        }
        let start = memchr::memrchr(b'\n', &bytes[..h]).map_or(0, |i| i + 1);
        let end = advance(h, LINES);
        match out.last_mut() {
            Some(w) if start <= w.end => w.end = w.end.max(end),
            _ => out.push(start..end),
        }
    }
    out
}

fn run_rule(
    index: usize,
    rule: &CompiledRule,
    global: Option<&Allowlist>,
    path: &str,
    text: &str,
    window: std::ops::Range<usize>,
    out: &mut Vec<Match>,
) {
    let Some(hay) = text.get(window.clone()) else {
        return;
    };
    let base = window.start;
    let Some(regex) = rule.regex.as_deref().and_then(LazyRegex::get) else {
        return;
    };
    let mut locs = regex.capture_locations();
    let mut at = 0;
    while at <= hay.len() {
        let Some(whole) = regex.captures_read_at(&mut locs, hay, at) else {
            break;
        };
        let local = whole.range();
        let secret = match rule.secret_group {
            SecretGroup::Whole => Some(local.clone()),
            SecretGroup::Index(g) => locs.get(g).map(|(s, e)| s..e),
            SecretGroup::FirstParticipating => (1..locs.len())
                .find_map(|g| locs.get(g))
                .map(|(s, e)| s..e)
                .or(Some(local.clone())),
        };
        // Resume after the secret rather than after the whole match, so that the delimiter a
        // match consumed after its value can start the next match.
        at = match &secret {
            Some(s) if s.end > local.start && s.end <= local.end => s.end,
            _ => local.end,
        };
        if at == local.start {
            // step over one character on an empty match
            at = hay[at..]
                .chars()
                .next()
                .map_or(hay.len() + 1, |c| at + c.len_utf8());
        }
        let range = base + local.start..base + local.end;
        let secret = secret.map(|s| base + s.start..base + s.end);
        let Some(secret) = secret else { continue };
        if secret.is_empty() {
            continue;
        }
        let value = &text[secret.clone()];
        let entropy = shannon_entropy(value);
        if rule.entropy.is_some_and(|min| entropy < min) {
            continue;
        }
        let ctx = Candidate {
            text,
            path,
            range: range.clone(),
            secret: secret.clone(),
        };
        if rule.allowlists.iter().any(|a| ctx.allowed_by(a))
            || global.is_some_and(|g| ctx.allowed_by(g))
        {
            continue;
        }
        let checksum = rule.checksum.map(|c| match c {
            Checksum::Github => github_checksum_ok(value),
        });
        let severity = if checksum == Some(false) {
            Severity::Info
        } else {
            rule.meta.severity
        };
        out.push(Match {
            rule_id: rule.meta.id.clone(),
            code: rule.meta.code.clone(),
            rule_index: index,
            severity,
            range,
            secret,
            entropy: Some(entropy),
            checksum,
        });
    }
}

fn path_allowed(rule: &CompiledRule, path: &str) -> bool {
    if let Some(p) = &rule.paths {
        if !p.is_match(path) {
            return false;
        }
    }
    if let Some(p) = &rule.exclude_paths {
        if p.is_match(path) {
            return false;
        }
    }
    true
}

struct Candidate<'a> {
    text: &'a str,
    path: &'a str,
    range: std::ops::Range<usize>,
    secret: std::ops::Range<usize>,
}

impl Candidate<'_> {
    fn target(&self, t: Target) -> &str {
        match t {
            Target::Secret => &self.text[self.secret.clone()],
            Target::Match => &self.text[self.range.clone()],
            Target::Line => {
                let start = self.text[..self.range.start]
                    .rfind('\n')
                    .map_or(0, |i| i + 1);
                let end = self.text[self.range.end..]
                    .find('\n')
                    .map_or(self.text.len(), |i| self.range.end + i);
                &self.text[start..end]
            }
        }
    }

    fn allowed_by(&self, a: &Allowlist) -> bool {
        let target = self.target(a.target);
        if a.regexes.iter().any(|r| r.is_match(target)) {
            return true;
        }
        if !a.stopwords.is_empty() {
            let lower = target.to_ascii_lowercase();
            if a.stopwords.iter().any(|w| {
                lower
                    .match_indices(w.as_str())
                    .any(|(at, _)| written_as_word(&target[at..at + w.len()]))
            }) {
                return true;
            }
        }
        if !a.heuristics.is_empty() {
            let secret = &self.text[self.secret.clone()];
            for h in &a.heuristics {
                let hit = match h {
                    Heuristic::Repeated => is_repeated(secret),
                    Heuristic::Sequential => is_sequential(secret),
                };
                if hit {
                    return true;
                }
            }
        }
        // A per-rule allowlist's `paths` exempt matching files (the global one is handled
        // before the rule runs).
        a.paths.as_ref().is_some_and(|p| p.is_match(self.path))
    }
}

/// `true` when a stopword occurrence is cased the way a person writes a word: `your`, `YOUR`,
/// `Your`, `changeMe`, `NotReal` (each letter run lower case, upper case, or camel case). In a
/// long random value a stopword can turn up by chance, and then its case is usually mixed at
/// random (`yOUR` inside a base64 blob), so such an occurrence does not make the value a
/// placeholder.
fn written_as_word(occurrence: &str) -> bool {
    occurrence
        .split(|c: char| !c.is_ascii_alphabetic())
        .all(|run| {
            let b = run.as_bytes();
            b.iter().all(u8::is_ascii_lowercase)
                || b.iter().all(u8::is_ascii_uppercase)
                || b.iter().enumerate().all(|(i, c)| {
                    // camel case: a capital starts the run or follows a small letter, and a
                    // small letter follows it
                    !c.is_ascii_uppercase()
                        || ((i == 0 || b[i - 1].is_ascii_lowercase())
                            && b.get(i + 1).is_some_and(u8::is_ascii_lowercase))
                })
        })
}

/// Keep one finding per secret: specific rules beat generic ones, then longer secrets, then
/// rule order. Output sorted by start, then rule id.
fn resolve_overlaps(rules: &[CompiledRule], mut candidates: Vec<Match>) -> Vec<Match> {
    if candidates.len() > 1 {
        candidates.sort_by(|a, b| {
            let ga = rules[a.rule_index].meta.generic;
            let gb = rules[b.rule_index].meta.generic;
            ga.cmp(&gb)
                .then((b.secret.end - b.secret.start).cmp(&(a.secret.end - a.secret.start)))
                .then(a.rule_index.cmp(&b.rule_index))
                .then(a.secret.start.cmp(&b.secret.start))
        });
    }
    // accepted secret intervals, keyed by start (non-overlapping, so ends are sorted too)
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut out = Vec::with_capacity(candidates.len());
    for m in candidates {
        let (s, e) = (m.secret.start, m.secret.end);
        let overlaps_before = taken.range(..e).next_back().is_some_and(|(_, &pe)| pe > s);
        if overlaps_before {
            continue;
        }
        taken.insert(s, e);
        out.push(m);
    }
    out.sort_by(|a, b| {
        a.range
            .start
            .cmp(&b.range.start)
            .then_with(|| a.rule_id.cmp(&b.rule_id))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PACK: &str = r#"
[defines]
end = '(?:["\s]|$)'

[allowlist]
stopwords = ["example"]
heuristics = ["repeated", "sequential"]
regexes = ['^\$\{']

[[rules]]
id = "specific"
code = "CR001"
name = "specific token"
regex = '\b(tok_[a-z0-9]{12}){{end}}'
keywords = ["tok_"]
examples = { fail = ["x tok_{{lalnum:12}}"], pass = ["tok_xxxxxxxxxxxx"] }

[[rules]]
id = "generic"
code = "CR011"
name = "generic token"
generic = true
regex = '(?i)token\s*=\s*"?([^\s"]{8,})'
entropy = 2.5
keywords = ["token"]

[[rules]]
id = "only-env"
code = "CR009"
name = "env only"
regex = 'ENVSECRET_([A-Z0-9]{10})'
paths = ["*.env", "**/.env"]
checksum = "github-crc32"
"#;

    fn set() -> PackSet {
        PackSet::new(vec![Pack::from_toml_str(PACK, "t.toml").unwrap()])
    }

    #[test]
    fn specific_beats_generic_and_sorted() {
        let text = "token = \"tok_q8zr2lk0pwx7\"\ntoken = \"Zq3Kf9Lm2Xc8Vb\"";
        let m = set().scan("a.md", text);
        assert_eq!(m.len(), 2, "{m:?}");
        assert_eq!(m[0].rule_id, "specific");
        assert_eq!(&text[m[0].secret.clone()], "tok_q8zr2lk0pwx7");
        assert_eq!(m[1].rule_id, "generic");
        assert!(m[0].range.start < m[1].range.start);
    }

    #[test]
    fn allowlists_and_heuristics() {
        let s = set();
        for t in [
            "token = \"tok_xxxxxxxxxxxx\"",
            "token = \"${MY_TOKEN}\"",
            "token = \"example-value-123\"",
            "token = \"1234567890abcdef\"",
            "token = \"EXAMPLE-q8Zr2Lk0\"",
            "token = \"q8Zr2Lk0-Example\"",
        ] {
            assert!(s.scan("a.md", t).is_empty(), "{t}");
        }
        // a stopword met by chance in a random value, in random case, does not allow it
        assert_eq!(s.scan("a.md", "token = \"q8ZeXAMpLe2Lk0Pw\"").len(), 1);
    }

    #[test]
    fn stopword_case() {
        for w in [
            "your",
            "YOUR",
            "Your",
            "changeMe",
            "NotReal",
            "not-a-real",
            "****",
        ] {
            assert!(written_as_word(w), "{w}");
        }
        for w in ["yOUR", "yOuR", "YOur", "xXxX"] {
            assert!(!written_as_word(w), "{w}");
        }
    }

    #[test]
    fn paths_and_checksum() {
        let s = set();
        assert!(s.scan("a.md", "ENVSECRET_Q8ZR2LK0PW").is_empty());
        let m = s.scan("dir/.env", "ENVSECRET_Q8ZR2LK0PW");
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].checksum, Some(false));
        assert_eq!(m[0].severity, Severity::Info);
    }

    #[test]
    fn keywordless_text_runs_nothing_and_never_panics() {
        let s = set();
        assert!(s.scan("a", "").is_empty());
        assert!(s.scan("a", "héllo wörld ✓ token").is_empty());
        let odd = "token=\u{0}\u{ffff}é€\"token = \"é€é€é€é€é€é€\"";
        let _ = s.scan("a", odd);
    }

    #[test]
    fn windows_cover_hit_line_and_two_more() {
        let text = "a\nb key\nc\nd\ne\nf key\n";
        let mut hits = vec![4, 16];
        let w = windows(text, &mut hits);
        assert_eq!(w, vec![2..12, 14..text.len()]);
        let mut hits = vec![4, 8];
        assert_eq!(windows(text, &mut hits), vec![2..14]);
        let mut hits = vec![8, 4, 5];
        assert_eq!(windows(text, &mut hits), vec![2..14]);
        let mut hits = vec![3];
        assert_eq!(windows("abc def", &mut hits), vec![0..7]);
        let mut none: Vec<usize> = Vec::new();
        assert!(windows("", &mut none).is_empty());
    }

    #[test]
    fn later_pack_replaces_rule_with_same_id() {
        let a = Pack::from_toml_str(PACK, "a.toml").unwrap();
        let b = Pack::from_toml_str(
            "[[rules]]\nid = \"specific\"\ncode = \"CR001\"\nname = \"x\"\nregex = 'nevermatches'\n",
            "b.toml",
        )
        .unwrap();
        let s = PackSet::new(vec![a, b]);
        assert_eq!(s.rules().len(), 3);
        assert_eq!(s.rules()[0].origin, "b.toml");
        assert!(s.scan("a.md", "x tok_q8zr2lk0pwx7").is_empty());
    }
}
