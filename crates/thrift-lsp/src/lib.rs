//! `thrift-ls`, the Thrift language server: tower-lsp-server glue over
//! `thrift-ide`. The only crate that knows LSP, JSON-RPC or tokio.
//!
//! Design rules (tower-lsp runs handlers concurrently):
//! - `didOpen`, `didChange` and `didClose` change the state before their
//!   first `.await`, under one lock, so edits apply in order;
//! - diagnostics are computed by a debounced task and published with the
//!   document version they were computed for; a stale task publishes
//!   nothing;
//! - requests are answered from an immutable snapshot on a blocking
//!   thread, off the lock. A change cancels the snapshots taken before it
//!   (the request fails with `ContentModified`, and the client asks again);
//!   `$/cancelRequest` sets the request's snapshot flags as soon as it is
//!   read ([`CancelEarly`]), and tower-lsp-server drops the request's
//!   future, which cancels its snapshot too; a panic in a request becomes
//!   an error response;
//! - no handler touches the disk or runs git under the lock: include
//!   lookups, file reads, the index's parse and git run on blocking
//!   threads, and only their results are applied under the lock;
//! - diagnostics are computed the same way, on a snapshot, and a run whose
//!   snapshot went stale stops early.

mod breaking;
pub mod cli;
pub mod convert;
mod state;
pub mod transport;

use std::{
    panic::{AssertUnwindSafe, catch_unwind},
    sync::{
        Arc, Mutex, MutexGuard,
        atomic::{AtomicBool, Ordering},
    },
    time::Duration,
};

use serde::Deserialize;
use thrift_ide::FileId;
use tower_lsp_server::{
    Client, LanguageServer, LspService,
    jsonrpc::{Error, Id, Request, Response, Result},
    ls_types::*,
};

use crate::{
    convert::Encoding,
    state::{Snapshot, State, View},
};

/// `initializationOptions`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct InitOptions {
    /// Include directories, after the including file's directory.
    pub include_dirs: Vec<String>,
    /// `"auto"`, `"apache"` or `"fbthrift"`.
    pub dialect: Option<String>,
    pub inlay_hints: InlayHintOptions,
    /// Targets whose rules run (docs/targets.md), over the config's.
    pub targets: Vec<String>,
    /// The Apache compiler version of the py, go and java targets.
    pub thrift_version: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct InlayHintOptions {
    pub enum_values: bool,
    pub field_ids: bool,
    pub typedef_targets: bool,
}

impl Default for InlayHintOptions {
    fn default() -> InlayHintOptions {
        InlayHintOptions {
            enum_values: true,
            field_ids: true,
            typedef_targets: false,
        }
    }
}

/// The server.
pub struct Backend {
    client: Client,
    state: Arc<Mutex<State>>,
    /// How many include lookups (on disk, off the lock) are under way.
    /// Requests and diagnostics wait for those of earlier changes.
    resolving: Arc<tokio::sync::watch::Sender<usize>>,
}

/// Builds the service (with the `thrift/syntaxTree` extension).
pub fn service() -> (LspService<Backend>, tower_lsp_server::ClientSocket) {
    LspService::build(|client| Backend {
        client,
        state: Arc::new(Mutex::new(State::default())),
        resolving: Arc::new(tokio::sync::watch::channel(0).0),
    })
    .custom_method("thrift/syntaxTree", Backend::syntax_tree)
    .finish()
}

/// Parameters of `thrift/syntaxTree`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SyntaxTreeParams {
    pub text_document: TextDocumentIdentifier,
}

fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    state
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// One request's cancellation, set by `$/cancelRequest` as soon as the
/// transport reads it ([`CancelEarly`]), with the flags of the snapshots
/// the request's work runs on.
#[derive(Default)]
struct RequestCancel {
    cancelled: AtomicBool,
    flags: Mutex<Vec<Arc<AtomicBool>>>,
}

impl RequestCancel {
    fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
        let flags = self.flags.lock().unwrap_or_else(|e| e.into_inner());
        for flag in flags.iter() {
            flag.store(true, Ordering::Relaxed);
        }
    }

    fn attach(&self, flag: Arc<AtomicBool>) {
        let mut flags = self.flags.lock().unwrap_or_else(|e| e.into_inner());
        if self.cancelled.load(Ordering::Relaxed) {
            flag.store(true, Ordering::Relaxed);
        }
        flags.push(flag);
    }
}

tokio::task_local! {
    /// The cancellation of the request whose handler runs.
    static REQUEST: Arc<RequestCancel>;
}

type Requests = Arc<Mutex<std::collections::HashMap<Id, std::sync::Weak<RequestCancel>>>>;

/// Wraps the server's service so that `$/cancelRequest` reaches the work
/// at once. tower-lsp-server handles a cancel as a message of its own, in
/// the same queue as every other, polled only when the server's output
/// moves on; here the cancel sets the request's flags as soon as it is
/// read (`call` runs in the reading loop), and the work stops at its next
/// check. tower-lsp-server still answers the request `RequestCancelled`.
pub struct CancelEarly<S> {
    inner: S,
    requests: Requests,
}

impl<S> CancelEarly<S> {
    pub fn new(inner: S) -> CancelEarly<S> {
        CancelEarly {
            inner,
            requests: Arc::default(),
        }
    }
}

/// Forgets a request's cancellation when its future ends or is dropped.
struct Forget(Requests, Id);

impl Drop for Forget {
    fn drop(&mut self) {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&self.1);
    }
}

impl<S> tower::Service<Request> for CancelEarly<S>
where
    S: tower::Service<Request, Response = Option<Response>>,
    S::Future: Send + 'static,
{
    type Response = Option<Response>;
    type Error = S::Error;
    type Future = std::pin::Pin<
        Box<dyn Future<Output = std::result::Result<Self::Response, Self::Error>> + Send>,
    >;

    fn poll_ready(
        &mut self,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::result::Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        if request.method() == "$/cancelRequest" {
            let id = request
                .params()
                .and_then(|p| p.get("id"))
                .and_then(|id| serde_json::from_value::<Id>(id.clone()).ok());
            if let Some(id) = id {
                let found = self
                    .requests
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .get(&id)
                    .and_then(std::sync::Weak::upgrade);
                if let Some(cancel) = found {
                    cancel.cancel();
                }
            }
            return Box::pin(self.inner.call(request));
        }
        let Some(id) = request.id().cloned() else {
            return Box::pin(self.inner.call(request));
        };
        let cancel = Arc::new(RequestCancel::default());
        self.requests
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(id.clone(), Arc::downgrade(&cancel));
        let forget = Forget(self.requests.clone(), id);
        let future = self.inner.call(request);
        Box::pin(REQUEST.scope(cancel, async move {
            let _forget = forget;
            future.await
        }))
    }
}

/// Sets a snapshot's cancellation flag when dropped: when the request's
/// future is dropped (`$/cancelRequest`), its blocking work stops too.
struct CancelOnDrop(Arc<AtomicBool>);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// At most this many document symbols (children included) in one
/// response, in document order: a 20 MB file would otherwise answer with
/// hundreds of megabytes of JSON that no outline can show. Documented in
/// docs/lsp.md.
pub const MAX_DOCUMENT_SYMBOLS: usize = 10_000;

/// At most this many diagnostics of one file are sent, in document order,
/// then one that counts the rest: a generated file with 300,000 errors
/// took 2.5 GB and 30 s to send, and no editor lists that many. Documented
/// in docs/lsp.md.
pub const MAX_DIAGNOSTICS: usize = 10_000;

fn content_modified() -> Error {
    Error {
        code: tower_lsp_server::jsonrpc::ErrorCode::ContentModified,
        message: "thrift-ls: the document changed while answering; ask again".into(),
        data: None,
    }
}

fn internal_error() -> Error {
    let mut e = Error::internal_error();
    e.message = "thrift-ls: internal error while answering the request".into();
    e
}

/// The file and offset of a text document position.
fn file_offset(
    view: &View<'_>,
    uri: &Uri,
    position: Position,
) -> Option<(FileId, thrift_ide::TextSize)> {
    let file = view.file_of(uri)?;
    Some((file, view.offset(file, position)?))
}

/// Runs `f` (work on a snapshot whose cancellation flag is `flag`) on a
/// blocking thread. If this future is dropped (`$/cancelRequest`), the flag
/// is set and the work stops at its next check. A cancelled run is
/// `ContentModified`; a panic, an internal error.
async fn off_lock<R: Send + 'static>(
    flag: Arc<AtomicBool>,
    f: impl FnOnce() -> thrift_ide::Cancellable<R> + Send + 'static,
) -> Result<R> {
    // `$/cancelRequest` for this request sets the flag at once.
    let _ = REQUEST.try_with(|request| request.attach(flag.clone()));
    let _guard = CancelOnDrop(flag);
    let result = tokio::task::spawn_blocking(move || catch_unwind(AssertUnwindSafe(f))).await;
    let cancelled = REQUEST
        .try_with(|request| request.cancelled.load(Ordering::Relaxed))
        .unwrap_or(false);
    match result {
        Ok(Ok(Ok(r))) => Ok(r),
        Ok(Ok(Err(thrift_ide::Cancelled))) if cancelled => Err(Error::request_cancelled()),
        Ok(Ok(Err(thrift_ide::Cancelled))) => Err(content_modified()),
        _ => Err(internal_error()),
    }
}

impl Backend {
    /// Answers a request from a snapshot, on a blocking thread. A change
    /// meanwhile cancels it (`ContentModified`: the client asks again);
    /// `$/cancelRequest` drops this future, and the guard cancels the
    /// snapshot's work; a panic becomes an error response.
    async fn query<R: Send + 'static>(
        &self,
        f: impl FnOnce(&Snapshot, View<'_>) -> R + Send + 'static,
    ) -> Result<R> {
        // The text the request's positions are for: handlers run
        // concurrently, so edits that arrived after this request may be
        // applied while it waits for include lookups below.
        let edits = lock(&self.state).edits;
        settled(&self.resolving).await;
        let snapshot = {
            let s = lock(&self.state);
            if s.edits != edits {
                return Err(content_modified());
            }
            s.snapshot()
        };
        let flag = snapshot.analysis.cancel_flag();
        off_lock(flag, move || {
            snapshot
                .analysis
                .with_db(|db| f(&snapshot, snapshot.view(db)))
        })
        .await
    }

    /// The include lookups the last changes queued (under the lock, which
    /// `s` is): counted as under way until [`Backend::resolve_includes`]
    /// is done with them.
    fn take_include_job(&self, s: &mut State) -> Option<state::IncludeJob> {
        let job = s.take_include_job()?;
        self.resolving.send_modify(|n| *n += 1);
        Some(job)
    }

    /// Runs include lookups on a blocking thread, applies what they found
    /// under the lock, and goes on with the lookups that queued (files
    /// loaded in turn) until there are none.
    async fn resolve_includes(&self, job: Option<state::IncludeJob>) {
        let Some(mut job) = job else { return };
        // No longer under way when done, or if this future is dropped.
        struct Done<'a>(&'a tokio::sync::watch::Sender<usize>);
        impl Drop for Done<'_> {
            fn drop(&mut self) {
                self.0.send_modify(|n| *n = n.saturating_sub(1));
            }
        }
        let _done = Done(&self.resolving);
        loop {
            let Ok(found) = tokio::task::spawn_blocking(move || job.run()).await else {
                break;
            };
            let load = lock(&self.state).apply_includes(found);
            // The files found, parsed off the lock.
            if let Some(state::ToParse { changes, db }) = load
                && let Ok(parsed) =
                    tokio::task::spawn_blocking(move || db.parse_changes(changes)).await
            {
                lock(&self.state).finish_include_load(parsed);
            }
            let next = lock(&self.state).take_include_job();
            match next {
                Some(next) => job = next,
                None => break,
            }
        }
    }

    /// Reads every file again (a dialect changed): parsed on blocking
    /// threads, off the lock, then stored under it; their new includes are
    /// looked up.
    async fn reread(&self, reread: Option<state::ToParse>) {
        let Some(state::ToParse { changes, db }) = reread else {
            return;
        };
        let Ok(parsed) = tokio::task::spawn_blocking(move || db.parse_changes(changes)).await
        else {
            return;
        };
        let job = {
            let mut s = lock(&self.state);
            s.finish_reread(parsed);
            self.take_include_job(&mut s)
        };
        self.resolve_includes(job).await;
    }

    async fn syntax_tree(&self, params: SyntaxTreeParams) -> Result<String> {
        self.query(move |_snap, s| {
            let file = s.file_of(&params.text_document.uri)?;
            thrift_ide::syntax_tree(s.db, file)
        })
        .await
        .map(Option::unwrap_or_default)
    }

    /// The format options for a document (resolved under the lock: the
    /// config cache lives in the state).
    fn format_options(
        &self,
        uri: &Uri,
        editor: &FormattingOptions,
    ) -> Option<thrift_formatter::FormatOptions> {
        let mut s = lock(&self.state);
        let file = s.file_of(uri)?;
        Some(s.format_options(file, editor))
    }

    /// After a change on disk, the index or a config: publishes the open
    /// files' diagnostics again, or asks a pulling client to pull again.
    fn diagnostics_changed(&self) {
        let (pull, refresh) = {
            let s = lock(&self.state);
            (s.pull_diagnostics, s.diagnostic_refresh)
        };
        if !pull {
            self.schedule_diagnostics();
        } else if refresh {
            let client = self.client.clone();
            tokio::spawn(async move {
                let _ = client.workspace_diagnostic_refresh().await;
            });
        }
    }

    /// Publishes diagnostics of the open files after a short pause, unless
    /// another change came in meanwhile. Not for clients that pull them.
    fn schedule_diagnostics(&self) {
        let generation = {
            let mut state = lock(&self.state);
            state.generation += 1;
            if state.pull_diagnostics {
                return;
            }
            state.generation
        };
        let state = self.state.clone();
        let client = self.client.clone();
        let resolving = self.resolving.clone();
        tokio::spawn(async move {
            tokio::time::sleep(Duration::from_millis(40)).await;
            settled(&resolving).await;
            let job = {
                let mut s = lock(&state);
                if s.generation != generation {
                    return;
                }
                s.diagnostics_job()
            };
            // On a snapshot, off the lock: edits go on being applied, and
            // cancel this run.
            let Ok(run) = off_lock(job.cancel_flag(), move || job.run()).await else {
                return;
            };
            if lock(&state).generation != generation {
                return;
            }
            for message in run.log {
                client.log_message(MessageType::WARNING, message).await;
            }
            for d in run.files {
                // Still the latest version? (Changes apply under the lock.)
                let current = lock(&state).open_version(&d.uri);
                if current == Some(d.version) {
                    client
                        .publish_diagnostics(d.uri, d.diagnostics, Some(d.version))
                        .await;
                }
            }
        });
    }
}

/// Waits until no include lookup is under way.
async fn settled(resolving: &tokio::sync::watch::Sender<usize>) {
    let mut rx = resolving.subscribe();
    let _ = rx.wait_for(|n| *n == 0).await;
}

fn encoding_from(params: &InitializeParams) -> Encoding {
    let offered = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref())
        .is_some_and(|e| e.contains(&PositionEncodingKind::UTF8));
    if offered {
        Encoding::Utf8
    } else {
        Encoding::Utf16
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let encoding = encoding_from(&params);
        // Pull diagnostics where the client supports them; push otherwise.
        let pull = params
            .capabilities
            .text_document
            .as_ref()
            .is_some_and(|t| t.diagnostic.is_some());
        let options: InitOptions = params
            .initialization_options
            .clone()
            .and_then(|v| serde_json::from_value(v).ok())
            .unwrap_or_default();
        let mut roots: Vec<std::path::PathBuf> = params
            .workspace_folders
            .iter()
            .flatten()
            .filter_map(|f| f.uri.to_file_path().map(|p| p.into_owned()))
            .collect();
        #[allow(deprecated)]
        if roots.is_empty()
            && let Some(root) = params.root_uri.as_ref().and_then(|u| u.to_file_path())
        {
            roots.push(root.into_owned());
        }
        {
            let mut s = lock(&self.state);
            s.encoding = encoding;
            s.pull_diagnostics = pull;
            s.diagnostic_refresh = params
                .capabilities
                .workspace
                .as_ref()
                .and_then(|w| w.diagnostics.as_ref())
                .and_then(|d| d.refresh_support)
                == Some(true);
            // Server-to-client requests only where the client says it
            // takes them.
            let caps = &params.capabilities;
            s.watch_registration = caps
                .workspace
                .as_ref()
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|d| d.dynamic_registration)
                == Some(true);
            s.work_done_progress =
                caps.window.as_ref().and_then(|w| w.work_done_progress) == Some(true);
            s.inlay_hint_refresh = caps
                .workspace
                .as_ref()
                .and_then(|w| w.inlay_hint.as_ref())
                .and_then(|i| i.refresh_support)
                == Some(true);
            s.roots = roots;
            s.configure(&options);
        }
        let legend = SemanticTokensLegend {
            token_types: thrift_ide::TOKEN_TYPES
                .iter()
                .map(|t| SemanticTokenType::new(t))
                .collect(),
            token_modifiers: thrift_ide::TOKEN_MODIFIERS
                .iter()
                .map(|t| SemanticTokenModifier::new(t))
                .collect(),
        };
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "thrift-ls".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            capabilities: ServerCapabilities {
                position_encoding: Some(match encoding {
                    Encoding::Utf8 => PositionEncodingKind::UTF8,
                    Encoding::Utf16 => PositionEncodingKind::UTF16,
                }),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                        ..Default::default()
                    },
                )),
                definition_provider: Some(OneOf::Left(true)),
                declaration_provider: Some(DeclarationCapability::Simple(true)),
                type_definition_provider: Some(TypeDefinitionProviderCapability::Simple(true)),
                document_highlight_provider: Some(OneOf::Left(true)),
                references_provider: Some(OneOf::Left(true)),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                document_symbol_provider: Some(OneOf::Left(true)),
                workspace_symbol_provider: Some(OneOf::Left(true)),
                rename_provider: Some(OneOf::Right(RenameOptions {
                    prepare_provider: Some(true),
                    work_done_progress_options: Default::default(),
                })),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(vec![".".into(), "\"".into(), "/".into()]),
                    ..Default::default()
                }),
                document_formatting_provider: Some(OneOf::Left(true)),
                document_range_formatting_provider: Some(OneOf::Left(true)),
                folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
                selection_range_provider: Some(SelectionRangeProviderCapability::Simple(true)),
                document_link_provider: Some(DocumentLinkOptions {
                    resolve_provider: Some(false),
                    work_done_progress_options: Default::default(),
                }),
                semantic_tokens_provider: Some(
                    SemanticTokensServerCapabilities::SemanticTokensOptions(
                        SemanticTokensOptions {
                            legend,
                            full: Some(SemanticTokensFullOptions::Bool(true)),
                            range: Some(true),
                            ..Default::default()
                        },
                    ),
                ),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![
                            CodeActionKind::QUICKFIX,
                            CodeActionKind::REFACTOR_REWRITE,
                        ]),
                        ..Default::default()
                    },
                )),
                inlay_hint_provider: Some(OneOf::Left(true)),
                diagnostic_provider: pull.then(|| {
                    DiagnosticServerCapabilities::Options(DiagnosticOptions {
                        identifier: Some("thrift".into()),
                        // A file's diagnostics depend on the files it includes.
                        inter_file_dependencies: true,
                        workspace_diagnostics: false,
                        work_done_progress_options: Default::default(),
                    })
                }),
                workspace: Some(WorkspaceServerCapabilities {
                    workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                        supported: Some(true),
                        change_notifications: Some(OneOf::Left(true)),
                    }),
                    file_operations: None,
                }),
                ..ServerCapabilities::default()
            },
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        // Target settings in initializationOptions that were ignored.
        let targets_error = lock(&self.state).target_settings_error.take();
        if let Some(e) = targets_error {
            self.client.log_message(MessageType::WARNING, e).await;
        }
        // Watch Thrift files and the config on disk.
        let watchers = vec![
            FileSystemWatcher {
                glob_pattern: GlobPattern::String("**/*.thrift".into()),
                kind: None,
            },
            FileSystemWatcher {
                glob_pattern: GlobPattern::String("**/thrift-tools.toml".into()),
                kind: None,
            },
        ];
        let registration = Registration {
            id: "thrift-watch".into(),
            method: "workspace/didChangeWatchedFiles".into(),
            register_options: serde_json::to_value(DidChangeWatchedFilesRegistrationOptions {
                watchers,
            })
            .ok(),
        };
        // Only to a client that registers watchers dynamically, and
        // without waiting for its answer.
        if lock(&self.state).watch_registration {
            let client = self.client.clone();
            tokio::spawn(async move {
                let _ = client.register_capability(vec![registration]).await;
            });
        }
        self.index().await;
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        let job = {
            let mut s = lock(&self.state);
            s.open(doc.uri, doc.version, doc.text);
            self.take_include_job(&mut s)
        };
        self.schedule_diagnostics();
        self.resolve_includes(job).await;
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let job = {
            let mut s = lock(&self.state);
            s.change(
                &params.text_document.uri,
                params.text_document.version,
                params.content_changes,
            );
            self.take_include_job(&mut s)
        };
        self.schedule_diagnostics();
        self.resolve_includes(job).await;
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        let closed = lock(&self.state).close(&uri);
        self.client
            .publish_diagnostics(uri.clone(), Vec::new(), None)
            .await;
        // Back to what is on disk, read off the lock.
        let Some((id, path)) = closed else { return };
        let text = tokio::task::spawn_blocking(move || std::fs::read_to_string(path).ok())
            .await
            .ok()
            .flatten();
        let job = {
            let mut s = lock(&self.state);
            s.closed_text(id, text);
            self.take_include_job(&mut s)
        };
        self.resolve_includes(job).await;
        self.diagnostics_changed();
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        // The disk is read off the lock; then the includes of every file
        // that could name a changed path are looked up again.
        let reads = tokio::task::spawn_blocking(move || {
            params
                .changes
                .into_iter()
                .map(|change| {
                    let path = state::path_of(&change.uri);
                    let text = if change.typ == FileChangeType::DELETED
                        || path
                            .file_name()
                            .is_some_and(|n| n == thrift_config::CONFIG_FILE_NAME)
                    {
                        None
                    } else {
                        std::fs::read_to_string(&path).ok()
                    };
                    (path, text)
                })
                .collect::<Vec<_>>()
        })
        .await
        .unwrap_or_default();
        let (reread, job) = {
            let mut s = lock(&self.state);
            let reread = s.files_changed_on_disk(reads);
            (reread, self.take_include_job(&mut s))
        };
        self.reread(reread).await;
        self.resolve_includes(job).await;
        self.diagnostics_changed();
    }

    /// New settings, applied at once: `includeDirs`, `dialect` and
    /// `inlayHints`, as in `initializationOptions`, either as `settings`
    /// or under `settings.thrift`. Settings without any of these keys (a
    /// client that pulls its settings sends `null`) change nothing.
    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let settings = match params.settings.get("thrift") {
            Some(thrift) => thrift.clone(),
            None => params.settings,
        };
        let known = settings.as_object().is_some_and(|o| {
            [
                "includeDirs",
                "dialect",
                "inlayHints",
                "targets",
                "thriftVersion",
            ]
            .iter()
            .any(|k| o.contains_key(*k))
        });
        let Some(options) = known
            .then(|| serde_json::from_value::<InitOptions>(settings).ok())
            .flatten()
        else {
            return;
        };
        let (reread, job, refresh, targets_error) = {
            let mut s = lock(&self.state);
            let reread = s.reconfigure(&options);
            let targets_error = s.target_settings_error.take();
            (
                reread,
                self.take_include_job(&mut s),
                s.inlay_hint_refresh,
                targets_error,
            )
        };
        if let Some(e) = targets_error {
            self.client.log_message(MessageType::WARNING, e).await;
        }
        self.reread(reread).await;
        self.resolve_includes(job).await;
        if refresh {
            let client = self.client.clone();
            tokio::spawn(async move {
                let _ = client.inlay_hint_refresh().await;
            });
        }
        self.diagnostics_changed();
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        {
            let mut s = lock(&self.state);
            for removed in &params.event.removed {
                if let Some(p) = removed.uri.to_file_path() {
                    s.roots.retain(|r| r != p.as_ref());
                }
            }
            for added in &params.event.added {
                if let Some(p) = added.uri.to_file_path() {
                    s.roots.push(p.into_owned());
                }
            }
        }
        self.index().await;
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let p = params.text_document_position_params;
        self.query(move |_snap, s| {
            let (file, offset) = file_offset(&s, &p.text_document.uri, p.position)?;
            let target = thrift_ide::goto_definition(s.db, file, offset)?;
            let location = s.location(target.file, target.focus_range)?;
            Some(GotoDefinitionResponse::Scalar(location))
        })
        .await
    }

    /// Thrift has no separate declarations: the definition.
    async fn goto_declaration(
        &self,
        params: request::GotoDeclarationParams,
    ) -> Result<Option<request::GotoDeclarationResponse>> {
        self.goto_definition(params).await
    }

    async fn goto_type_definition(
        &self,
        params: request::GotoTypeDefinitionParams,
    ) -> Result<Option<request::GotoTypeDefinitionResponse>> {
        let p = params.text_document_position_params;
        self.query(move |_snap, s| {
            let (file, offset) = file_offset(&s, &p.text_document.uri, p.position)?;
            let target = thrift_ide::goto_type_definition(s.db, file, offset)?;
            let location = s.location(target.file, target.focus_range)?;
            Some(GotoDefinitionResponse::Scalar(location))
        })
        .await
    }

    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> Result<Option<Vec<DocumentHighlight>>> {
        let p = params.text_document_position_params;
        self.query(move |_snap, s| {
            let (file, offset) = file_offset(&s, &p.text_document.uri, p.position)?;
            let highlights = thrift_ide::document_highlights(s.db, file, offset);
            let out: Vec<DocumentHighlight> = highlights
                .into_iter()
                .filter_map(|(range, declaration)| {
                    Some(DocumentHighlight {
                        range: s.range(file, range)?,
                        kind: Some(if declaration {
                            DocumentHighlightKind::WRITE
                        } else {
                            DocumentHighlightKind::READ
                        }),
                    })
                })
                .collect();
            (!out.is_empty()).then_some(out)
        })
        .await
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let p = params.text_document_position;
        self.query(move |_snap, s| {
            let (file, offset) = file_offset(&s, &p.text_document.uri, p.position)?;
            let refs =
                thrift_ide::references(s.db, file, offset, params.context.include_declaration);
            Some(
                refs.into_iter()
                    .filter_map(|(f, r)| s.location(f, r))
                    .collect(),
            )
        })
        .await
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let p = params.text_document_position_params;
        self.query(move |_snap, s| {
            let (file, offset) = file_offset(&s, &p.text_document.uri, p.position)?;
            let h = thrift_ide::hover(s.db, file, offset)?;
            let mut markdown = h.markdown;
            if let Some(defined_in) = h.defined_in
                && let Some(path) = s.file_path(defined_in)
            {
                let here = s.file_path(file).unwrap_or_default();
                let dir = here.parent().unwrap_or(std::path::Path::new(""));
                markdown.push_str(&format!(
                    "\n\n*defined in* `{}`",
                    thrift_ide::relative_path(dir, &path)
                ));
            }
            Some(Hover {
                contents: HoverContents::Markup(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: markdown,
                }),
                range: s.range(file, h.range),
            })
        })
        .await
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        self.query(move |_snap, s| {
            let file = s.file_of(&params.text_document.uri)?;
            let symbols = thrift_ide::document_symbols(s.db, file);
            let mut budget = MAX_DOCUMENT_SYMBOLS;
            Some(DocumentSymbolResponse::Nested(s.document_symbols(
                file,
                &symbols,
                &mut budget,
            )))
        })
        .await
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<WorkspaceSymbolResponse>> {
        self.query(move |_snap, s| {
            let found = thrift_ide::workspace_symbols(s.db, &params.query);
            #[allow(deprecated)]
            let symbols: Vec<SymbolInformation> = found
                .iter()
                .filter_map(|(file, sym)| {
                    Some(SymbolInformation {
                        name: sym.name.clone(),
                        kind: convert::symbol_kind(sym.kind),
                        tags: None,
                        deprecated: None,
                        location: s.location(*file, sym.focus_range)?,
                        container_name: None,
                    })
                })
                .collect();
            Some(WorkspaceSymbolResponse::Flat(symbols))
        })
        .await
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        self.query(move |_snap, s| {
            let (file, offset) = file_offset(&s, &params.text_document.uri, params.position)?;
            let range = thrift_ide::prepare_rename(s.db, file, offset)?;
            Some(PrepareRenameResponse::Range(s.range(file, range)?))
        })
        .await
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let p = params.text_document_position;
        let result = self
            .query(move |_snap, s| {
                let (file, offset) =
                    file_offset(&s, &p.text_document.uri, p.position).ok_or("no file")?;
                let edits = thrift_ide::rename(s.db, file, offset, &params.new_name)?;
                Ok::<_, String>(s.workspace_edit(&edits))
            })
            .await?;
        match result {
            Ok(edit) => Ok(Some(edit)),
            Err(message) => Err(Error::invalid_params(message)),
        }
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let p = params.text_document_position;
        self.query(move |_snap, s| {
            let (file, offset) = file_offset(&s, &p.text_document.uri, p.position)?;
            // Files on disk only (an untitled document's "path" is its URI).
            let path_of = |f: FileId| s.file_path(f).filter(|p| p.is_absolute());
            let items = thrift_ide::completions_in_workspace(s.db, file, offset, &path_of)
                .into_iter()
                .map(|c| {
                    let additional_text_edits = (!c.additional_edits.is_empty())
                        .then(|| s.text_edits(file, &c.additional_edits));
                    let text_edit = c.text_edit.and_then(|e| {
                        Some(CompletionTextEdit::Edit(TextEdit {
                            range: s.range(file, e.range)?,
                            new_text: e.new_text,
                        }))
                    });
                    CompletionItem {
                        label: c.label,
                        kind: Some(convert::completion_kind(c.kind)),
                        detail: c.detail,
                        text_edit,
                        additional_text_edits,
                        ..Default::default()
                    }
                })
                .collect::<Vec<_>>();
            // Types of files not included are filtered by what is typed and
            // capped: ask again as more is typed.
            let is_incomplete = items.iter().any(|i| i.additional_text_edits.is_some());
            Some(CompletionResponse::List(CompletionList {
                is_incomplete,
                items,
            }))
        })
        .await
    }

    async fn formatting(&self, params: DocumentFormattingParams) -> Result<Option<Vec<TextEdit>>> {
        let Some(options) = self.format_options(&params.text_document.uri, &params.options) else {
            return Ok(None);
        };
        self.query(move |_snap, s| {
            let file = s.file_of(&params.text_document.uri)?;
            let text = s.db.text(file)?.to_string();
            let check = || s.db.unwind_if_cancelled();
            let edits = thrift_ide::format_edits_checked(&text, &options, &check).ok()?;
            Some(s.text_edits(file, &edits))
        })
        .await
    }

    async fn range_formatting(
        &self,
        params: DocumentRangeFormattingParams,
    ) -> Result<Option<Vec<TextEdit>>> {
        let Some(options) = self.format_options(&params.text_document.uri, &params.options) else {
            return Ok(None);
        };
        self.query(move |_snap, s| {
            let file = s.file_of(&params.text_document.uri)?;
            let text = s.db.text(file)?.to_string();
            let range = s.text_range(file, params.range)?;
            let check = || s.db.unwind_if_cancelled();
            let edits =
                thrift_ide::format_range_edits_checked(&text, range, &options, &check).ok()?;
            Some(s.text_edits(file, &edits))
        })
        .await
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        self.query(move |_snap, s| {
            let file = s.file_of(&params.text_document.uri)?;
            Some(
                thrift_ide::folding_ranges(s.db, file)
                    .iter()
                    .filter_map(|f| s.folding_range(file, f))
                    .collect(),
            )
        })
        .await
    }

    async fn selection_range(
        &self,
        params: SelectionRangeParams,
    ) -> Result<Option<Vec<SelectionRange>>> {
        self.query(move |_snap, s| {
            let file = s.file_of(&params.text_document.uri)?;
            let mut out = Vec::new();
            for position in params.positions {
                let offset = s.offset(file, position)?;
                let ranges = thrift_ide::selection_ranges(s.db, file, offset);
                let mut parent: Option<Box<SelectionRange>> = None;
                for r in ranges.iter().rev() {
                    let range = s.range(file, *r)?;
                    parent = Some(Box::new(SelectionRange { range, parent }));
                }
                out.push(parent.map(|b| *b)?);
            }
            Some(out)
        })
        .await
    }

    async fn document_link(&self, params: DocumentLinkParams) -> Result<Option<Vec<DocumentLink>>> {
        self.query(move |_snap, s| {
            let file = s.file_of(&params.text_document.uri)?;
            Some(
                thrift_ide::document_links(s.db, file)
                    .into_iter()
                    .filter_map(|(range, target)| {
                        Some(DocumentLink {
                            range: s.range(file, range)?,
                            target: s.uri_of(target),
                            tooltip: None,
                            data: None,
                        })
                    })
                    .collect(),
            )
        })
        .await
    }

    async fn semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> Result<Option<SemanticTokensResult>> {
        self.query(move |_snap, s| {
            let file = s.file_of(&params.text_document.uri)?;
            let data = s.semantic_tokens(file, None)?;
            Some(SemanticTokensResult::Tokens(SemanticTokens {
                result_id: None,
                data,
            }))
        })
        .await
    }

    async fn semantic_tokens_range(
        &self,
        params: SemanticTokensRangeParams,
    ) -> Result<Option<SemanticTokensRangeResult>> {
        self.query(move |_snap, s| {
            let file = s.file_of(&params.text_document.uri)?;
            let range = s.text_range(file, params.range)?;
            let data = s.semantic_tokens(file, Some(range))?;
            Some(SemanticTokensRangeResult::Tokens(SemanticTokens {
                result_id: None,
                data,
            }))
        })
        .await
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        self.query(move |snap, s| {
            let file = s.file_of(&params.text_document.uri)?;
            let range = s.text_range(file, params.range)?;
            let hints = thrift_ide::inlay_hints(s.db, file, range, snap.inlay);
            Some(
                hints
                    .into_iter()
                    .filter_map(|h| {
                        Some(InlayHint {
                            position: s.position(file, h.offset)?,
                            label: InlayHintLabel::String(h.label),
                            kind: None,
                            text_edits: None,
                            tooltip: None,
                            padding_left: None,
                            padding_right: Some(h.before),
                            data: None,
                        })
                    })
                    .collect(),
            )
        })
        .await
    }

    /// Pull diagnostics: the same as pushed ones, for one document.
    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        // As in `query`: diagnostics for the text the request was sent on.
        let edits = lock(&self.state).edits;
        settled(&self.resolving).await;
        let job = {
            let mut s = lock(&self.state);
            if s.edits != edits {
                return Err(content_modified());
            }
            s.diagnostics_job_for(&params.text_document.uri)
        };
        let mut items = Vec::new();
        if let Some(job) = job {
            let run = off_lock(job.cancel_flag(), move || job.run()).await?;
            for message in run.log {
                self.client.log_message(MessageType::WARNING, message).await;
            }
            items = run.files.into_iter().flat_map(|d| d.diagnostics).collect();
        }
        Ok(DocumentDiagnosticReportResult::Report(
            DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport {
                    result_id: None,
                    items,
                },
            }),
        ))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        self.query(move |_snap, s| {
            let file = s.file_of(&params.text_document.uri)?;
            let range = s.text_range(file, params.range)?;
            let mut actions = thrift_ide::code_actions(s.db, file, range);
            actions.extend(s.add_include_actions(file, range));
            let renames = thrift_ide::target_rename_fixes(s.db, file, range);
            let renames = renames.into_iter().map(|r| {
                CodeActionOrCommand::CodeAction(CodeAction {
                    title: r.title,
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: s.diagnostic(&r.diagnostic).map(|d| vec![d]),
                    edit: Some(s.workspace_edit(&r.edits)),
                    is_preferred: Some(true),
                    ..Default::default()
                })
            });
            Some(
                renames
                    .collect::<Vec<_>>()
                    .into_iter()
                    .chain(actions.into_iter().map(|a| {
                        let edits: Vec<(FileId, thrift_ide::TextEdit)> =
                            a.edits.into_iter().map(|e| (file, e)).collect();
                        CodeActionOrCommand::CodeAction(CodeAction {
                            title: a.title,
                            kind: Some(match a.kind {
                                thrift_ide::CodeActionKind::QuickFix => CodeActionKind::QUICKFIX,
                                thrift_ide::CodeActionKind::Refactor => {
                                    CodeActionKind::REFACTOR_REWRITE
                                }
                            }),
                            diagnostics: a
                                .diagnostic
                                .and_then(|d| s.diagnostic(&d))
                                .map(|d| vec![d]),
                            edit: Some(s.workspace_edit(&edits)),
                            ..Default::default()
                        })
                    }))
                    .collect(),
            )
        })
        .await
    }
}

impl Backend {
    /// Indexes every `*.thrift` under the workspace folders, reporting
    /// progress, then republishes diagnostics.
    async fn index(&self) {
        let roots = lock(&self.state).roots.clone();
        if roots.is_empty() {
            return;
        }
        // Progress, where the client supports it: its token is created by
        // a request whose answer the indexing never waits for; `begin` is
        // sent once the client has answered (if the indexing is over by
        // then, `end` follows at once).
        let (done, done_rx) = tokio::sync::oneshot::channel::<String>();
        if lock(&self.state).work_done_progress {
            let client = self.client.clone();
            tokio::spawn(async move {
                let token = ProgressToken::String("thrift-ls/index".into());
                let created = client
                    .send_request::<request::WorkDoneProgressCreate>(WorkDoneProgressCreateParams {
                        token: token.clone(),
                    })
                    .await;
                if created.is_err() {
                    return;
                }
                let progress = client
                    .progress(token, "Indexing Thrift files")
                    .begin()
                    .await;
                let message = done_rx.await.unwrap_or_default();
                progress.finish_with_message(message).await;
            });
        }
        // The walk, the reads and the parse run on blocking threads, off
        // the lock; only ids and the results are taken under it.
        let (files, messages) = tokio::task::spawn_blocking(move || {
            let (paths, messages) = state::walk(&roots);
            let files = paths
                .into_iter()
                .filter_map(|path| {
                    let text = std::fs::read_to_string(&path).ok()?;
                    Some((path, text))
                })
                .collect::<Vec<_>>();
            (files, messages)
        })
        .await
        .unwrap_or_default();
        for message in messages {
            self.client
                .log_message(MessageType::WARNING, format!("thrift-ls: {message}"))
                .await;
        }
        let (changes, db) = lock(&self.state).prepare_load(files);
        let count = match tokio::task::spawn_blocking(move || db.parse_changes(changes)).await {
            Ok(parsed) => {
                let (count, job) = {
                    let mut s = lock(&self.state);
                    let count = s.finish_load(parsed);
                    (count, self.take_include_job(&mut s))
                };
                self.resolve_includes(job).await;
                count
            }
            Err(_) => 0,
        };
        let _ = done.send(format!("{count} files"));
        self.client
            .log_message(
                MessageType::INFO,
                format!("thrift-ls: indexed {count} files"),
            )
            .await;
        self.diagnostics_changed();
    }
}
