//! Relations on real documents: the labelled set of tests/golden/relations.json against its
//! targets, and one table row for each way real texts state a relation.

use std::collections::BTreeSet;

use trichdan::cite::Relation;
use trichdan::doc::Document;
use trichdan::text::compose;

use crate::support::temp_dir;

/// The document's own relations other than `cites`, as `rel id` strings.
fn own(doc: &Document) -> BTreeSet<String> {
    doc.citations
        .iter()
        .filter(|c| c.relation != Relation::Cites)
        .map(|c| format!("{} {}", c.relation.as_str(), c.id))
        .collect()
}

/// The edges it states between others, as `from rel to` strings.
fn edges(doc: &Document) -> BTreeSet<String> {
    doc.stated_relations
        .iter()
        .map(|e| format!("{} {} {}", e.from, e.rel.as_str(), e.to))
        .collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

struct Case {
    what: &'static str,
    text: &'static str,
    own: &'static [&'static str],
    edges: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        what: "a decision issuing a plan that carries out a directive, title over lines",
        text: "THỦ TƯỚNG CHÍNH PHỦ\nSố: 844/QĐ-TTg\n\nQUYẾT ĐỊNH\nBan hành Kế hoạch hành động thực hiện\nChỉ thị số 52-CT/TW ngày 03 tháng 10 năm 2025 của Ban Bí thư\n\nTHỦ TƯỚNG CHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.",
        own: &["implements 52-CT/TW"],
        edges: &[],
    },
    Case {
        what: "the implements clause after the Căn cứ clauses",
        text: "ỦY BAN NHÂN DÂN\nKẾ HOẠCH\nVề chuyển đổi số năm 2026\n\nCăn cứ Nghị định số 47/2024/NĐ-CP ngày 09/5/2024 của Chính phủ;\nThực hiện Kế hoạch số 328-KH/TU ngày 12/3/2025 của Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\nTiếp tục thực hiện Chỉ thị số 05-CT/TW.",
        own: &["based_on 47/2024/NĐ-CP", "implements 328-KH/TU"],
        edges: &[],
    },
    Case {
        what: "after a general first sentence, the second clause of a line",
        text: "KẾ HOẠCH\nPhát triển kinh tế tư nhân\n\nThực hiện chủ trương của Đảng về phát triển kinh tế tư nhân; Thực hiện Kế hoạch số 24-KH/TU ngày 02/6/2025 của Tỉnh ủy, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH",
        own: &["implements 24-KH/TU"],
        edges: &[],
    },
    Case {
        what: "after a general first sentence on a line of its own",
        text: "KẾ HOẠCH\nTổ chức các hoạt động năm 2026\n\nNăm 2026 là năm có ý nghĩa đặc biệt quan trọng đối với tỉnh.\nThực hiện Chương trình số 104-CTr/TU ngày 30/8/2026 của Tỉnh ủy Lào Cai, Ban Thường trực xây dựng kế hoạch như sau:\nI. MỤC ĐÍCH",
        own: &["implements 104-CTr/TU"],
        edges: &[],
    },
    Case {
        what: "two plans in one clause carry out a resolution: the document implements the plans",
        text: "KẾ HOẠCH\nVề đổi mới công tác xây dựng pháp luật\n\nThực hiện Kế hoạch số 14-KH/TU ngày 10/6/2025 của Ban Thường vụ Tỉnh ủy và Kế hoạch số 24/KH-UBND ngày 12/6/2025 của Ủy ban nhân dân tỉnh thực hiện Nghị quyết số 66-NQ/TW ngày 30/4/2025 của Bộ Chính trị, Sở Tư pháp ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH",
        own: &["implements 14-KH/TU", "implements 24/KH-UBND"],
        edges: &["14-KH/TU implements 66-NQ/TW", "24/KH-UBND implements 66-NQ/TW"],
    },
    Case {
        what: "every identifier of every Căn cứ clause, wrapped, with the amending act named inside",
        text: "NGHỊ QUYẾT\nVề chính sách của Luật Thương mại\n\nCHÍNH PHỦ\nCăn cứ Nghị định số 191/2026/NĐ-CP ngày 29 tháng 5 năm 2026 của\nChính phủ ban hành Quy chế làm việc của Chính phủ;\nCăn cứ Nghị định số 78/2025/NĐ-CP ngày 01 tháng 4 năm 2025 của\nChính phủ quy định chi tiết Luật Ban hành văn bản quy phạm pháp luật (được sửa đổi, bổ sung tại\nNghị định số 187/2025/NĐ-CP ngày 01 tháng 7 năm 2025);\nTheo đề nghị của Bộ Công Thương tại Tờ trình số 2138/TTr-BCT ngày 30 tháng 3 năm 2026;\nQUYẾT NGHỊ:\nĐiều 1. Thông qua chính sách theo Nghị định số 15/2020/NĐ-CP.",
        own: &[
            "based_on 191/2026/NĐ-CP",
            "based_on 78/2025/NĐ-CP",
            "based_on 187/2025/NĐ-CP",
        ],
        edges: &["187/2025/NĐ-CP amends 78/2025/NĐ-CP"],
    },
    Case {
        what: "a proposal and an appraisal report answered by a decision are neither basis nor target",
        text: "QUYẾT ĐỊNH\nChấp thuận chủ trương đầu tư\n\nCăn cứ Luật Đầu tư số 143/2025/QH15 ngày 11 tháng 12 năm 2025;\nXét Báo cáo thẩm định số 62/BC-BQL ngày 20/3/2026 và văn bản giải trình số 750/BQL-QHXD ngày 02/6/2026 của Ban Quản lý Khu kinh tế,\nQUYẾT ĐỊNH:\nĐiều 1. Chấp thuận.",
        own: &["based_on 143/2025/QH15"],
        edges: &[],
    },
    Case {
        what: "a letter's Căn cứ after `có ý kiến như sau:` is its body",
        text: "BỘ TÀI CHÍNH\nSố: 5282/CT-CS\nV/v chính sách thuế GTGT\nHà Nội, ngày 18 tháng 11 năm 2025\nKính gửi: Thuế tỉnh Quảng Ninh\nCục Thuế nhận được công văn của Thuế tỉnh. Về vấn đề này, Cục Thuế có ý\nkiến như sau:\nCăn cứ Nghị định số 123/2020/NĐ-CP ngày 19/10/2020 của Chính phủ;\nCăn cứ Nghị định số 70/2025/NĐ-CP ngày 20/3/2025 của Chính phủ (sửa đổi, bổ sung Điều 4, Điều 13 Nghị định số 123/2020/NĐ-CP);",
        own: &[],
        edges: &["70/2025/NĐ-CP amends 123/2020/NĐ-CP"],
    },
    Case {
        what: "the title amends, the last article replaces and repeals",
        text: "NGHỊ ĐỊNH\nSửa đổi, bổ sung một số điều của Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư\n\nCăn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\nChính phủ ban hành Nghị định sửa đổi.\nĐiều 1. Sửa đổi Điều 5.\nĐiều 2. Hiệu lực thi hành\n1. Nghị định này có hiệu lực từ ngày ký và thay thế Nghị định số 12/2019/NĐ-CP ngày 01 tháng 02 năm 2019 của Chính phủ.\n2. Bãi bỏ Quyết định số 63/2015/QĐ-TTg ngày 10 tháng 12 năm 2015.\n3. Các văn bản thực hiện theo Thông tư số 01/2011/TT-BNV.",
        own: &[
            "amends 30/2020/NĐ-CP",
            "replaces 12/2019/NĐ-CP",
            "repeals 63/2015/QĐ-TTg",
        ],
        edges: &[],
    },
    Case {
        what: "a circular that details a law says so in its body",
        text: "THÔNG TƯ\nQUY ĐỊNH CHI TIẾT MỘT SỐ ĐIỀU CỦA LUẬT HÓA CHẤT\n\nCăn cứ Luật Hóa chất số 69/2025/QH15;\nBộ trưởng ban hành Thông tư.\nĐiều 1. Phạm vi điều chỉnh\nThông tư này quy định chi tiết điểm d khoản 3 Điều 9, khoản 4 Điều 15 Luật Hóa chất số 69/2025/QH15.",
        own: &["based_on 69/2025/QH15", "guides 69/2025/QH15"],
        edges: &[],
    },
    Case {
        what: "a chain stated in one sentence gets each subject right",
        text: "KẾ HOẠCH\nVề khoa học công nghệ\n\nCăn cứ Kế hoạch số 17/KH-UBND ngày 20/02/2025 của Ủy ban nhân dân tỉnh thực hiện Kế hoạch số 07-KH/TU ngày 10/02/2025 của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;\nSở ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\nKế hoạch số 92/KH-UBND ngày 01/4/2025 của UBND tỉnh triển khai thực hiện Nghị quyết số 71/NQ-CP và Nghị quyết số 03/NQ-CP.",
        own: &[
            "based_on 17/KH-UBND",
            "based_on 07-KH/TU",
            "based_on 57-NQ/TW",
        ],
        edges: &[
            "17/KH-UBND implements 07-KH/TU",
            "07-KH/TU implements 57-NQ/TW",
            "92/KH-UBND implements 71/NQ-CP",
            "92/KH-UBND implements 03/NQ-CP",
        ],
    },
    Case {
        what: "proposals propose, reports on results carry nothing out",
        text: "NGHỊ QUYẾT\nVề phân bổ vốn\n\nXét Tờ trình số 16487/TTr-UBND ngày 10/11/2025 của Ủy ban nhân dân thành phố về việc sửa đổi, bổ sung Nghị quyết số 10/2022/NQ-HĐND;\nQUYẾT NGHỊ:\nĐiều 1. Báo cáo số 45/BC-UBND ngày 02/3/2025 về kết quả thực hiện Chỉ thị số 38/CT-TTg được ghi nhận.",
        own: &[],
        edges: &[],
    },
    Case {
        what: "a consolidated text lists what amended the act",
        text: "VĂN PHÒNG QUỐC HỘI\nLUẬT THUẾ SỬ DỤNG ĐẤT PHI NÔNG NGHIỆP\nLuật Thuế sử dụng đất phi nông nghiệp số 48/2010/QH12 ngày 17 tháng 6 năm 2010 của Quốc hội, có hiệu lực kể từ ngày 01 tháng 01 năm 2012, được sửa đổi, bổ sung bởi:\n1. Luật Đất đai số 31/2024/QH15 ngày 18 tháng 01 năm 2024 của Quốc hội;\n2. Luật số 43/2024/QH15 ngày 29 tháng 6 năm 2024 của Quốc hội sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15, Luật Nhà ở số 27/2023/QH15.\nChương I\nĐiều 1. Phạm vi điều chỉnh",
        own: &[],
        edges: &[
            "31/2024/QH15 amends 48/2010/QH12",
            "43/2024/QH15 amends 48/2010/QH12",
            "43/2024/QH15 amends 31/2024/QH15",
            "43/2024/QH15 amends 27/2023/QH15",
        ],
    },
    Case {
        what: "a list whose first member is named without a number",
        text: "NGHỊ QUYẾT\nCập nhật, bổ sung Chương trình hành động của Chính phủ thực hiện\nNghị quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng và Kết luận\nsố 18-KL/TW của Trung ương về Kế hoạch phát triển kinh tế - xã hội\n\nCHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\nQUYẾT NGHỊ:",
        own: &["implements 18-KL/TW"],
        edges: &[],
    },
];

#[test]
fn each_way_a_text_states_a_relation() {
    let mut failures = Vec::new();
    for case in CASES {
        let doc = Document::from_text("case", compose(case.text));
        let (got_own, got_edges) = (own(&doc), edges(&doc));
        if got_own != set(case.own) || got_edges != set(case.edges) {
            failures.push(format!(
                "{}:\n  own   {:?}\n  want  {:?}\n  edges {:?}\n  want  {:?}",
                case.what, got_own, case.own, got_edges, case.edges
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn notes_about_a_folder_are_not_documents() {
    let dir = temp_dir("notes");
    for name in [
        "README.md",
        "SOURCES.md",
        "LICENSE.txt",
        "readme_vi.txt",
        "KH-01.txt",
    ] {
        std::fs::write(dir.join(name), "Thực hiện Kết luận số 75-KL/TW").unwrap();
    }
    let listing = trichdan::ingest::listing(&dir).unwrap();
    let names = |v: &[std::path::PathBuf]| -> Vec<String> {
        v.iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect()
    };
    let documents: Vec<_> = listing.documents.iter().map(|i| i.path.clone()).collect();
    assert_eq!(names(&documents), ["KH-01.txt"]);
    assert_eq!(
        names(&listing.skipped),
        ["LICENSE.txt", "README.md", "SOURCES.md", "readme_vi.txt"]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_long_listing_keeps_every_identifier_and_edge() {
    // the size is for correctness; the time per identifier is measured in benches/text.rs
    let n = 20_000;
    let mut text = String::from("QUYẾT ĐỊNH\nCông bố Danh mục\nQUYẾT ĐỊNH:\n");
    for i in 1..=n {
        text.push_str(&format!(
            "| {i} | Kế hoạch số {i}/KH-UBND ngày 01/02/2020 của UBND tỉnh thực hiện Chỉ thị số {}-CT/TW |\n",
            i % 90 + 1
        ));
    }
    let doc = Document::from_text("listing", compose(&text));
    assert_eq!(doc.citations.len(), 2 * n);
    assert_eq!(doc.stated_relations.len(), n);
}
