//! `trichdan serve`: the API and the page on one address; on a fresh clone the index is built
//! from the corpus first while the server already answers (503 until it is ready); with
//! `--watch`, the corpus folder followed.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};

use trichdan::engine::Engine;
use trichdan::ingest::Policy;
use trichdan::server::{self, AppState};
use trichdan::{console, message};

/// `trichdan serve`'s arguments.
#[derive(clap::Args)]
pub struct Args {
    /// Where the index lives.
    #[arg(long = "index", default_value = "index")]
    index: PathBuf,
    /// Folder indexed first when the index does not exist yet.
    #[arg(long, default_value = "corpus")]
    corpus: PathBuf,
    /// Address to listen on (loopback by default).
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Allow uploads and removals from clients sending `Authorization: Bearer TOKEN`.
    #[arg(long, env = "TRICHDAN_WRITE_TOKEN", hide_env_values = true)]
    write_token: Option<String>,
    /// Ask every request (the page and the API, all but /api/health) for this token: a
    /// browser asks for it as a password; programs send `Authorization: Bearer TOKEN`.
    #[arg(long, env = "TRICHDAN_READ_TOKEN", hide_env_values = true)]
    read_token: Option<String>,
    /// Serve the graph of a `trichdan export` folder (nodes.ndjson, edges.ndjson) instead of
    /// the index's own, beside a search engine elsewhere; takes no writes.
    #[arg(long, conflicts_with = "write_token")]
    graph_from: Option<PathBuf>,
    /// Follow the corpus folder: files added, changed or removed there are indexed once they
    /// settle (the same readers, limits and ids as `index`).
    #[arg(long, conflicts_with = "graph_from")]
    watch: bool,
    #[command(flatten)]
    admission: super::Admission,
}

pub fn command(args: &Args) -> Result<ExitCode> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("TRICHDAN_LOG")
                .unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    runtime.block_on(run(args))?;
    Ok(ExitCode::SUCCESS)
}

async fn run(args: &Args) -> Result<()> {
    let state = if let Some(from) = &args.graph_from {
        let graph = trichdan::export::read_graph(from)?;
        AppState::new(Engine::with_graph(&args.index, graph)?, None)
    } else if console::must_build(&args.index, &args.corpus) {
        let state = AppState::building(args.write_token.clone());
        let (dir, corpus, ready) = (args.index.clone(), args.corpus.clone(), state.clone());
        let policy = args.admission.policy();
        tokio::task::spawn_blocking(move || build(&dir, &corpus, policy, &ready));
        state
    } else {
        let engine = Engine::open(&args.index)?.with_policy(args.admission.policy());
        AppState::new(engine, args.write_token.clone())
    };
    let state = state.with_read_token(args.read_token.clone());
    let guarded = args.read_token.as_deref().is_some_and(|t| !t.is_empty());
    if !args.addr.ip().is_loopback() && !guarded {
        eprintln!("{}", message::open_to_network(&args.addr.to_string()));
    }
    let _watch = if args.watch {
        let watch = server::watch::watch(&args.corpus, state.clone())?;
        eprintln!("{}", message::watching(&args.corpus));
        Some(watch)
    } else {
        None
    };
    eprintln!("{}", message::serving(&format!("http://{}", args.addr)));
    server::serve(args.addr, state)
        .await
        .with_context(|| format!("listening on {}", args.addr))
}

/// Builds the index and hands the engine to the server; a failure is printed and the server
/// answers that the build failed.
fn build(dir: &Path, corpus: &Path, policy: Policy, state: &AppState) {
    match console::build(dir, corpus, console::default_options(policy)) {
        Ok(built) => state.ready(built.engine),
        Err(e) => {
            eprintln!("trichdan: {e:#}");
            state.failed();
        }
    }
}
