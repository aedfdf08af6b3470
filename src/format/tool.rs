//! The programs some formats are read with (poppler's `pdftoppm`, `tesseract`, `antiword`,
//! `catdoc`): run on a file in a private folder, with the Debian package to install named
//! when one is missing, and a time limit so a stuck program cannot hold a run.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::message;

/// The longest one program may run on one file (a page of OCR takes a few seconds).
pub const TOOL_TIMEOUT: Duration = Duration::from_secs(120);

/// A program's standard output, or why there is none (missing: the package to install).
pub fn run(program: &str, args: &[&std::ffi::OsStr], package: &str) -> Result<Vec<u8>, String> {
    let mut child = Command::new(program)
        .args(args)
        // tesseract's OpenMP threads spin against each other and against the build's own
        // threads: one thread reads a page 7× faster here (2.9 s against 19.6 s)
        .env("OMP_THREAD_LIMIT", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => message::format::tool_missing(program, package),
            _ => message::format::tool_failed(program, &e.to_string()),
        })?;
    // read both pipes on threads, so a program writing much to either cannot block
    let mut stdout = child.stdout.take().expect("piped stdout");
    let mut stderr = child.stderr.take().expect("piped stderr");
    let out = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stdout.read_to_end(&mut buf);
        buf
    });
    let err = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = stderr.read_to_end(&mut buf);
        buf
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) => {}
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(message::format::tool_failed(program, &e.to_string()));
            }
        }
        if started.elapsed() > TOOL_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(message::format::tool_timeout(
                program,
                TOOL_TIMEOUT.as_secs(),
            ));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let out = out.join().unwrap_or_default();
    let err = String::from_utf8_lossy(&err.join().unwrap_or_default()).into_owned();
    if !status.success() {
        return Err(message::format::tool_failed(program, last_line(&err)));
    }
    Ok(out)
}

fn last_line(s: &str) -> &str {
    s.lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim()
}

/// A private folder holding `bytes` as `name`, removed when dropped.
pub fn scratch(
    name: &str,
    bytes: &[u8],
) -> Result<(tempfile::TempDir, std::path::PathBuf), String> {
    let dir = tempfile::Builder::new()
        .prefix("trichdan-")
        .tempdir()
        .map_err(|e| e.to_string())?;
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).map_err(|e| e.to_string())?;
    Ok((dir, path))
}

/// `path` as a program argument.
pub fn arg(path: &Path) -> &std::ffi::OsStr {
    path.as_os_str()
}
