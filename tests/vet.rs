//! `vet`, `lock` and `verify` end to end: verdicts (clean, planted credential, planted error,
//! warnings only, policy from `[vet]`), masking, the lock/verify promotion gate, `vet --against`
//! and snapshots of the Markdown and JSON reports of `fixtures/vet/`.
//!
//! Key-shaped strings are generated at run time; none is committed.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repository root")
}

fn run_in(args: &[&str], cwd: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_skill-audit"))
        .env("SKILL_AUDIT_NO_CACHE", "1")
        .args(args)
        .current_dir(cwd)
        .env("SKILL_AUDIT_TODAY", "2026-01-15")
        .env_remove("SKILL_AUDIT_APPROVER")
        .stdin(Stdio::null())
        .output()
        .expect("run skill-audit")
}

fn text(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn err(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("bad JSON ({e}): {}\n{}", text(out), err(out)))
}

fn write(dir: &Path, rel: &str, content: &str) {
    let p = dir.join(rel);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, content).unwrap();
}

fn skill(dir: &Path, name: &str, description: &str) {
    write(
        dir,
        &format!("{name}/SKILL.md"),
        &format!(
            "---\nname: {name}\ndescription: {description}\nmetadata:\n  owner: ana\n---\n# {name}\n\nRead [the guide](references/guide.md) first.\n"
        ),
    );
    write(
        dir,
        &format!("{name}/references/guide.md"),
        "# Guide\n\nStep one.\n",
    );
}

const CLEAN: &str = "Extracts text from PDF files. Use when the user asks to read a PDF.";

/// An Anthropic-key-shaped string, built now.
fn planted_key() -> String {
    format!("sk-ant-api03-{}AA", skill_audit::vet::pseudo_random(93, 42))
}

#[test]
fn a_clean_skill_is_approved() {
    let dir = tempfile::tempdir().unwrap();
    skill(dir.path(), "pdf-tools", CLEAN);
    let out = run_in(&["vet", "pdf-tools", "--format", "json"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", err(&out));
    let v = json(&out);
    assert_eq!(v["verdict"], "approve");
    assert_eq!(v["units"][0]["name"], "pdf-tools");
    assert_eq!(v["units"][0]["owner"], "ana");
    assert_eq!(
        v["units"][0]["inventory"]["files"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert!(v["units"][0]["content_hash"]
        .as_str()
        .unwrap()
        .starts_with("sha256:"));
}

#[test]
fn a_planted_credential_is_rejected_and_never_shown() {
    let dir = tempfile::tempdir().unwrap();
    skill(dir.path(), "pdf-tools", CLEAN);
    let key = planted_key();
    write(
        dir.path(),
        "pdf-tools/references/setup.md",
        &format!("# Setup\n\nexport ANTHROPIC_API_KEY=\"{key}\"\n\nSee https://api.example.com/v1?key={key} too.\n"),
    );
    for format in ["json", "markdown", "html"] {
        let out = run_in(&["vet", "pdf-tools", "--format", format], dir.path());
        assert_eq!(out.status.code(), Some(1), "{format}: {}", err(&out));
        let shown = text(&out);
        assert!(!shown.contains(&key), "{format} shows the key");
        assert!(
            !shown.contains(&key[20..60]),
            "{format} shows part of the key"
        );
        assert!(shown.contains("****"), "{format}: no masked value");
        if format == "json" {
            let v = json(&out);
            assert_eq!(v["verdict"], "reject");
            let families: Vec<&str> = v["units"][0]["findings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|g| g["family"].as_str().unwrap())
                .collect();
            assert!(families.contains(&"CR"), "{families:?}");
        }
    }
}

#[test]
fn a_planted_error_is_rejected_through_the_policy() {
    let dir = tempfile::tempdir().unwrap();
    skill(dir.path(), "pdf-tools", CLEAN);
    // SK: a name with capitals is an error of the skill format.
    let p = dir.path().join("pdf-tools/SKILL.md");
    let t = fs::read_to_string(&p)
        .unwrap()
        .replace("name: pdf-tools", "name: PDF-Tools");
    fs::write(&p, t).unwrap();
    let out = run_in(&["vet", "pdf-tools", "--format", "json"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    assert_eq!(v["verdict"], "reject", "{v}");
    assert!(
        v["reason"].as_str().unwrap().contains("reject-on = error"),
        "{}",
        v["reason"]
    );
    // A laxer policy in skill-audit.toml: errors only need changes.
    write(
        dir.path(),
        "skill-audit.toml",
        "[vet]\nreject-on = \"never\"\nneeds-changes-on = \"error\"\n",
    );
    let v = json(&run_in(
        &["vet", "pdf-tools", "--format", "json"],
        dir.path(),
    ));
    assert_eq!(v["verdict"], "needs-changes", "{v}");
    // A bad policy is a config error (exit 2) naming the line.
    write(
        dir.path(),
        "skill-audit.toml",
        "[vet]\nreject-on = \"sometimes\"\n",
    );
    let out = run_in(&["vet", "pdf-tools"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(err(&out).contains("skill-audit.toml:2:"), "{}", err(&out));
}

#[test]
fn warnings_only_need_changes() {
    let dir = tempfile::tempdir().unwrap();
    skill(
        dir.path(),
        "report-writer",
        "Writes quarterly reports from spreadsheets.",
    );
    let out = run_in(&["vet", "report-writer", "--format", "json"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    assert_eq!(v["verdict"], "needs-changes", "{v}");
    assert_eq!(v["units"][0]["counts"]["errors"], 0);
    assert!(v["units"][0]["counts"]["warnings"].as_u64().unwrap() >= 1);
}

fn verify(dir: &Path) -> (i32, String) {
    let out = run_in(&["verify"], dir);
    (out.status.code().unwrap_or(-1), text(&out) + &err(&out))
}

#[test]
fn lock_then_verify_names_every_change() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path();
    skill(lib, "pdf-tools", CLEAN);
    skill(
        lib,
        "csv-tools",
        "Cleans CSV files. Use when the user asks to fix a CSV.",
    );
    let out = run_in(&["lock", ".", "--approver", "ana"], lib);
    assert_eq!(out.status.code(), Some(0), "{}", err(&out));
    let locked = fs::read_to_string(lib.join("skill-audit.lock")).unwrap();
    assert!(
        locked.contains("approver = \"ana\"") && locked.contains("approved-at = \"2026-01-15\"")
    );
    assert!(
        locked.find("csv-tools").unwrap() < locked.find("pdf-tools").unwrap(),
        "sorted"
    );

    let (code, shown) = verify(lib);
    assert_eq!(code, 0, "{shown}");

    // Re-locking unchanged skills changes nothing, not even the approver or the date.
    let out = Command::new(env!("CARGO_BIN_EXE_skill-audit"))
        .env("SKILL_AUDIT_NO_CACHE", "1")
        .args(["lock", ".", "--approver", "bob"])
        .current_dir(lib)
        .env("SKILL_AUDIT_TODAY", "2026-02-01")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        fs::read_to_string(lib.join("skill-audit.lock")).unwrap(),
        locked
    );

    // One byte in one reference file.
    let guide = lib.join("pdf-tools/references/guide.md");
    let mut bytes = fs::read(&guide).unwrap();
    bytes[2] ^= 0x20;
    fs::write(&guide, &bytes).unwrap();
    let (code, shown) = verify(lib);
    assert_eq!(code, 1, "{shown}");
    assert!(
        shown.contains("pdf-tools/references/guide.md: LK004"),
        "{shown}"
    );
    assert!(!shown.contains("csv-tools"), "{shown}");
    bytes[2] ^= 0x20;
    fs::write(&guide, &bytes).unwrap();
    assert_eq!(verify(lib).0, 0);

    // An unvetted skill.
    skill(
        lib,
        "new-skill",
        "Does new things. Use when asked for new things.",
    );
    let (code, shown) = verify(lib);
    assert_eq!(code, 1, "{shown}");
    assert!(shown.contains("new-skill: LK001"), "{shown}");
    fs::remove_dir_all(lib.join("new-skill")).unwrap();

    // A removed file.
    fs::remove_file(lib.join("csv-tools/references/guide.md")).unwrap();
    let (code, shown) = verify(lib);
    assert_eq!(code, 1, "{shown}");
    assert!(
        shown.contains("csv-tools/references/guide.md: LK003"),
        "{shown}"
    );

    // The other formats carry the same problems.
    let out = run_in(&["verify", "--format", "json"], lib);
    let v = json(&out);
    assert_eq!(v["ok"], false);
    assert_eq!(v["problems"][0]["path"], "csv-tools/references/guide.md");
    let out = run_in(&["verify", "--format", "github"], lib);
    assert!(
        text(&out).starts_with("::error file=csv-tools/references/guide.md,"),
        "{}",
        text(&out)
    );
    let out = run_in(&["verify", "--format", "sarif"], lib);
    assert_eq!(json(&out)["runs"][0]["results"][0]["ruleId"], "LK003");

    // A missing lockfile is a usage error.
    let out = run_in(&["verify", "--lockfile", "nope.lock"], lib);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn lock_refuses_a_rejected_skill_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    skill(dir.path(), "pdf-tools", CLEAN);
    let p = dir.path().join("pdf-tools/SKILL.md");
    let t = fs::read_to_string(&p)
        .unwrap()
        .replace("name: pdf-tools", "name: PDF-Tools");
    fs::write(&p, t).unwrap();
    let out = run_in(
        &["lock", "pdf-tools", "--lockfile", "lock.json"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(err(&out).contains("not locked: pdf-tools"), "{}", err(&out));
    let lock: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("lock.json")).unwrap()).unwrap();
    assert_eq!(lock["unit"].as_array().map_or(0, Vec::len), 0);
    let out = run_in(
        &["lock", "pdf-tools", "--lockfile", "lock.json", "--force"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0));
    let lock: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("lock.json")).unwrap()).unwrap();
    assert_eq!(lock["unit"][0]["verdict"], "reject");
}

#[test]
fn vet_against_shows_only_the_changes() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    skill(&lib, "pdf-tools", CLEAN);
    skill(
        &lib,
        "csv-tools",
        "Cleans CSV files. Use when the user asks to fix a CSV.",
    );
    assert_eq!(
        run_in(&["lock", ".", "--approver", "ana"], &lib)
            .status
            .code(),
        Some(0)
    );
    // The approved copy, as a checkout of the approved commit would hold it.
    let base = dir.path().join("approved");
    skill(&base, "pdf-tools", CLEAN);
    // A change with a planted credential in the reference; an added file.
    let key = planted_key();
    write(
        &lib,
        "pdf-tools/references/guide.md",
        &format!("# Guide\n\nStep one.\nStep two: export ANTHROPIC_API_KEY={key}\n"),
    );
    write(&lib, "pdf-tools/references/extra.md", "# Extra\n");
    let out = run_in(
        &[
            "vet",
            ".",
            "--against",
            "skill-audit.lock",
            "--base",
            "../approved",
            "--format",
            "json",
        ],
        &lib,
    );
    let shown = text(&out);
    assert!(!shown.contains(&key), "the diff shows the key");
    let v = json(&out);
    assert_eq!(v["verdict"], "reject", "{v}");
    let units = v["units"].as_array().unwrap();
    let csv = units.iter().find(|u| u["name"] == "csv-tools").unwrap();
    assert_eq!(csv["changes"]["unchanged"], true);
    assert_eq!(csv["verdict"], "approve");
    let pdf = units.iter().find(|u| u["name"] == "pdf-tools").unwrap();
    assert_eq!(pdf["changes"]["added"][0], "references/extra.md");
    let changed = &pdf["changes"]["changed"][0];
    assert_eq!(changed["path"], "references/guide.md");
    let diff = changed["diff"].as_str().unwrap();
    assert!(
        diff.contains("+Step two: export ANTHROPIC_API_KEY=sk-a****"),
        "{diff}"
    );
    assert!(diff.contains("--- approved/references/guide.md"), "{diff}");
    // Without the approved copy: the change is named, the diff is not available.
    let v = json(&run_in(
        &[
            "vet",
            "pdf-tools",
            "--against",
            "skill-audit.lock",
            "--format",
            "json",
        ],
        &lib,
    ));
    let note = v["units"][0]["changes"]["changed"][0]["note"]
        .as_str()
        .unwrap();
    assert!(note.contains("--base"), "{note}");
}

#[test]
fn html_is_one_self_contained_escaped_page() {
    let dir = tempfile::tempdir().unwrap();
    skill(
        dir.path(),
        "pdf-tools",
        "Reads <script>alert(1)</script> PDFs. Use when asked.",
    );
    let out = run_in(&["vet", "pdf-tools", "-o", "report.html"], dir.path());
    assert!(out.status.code().is_some_and(|c| c <= 1), "{}", err(&out));
    let html = fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("default-src 'none'"));
    assert!(html.contains("@media print"));
    assert!(!html.contains("<script"), "unescaped markup");
    assert!(html.contains("&lt;script&gt;"));
    for remote in ["<link", "@import", "url(", "src=", "http-equiv=\"refresh\""] {
        assert!(!html.contains(remote), "{remote}");
    }
}

#[test]
fn snapshots_of_the_fixture_reports() {
    let root = root();
    let md = run_in(&["vet", "fixtures/vet", "--format", "markdown"], &root);
    assert_eq!(md.status.code(), Some(1), "{}", err(&md));
    insta::assert_snapshot!("vet_fixtures_markdown", text(&md));
    let js = run_in(&["vet", "fixtures/vet", "--format", "json"], &root);
    let v = json(&js);
    assert_eq!(v["verdict"], "needs-changes");
    insta::assert_snapshot!("vet_fixtures_json", text(&js));
}

#[test]
fn hostile_names_and_contents_stay_inert() {
    let dir = tempfile::tempdir().unwrap();
    skill(dir.path(), "pdf-tools", CLEAN);
    let odd = "pdf-tools/references/<img src=x onerror=alert(1)>\u{1b}[31m.md";
    write(
        dir.path(),
        odd,
        "# </pre><script>alert(1)</script>\n```\n````\n",
    );
    fs::write(
        dir.path().join("pdf-tools/logo.bin"),
        [0u8, 159, 146, 150, 0, 1],
    )
    .unwrap();
    write(
        dir.path(),
        "pdf-tools/.mcp.json",
        "{\"mcpServers\": {\"<x>\": {\"command\": \"ls \\u001b[2J\", \"env\": {\"A\": \"b\"}}}}",
    );
    for format in ["html", "markdown", "json"] {
        let out = run_in(&["vet", "pdf-tools", "--format", format], dir.path());
        assert!(
            out.status.code().is_some_and(|c| c <= 1),
            "{format}: {}",
            err(&out)
        );
        let shown = text(&out);
        assert!(!shown.contains('\u{1b}'), "{format}: raw escape character");
        if format == "html" {
            assert!(
                !shown.contains("<img") && !shown.contains("<script"),
                "{shown}"
            );
            assert!(!shown.contains("<x>"));
        }
        if format == "json" {
            let v = json(&out);
            let files = v["units"][0]["inventory"]["files"].as_array().unwrap();
            assert!(files.iter().any(|f| f["kind"] == "binary"), "{files:?}");
            assert_eq!(v["units"][0]["inventory"]["mcp_servers"][0]["env"][0], "A");
        }
    }
    // The odd file is hashed and verified like any other.
    assert_eq!(
        run_in(&["lock", "pdf-tools"], dir.path()).status.code(),
        Some(0)
    );
    assert_eq!(
        run_in(&["verify", "pdf-tools"], dir.path()).status.code(),
        Some(0)
    );
    fs::write(dir.path().join(odd), "changed").unwrap();
    let out = run_in(&["verify", "pdf-tools"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(!text(&out).contains('\u{1b}'));
}

/// The tags of an HTML page: name (lower case, `/name` for end tags) and quoted attributes.
/// Every `<` of the page must open a tag: text is escaped, so a stray `<` is a defect.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    let mut rest = html;
    // The style sheet is CSS, not markup; it has no `<` (asserted below).
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let close = after.find('>').expect("every tag is closed");
        let inner = &after[..close];
        let name_end = inner
            .find(|c: char| c.is_whitespace() || c == '/' && !inner.starts_with('/'))
            .unwrap_or(inner.len());
        let name = inner[..name_end].to_ascii_lowercase();
        let mut attrs = Vec::new();
        let mut a = &inner[name_end..];
        while let Some(eq) = a.find('=') {
            let key = a[..eq]
                .trim()
                .trim_start_matches('/')
                .trim()
                .to_ascii_lowercase();
            let v = a[eq + 1..].trim_start();
            assert!(v.starts_with('"'), "unquoted attribute in <{inner}>");
            let end = v[1..].find('"').expect("closed attribute value");
            attrs.push((key, v[1..=end].to_string()));
            a = &v[end + 2..];
        }
        out.push((name, attrs));
        rest = &after[close + 1..];
    }
    out
}

const ALLOWED_TAGS: &[&str] = &[
    "!doctype", "html", "head", "meta", "title", "style", "body", "main", "header", "footer",
    "nav", "section", "h1", "h2", "h3", "h4", "p", "div", "span", "strong", "code", "pre", "mark",
    "ul", "li", "a", "table", "thead", "tbody", "tr", "th", "td",
];

#[test]
fn html_escapes_hostile_file_names_and_contents() {
    let dir = tempfile::tempdir().unwrap();
    skill(
        dir.path(),
        "pdf-tools",
        "Reads \"quoted\" & 'single' <b>PDFs</b>. Use when asked.",
    );
    // File names with markup, ampersands, both quotes and control characters (C0, DEL, C1).
    let names = [
        "a<b>&\"q'.md",
        "ctl\u{1}\u{7f}\u{9b}x.md",
        "--><!--.md",
        "\u{202e}gpj.md",
    ];
    for n in names {
        write(
            dir.path(),
            &format!("pdf-tools/references/{n}"),
            "</pre></code><script>alert(1)</script>\n<!-- x -->\n]]>\u{0}\u{8}\n",
        );
    }
    write(
        dir.path(),
        "pdf-tools/scripts/run.sh",
        "#!/bin/sh\ncurl \"https://x.example/?a=1&b=<2>\" # \u{1b}[2J\n",
    );
    let out = run_in(&["vet", "pdf-tools", "--format", "html"], dir.path());
    assert!(out.status.code().is_some_and(|c| c <= 1), "{}", err(&out));
    let html = text(&out);
    for c in html.chars() {
        assert!(
            !c.is_control() || c == '\n',
            "raw control character U+{:04X} in the page",
            c as u32
        );
        assert_ne!(c, '\u{202e}', "raw bidi override in the page");
    }
    let style_start = html.find("<style>").unwrap() + "<style>".len();
    let style_end = html.find("</style>").unwrap();
    assert!(!html[style_start..style_end].contains('<'));
    for (name, _) in tags(&html) {
        let bare = name.trim_start_matches('/');
        assert!(ALLOWED_TAGS.contains(&bare), "unexpected tag <{name}>");
    }
    // Each hostile name is shown, escaped.
    assert!(html.contains("a&lt;b&gt;&amp;&quot;q&#39;.md"), "{html}");
    assert!(html.contains("ctl\\u{1}\\u{7f}\\u{9b}x.md"), "{html}");
    assert!(html.contains("--&gt;&lt;!--.md"));
    assert!(html.contains("\\u{202e}gpj.md"));
    assert!(html.contains("&quot;quoted&quot; &amp; &#39;single&#39; &lt;b&gt;PDFs&lt;/b&gt;"));
    assert!(
        !html.contains("<!-- x"),
        "a comment from a file reached the page"
    );
}

#[test]
fn html_embeds_no_network_fetches() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("crm");
    write(
        &p,
        ".claude-plugin/plugin.json",
        r#"{"name": "crm", "version": "1.0.0", "description": "CRM helpers", "author": {"name": "Ana", "url": "https://ana.example"}, "homepage": "https://crm.example/docs"}"#,
    );
    write(
        &p,
        ".mcp.json",
        r#"{"mcpServers": {"crm": {"type": "http", "url": "https://mcp.crm.example/mcp"}}}"#,
    );
    write(
        &p,
        "hooks/hooks.json",
        r#"{"hooks": {"SessionStart": [{"hooks": [{"type": "http", "url": "https://hooks.crm.example/start"}]}]}}"#,
    );
    write(
        &p,
        "skills/lookup/SKILL.md",
        "---\nname: lookup\ndescription: Looks up CRM records. Use when asked about a customer.\n---\n# Lookup\n\n![logo](https://cdn.example/logo.png)\n<img src=\"https://cdn.example/x.png\">\n<link rel=\"stylesheet\" href=\"//cdn.example/a.css\">\nSee https://crm.example/api and @import url(https://fonts.example/f.css).\n",
    );
    let out = run_in(&["vet", "crm", "--format", "html"], dir.path());
    assert!(out.status.code().is_some_and(|c| c <= 1), "{}", err(&out));
    let html = text(&out);
    // The URLs are listed as text...
    assert!(html.contains("mcp.crm.example"), "{html}");
    assert!(html.contains("cdn.example"));
    // ...and no tag loads or links anything outside the page.
    let tags = tags(&html);
    // The scan sees the page's own attributes (so it would see a fetch).
    assert!(tags.iter().any(|(n, a)| n == "meta"
        && a.iter()
            .any(|(k, v)| k == "http-equiv" && v == "Content-Security-Policy")));
    assert!(tags
        .iter()
        .any(|(n, a)| n == "section" && a.iter().any(|(k, _)| k == "class")));
    for (name, attrs) in &tags {
        for (k, v) in attrs {
            match k.as_str() {
                "href" => assert!(v.starts_with('#'), "<{name} href=\"{v}\">"),
                "src" | "srcset" | "action" | "formaction" | "poster" | "data" | "background"
                | "xlink:href" | "ping" => panic!("<{name} {k}=\"{v}\">"),
                "http-equiv" => assert_eq!(v, "Content-Security-Policy"),
                _ => {
                    let lower = v.to_ascii_lowercase();
                    assert!(
                        !lower.contains("http:")
                            && !lower.contains("https:")
                            && !lower.contains("//"),
                        "<{name} {k}=\"{v}\">"
                    );
                }
            }
        }
    }
    let style = &html[html.find("<style>").unwrap()..html.find("</style>").unwrap()];
    for bad in ["@import", "url(", "@font-face", "http:", "https:", "//"] {
        assert!(!style.contains(bad), "style sheet has {bad}");
    }
    assert!(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""));
}

#[test]
fn vet_against_shows_findings_only_in_the_changed_parts() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    // SK044 (a backslash in a link) is a warning: the approved skill already has one.
    let original = "---\nname: pdf-tools\ndescription: Extracts text from PDF files. Use when the user asks to read a PDF.\n---\n# pdf-tools\n\nRead [the guide](references\\guide.md) first.\n";
    for root in [&lib, &dir.path().join("approved")] {
        write(root, "pdf-tools/SKILL.md", original);
        write(
            root,
            "pdf-tools/references/guide.md",
            "# Guide\n\nStep one.\n",
        );
    }
    let out = run_in(&["lock", ".", "--approver", "ana"], &lib);
    assert_eq!(out.status.code(), Some(0), "{}", err(&out));
    // One more line with the same problem.
    write(
        &lib,
        "pdf-tools/SKILL.md",
        &format!("{original}\nAlso see [the guide again](references\\guide.md).\n"),
    );
    let sk044_lines = |v: &Value| -> Vec<u64> {
        v["units"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|g| g["findings"].as_array().unwrap())
            .filter(|f| f["code"] == "SK044")
            .map(|f| f["line"].as_u64().unwrap())
            .collect()
    };
    let full = json(&run_in(&["vet", ".", "--format", "json"], &lib));
    assert_eq!(sk044_lines(&full), [7, 9], "{full}");
    let args = [
        "vet",
        ".",
        "--against",
        "skill-audit.lock",
        "--base",
        "../approved",
    ];
    let v = json(&run_in(&[&args[..], &["--format", "json"]].concat(), &lib));
    assert_eq!(sk044_lines(&v), [9], "{v}");
    assert_eq!(v["verdict"], "needs-changes");
    let changes = &v["units"][0]["changes"];
    assert_eq!(changes["approved"]["approver"], "ana");
    assert_eq!(changes["added"].as_array().unwrap().len(), 0);
    assert_eq!(changes["changed"][0]["path"], "SKILL.md");
    let diff = changes["changed"][0]["diff"].as_str().unwrap();
    assert!(diff.contains("@@ "), "{diff}");
    assert!(diff.contains("+Also see [the guide again]"), "{diff}");
    assert!(diff.contains(" Read [the guide]"), "context line: {diff}");
    // The Markdown and HTML re-review show the change, not the whole inventory again.
    let md = text(&run_in(
        &[&args[..], &["--format", "markdown"]].concat(),
        &lib,
    ));
    assert!(md.contains("```diff\n--- approved/SKILL.md"), "{md}");
    assert!(md.contains("### Findings in the changed parts"), "{md}");
    assert!(!md.contains("### Inventory"), "{md}");
    assert!(!md.contains("SKILL.md:7:"), "{md}");
    let html = text(&run_in(&[&args[..], &["--format", "html"]].concat(), &lib));
    assert!(html.contains("<span class=\"add\">+Also see"), "{html}");
    assert!(!html.contains("What it touches"));
    // A change that fixes the old line and adds nothing wrong approves.
    write(
        &lib,
        "pdf-tools/SKILL.md",
        &original.replace("references\\guide.md", "references/guide.md"),
    );
    let v = json(&run_in(&[&args[..], &["--format", "json"]].concat(), &lib));
    assert_eq!(v["verdict"], "approve", "{v}");
}

#[test]
fn verify_sarif_is_valid_sarif() {
    let dir = tempfile::tempdir().unwrap();
    skill(dir.path(), "pdf-tools", CLEAN);
    assert_eq!(run_in(&["lock", "."], dir.path()).status.code(), Some(0));
    write(dir.path(), "pdf-tools/references/extra.md", "# Extra\n");
    let out = run_in(&["verify", "--format", "sarif"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let sarif = json(&out);
    let schema: Value = serde_json::from_str(
        &fs::read_to_string(root().join("tests/data/sarif-2.1.0.schema.json")).unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    assert!(!validator.is_valid(&serde_json::json!({"version": "2.1.0", "runs": [{}]})));
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "LK002");
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "pdf-tools/references/extra.md"
    );
}
