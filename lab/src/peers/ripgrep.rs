//! ripgrep over one file per document: no index, every query a scan. A query's words are
//! literals, case-insensitive, all required (each word after the first scans only the files
//! the earlier ones matched); a quoted phrase is one literal. Needs `rg` on the PATH
//! (Debian's `ripgrep`).

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, Context, Result};

use super::Peer;

/// How many file names one `rg` call is given.
const ARGS_PER_CALL: usize = 2_000;

pub struct Ripgrep {
    dir: PathBuf,
}

impl Ripgrep {
    /// Whether `rg` can be run.
    pub fn available() -> bool {
        Command::new("rg").arg("--version").output().is_ok()
    }

    /// Writes `docs` (id, text) as `dir/{id}.txt`, emptying `dir` first.
    pub fn build(dir: &Path, docs: impl Iterator<Item = Result<(String, String)>>) -> Result<Self> {
        let _ = std::fs::remove_dir_all(dir);
        std::fs::create_dir_all(dir)?;
        for d in docs {
            let (id, text) = d?;
            let file = dir.join(format!("{id}.txt"));
            std::fs::write(&file, text).with_context(|| file.display().to_string())?;
        }
        Ok(Ripgrep {
            dir: dir.to_path_buf(),
        })
    }

    /// The files among `paths` (or the whole folder) that hold `word`.
    fn scan(&self, word: &str, paths: Option<&[PathBuf]>) -> Result<Vec<PathBuf>> {
        let mut out = Vec::new();
        let run = |targets: &[PathBuf]| -> Result<Vec<PathBuf>> {
            let output = Command::new("rg")
                .args(["--files-with-matches", "--ignore-case", "--fixed-strings"])
                .args(["--no-messages", "--no-config", "--", word])
                .args(targets)
                .output()
                .context("running rg (install Debian's `ripgrep`)")?;
            // 1 is "no match"
            if !output.status.success() && output.status.code() != Some(1) {
                bail!("rg failed: {}", String::from_utf8_lossy(&output.stderr));
            }
            Ok(String::from_utf8_lossy(&output.stdout)
                .lines()
                .map(PathBuf::from)
                .collect())
        };
        match paths {
            None => out.extend(run(std::slice::from_ref(&self.dir))?),
            Some(paths) => {
                for chunk in paths.chunks(ARGS_PER_CALL) {
                    out.extend(run(chunk)?);
                }
            }
        }
        Ok(out)
    }
}

impl Peer for Ripgrep {
    fn name(&self) -> &'static str {
        "ripgrep"
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<String>> {
        let mut all = self.matching(query)?;
        all.truncate(limit);
        Ok(all)
    }

    fn matching(&self, query: &str) -> Result<Vec<String>> {
        let words = literals(query);
        let mut files: Option<Vec<PathBuf>> = None;
        for w in &words {
            files = Some(self.scan(w, files.as_deref())?);
            if files.as_ref().is_some_and(Vec::is_empty) {
                break;
            }
        }
        let mut ids: Vec<String> = files
            .unwrap_or_default()
            .iter()
            .filter_map(|p| p.file_stem().and_then(|s| s.to_str()).map(str::to_string))
            .collect();
        ids.sort_unstable();
        Ok(ids)
    }
}

/// What a person greps for: a quoted phrase whole, else each word as typed (an identifier
/// such as `124-QD/TW` stays one literal).
fn literals(query: &str) -> Vec<String> {
    let q = query.trim();
    if let Some(inner) = q.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
        return vec![inner.to_string()];
    }
    q.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_literals_and_all_required() {
        assert_eq!(literals("124-QD/TW"), ["124-QD/TW"]);
        assert_eq!(literals("ngân, sách"), ["ngân", "sách"]);
        assert_eq!(literals("\"hệ thống chính trị\""), ["hệ thống chính trị"]);
        if !Ripgrep::available() {
            eprintln!("skipped: rg is not installed (Debian's `ripgrep`)");
            return;
        }
        let dir = std::env::temp_dir().join(format!("rg-peer-{}", std::process::id()));
        let docs = [
            ("a", "Quy định 124-QĐ/TW\nngân sách"),
            ("b", "NGÂN SÁCH nhà nước"),
        ];
        let rg = Ripgrep::build(
            &dir,
            docs.iter().map(|(i, t)| Ok((i.to_string(), t.to_string()))),
        )
        .unwrap();
        assert_eq!(rg.matching("ngân sách").unwrap(), ["a", "b"]);
        assert_eq!(rg.matching("sách nhà").unwrap(), ["b"]);
        assert!(
            rg.matching("124-QD/TW").unwrap().is_empty(),
            "rg does not fold Đ"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
