//! Timing and the process's own figures (CPU time, resident memory, its peak) as Linux
//! reports them in /proc, and sizes on disk.

use std::path::Path;
use std::time::Instant;

use anyhow::Result;
use serde::Serialize;

/// Latency percentiles of one query class, in milliseconds.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Latency {
    pub p50_ms: f64,
    pub p99_ms: f64,
}

/// Runs each query once to warm up, then `runs` times, and takes percentiles over all.
pub fn time<Q: Copy>(queries: &[Q], runs: usize, f: impl Fn(Q) -> Result<()>) -> Result<Latency> {
    let mut ms = Vec::with_capacity(queries.len() * runs);
    for &q in queries {
        f(q)?;
        for _ in 0..runs {
            let t = Instant::now();
            f(q)?;
            ms.push(t.elapsed().as_secs_f64() * 1e3);
        }
    }
    if ms.is_empty() {
        return Ok(Latency {
            p50_ms: 0.0,
            p99_ms: 0.0,
        });
    }
    ms.sort_by(f64::total_cmp);
    let at = |p: f64| ms[((ms.len() - 1) as f64 * p).round() as usize];
    Ok(Latency {
        p50_ms: at(0.50),
        p99_ms: at(0.99),
    })
}

/// The median wall time of `runs` calls of `f`, in seconds.
pub fn median(runs: usize, mut f: impl FnMut() -> Result<()>) -> Result<f64> {
    let mut secs = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        f()?;
        secs.push(t.elapsed().as_secs_f64());
    }
    secs.sort_by(f64::total_cmp);
    Ok(secs[secs.len() / 2])
}

/// Wall and CPU seconds of `f`, and what it returned.
pub fn timed<T>(f: impl FnOnce() -> Result<T>) -> Result<(T, f64, f64)> {
    let cpu = cpu_seconds();
    let t = Instant::now();
    let out = f()?;
    Ok((out, t.elapsed().as_secs_f64(), cpu_seconds() - cpu))
}

/// Bytes on disk of a file, or of the files under a folder at any depth.
pub fn dir_size(path: &Path) -> u64 {
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => std::fs::read_dir(path)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| dir_size(&e.path()))
            .sum(),
        Ok(m) => m.len(),
        Err(_) => 0,
    }
}

/// The process's peak resident memory (VmHWM) since it started or since [`reset_peak`].
pub fn peak_rss() -> u64 {
    proc_status("VmHWM:")
}

/// Starts a new peak: Linux resets VmHWM to the current resident size when `5` is written
/// to `/proc/self/clear_refs`; elsewhere the peak stays the process's.
pub fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// The process's resident memory now (VmRSS).
pub fn current_rss() -> u64 {
    proc_status("VmRSS:")
}

/// CPU time this process has used so far, user and system, all threads (from
/// `/proc/self/stat`, in the kernel's fixed 100 ticks per second); 0 where there is no /proc.
pub fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // the fields after the command name, which is in parentheses and may hold spaces
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let ticks: u64 = after
        .split_whitespace()
        .skip(11) // state is field 3; utime and stime are fields 14 and 15
        .take(2)
        .filter_map(|f| f.parse::<u64>().ok())
        .sum();
    ticks as f64 / 100.0
}

fn proc_status(key: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix(key))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .map_or(0, |kb| kb * 1024)
}
