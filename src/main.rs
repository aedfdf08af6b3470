//! The `trichdan` command line: a thin layer over the library.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Parser, Subcommand};

use trichdan::corpus::read_document;

/// Search and cross-reference Vietnamese Party and Fatherland Front documents.
#[derive(Parser)]
#[command(name = "trichdan", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print each document's fields and citations as one JSON object per line.
    Extract {
        /// Document files (.txt, .md, .html).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Indented JSON for people.
        #[arg(long)]
        pretty: bool,
    },
}

fn main() -> Result<ExitCode> {
    match Cli::parse().command {
        Command::Extract { files, pretty } => extract(&files, pretty),
    }
}

/// Prints every document that reads; reports the others on stderr and fails at the end.
fn extract(files: &[PathBuf], pretty: bool) -> Result<ExitCode> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut failed = 0;
    for path in files {
        match read_document(path) {
            Ok(doc) => {
                if pretty {
                    serde_json::to_writer_pretty(&mut out, &doc)?;
                } else {
                    serde_json::to_writer(&mut out, &doc)?;
                }
                writeln!(out)?;
            }
            Err(e) => {
                failed += 1;
                eprintln!("trichdan: {e}");
            }
        }
    }
    if failed > 0 {
        eprintln!("trichdan: {failed} of {} files failed", files.len());
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}
