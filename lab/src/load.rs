//! `trichdan-lab bench --load SECONDS`: the server under load on loopback. A few keep-alive
//! connections send the same requests back to back for a bounded time; requests per second and
//! latency percentiles per endpoint. Client and server share this machine's cores.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use serde::Serialize;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

use trichdan::engine::Engine;
use trichdan::server::{app, AppState};

/// One endpoint's figures.
#[derive(Debug, Clone, Serialize)]
pub struct Load {
    pub endpoint: String,
    pub seconds: f64,
    pub connections: usize,
    pub requests: usize,
    pub requests_per_second: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
}

/// Serves the index in `dir` and loads `/api/search` (with each class of `queries`) and
/// `/api/graph` (around `node`) for `seconds` each.
pub fn run(dir: &Path, seconds: f64, queries: &[(&str, &[&str])], node: &str) -> Result<Vec<Load>> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let engine = Engine::open(dir)?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let router = app(AppState::new(engine, None));
        tokio::spawn(async move { axum::serve(listener, router).await });
        let encode = |s: &str| form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
        let mut targets: Vec<(String, Vec<String>)> = queries
            .iter()
            .map(|(class, list)| {
                let paths = list
                    .iter()
                    .map(|q| format!("/api/search?q={}", encode(q)))
                    .collect();
                (format!("/api/search ({class})"), paths)
            })
            .collect();
        targets.push((
            "/api/graph".into(),
            vec![format!("/api/graph?node={}&depth=2", encode(node))],
        ));
        let mut out = Vec::new();
        for (name, paths) in targets {
            out.push(load(addr, &name, &paths, seconds, 4).await?);
        }
        Ok(out)
    })
}

async fn load(
    addr: std::net::SocketAddr,
    endpoint: &str,
    paths: &[String],
    seconds: f64,
    connections: usize,
) -> Result<Load> {
    let deadline = Instant::now() + Duration::from_secs_f64(seconds);
    let mut tasks = Vec::new();
    for c in 0..connections {
        let paths = paths.to_vec();
        tasks.push(tokio::spawn(async move {
            let mut stream = BufReader::new(TcpStream::connect(addr).await?);
            let mut ms = Vec::new();
            let mut i = c;
            while Instant::now() < deadline {
                let started = Instant::now();
                request(&mut stream, &paths[i % paths.len()]).await?;
                ms.push(started.elapsed().as_secs_f64() * 1e3);
                i += 1;
            }
            anyhow::Ok(ms)
        }));
    }
    let mut ms = Vec::new();
    for t in tasks {
        ms.extend(t.await??);
    }
    if ms.is_empty() {
        bail!("no request finished in {seconds} s");
    }
    ms.sort_by(f64::total_cmp);
    let at = |p: f64| ms[((ms.len() - 1) as f64 * p).round() as usize];
    Ok(Load {
        endpoint: endpoint.to_string(),
        seconds,
        connections,
        requests: ms.len(),
        requests_per_second: ms.len() as f64 / seconds,
        p50_ms: at(0.5),
        p99_ms: at(0.99),
    })
}

/// One HTTP/1.1 GET on a kept-alive connection; the body is read and dropped.
async fn request(stream: &mut BufReader<TcpStream>, path: &str) -> Result<()> {
    let head = format!("GET {path} HTTP/1.1\r\nHost: bench\r\n\r\n");
    stream.get_mut().write_all(head.as_bytes()).await?;
    let mut line = String::new();
    let mut length = None;
    let mut status_ok = None;
    loop {
        line.clear();
        if stream.read_line(&mut line).await? == 0 {
            bail!("the server closed the connection");
        }
        if status_ok.is_none() {
            status_ok = Some(line.starts_with("HTTP/1.1 200"));
        }
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some(v) = l.to_ascii_lowercase().strip_prefix("content-length:") {
            length = Some(v.trim().parse::<usize>().context("content-length")?);
        }
    }
    if status_ok != Some(true) {
        bail!("{path} did not answer 200");
    }
    let mut body = vec![0; length.context("a response without content-length")?];
    stream.read_exact(&mut body).await?;
    Ok(())
}
