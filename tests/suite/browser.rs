//! The page in a real browser (Debian's headless Chromium through chromedriver, which `.ci/run`
//! installs): search, open a plan, follow its directive, the chain drawn, a node opened, and
//! back. A screenshot of each step goes to `target/e2e/`; any step failing fails the test.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

use trichdan::server::{app, AppState};

use crate::support::{root, samples_engine};

const PLANS: [&str; 2] = ["000_a72d46ed5ce96127", "003_f48e0f285acd8aa3"];
const WAIT: Duration = Duration::from_secs(20);

/// chromedriver, killed when dropped.
struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn program(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|d| Path::new(d).join(name))
        .find(|p| p.is_file())
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn start_driver() -> (Driver, u16) {
    let path = program("chromedriver").expect(
        "chromedriver is not installed: `apt-get install -y chromium chromium-driver` (.ci/run does)",
    );
    let port = free_port();
    let child = Command::new(path)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < WAIT,
            "chromedriver did not listen on {port}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    (Driver(child), port)
}

async fn start_server() -> String {
    start_server_with(None).await
}

/// A server over the samples; with a token, it takes writes.
async fn start_server_with(token: Option<&str>) -> String {
    let (engine, _) = samples_engine("browser-index");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let router = app(AppState::new(engine, token.map(String::from)));
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    format!("http://{addr}")
}

/// A server following a folder that holds two samples (`serve --watch`).
async fn start_watched_server() -> (String, PathBuf, trichdan::server::watch::Watch) {
    let corpus = crate::support::temp_dir("browser-watched");
    for f in &crate::support::sample_files()[..2] {
        std::fs::copy(f, corpus.join(f.file_name().unwrap())).unwrap();
    }
    let listing = trichdan::ingest::listing(&corpus).unwrap();
    let dir = crate::support::temp_dir("browser-watched-index");
    let (engine, _) = trichdan::engine::Engine::build(&dir, &listing, 2, &|_| {}).unwrap();
    let state = AppState::new(engine, None);
    let watch = trichdan::server::watch::watch(&corpus, state.clone()).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let router = app(state);
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    (format!("http://{addr}"), corpus, watch)
}

async fn browser(port: u16) -> Client {
    let mut caps = serde_json::Map::new();
    let mut options = json!({"args": [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--window-size=1280,900"
    ]});
    if let Some(chromium) = program("chromium") {
        options["binary"] = json!(chromium);
    }
    caps.insert("goog:chromeOptions".into(), options);
    ClientBuilder::new(HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("a Chromium session")
}

async fn shot(c: &Client, name: &str) {
    let dir = root().join("target/e2e");
    std::fs::create_dir_all(&dir).unwrap();
    let png = c.screenshot().await.unwrap();
    std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
}

/// The element `at` finds, once it appears (fails the test after [`WAIT`]).
async fn appears(c: &Client, at: Locator<'_>) -> fantoccini::elements::Element {
    c.wait().at_most(WAIT).for_element(at).await.unwrap()
}

/// Waits until `script` (a function body) returns true.
async fn until(c: &Client, what: &str, script: &str) {
    let started = Instant::now();
    loop {
        if c.execute(script, vec![]).await.unwrap() == json!(true) {
            return;
        }
        assert!(started.elapsed() < WAIT, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn path(c: &Client) -> String {
    let url = c.current_url().await.unwrap();
    percent(url.path())
}

fn percent(p: &str) -> String {
    p.replace("%2F", "/").replace("%2f", "/")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_open_a_plan_follow_its_directive_open_a_node_and_go_back() {
    let base = start_server().await;
    let (_driver, port) = start_driver().await;
    let c = browser(port).await;

    // 1. search, without diacritics
    c.goto(&base).await.unwrap();
    let q = c
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Id("q"))
        .await
        .unwrap();
    q.send_keys("ket luan 21").await.unwrap();
    c.find(Locator::Id("go"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    until(
        &c,
        "results",
        "return document.querySelectorAll('#results .hit').length > 0",
    )
    .await;
    for plan in PLANS {
        let sel = format!("#results a[href='/van-ban/{plan}']");
        c.find(Locator::Css(&sel))
            .await
            .unwrap_or_else(|_| panic!("{plan} listed"));
    }
    shot(&c, "1-search").await;

    // 2. open the first plan
    let first = format!("#results a[href='/van-ban/{}']", PLANS[0]);
    c.find(Locator::Css(&first))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    appears(&c, Locator::Css("#text a.cite")).await;
    assert_eq!(path(&c).await, format!("/van-ban/{}", PLANS[0]));
    shot(&c, "2-document").await;

    // 3. click 21-KL/TW in its text
    let mut clicked = false;
    for a in c.find_all(Locator::Css("#text a.cite")).await.unwrap() {
        if a.text().await.unwrap().contains("21-KL/TW") {
            a.click().await.unwrap();
            clicked = true;
            break;
        }
    }
    assert!(clicked, "21-KL/TW is a link in the text");
    appears(&c, Locator::Id("implementers")).await;
    assert_eq!(path(&c).await, "/so-hieu/21-KL/TW");
    let listed = c
        .find(Locator::Id("implementers"))
        .await
        .unwrap()
        .html(true)
        .await
        .unwrap();
    for plan in PLANS {
        assert!(
            listed.contains(&format!("/van-ban/{plan}")),
            "{plan} among the implementers"
        );
    }

    // 4. the graph shows the chain's nodes
    until(
        &c,
        "the chain drawn",
        &format!(
            "return typeof cy !== 'undefined' && cy !== null && {}",
            PLANS
                .iter()
                .map(|p| format!("cy.getElementById('{p}').length === 1"))
                .collect::<Vec<_>>()
                .join(" && ")
        ),
    )
    .await;
    let tree = c
        .find(Locator::Id("tree"))
        .await
        .unwrap()
        .html(true)
        .await
        .unwrap();
    assert!(
        PLANS.iter().all(|p| tree.contains(p)),
        "the nested list has the chain"
    );
    shot(&c, "3-identifier").await;
    c.execute("document.getElementById('cy').scrollIntoView()", vec![])
        .await
        .unwrap();
    shot(&c, "3-chain").await;

    // 5. a node click opens it
    c.execute(
        &format!("cy.getElementById('{}').emit('tap')", PLANS[1]),
        vec![],
    )
    .await
    .unwrap();
    appears(&c, Locator::Css("#text")).await;
    assert_eq!(path(&c).await, format!("/van-ban/{}", PLANS[1]));
    shot(&c, "4-node-opened").await;

    // 6. back returns to the identifier
    c.back().await.unwrap();
    appears(&c, Locator::Id("implementers")).await;
    assert_eq!(path(&c).await, "/so-hieu/21-KL/TW");
    shot(&c, "5-back").await;

    // 7. the data-quality report from the header: a doubled suffix, its place opened with
    // the written identifier marked
    c.find(Locator::Id("nav-lint"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    appears(&c, Locator::Css(".finding")).await;
    assert_eq!(path(&c).await, "/kiem-tra");
    c.find(Locator::Css("a[href='/kiem-tra?loai=doubled_suffix']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    until(&c, "the doubled suffixes alone", "return location.search === '?loai=doubled_suffix' && document.querySelectorAll('.finding').length > 0").await;
    shot(&c, "6-lint").await;
    c.find(Locator::Css(".finding .places a"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let marked = appears(&c, Locator::Css("#text a.cite.here")).await;
    assert_eq!(marked.text().await.unwrap(), "156-KH/TU-KH/TU");
    shot(&c, "7-lint-place").await;

    // 8. the agenda from the header
    c.find(Locator::Id("nav-due"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    appears(&c, Locator::Id("agenda-form")).await;
    assert_eq!(path(&c).await, "/den-han");
    c.close().await.unwrap();
}

/// The first hour: the landing page says what the archive holds and leads to a most-
/// implemented directive's chain; a Markdown document reads as a document (no `**`, `##` or
/// `\-`); results reorder by date; on a phone the filters wait behind *Bộ lọc*; an unknown
/// path says so; a file dropped into a watched folder is found; a file added from the page
/// (with the write token) is found and a file of an unknown format is refused with why.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn landing_page_leads_to_a_chain_and_documents_read_like_documents() {
    let base = start_server().await;
    let (_driver, port) = start_driver().await;
    let c = browser(port).await;

    // 1. the landing page: counts, examples, the most implemented
    c.goto(&base).await.unwrap();
    appears(&c, Locator::Id("most-implemented")).await;
    let holdings = c.find(Locator::Id("holdings")).await.unwrap();
    assert!(
        holdings.text().await.unwrap().contains('5'),
        "five documents held"
    );
    for id in ["by-kind", "by-year", "examples", "newest"] {
        c.find(Locator::Id(id))
            .await
            .unwrap_or_else(|_| panic!("#{id} on the landing page"));
    }
    shot(&c, "8-landing").await;
    let top = c
        .find(Locator::Css("#most-implemented li a"))
        .await
        .unwrap();
    let node = top.text().await.unwrap();
    top.click().await.unwrap();
    appears(&c, Locator::Id("implementers")).await;
    assert_eq!(path(&c).await, format!("/so-hieu/{node}"));
    until(
        &c,
        "the chain drawn",
        "return typeof cy !== 'undefined' && cy !== null && cy.nodes().length > 1",
    )
    .await;

    // 2. a Markdown source rendered: headings and bold as such, no markup left
    c.goto(&format!("{base}/van-ban/{}", PLANS[0]))
        .await
        .unwrap();
    let text = appears(&c, Locator::Css("#text a.cite")).await;
    drop(text);
    let shown = c
        .find(Locator::Id("text"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for markup in ["**", "##", "\\-"] {
        assert!(!shown.contains(markup), "{markup} shown to the reader");
    }
    c.find(Locator::Css("#text h2"))
        .await
        .expect("a heading rendered");
    c.find(Locator::Css("#text strong"))
        .await
        .expect("bold rendered");
    shot(&c, "9-rendered").await;

    // 3. results newest first, then oldest first
    c.goto(&format!("{base}/?q=ke+hoach")).await.unwrap();
    appears(&c, Locator::Css("#results .hit")).await;
    let dates = "return [...document.querySelectorAll('#results .hit .meta')].map(m => (m.textContent.match(/(\\d\\d)\\/(\\d\\d)\\/(\\d{4})/) || []).slice(1).reverse().join('')).filter(Boolean)";
    c.execute(
        "const s = document.getElementById('sort'); s.value = 'newest'; s.dispatchEvent(new Event('change'))",
        vec![],
    )
    .await
    .unwrap();
    until(&c, "newest first", "return location.search.includes('sort=newest') && document.querySelectorAll('#results .hit').length > 0").await;
    let newest: Vec<String> =
        serde_json::from_value(c.execute(dates, vec![]).await.unwrap()).unwrap();
    assert!(newest.len() >= 2, "{newest:?}");
    assert!(newest.windows(2).all(|w| w[0] >= w[1]), "{newest:?}");
    c.goto(&format!("{base}/?q=ke+hoach&sort=oldest"))
        .await
        .unwrap();
    appears(&c, Locator::Css("#results .hit")).await;
    let oldest: Vec<String> =
        serde_json::from_value(c.execute(dates, vec![]).await.unwrap()).unwrap();
    assert!(oldest.windows(2).all(|w| w[0] <= w[1]), "{oldest:?}");

    // 4. on a phone the filters are folded behind one control
    c.set_window_size(390, 844).await.unwrap();
    let facets = c.find(Locator::Id("facets")).await.unwrap();
    assert!(!facets.is_displayed().await.unwrap(), "filters folded");
    c.find(Locator::Id("filter-toggle"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    assert!(facets.is_displayed().await.unwrap(), "filters opened");
    shot(&c, "10-phone-filters").await;
    c.set_window_size(1280, 900).await.unwrap();

    // 5. an unknown path
    c.goto(&format!("{base}/khong-co-trang-nay")).await.unwrap();
    appears(&c, Locator::Id("not-found")).await;

    // 6. a file dropped into the watched folder appears in search
    let (watched, corpus, _watch) = start_watched_server().await;
    std::fs::write(
        corpus.join("kh-dua-thuyen.txt"),
        "ỦY BAN MTTQ VIỆT NAM\nTỈNH QUẢNG NAM\n\nKẾ HOẠCH\nTổ chức hội thi đua thuyền năm 2026\n",
    )
    .unwrap();
    let started = Instant::now();
    loop {
        c.goto(&format!("{watched}/?q=dua+thuyen")).await.unwrap();
        appears(&c, Locator::Id("summary")).await;
        if c.find(Locator::Css("#results a[href='/van-ban/kh-dua-thuyen']"))
            .await
            .is_ok()
        {
            break;
        }
        assert!(started.elapsed() < WAIT, "the dropped file is not found");
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    shot(&c, "11-watched").await;

    // 7. Thêm văn bản: offered only with a token; each file's outcome on its own line
    c.goto(&base).await.unwrap();
    appears(&c, Locator::Id("holdings")).await;
    let add = c.find(Locator::Id("nav-add")).await.unwrap();
    assert!(
        !add.is_displayed().await.unwrap(),
        "no upload without a token"
    );
    let writable = start_server_with(Some("bi-mat")).await;
    c.goto(&writable).await.unwrap();
    appears(&c, Locator::Id("holdings")).await;
    until(
        &c,
        "the upload link",
        "return !document.getElementById('nav-add').hidden",
    )
    .await;
    c.find(Locator::Id("nav-add"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let token = appears(&c, Locator::Id("token")).await;
    token.send_keys("bi-mat").await.unwrap();
    let dir = crate::support::temp_dir("browser-upload");
    let good = dir.join("kh-keo-co.txt");
    std::fs::write(&good, "KẾ HOẠCH\nTổ chức hội thi kéo co năm 2026\n").unwrap();
    let bad = dir.join("bang-tinh.xyz");
    std::fs::write(&bad, "1,2,3").unwrap();
    let files = c.find(Locator::Id("files")).await.unwrap();
    files.send_keys(good.to_str().unwrap()).await.unwrap();
    appears(
        &c,
        Locator::Css("#outcomes li.added a[href='/van-ban/kh-keo-co']"),
    )
    .await;
    files.send_keys(bad.to_str().unwrap()).await.unwrap();
    let refused = appears(&c, Locator::Css("#outcomes li.refused")).await;
    assert!(refused.text().await.unwrap().contains("bang-tinh.xyz"));
    shot(&c, "12-upload").await;
    c.goto(&format!("{writable}/?q=keo+co")).await.unwrap();
    appears(&c, Locator::Css("#results a[href='/van-ban/kh-keo-co']")).await;
    c.close().await.unwrap();
}
