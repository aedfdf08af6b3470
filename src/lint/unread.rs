//! The files an index run could not read, kept beside the index (`trichdan-unread.json`) so
//! the report lists them after the run's own output has scrolled away: a build writes the
//! list anew, an `add` replaces the entries of the files it was given.

use std::path::{Path, PathBuf};

use super::{Check, Finding, Place};
use crate::index::Failure;

/// The file's name inside the index directory.
pub const FILE: &str = "trichdan-unread.json";

/// The files not read, as last written; none when the list is missing or unreadable (it is
/// a report, never a reason to refuse the index).
pub fn load(dir: &Path) -> Vec<Failure> {
    std::fs::read(dir.join(FILE))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// Writes the list for a build: exactly these failures.
pub fn save(dir: &Path, failures: &[Failure]) -> crate::Result<()> {
    let tmp = dir.join(format!("{FILE}.tmp"));
    let io = |source| crate::Error::Io {
        path: tmp.clone(),
        source,
    };
    let json = serde_json::to_vec_pretty(failures).expect("failures serialize");
    std::fs::write(&tmp, json).map_err(io)?;
    std::fs::rename(&tmp, dir.join(FILE)).map_err(io)
}

/// After an `add` of `files`: their old entries go, their new failures come.
pub fn merge(dir: &Path, files: &[PathBuf], failures: &[Failure]) -> crate::Result<()> {
    // a file named another way this time (`../shared/x.pdf`, then `/work/shared/x.pdf`)
    let canonical = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let given: Vec<PathBuf> = files.iter().map(|p| canonical(p)).collect();
    let mut list = load(dir);
    list.retain(|f| !given.contains(&canonical(&f.path)));
    list.extend(failures.iter().cloned());
    save(dir, &list)
}

pub fn finding(f: &Failure) -> Finding {
    let path = f.path.display().to_string();
    Finding {
        check: Check::Unread,
        subject: path.clone(),
        detail: f.reason.clone(),
        variants: Vec::new(),
        places: vec![Place::whole(&path, None)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failure(path: &str, reason: &str) -> Failure {
        Failure {
            path: PathBuf::from(path),
            reason: reason.into(),
        }
    }

    /// A folder removed when the test ends.
    struct Dir(PathBuf);
    impl Dir {
        fn path(&self) -> &Path {
            &self.0
        }
    }
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn an_add_replaces_the_entries_of_its_own_files_only() {
        let dir = std::env::temp_dir().join(format!("trichdan-unread-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let dir = Dir(dir);
        assert!(load(dir.path()).is_empty());
        save(
            dir.path(),
            &[failure("a.pdf", "scan"), failure("b.txt", "binary")],
        )
        .unwrap();
        // b.txt is read now, c.doc fails
        let files = [PathBuf::from("b.txt"), PathBuf::from("c.doc")];
        merge(dir.path(), &files, &[failure("c.doc", "old Word")]).unwrap();
        let paths: Vec<_> = load(dir.path()).into_iter().map(|f| f.path).collect();
        assert_eq!(paths, [PathBuf::from("a.pdf"), PathBuf::from("c.doc")]);
        // a broken list reads as none
        std::fs::write(dir.path().join(FILE), b"{not json").unwrap();
        assert!(load(dir.path()).is_empty());
    }
}
