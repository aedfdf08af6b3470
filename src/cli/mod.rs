//! The command line: arguments, dispatch to one file per group of commands, and the edge
//! where errors become messages and exit codes. Every command calls the [`Engine`] and prints
//! through [`trichdan::console`]. The lab's commands (bench, eval) are in `lab/`.

mod follow;
mod graph;
mod index;
mod lint;
mod search;
mod serve;

use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand};

use trichdan::cite::Relation;
use trichdan::console::{self, DEFAULT_MEMORY_MB};
use trichdan::engine::{BuildOptions, Engine};
use trichdan::ingest::Policy;
use trichdan::{message, Error};

/// Exit code of a query that cannot be understood.
pub const BAD_QUERY: u8 = 2;
/// Exit code when an identifier names several nodes: the candidates are printed instead.
pub const AMBIGUOUS: u8 = 3;

/// Search and cross-reference Vietnamese Party and Fatherland Front documents.
#[derive(Parser)]
#[command(name = "trichdan", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Args, Clone)]
pub struct IndexDir {
    /// Where the index lives.
    #[arg(long = "index", default_value = "index")]
    pub dir: PathBuf,
}

/// What may enter the index.
#[derive(clap::Args, Clone, Copy)]
pub struct Admission {
    /// Also index documents stamped MẬT, TỐI MẬT or TUYỆT MẬT (kept out and listed by
    /// default): only on a machine cleared to hold them. They are marked on every view.
    #[arg(long)]
    pub allow_classified: bool,
}

impl Admission {
    pub fn policy(self) -> Policy {
        Policy {
            allow_classified: self.allow_classified,
        }
    }
}

/// What `trichdan export` writes.
#[derive(clap::ValueEnum, Clone, Copy)]
pub enum ExportFormat {
    /// One JSON object per line (documents, edges, nodes).
    Ndjson,
}

/// Where the index is, what to index first when there is none, and the output form.
#[derive(clap::Args, Clone)]
pub struct OpenArgs {
    #[command(flatten)]
    pub index: IndexDir,
    /// Folder indexed first when the index does not exist yet.
    #[arg(long, default_value = "corpus")]
    pub corpus: PathBuf,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Print each document's fields and citations as one JSON object per line.
    Extract {
        /// Document files (.txt, .md, .html, .docx, .doc, .pdf; a scanned PDF is read by OCR).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Indented JSON for people.
        #[arg(long)]
        pretty: bool,
        /// Include the text as read (decoded, composed; OCR'd for a scan).
        #[arg(long)]
        text: bool,
    },
    /// Build the index from every document under a folder (replacing what it held).
    Index {
        /// Folder of documents, read recursively.
        #[arg(long, default_value = "corpus")]
        corpus: PathBuf,
        #[command(flatten)]
        index: IndexDir,
        /// Reader threads (default: every core).
        #[arg(long)]
        threads: Option<usize>,
        /// The index writer's memory in MB, shared by its threads (15 MB to 4 GB each).
        #[arg(long, default_value_t = DEFAULT_MEMORY_MB,
              value_parser = clap::value_parser!(u64).range(64..=65_536))]
        memory_mb: u64,
        #[command(flatten)]
        admission: Admission,
    },
    /// Add documents to the index, replacing those with the same id.
    Add {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        index: IndexDir,
        #[command(flatten)]
        admission: Admission,
    },
    /// Verify an index: its files' checksums, every stored document read back, the saved
    /// graph made for the last commit and equal to the one the documents make. Exit code 1,
    /// with what to do, when not.
    Check {
        #[command(flatten)]
        index: IndexDir,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Remove documents from the index by id (the file name without extension).
    Remove {
        #[arg(required = true)]
        ids: Vec<String>,
        #[command(flatten)]
        index: IndexDir,
    },
    /// Who implements a document: directly and down the chain, each with its path
    /// (`--rel amends` for who amends it, and so on).
    Implementers {
        /// An identifier (21-KL/TW), a scoped node (107-KH/TU@Quảng Nam) or a corpus id.
        id: String,
        #[arg(long, default_value_t = 3)]
        depth: usize,
        /// The relation to follow.
        #[arg(long, default_value = "implements", value_parser = relation_name)]
        rel: Relation,
        #[command(flatten)]
        open: OpenArgs,
    },
    /// The implements-chain from a document, as an indented tree (`--rel` for another
    /// relation: amends, replaces, repeals, guides, based_on).
    Chain {
        id: String,
        /// The relation to follow.
        #[arg(long, default_value = "implements", value_parser = relation_name)]
        rel: Relation,
        /// What it carries out, up to the root directive.
        #[arg(long, conflicts_with = "down")]
        up: bool,
        /// What carries it out, down the levels (the default).
        #[arg(long)]
        down: bool,
        #[arg(long, default_value_t = 3)]
        depth: usize,
        #[command(flatten)]
        open: OpenArgs,
    },
    /// What a corpus document cites, and the relations it states between others.
    Cites {
        /// The corpus id (file name without extension).
        doc: String,
        #[command(flatten)]
        open: OpenArgs,
    },
    /// The nodes an identifier names, with what tells them apart (or the nearest known
    /// spellings when the archive does not know it).
    Lookup {
        id: String,
        #[command(flatten)]
        open: OpenArgs,
    },
    /// Follow-up on a directive: the units asked, the plan each issued (or not yet), the
    /// tasks, the median lag per level, and deadlines overdue or coming due.
    FollowUp(follow::FollowArgs),
    /// What falls due in a period across the archive, by unit.
    Due(follow::DueArgs),
    /// The data-quality report: QĐ/QĐi mix-ups, doubled suffixes, identifiers whose kind,
    /// date or issuer the citing documents disagree on, documents without their own number,
    /// legacy encodings and broken font maps, files not read; each with its documents and spans.
    Lint(lint::LintArgs),
    /// Write every document (text composed, tone-keyed and folded; identifier keys; header
    /// fields; level) and the citation graph (edges with kind and stating document; nodes)
    /// as NDJSON for a distributed engine (configs in deploy/).
    Export {
        /// The output format.
        #[arg(long, value_enum, default_value = "ndjson")]
        format: ExportFormat,
        /// Folder to write documents.ndjson, edges.ndjson and nodes.ndjson into.
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        open: OpenArgs,
    },
    /// Serve the web page and the JSON API (building the index first when there is none).
    Serve(serve::Args),
    /// Search the index (see the README for the query language).
    Search {
        /// The query; several words are joined with spaces.
        #[arg(required = true)]
        query: Vec<String>,
        #[command(flatten)]
        open: OpenArgs,
        /// How many hits.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Skip this many hits (paging).
        #[arg(long, default_value_t = 0)]
        offset: usize,
        /// Order of hits: by relevance, or by date, newest or oldest first.
        #[arg(long, default_value = "relevance", value_parser = ["relevance", "newest", "oldest"])]
        sort: String,
    },
}

/// Parses the arguments, runs the command and turns its outcome into an exit code. Output
/// to a closed pipe (`| head`) ends quietly with success, as grep's does.
pub fn run() -> ExitCode {
    match dispatch(Cli::parse().command) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("trichdan: {e:#}");
            match e.downcast_ref::<Error>() {
                Some(Error::Query(_)) => ExitCode::from(BAD_QUERY),
                Some(Error::Ambiguous { .. }) => ExitCode::from(AMBIGUOUS),
                _ => ExitCode::FAILURE,
            }
        }
    }
}

fn dispatch(command: Command) -> Result<ExitCode> {
    match command {
        Command::Extract {
            files,
            pretty,
            text,
        } => index::extract(&files, pretty, text),
        Command::Index {
            corpus,
            index,
            threads,
            memory_mb,
            admission,
        } => {
            let options = BuildOptions {
                threads: console::threads(threads),
                budget: (memory_mb << 20) as usize,
                policy: admission.policy(),
            };
            index::build(&index.dir, &corpus, options)
        }
        Command::Add {
            files,
            index,
            admission,
        } => index::add(&index.dir, &files, admission.policy()),
        Command::Remove { ids, index } => index::remove(&index.dir, &ids),
        Command::Search {
            query,
            open,
            limit,
            offset,
            sort,
        } => search::search(&open, &query.join(" "), limit, offset, sort.parse()?),
        Command::Implementers {
            id,
            depth,
            rel,
            open,
        } => graph::implementers(&open, &id, rel, depth),
        Command::Chain {
            id,
            rel,
            up,
            down: _,
            depth,
            open,
        } => graph::chain(&open, &id, rel, up, depth),
        Command::Cites { doc, open } => graph::cites(&open, &doc),
        Command::Lookup { id, open } => graph::lookup(&open, &id),
        Command::Check { index, json } => index::check(&index.dir, json),
        Command::FollowUp(args) => follow::follow_up(&args),
        Command::Due(args) => follow::due(&args),
        Command::Lint(args) => lint::lint(&args),
        Command::Export {
            format: ExportFormat::Ndjson,
            out,
            open: o,
        } => {
            let exported = open(&o)?.export(&out)?;
            eprintln!(
                "{}",
                message::exported(
                    exported.documents,
                    exported.edges,
                    &out.display().to_string()
                )
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve(args) => serve::command(&args),
    }
}

/// True when the error is a write to a closed pipe.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        let io = c.downcast_ref::<io::Error>().map(io::Error::kind);
        let json = c
            .downcast_ref::<serde_json::Error>()
            .and_then(serde_json::Error::io_error_kind);
        io.or(json) == Some(io::ErrorKind::BrokenPipe)
    })
}

/// Standard output, locked, for `writeln!(out(), …)?` (errors, such as a closed pipe,
/// reach [`run`] instead of panicking).
pub fn out() -> io::StdoutLock<'static> {
    io::stdout().lock()
}

/// Writes one JSON value on a line.
pub fn print_json(value: &impl serde::Serialize) -> Result<()> {
    Ok(trichdan::console::json(&mut out(), value)?)
}

/// Opens the index, building it first from `corpus` when there is none (or it is outdated)
/// and the corpus is there.
pub fn open(args: &OpenArgs) -> Result<Engine> {
    Ok(console::open_at(&args.index.dir, &args.corpus)?)
}

/// A relation named on the command line (`implements`, `amends`, `based_on` …).
fn relation_name(name: &str) -> Result<Relation, String> {
    Relation::from_name(name).ok_or_else(|| {
        let all: Vec<&str> = Relation::ALL.iter().map(|r| r.as_str()).collect();
        format!("not a relation; use one of {}", all.join(", "))
    })
}
