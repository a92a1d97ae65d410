//! The server: a main loop answering requests, a debounced worker auditing the skill or plugin
//! folder of each changed document, and a background worker for the library-wide rules.

use std::collections::{BTreeSet, HashMap};
use std::error::Error;
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, RecvTimeoutError, Sender};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as notif, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionParams, CodeActionProviderCapability,
    CompletionOptions, CompletionParams, DidChangeTextDocumentParams, DidChangeWatchedFilesParams,
    DidChangeWatchedFilesRegistrationOptions, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, FileSystemWatcher, GlobPattern,
    HoverParams, HoverProviderCapability, InitializeParams, InitializeResult, Position,
    PublishDiagnosticsParams, Range, Registration, RegistrationParams, SaveOptions,
    ServerCapabilities, ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Url,
};
use serde::Deserialize;
use skill_audit::config::Resolver;
use skill_audit::{CheckError, Overrides, Profile, Report};

use crate::actions;
use crate::analysis;
use crate::assist;
use crate::convert;
use crate::fields::FileKind;

type BoxError = Box<dyn Error + Send + Sync>;

/// Server settings; the client may override them in `initializationOptions`
/// (`{"config": "path/to/skill-audit.toml", "debounceMs": 150}`).
#[derive(Debug, Clone)]
pub struct Options {
    /// Quiet period before re-auditing while changes keep coming. The first change after a
    /// pause is audited at once, so a single edit is never delayed.
    pub debounce: Duration,
    /// An explicit config file (as `check --config`); otherwise the closest `skill-audit.toml`.
    pub config: Option<PathBuf>,
    /// Log how long each audit and publication took to standard error (the client's log).
    pub timing: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            debounce: Duration::from_millis(150),
            config: None,
            timing: std::env::var_os("SKILL_AUDIT_LSP_TIMING").is_some(),
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct InitOptions {
    config: Option<PathBuf>,
    debounce_ms: Option<u64>,
}

/// An open document.
#[derive(Debug, Clone)]
struct Doc {
    text: String,
    version: i32,
    /// Canonical path on disk (the key of the core's overlays), if it is a file.
    path: Option<PathBuf>,
}

/// What has been published, by source, so the two workers can merge per file.
#[derive(Debug, Default)]
struct Published {
    local: HashMap<Url, Vec<lsp_types::Diagnostic>>,
    library: HashMap<Url, Vec<lsp_types::Diagnostic>>,
    /// Files with per-folder findings, by the folder audited.
    unit_files: HashMap<PathBuf, BTreeSet<Url>>,
    /// Config files shown with an error.
    config: HashMap<Url, Vec<lsp_types::Diagnostic>>,
}

struct Shared {
    sender: Sender<Message>,
    docs: Mutex<HashMap<Url, Doc>>,
    published: Mutex<Published>,
    roots: Vec<PathBuf>,
    options: Options,
    cwd: PathBuf,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // A worker that panicked while holding a lock left consistent data (every update is one
    // assignment); keep serving.
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The canonical path of a `file:` URI.
fn uri_path(uri: &Url) -> Option<PathBuf> {
    let p = uri.to_file_path().ok()?;
    Some(p.canonicalize().unwrap_or(p))
}

impl Shared {
    fn overlays(&self) -> HashMap<PathBuf, String> {
        lock(&self.docs)
            .values()
            .filter_map(|d| d.path.clone().map(|p| (p, d.text.clone())))
            .collect()
    }

    /// The URI to publish a path under: the open document's own URI if it is open.
    fn uri_for(&self, abs: &Path) -> Option<Url> {
        let docs = lock(&self.docs);
        docs.iter()
            .find(|(_, d)| d.path.as_deref() == Some(abs))
            .map(|(u, _)| u.clone())
            .or_else(|| Url::from_file_path(abs).ok())
    }

    fn send(&self, msg: impl Into<Message>) {
        // The client hung up: the main loop ends on its own.
        let _ = self.sender.send(msg.into());
    }

    fn publish(&self, uri: &Url) {
        let diagnostics: Vec<lsp_types::Diagnostic> = {
            let p = lock(&self.published);
            [&p.local, &p.library, &p.config]
                .iter()
                .filter_map(|m| m.get(uri))
                .flatten()
                .cloned()
                .collect()
        };
        let version = lock(&self.docs).get(uri).map(|d| d.version);
        self.send(Notification::new(
            notif::PublishDiagnostics::METHOD.to_string(),
            PublishDiagnosticsParams {
                uri: uri.clone(),
                diagnostics,
                version,
            },
        ));
    }

    /// Per-file diagnostics of a report, by URI.
    fn convert(&self, report: &Report) -> HashMap<Url, Vec<lsp_types::Diagnostic>> {
        let open: HashMap<PathBuf, Url> = lock(&self.docs)
            .iter()
            .filter_map(|(u, d)| d.path.clone().map(|p| (p, u.clone())))
            .collect();
        let uri_of = |p: &Path| open.get(p).cloned().or_else(|| Url::from_file_path(p).ok());
        convert::by_file(&report.diagnostics, &report.sources, &uri_of, &self.cwd)
            .into_iter()
            .filter_map(|(path, diags)| Some((uri_of(&path)?, diags)))
            .collect()
    }

    /// Show a configuration error on the config file (not a crash, not a silent failure).
    fn config_error(&self, e: &skill_audit::config::ConfigError) {
        let abs = if e.path.is_absolute() {
            e.path.clone()
        } else {
            self.cwd.join(&e.path)
        };
        let Some(uri) = self.uri_for(&abs.canonicalize().unwrap_or(abs)) else {
            return;
        };
        let line = u32::try_from(e.line.saturating_sub(1)).unwrap_or(0);
        let col = u32::try_from(e.column.saturating_sub(1)).unwrap_or(0);
        let d = lsp_types::Diagnostic {
            range: Range::new(Position::new(line, col), Position::new(line, col + 1)),
            severity: Some(lsp_types::DiagnosticSeverity::ERROR),
            source: Some(convert::SOURCE.to_string()),
            message: format!("invalid skill-audit configuration: {}", e.message),
            ..lsp_types::Diagnostic::default()
        };
        lock(&self.published).config.insert(uri.clone(), vec![d]);
        self.publish(&uri);
    }

    /// Re-read every config file shown with an error and clear those that are now valid.
    fn recheck_configs(&self) {
        let shown: Vec<Url> = lock(&self.published).config.keys().cloned().collect();
        for uri in shown {
            let Some(path) = uri_path(&uri) else { continue };
            let text = lock(&self.docs).get(&uri).map(|d| d.text.clone());
            match analysis::validate_config(&path, text.as_deref()) {
                Ok(()) => {
                    lock(&self.published).config.remove(&uri);
                    self.publish(&uri);
                }
                Err(e) => self.config_error(&e),
            }
        }
    }

    fn profile_for(&self, path: &Path) -> Profile {
        let dir = path.parent().unwrap_or(Path::new("/"));
        Resolver::new(self.options.config.as_deref(), Overrides::default())
            .and_then(|r| r.settings_for(dir))
            .map_or(Profile::default(), |s| s.profile)
    }
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![
                CodeActionKind::QUICKFIX,
                CodeActionKind::from(actions::FIX_ALL),
            ]),
            ..CodeActionOptions::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![":".into(), " ".into()]),
            ..CompletionOptions::default()
        }),
        ..ServerCapabilities::default()
    }
}

/// Serve over standard input and output until the client says `exit`.
pub fn run_stdio() -> Result<(), BoxError> {
    let (connection, io) = Connection::stdio();
    serve(&connection, Options::default())?;
    drop(connection);
    io.join()?;
    Ok(())
}

fn workspace_roots(params: &InitializeParams) -> Vec<PathBuf> {
    let mut roots: Vec<PathBuf> = params
        .workspace_folders
        .iter()
        .flatten()
        .filter_map(|f| uri_path(&f.uri))
        .collect();
    #[allow(deprecated)] // root_uri is what older clients (and Neovim's single-root setups) send.
    if roots.is_empty() {
        roots.extend(params.root_uri.as_ref().and_then(uri_path));
    }
    roots.retain(|r| r.is_dir());
    roots
}

/// Serve on `connection` until `shutdown` and `exit`.
pub fn serve(connection: &Connection, mut options: Options) -> Result<(), BoxError> {
    let (id, params) = connection.initialize_start()?;
    let params: InitializeParams = serde_json::from_value(params)?;
    let init = InitializeResult {
        capabilities: capabilities(),
        server_info: Some(ServerInfo {
            name: "skill-audit".into(),
            version: Some(skill_audit::VERSION.into()),
        }),
    };
    connection.initialize_finish(id, serde_json::to_value(init)?)?;

    let init_options: InitOptions = params
        .initialization_options
        .clone()
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default();
    if let Some(ms) = init_options.debounce_ms {
        options.debounce = Duration::from_millis(ms.min(5_000));
    }
    let roots = workspace_roots(&params);
    if let Some(c) = init_options.config {
        options.config = Some(match roots.first() {
            Some(r) if c.is_relative() => r.join(c),
            _ => c,
        });
    }
    let watch = params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files)
        .and_then(|w| w.dynamic_registration)
        .unwrap_or(false);

    let shared = Arc::new(Shared {
        sender: connection.sender.clone(),
        docs: Mutex::new(HashMap::new()),
        published: Mutex::new(Published::default()),
        roots,
        options,
        cwd: std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/")),
    });

    let (lint_tx, lint_rx) = crossbeam_channel::unbounded::<Url>();
    let (lib_tx, lib_rx) = crossbeam_channel::unbounded::<()>();
    let lint_worker = {
        let shared = Arc::clone(&shared);
        thread::Builder::new()
            .name("skill-audit-lint".into())
            .spawn(move || lint_loop(&shared, &lint_rx))?
    };
    let library_worker = {
        let shared = Arc::clone(&shared);
        thread::Builder::new()
            .name("skill-audit-library".into())
            .spawn(move || library_loop(&shared, &lib_rx))?
    };

    if watch {
        let watchers = [
            "**/skill-audit.toml",
            "**/.skill-audit.toml",
            "**/SKILL.md",
            "**/*.json",
        ]
        .iter()
        .map(|g| FileSystemWatcher {
            glob_pattern: GlobPattern::String((*g).to_string()),
            kind: None,
        })
        .collect();
        let reg = Registration {
            id: "skill-audit-watch".into(),
            method: notif::DidChangeWatchedFiles::METHOD.into(),
            register_options: serde_json::to_value(DidChangeWatchedFilesRegistrationOptions {
                watchers,
            })
            .ok(),
        };
        shared.send(Request::new(
            RequestId::from("skill-audit/register-watchers".to_string()),
            req::RegisterCapability::METHOD.into(),
            RegistrationParams {
                registrations: vec![reg],
            },
        ));
    }
    let _ = lib_tx.send(());

    let result = main_loop(connection, &shared, &lint_tx, &lib_tx);
    drop(lint_tx);
    drop(lib_tx);
    let _ = lint_worker.join();
    let _ = library_worker.join();
    result
}

fn main_loop(
    connection: &Connection,
    shared: &Shared,
    lint_tx: &Sender<Url>,
    lib_tx: &Sender<()>,
) -> Result<(), BoxError> {
    for msg in &connection.receiver {
        match msg {
            Message::Request(r) => {
                if connection.handle_shutdown(&r)? {
                    return Ok(());
                }
                // A bug in a handler costs that request, not the session.
                let id = r.id.clone();
                let response =
                    std::panic::catch_unwind(AssertUnwindSafe(|| handle_request(shared, r)))
                        .unwrap_or_else(|_| {
                            Response::new_err(
                                id,
                                ErrorCode::InternalError as i32,
                                "internal error".into(),
                            )
                        });
                shared.send(response);
            }
            Message::Notification(n) => {
                if n.method == notif::Exit::METHOD {
                    return Ok(());
                }
                handle_notification(shared, n, lint_tx, lib_tx);
            }
            Message::Response(_) => {}
        }
    }
    Ok(())
}

fn reply<R: serde::Serialize>(id: RequestId, result: Result<R, String>) -> Response {
    match result {
        Ok(r) => Response::new_ok(id, r),
        Err(e) => Response::new_err(id, ErrorCode::InvalidParams as i32, e),
    }
}

fn handle_request(shared: &Shared, r: Request) -> Response {
    let id = r.id.clone();
    match r.method.as_str() {
        req::CodeActionRequest::METHOD => reply(
            id,
            serde_json::from_value::<CodeActionParams>(r.params)
                .map(|p| code_actions(shared, &p))
                .map_err(|e| e.to_string()),
        ),
        req::HoverRequest::METHOD => reply(
            id,
            serde_json::from_value::<HoverParams>(r.params)
                .map(|p| hover(shared, &p))
                .map_err(|e| e.to_string()),
        ),
        req::Completion::METHOD => reply(
            id,
            serde_json::from_value::<CompletionParams>(r.params)
                .map(|p| completion(shared, &p))
                .map_err(|e| e.to_string()),
        ),
        _ => Response::new_err(
            id,
            ErrorCode::MethodNotFound as i32,
            format!("unhandled method {}", r.method),
        ),
    }
}

fn doc_of(shared: &Shared, uri: &Url) -> Option<(String, Option<PathBuf>)> {
    if let Some(d) = lock(&shared.docs).get(uri) {
        return Some((d.text.clone(), d.path.clone()));
    }
    let path = uri_path(uri)?;
    std::fs::read_to_string(&path).ok().map(|t| (t, Some(path)))
}

fn code_actions(shared: &Shared, p: &CodeActionParams) -> Vec<lsp_types::CodeActionOrCommand> {
    let uri = &p.text_document.uri;
    let Some((text, Some(path))) = doc_of(shared, uri) else {
        return Vec::new();
    };
    let only = p.context.only.as_ref();
    let mut out = Vec::new();
    if actions::wants(only, CodeActionKind::QUICKFIX.as_str()) {
        out.extend(actions::quick_fixes(
            uri,
            &path,
            &text,
            &p.context.diagnostics,
        ));
    }
    if actions::wants(only, actions::FIX_ALL) {
        let overlays = shared.overlays();
        let unit = analysis::unit_root(&path, &shared.roots, &overlays);
        if let Some(fixed) = analysis::fix_all(
            &path,
            &text,
            &unit,
            shared.options.config.as_deref(),
            overlays,
        ) {
            out.push(actions::fix_all_action(uri, &text, fixed));
        }
    }
    out
}

fn hover(shared: &Shared, p: &HoverParams) -> Option<lsp_types::Hover> {
    let uri = &p.text_document_position_params.text_document.uri;
    let (text, path) = doc_of(shared, uri)?;
    let path = path?;
    let diags: Vec<lsp_types::Diagnostic> = {
        let pb = lock(&shared.published);
        [&pb.local, &pb.library]
            .iter()
            .filter_map(|m| m.get(uri))
            .flatten()
            .cloned()
            .collect()
    };
    assist::hover(
        FileKind::of(&path),
        shared.profile_for(&path),
        &text,
        p.text_document_position_params.position,
        &diags,
    )
}

fn completion(shared: &Shared, p: &CompletionParams) -> Vec<lsp_types::CompletionItem> {
    let uri = &p.text_document_position.text_document.uri;
    let Some((text, Some(path))) = doc_of(shared, uri) else {
        return Vec::new();
    };
    assist::complete(
        FileKind::of(&path),
        shared.profile_for(&path),
        &text,
        p.text_document_position.position,
    )
}

fn config_changed(shared: &Shared, uri: &Url, lint_tx: &Sender<Url>, lib_tx: &Sender<()>) {
    if let Some(path) = uri_path(uri) {
        let text = lock(&shared.docs).get(uri).map(|d| d.text.clone());
        match analysis::validate_config(&path, text.as_deref()) {
            Ok(()) => {
                if lock(&shared.published).config.remove(uri).is_some() {
                    shared.publish(uri);
                }
            }
            Err(e) => shared.config_error(&e),
        }
    }
    // Settings may differ everywhere: audit every open document and the library again.
    let open: Vec<Url> = lock(&shared.docs).keys().cloned().collect();
    for u in open {
        let _ = lint_tx.send(u);
    }
    let _ = lib_tx.send(());
}

fn handle_notification(
    shared: &Shared,
    n: Notification,
    lint_tx: &Sender<Url>,
    lib_tx: &Sender<()>,
) {
    match n.method.as_str() {
        notif::DidOpenTextDocument::METHOD => {
            let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(n.params) else {
                return;
            };
            let uri = p.text_document.uri;
            let path = uri_path(&uri);
            lock(&shared.docs).insert(
                uri.clone(),
                Doc {
                    text: p.text_document.text,
                    version: p.text_document.version,
                    path: path.clone(),
                },
            );
            if path.as_deref().is_some_and(analysis::is_config) {
                config_changed(shared, &uri, lint_tx, lib_tx);
            } else {
                let _ = lint_tx.send(uri);
            }
        }
        notif::DidChangeTextDocument::METHOD => {
            let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(n.params) else {
                return;
            };
            let uri = p.text_document.uri;
            // Full sync: the last change holds the whole text.
            let Some(change) = p.content_changes.into_iter().last() else {
                return;
            };
            if let Some(doc) = lock(&shared.docs).get_mut(&uri) {
                doc.text = change.text;
                doc.version = p.text_document.version;
            }
            let _ = lint_tx.send(uri);
        }
        notif::DidSaveTextDocument::METHOD => {
            let Ok(p) = serde_json::from_value::<DidSaveTextDocumentParams>(n.params) else {
                return;
            };
            let uri = p.text_document.uri;
            if uri_path(&uri).as_deref().is_some_and(analysis::is_config) {
                config_changed(shared, &uri, lint_tx, lib_tx);
            } else {
                let _ = lint_tx.send(uri);
                let _ = lib_tx.send(());
            }
        }
        notif::DidCloseTextDocument::METHOD => {
            let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(n.params) else {
                return;
            };
            let uri = p.text_document.uri;
            lock(&shared.docs).remove(&uri);
            let had = {
                let mut pb = lock(&shared.published);
                for files in pb.unit_files.values_mut() {
                    files.remove(&uri);
                }
                pb.local.remove(&uri).is_some()
            };
            if had {
                shared.publish(&uri);
            }
        }
        notif::DidChangeWatchedFiles::METHOD => {
            let Ok(p) = serde_json::from_value::<DidChangeWatchedFilesParams>(n.params) else {
                return;
            };
            let config = p
                .changes
                .iter()
                .find(|c| uri_path(&c.uri).as_deref().is_some_and(analysis::is_config));
            match config {
                Some(c) => config_changed(shared, &c.uri, lint_tx, lib_tx),
                None => {
                    let _ = lib_tx.send(());
                }
            }
        }
        _ => {}
    }
}

/// The per-folder worker. The first change after a quiet spell is audited at once; changes
/// that follow within the debounce window are coalesced and audited when typing pauses.
fn lint_loop(shared: &Shared, rx: &Receiver<Url>) {
    let mut last_run: HashMap<Url, Instant> = HashMap::new();
    while let Ok(first) = rx.recv() {
        let recent = last_run
            .get(&first)
            .is_some_and(|t| t.elapsed() < shared.options.debounce);
        let mut pending = BTreeSet::from([first]);
        if recent {
            loop {
                match rx.recv_timeout(shared.options.debounce) {
                    Ok(u) => {
                        pending.insert(u);
                    }
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
        }
        pending.extend(rx.try_iter());
        let mut done: BTreeSet<PathBuf> = BTreeSet::new();
        for uri in pending {
            last_run.insert(uri.clone(), Instant::now());
            let _ = std::panic::catch_unwind(AssertUnwindSafe(|| {
                lint_document(shared, &uri, &mut done);
            }));
        }
    }
}

fn lint_document(shared: &Shared, uri: &Url, done: &mut BTreeSet<PathBuf>) {
    let Some((version, Some(path))) = lock(&shared.docs)
        .get(uri)
        .map(|d| (d.version, d.path.clone()))
    else {
        return;
    };
    if analysis::is_config(&path) {
        return;
    }
    let overlays = shared.overlays();
    let unit = analysis::unit_root(&path, &shared.roots, &overlays);
    if !done.insert(unit.clone()) {
        return;
    }
    let started = Instant::now();
    let result = analysis::check_unit(&unit, shared.options.config.as_deref(), overlays);
    let checked = started.elapsed();
    // A newer edit arrived while this ran: its own job follows; drop the stale result.
    let current = lock(&shared.docs).get(uri).map(|d| d.version);
    if current != Some(version) {
        done.remove(&unit);
        return;
    }
    match result {
        Ok(report) => {
            let by_uri = shared.convert(&report);
            let touched: BTreeSet<Url> = {
                let mut pb = lock(&shared.published);
                let before = pb.unit_files.remove(&unit).unwrap_or_default();
                let now: BTreeSet<Url> = by_uri.keys().cloned().collect();
                for u in before.difference(&now) {
                    pb.local.remove(u);
                }
                // The edited document is always published, so a fixed file shows an empty list.
                let mut touched: BTreeSet<Url> = before.union(&now).cloned().collect();
                touched.insert(uri.clone());
                pb.local.remove(uri);
                for (u, d) in by_uri {
                    pb.local.insert(u, d);
                }
                pb.unit_files.insert(unit.clone(), now);
                touched
            };
            for u in &touched {
                shared.publish(u);
            }
            if shared.options.timing {
                eprintln!(
                    "skill-audit: {} checked in {:.1} ms, published in {:.1} ms",
                    unit.display(),
                    checked.as_secs_f64() * 1e3,
                    started.elapsed().saturating_sub(checked).as_secs_f64() * 1e3
                );
            }
            shared.recheck_configs();
        }
        Err(CheckError::Config(e)) => shared.config_error(&e),
        Err(CheckError::Path(..)) => {}
    }
}

/// The library worker: every hook over all workspace roots, keeping the library-wide findings.
/// It runs on one thread of its own so per-file audits keep the other cores.
fn library_loop(shared: &Shared, rx: &Receiver<()>) {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .thread_name(|_| "skill-audit-library-pool".into())
        .build()
        .ok();
    while rx.recv().is_ok() {
        while rx.try_recv().is_ok() {}
        if shared.roots.is_empty() {
            continue;
        }
        let overlays = shared.overlays();
        let run =
            || analysis::check_library(&shared.roots, shared.options.config.as_deref(), overlays);
        let result = std::panic::catch_unwind(AssertUnwindSafe(|| match &pool {
            Some(p) => p.install(run),
            None => run(),
        }));
        let Ok(result) = result else { continue };
        if !rx.is_empty() {
            continue; // stale: a newer request is queued
        }
        match result {
            Ok(report) => {
                let by_uri = shared.convert(&report);
                let touched: BTreeSet<Url> = {
                    let mut pb = lock(&shared.published);
                    let mut touched: BTreeSet<Url> = pb.library.keys().cloned().collect();
                    touched.extend(by_uri.keys().cloned());
                    pb.library = by_uri;
                    touched
                };
                for u in &touched {
                    shared.publish(u);
                }
            }
            Err(CheckError::Config(e)) => shared.config_error(&e),
            Err(CheckError::Path(..)) => {}
        }
    }
}
