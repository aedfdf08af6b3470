//! What the command line prints, called as functions on a buffer (no process): Vietnamese
//! throughout, the chain indented under its root, the follow-up and lint reports; and the
//! product's dependencies without the lab's SQLite.

use trichdan::cite::Relation;
use trichdan::console;
use trichdan::date::Date;
use trichdan::graph::Direction;
use trichdan::index::SearchRequest;

use crate::support::{root, samples_engine};

/// What a printer wrote.
fn printed(print: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut buffer = Vec::new();
    print(&mut buffer).unwrap();
    String::from_utf8(buffer).unwrap()
}

const ENGLISH: [&str; 6] = [
    "is implemented by",
    "stated in",
    "scope unknown",
    " documents",
    "kind:2022",
    "words matched",
];

#[test]
fn what_a_user_reads_is_vietnamese() {
    let (engine, _dir) = samples_engine("console-words");
    let related = engine.related("21-KL/TW", Relation::Implements, 3).unwrap();
    let tree = engine
        .chain("21-KL/TW", Relation::Implements, Direction::Down, 3)
        .unwrap();
    let request = |q: &str| SearchRequest {
        query: q.into(),
        limit: 10,
        offset: 0,
        sort: Default::default(),
    };
    let result = engine.search(&request("Kết luận")).unwrap();
    let texts = [
        printed(|o| console::related(o, &related, Relation::Implements)),
        printed(|o| console::tree(o, &tree)),
        printed(|o| console::hits(o, &result, 0.001, false)),
        engine.search(&request("kind:")).unwrap_err().to_string(),
    ];
    for text in &texts {
        for english in ENGLISH {
            assert!(!text.contains(english), "says {english:?}: {text}");
        }
    }
    assert!(texts[0].contains("Văn bản thực hiện"), "{}", texts[0]);
    assert!(texts[1].contains("nêu tại"), "{}", texts[1]);
    assert!(
        texts[2].contains("«"),
        "marks without a terminal: {}",
        texts[2]
    );
}

#[test]
fn a_chain_prints_its_root_then_what_carries_it_out_indented_with_where_it_is_stated() {
    let (engine, _dir) = samples_engine("console-chain");
    let tree = engine
        .chain("21-KL/TW", Relation::Implements, Direction::Down, 3)
        .unwrap();
    let text = printed(|o| console::tree(o, &tree));
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("21-KL/TW  ["), "{text}");
    assert_eq!(lines.len(), 1 + tree.root.children.len(), "{text}");
    for (line, child) in lines[1..].iter().zip(&tree.root.children) {
        let stated = format!("(nêu tại {})", child.stated_in.join(", "));
        assert!(
            line.starts_with(&format!("   {}  [", child.node.node)),
            "{line}"
        );
        assert!(line.ends_with(&stated), "{line}");
    }
}

#[test]
fn the_follow_up_and_the_lint_report_print_as_reports() {
    let (engine, _dir) = samples_engine("console-reports");
    let as_of = Date::new(2026, 12, 7).unwrap();
    let f = engine.follow_up("21-KL/TW", as_of).unwrap();
    let text = printed(|o| console::follow_up(o, &f));
    assert!(text.starts_with(trichdan::message::follow::TITLE), "{text}");
    assert!(text.contains("Tính đến ngày 07/12/2026"), "{text}");
    let report = engine.lint().unwrap();
    let text = printed(|o| console::report(o, &report));
    assert!(text.lines().next().unwrap().contains('5'), "{text}");
}

#[test]
fn the_product_does_not_depend_on_the_labs_sqlite() {
    // Cargo.lock lists each package's direct dependencies, dev ones included
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).unwrap();
    let product = lock
        .split("[[package]]")
        .find(|p| p.contains("name = \"trichdan\"\n"))
        .expect("the trichdan package in Cargo.lock");
    assert!(!product.contains("rusqlite"), "{product}");
    let lab = lock
        .split("[[package]]")
        .find(|p| p.contains("name = \"trichdan-lab\"\n"))
        .expect("the lab in Cargo.lock");
    assert!(lab.contains("rusqlite"), "{lab}");
}
