//! The citation graph at 100,000 documents: build time, and implementers / chain queries to
//! depth 3 from a central directive with thousands of documents below it.
//!
//! The documents are made here as a four-level hierarchy like the real one: 40 central
//! directives (`N-KL/TW`); in each of 63 provinces, plans implementing them (`N-KH/TU`); in
//! each province's districts, plans implementing those (`N-KH/HU`); and Front plans
//! implementing the district plans, each also citing a few central documents.
//!
//! The follow-up of that directive, as if its text asked every province and the central
//! boards (each unit compared with every plan below it).
//!
//! Run: `cargo bench --bench graph`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use trichdan::cite::{Citation, CiteId, Form, Relation, Section, StatedRelation};
use trichdan::date::Date;
use trichdan::doc::{Document, Locality};
use trichdan::followup;
use trichdan::graph::{self, Direction};

const DOCUMENTS: usize = 100_000;
/// A directive of 2020 sent to every province and the central boards.
const ASKING: &str =
    "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 1-KL/TW          Hà Nội, ngày 10 tháng 1 năm 2020\n\n\
    KẾT LUẬN\nvề một nhiệm vụ\n\nIV. TỔ CHỨC THỰC HIỆN\n\
    1. Các tỉnh uỷ, thành uỷ xây dựng kế hoạch thực hiện; báo cáo trước ngày 31/12/2020.\n\n\
    Nơi nhận:                                   T/M BỘ CHÍNH TRỊ\n- Các tỉnh uỷ, thành uỷ;\n\
    - Các ban đảng, đảng uỷ trực thuộc Trung ương;\n- Lưu Văn phòng Trung ương Đảng.\n";
const DIRECTIVES: usize = 40;
const PROVINCES: usize = 63;

fn citation(id: &CiteId, relation: Relation, date: Option<Date>) -> Citation {
    Citation {
        raw: id.to_string(),
        id: id.clone(),
        span: 0..id.to_string().len(),
        relation,
        section: Section::Preamble,
        form: Form::Full,
        kind_word: Some("Kế hoạch".into()),
        date,
        issuer: Some("Ban Thường vụ Tỉnh ủy".into()),
        khoa: None,
        subject: None,
    }
}

fn document(n: usize, own: CiteId, parent: &CiteId, province: usize, also: &[CiteId]) -> Document {
    let date = Date::new(
        2020 + (n % 5) as u32,
        1 + (n % 12) as u32,
        1 + (n % 28) as u32,
    );
    let mut citations = vec![citation(parent, Relation::Implements, None)];
    citations.extend(also.iter().map(|c| citation(c, Relation::Cites, None)));
    Document {
        id: format!("doc_{n:06}"),
        kind: Some("Kế hoạch".into()),
        title: Some(format!("Kế hoạch thực hiện {parent}")),
        own_id: Some(own),
        date,
        place: Some(format!("Tỉnh {province}")),
        issuer: None,
        issuer_header: None,
        signer: None,
        level: Default::default(),
        locality: Locality {
            province: Some(format!("Tỉnh {province}")),
            city: Some(format!("Huyện {}", n % 7)),
        },
        stated_relations: vec![StatedRelation {
            from: parent.clone(),
            rel: Relation::Implements,
            to: also.first().cloned().unwrap_or_else(|| parent.clone()),
        }],
        citations,
        names: Default::default(),
        duties: Default::default(),
        encoding: None,
        ocr: false,
        classification: None,
        urgency: None,
        text: String::new(),
    }
}

fn corpus() -> Vec<Document> {
    let id = |s: String| CiteId::parse(&s).unwrap();
    let directive = |i: usize| id(format!("{}-KL/TW", i + 1));
    let mut docs = Vec::with_capacity(DOCUMENTS);
    let mut n = 0;
    while docs.len() < DOCUMENTS {
        let province = n % PROVINCES;
        let top = directive(n % DIRECTIVES);
        let province_plan = id(format!("{}-KH/TU", n % 997 + 1));
        let district_plan = id(format!("{}-KH/HU", n % 991 + 1));
        let level = n % 4;
        let (own, parent) = match level {
            0 => (province_plan, top.clone()),
            1 => (district_plan, id(format!("{}-KH/TU", (n - 1) % 997 + 1))),
            _ => (
                id(format!("{}/KH-MTTQ-BTT", n % 99_999 + 1)),
                id(format!("{}-KH/HU", (n - level + 1) % 991 + 1)),
            ),
        };
        let also = [
            directive((n * 7) % DIRECTIVES),
            directive((n * 13) % DIRECTIVES),
        ];
        docs.push(document(n, own, &parent, province, &also));
        n += 1;
    }
    docs
}

/// Resident memory of this process, from /proc (0 where there is none).
fn resident() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb * 1024)
}

fn bench(c: &mut Criterion) {
    let docs = corpus();
    let mut g = c.benchmark_group("graph");
    g.sample_size(10);
    g.bench_function("build_100k", |b| {
        b.iter(|| graph::build(black_box(&docs)).nodes.len())
    });
    let before = resident();
    let graph = graph::build(&docs);
    let root = graph.lookup("1-KL/TW")[0];
    eprintln!(
        "graph: {} nodes, {} edges, {:.0} MB resident for the graph; 1-KL/TW has {} implementers to depth 3",
        graph.nodes.len(),
        graph.edges.len(),
        resident().saturating_sub(before) as f64 / 1e6,
        graph.implementers(root, 3).len()
    );
    // the graph as the engine keeps it beside the index: saved after a commit, loaded on open
    let dir = std::env::temp_dir().join(format!("trichdan-graph-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    graph::save(&dir, "tag", &graph).unwrap();
    eprintln!(
        "saved graph: {:.1} MB",
        std::fs::metadata(dir.join("trichdan-graph.bin"))
            .unwrap()
            .len() as f64
            / 1e6
    );
    g.bench_function("save_100k", |b| {
        b.iter(|| graph::save(&dir, "tag", black_box(&graph)).unwrap())
    });
    g.bench_function("load_100k", |b| {
        b.iter(|| graph::load(&dir, "tag").unwrap().nodes.len())
    });
    let _ = std::fs::remove_dir_all(&dir);
    g.sample_size(100);
    // the queries (nodes and paths as indices), then the same with every node named
    g.bench_function("implementers_depth3", |b| {
        b.iter(|| graph.implementer_tree(black_box(root), 3).found.len())
    });
    g.bench_function("chain_down_depth3", |b| {
        b.iter(|| graph.chain_ixs(black_box(root), Direction::Down, 3).0.len())
    });
    let leaf = graph.doc_node("doc_000003").unwrap();
    g.bench_function("chain_up_depth3", |b| {
        b.iter(|| graph.chain_ixs(black_box(leaf), Direction::Up, 3).0.len())
    });
    g.bench_function("implementers_depth3_named", |b| {
        b.iter(|| graph.implementers(black_box(root), 3).len())
    });
    g.bench_function("chain_down_depth3_named", |b| {
        b.iter(|| graph.chain(black_box(root), Direction::Down, 3).nodes.len())
    });
    // the follow-up of the directive, asking every province and the central boards: each
    // unit compared with every plan below it, answered as JSON
    let asked = Document::from_text("asking", ASKING.to_string());
    let today = Date::new(2026, 12, 7).unwrap();
    g.bench_function("follow_up_depth3_json", |b| {
        b.iter(|| {
            let f = followup::follow_up(&graph, black_box(root), Some(&asked), today);
            serde_json::to_vec(&f).unwrap().len()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
