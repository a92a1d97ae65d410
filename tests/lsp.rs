//! Drives the real `skill-audit server` binary over stdio, as an editor would.

// JSON params are built inline with `json!` at each call.
#![allow(clippy::needless_pass_by_value)]

use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const TIMEOUT: Duration = Duration::from_secs(20);

struct Client {
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<Value>,
    next_id: i64,
    /// Messages read while waiting for something else.
    seen: Vec<Value>,
}

fn read_message(r: &mut impl BufRead) -> Option<Value> {
    let mut len = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length: ") {
            len = v.parse::<usize>().ok();
        }
    }
    let mut buf = vec![0; len?];
    r.read_exact(&mut buf).ok()?;
    serde_json::from_slice(&buf).ok()
}

impl Client {
    fn start(root: &Path, init_options: Value) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_skill-audit"))
            .env("SKILL_AUDIT_NO_CACHE", "1")
            .arg("server")
            .current_dir(root)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("server starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            while let Some(m) = read_message(&mut r) {
                if tx.send(m).is_err() {
                    break;
                }
            }
        });
        let mut c = Client {
            child,
            stdin,
            rx,
            next_id: 1,
            seen: Vec::new(),
        };
        let uri = url(root);
        let init = c.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri,
                "workspaceFolders": [{"uri": uri, "name": "lib"}],
                "capabilities": {},
                "initializationOptions": init_options,
            }),
        );
        assert_eq!(init["serverInfo"]["name"], "skill-audit");
        assert!(init["capabilities"]["codeActionProvider"].is_object());
        c.notify("initialized", json!({}));
        c
    }

    fn send(&mut self, msg: &Value) {
        let body = serde_json::to_string(msg).unwrap();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        let m = self.wait(|m| m["id"] == id && m.get("method").is_none());
        assert!(m.get("error").is_none(), "{m}");
        m["result"].clone()
    }

    /// The next message matching `pred` (earlier unmatched ones are kept for later waits).
    fn wait(&mut self, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.seen.iter().position(&pred) {
            return self.seen.remove(i);
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let m = self
                .rx
                .recv_timeout(left)
                .unwrap_or_else(|_| panic!("timed out; seen: {:#?}", self.seen));
            if pred(&m) {
                return m;
            }
            self.seen.push(m);
        }
    }

    /// The next diagnostics published for `uri` whose codes satisfy `pred`.
    fn diagnostics(&mut self, uri: &str, pred: impl Fn(&[String]) -> bool) -> Vec<Value> {
        let m = self.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && pred(&codes(m["params"]["diagnostics"].as_array().unwrap()))
        });
        m["params"]["diagnostics"].as_array().unwrap().clone()
    }

    fn shutdown(mut self) {
        let r = self.request("shutdown", Value::Null);
        assert!(r.is_null());
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "{status}");
                return;
            }
            assert!(Instant::now() < deadline, "server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn codes(diags: &[Value]) -> Vec<String> {
    diags
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect()
}

fn url(path: &Path) -> String {
    format!("file://{}", path.display())
}

const CLEAN: &str = "---\nname: pdf-tools\ndescription: Extracts text and tables from PDF files. Use when the user asks to read a PDF.\n---\n# PDF tools\n\nRun the extractor on the file.\n";
const BROKEN: &str = "---\nname: pdf-tools\ndescription: Extracts text and tables from PDF files. Use when: the user asks to read a PDF.\n---\n# PDF tools\n\nRun the extractor on the file.\n";

/// Apply LSP text edits (line/character in UTF-16; the test texts are ASCII).
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| {
        let line = usize::try_from(p["line"].as_u64().unwrap()).unwrap();
        let ch = usize::try_from(p["character"].as_u64().unwrap()).unwrap();
        text.split_inclusive('\n')
            .take(line)
            .map(str::len)
            .sum::<usize>()
            + ch
    };
    let mut edits: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_string();
    for (s, e, t) in edits {
        out.replace_range(s..e, t);
    }
    out
}

fn setup_skill(root: &Path, text: &str) -> std::path::PathBuf {
    let skill = root.join("pdf-tools");
    std::fs::create_dir_all(&skill).unwrap();
    std::fs::write(skill.join("SKILL.md"), text).unwrap();
    skill.join("SKILL.md")
}

#[test]
fn diagnostics_fixes_and_a_clean_shutdown() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let file = setup_skill(&root, BROKEN);
    let uri = url(&file);
    let mut c = Client::start(&root, json!({"debounceMs": 50}));

    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": BROKEN}}),
    );
    let diags = c.diagnostics(&uri, |c| !c.is_empty());
    assert_eq!(codes(&diags), ["SK007"], "{diags:#?}");
    let d = &diags[0];
    assert_eq!(d["source"], "skill-audit");
    assert_eq!(d["range"]["start"], json!({"line": 2, "character": 13}));
    assert!(d["codeDescription"]["href"]
        .as_str()
        .unwrap()
        .ends_with("/SK007.md"));

    // Typing the fix clears the list.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": CLEAN}]}),
    );
    let m = c.wait(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri.as_str()
            && m["params"]["version"] == 2
    });
    assert_eq!(m["params"]["diagnostics"], json!([]));

    // Break it again, then use the rule's quick fix.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": BROKEN}]}),
    );
    let diags = c.diagnostics(&uri, |c| c == ["SK007"]);
    let actions = c.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": diags[0]["range"],
            "context": {"diagnostics": diags},
        }),
    );
    let actions = actions.as_array().unwrap();
    let titles: Vec<&str> = actions
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(titles.contains(&"Quote the value"), "{titles:?}");
    assert!(
        titles.contains(&"Suppress SK007 on this line"),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"Fix all safe problems in this file"),
        "{titles:?}"
    );
    let quote = actions
        .iter()
        .find(|a| a["title"] == "Quote the value")
        .unwrap();
    assert_eq!(quote["kind"], "quickfix");
    assert_eq!(quote["isPreferred"], true);
    let fixed = apply(BROKEN, quote["edit"]["changes"][&uri].as_array().unwrap());
    assert!(fixed.contains("description: 'Extracts"), "{fixed}");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 4}, "contentChanges": [{"text": fixed}]}),
    );
    let m = c.wait(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri.as_str()
            && m["params"]["version"] == 4
    });
    assert_eq!(m["params"]["diagnostics"], json!([]));

    // The suppression comment, applied, silences the finding (with no SA009/SA010).
    let suppress = actions
        .iter()
        .find(|a| a["title"] == "Suppress SK007 on this line")
        .unwrap();
    let suppressed = apply(
        BROKEN,
        suppress["edit"]["changes"][&uri].as_array().unwrap(),
    );
    assert!(
        suppressed.contains("# skill-audit: ignore[SK007] "),
        "{suppressed}"
    );
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 5}, "contentChanges": [{"text": suppressed}]}),
    );
    let m = c.wait(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == uri.as_str()
            && m["params"]["version"] == 5
    });
    assert_eq!(m["params"]["diagnostics"], json!([]));

    // Fix-all alone (as on save).
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 6}, "contentChanges": [{"text": BROKEN}]}),
    );
    c.diagnostics(&uri, |c| c == ["SK007"]);
    let all = c.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
            "context": {"diagnostics": [], "only": ["source.fixAll"]},
        }),
    );
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0]["kind"], "source.fixAll.skill-audit");
    let edits = all[0]["edit"]["changes"][&uri].as_array().unwrap();
    assert_eq!(apply(BROKEN, edits), fixed);

    // Hover on a frontmatter key and on the diagnostic.
    let h = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 1, "character": 2}}),
    );
    assert!(
        h["contents"]["value"].as_str().unwrap().contains("`name`"),
        "{h}"
    );
    let h = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": 2, "character": 20}}),
    );
    assert!(
        h["contents"]["value"].as_str().unwrap().contains("# SK007"),
        "{h}"
    );

    // Completion of keys and of enumerated values.
    let edited = "---\nname: pdf-tools\ndescription: Reads PDFs.\neffort: \n---\n";
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 7}, "contentChanges": [{"text": edited}]}),
    );
    let items = c.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": {"line": 3, "character": 8}}),
    );
    let labels: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["low", "medium", "high", "xhigh", "max"]);

    c.shutdown();
}

#[test]
fn library_rules_run_in_the_background_and_configs_reload() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    setup_skill(&root.join("a"), CLEAN);
    setup_skill(&root.join("b"), CLEAN);
    let mut c = Client::start(&root, json!({}));
    // Two copies of `pdf-tools` in one library: found at startup without opening anything.
    let m = c.wait(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && codes(m["params"]["diagnostics"].as_array().unwrap())
                .iter()
                .any(|c| c.starts_with("DU"))
    });
    let dup = m["params"]["uri"].as_str().unwrap().to_string();

    // A broken config is a diagnostic on the config file, and the server keeps going.
    let config = root.join("skill-audit.toml");
    std::fs::write(&config, "profile = 42\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": url(&config), "type": 1}]}),
    );
    let diags = c.diagnostics(&url(&config), |c| !c.is_empty());
    assert!(diags[0]["message"]
        .as_str()
        .unwrap()
        .contains("invalid skill-audit configuration"));
    assert_eq!(diags[0]["range"]["start"]["line"], 0);

    // Fixed config: the error goes away, and its settings apply (NS rules now ignored).
    std::fs::write(&config, "[rules]\nignore = [\"NS\", \"DU\"]\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": url(&config), "type": 2}]}),
    );
    c.diagnostics(&url(&config), <[String]>::is_empty);
    c.diagnostics(&dup, <[String]>::is_empty);
    c.shutdown();
}

#[test]
fn scripts_of_a_skill_get_diagnostics_too() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let skill_md = setup_skill(&root, CLEAN);
    let script = skill_md.parent().unwrap().join("scripts/run.sh");
    std::fs::create_dir_all(script.parent().unwrap()).unwrap();
    std::fs::write(&script, "#!/bin/sh\necho ok\n").unwrap();
    let uri = url(&script);
    let mut c = Client::start(&root, json!({}));
    // Unsaved text with a suppression that names no rule: SA009 on the script's line 2.
    let text = "#!/bin/sh\n# skill-audit: ignore[ZZ9] because\necho ok\n";
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "shellscript", "version": 1, "text": text}}),
    );
    let diags = c.diagnostics(&uri, |c| c == ["SA009"]);
    assert_eq!(diags[0]["range"]["start"]["line"], 1);
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    c.diagnostics(&uri, <[String]>::is_empty);
    c.shutdown();
}

/// Median and maximum latency from a change of `body` to its diagnostics, over 30 changes
/// that toggle the SK007 finding.
fn latency(body: &str) -> (f64, f64, usize) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let file = setup_skill(&root, body);
    let uri = url(&file);
    let mut c = Client::start(&root, json!({}));
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": body}}),
    );
    let first = c.diagnostics(&uri, |c| !c.is_empty());
    let mut times = Vec::new();
    for v in 2..32 {
        // Pause past the debounce window, as between two edits of a person.
        std::thread::sleep(Duration::from_millis(200));
        let text = if v % 2 == 0 {
            body.replacen("Use when: the", "Use when the", 1)
        } else {
            body.to_string()
        };
        let t = Instant::now();
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": v}, "contentChanges": [{"text": text}]}),
        );
        c.wait(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri.as_str()
                && m["params"]["version"] == v
        });
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    c.shutdown();
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], times[times.len() - 1], first.len())
}

/// Latency from a change of a 1,000-line SKILL.md to its diagnostics. Run with
/// `cargo test --release -p skill-audit --test lsp -- --ignored --nocapture`.
#[test]
#[ignore = "benchmark"]
fn benchmark_a_thousand_line_skill() {
    // Typical: prose and code with a couple of findings.
    let mut typical = String::from(BROKEN);
    for i in 0..993 {
        let line = match i % 10 {
            0 => format!("## Step {i}"),
            1 | 5 => String::new(),
            4 => "```bash".to_string(),
            6 => "```".to_string(),
            _ => format!("Read page {i} of the PDF, extract its tables and keep the headers."),
        };
        let _ = writeln!(typical, "{line}");
    }
    // Stress: every line a finding (a broken link).
    let mut stress = String::from(BROKEN);
    for i in 0..993 {
        let _ = writeln!(
            stress,
            "Step {i}: read the [reference](references/guide.md) and run `scripts/run.sh` on the file."
        );
    }
    for (name, body) in [("typical", typical), ("stress", stress)] {
        assert_eq!(body.lines().count(), 1000);
        let (median, max, findings) = latency(&body);
        println!(
            "1,000-line SKILL.md ({name}, {findings} findings), change to diagnostics: median {median:.1} ms, max {max:.1} ms over 30 changes"
        );
    }
}
