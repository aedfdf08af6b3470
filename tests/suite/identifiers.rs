//! Identifier extraction as a table: sentence → identifiers found, in order.

use trichdan::cite::{extract, Layout};
use trichdan::text::compose;

fn found(sentence: &str) -> Vec<String> {
    let text = compose(sentence);
    extract(&text, &Layout::default(), None)
        .citations
        .iter()
        .map(|c| c.id.to_string())
        .collect()
}

#[test]
fn sentences() {
    let cases: &[(&str, &[&str])] = &[
        // the three shapes
        ("Kết luận số 21-KL/TW ngày 25/10/2021", &["21-KL/TW"]),
        ("Quy định số 124-QĐ/TW", &["124-QĐ/TW"]),
        ("Quy định số 890-QĐi/TU", &["890-QĐi/TU"]),
        ("Kế hoạch số 08-KH/ĐUK", &["08-KH/ĐUK"]),
        ("Kế hoạch số 02-KH/ĐĐ ngày 10/3/2022", &["02-KH/ĐĐ"]),
        ("Chương trình hành động số 07/CT-MTTW", &["07/CT-MTTW"]),
        (
            "Kế hoạch hành động số 617/KH-MTTQ-BTT",
            &["617/KH-MTTQ-BTT"],
        ),
        ("Quyết định số 733/QĐ-TTg, ngày 14/6/2019", &["733/QĐ-TTg"]),
        (
            "Công văn số 2642/SNV-BTĐKT ngày 22/11/2019",
            &["2642/SNV-BTĐKT"],
        ),
        (
            "Nghị định số 130/2020/NĐ-CP, ngày 30/10/2020",
            &["130/2020/NĐ-CP"],
        ),
        ("Đề án 01/ĐA-MTTQ-BTT về đổi mới", &["01/ĐA-MTTQ-BTT"]),
        ("Chương trình số 31-CTr/TW của Bộ Chính trị", &["31-CTr/TW"]),
        ("Luật số 03/2007/QH12", &["03/2007/QH12"]),
        ("Pháp lệnh số 06/2003/PL-UBTVQH11", &["06/2003/PL-UBTVQH11"]),
        ("Công văn số 2449-CV/ĐU", &["2449-CV/ĐU"]),
        // old state codes, programme and letter codes
        ("Luật số 21-LCT/HDNN8 ngày 30/6/1989", &["21-LCT/HDNN8"]),
        ("Chương trình hành động số 104-CTr/TU", &["104-CTr/TU"]),
        ("Công văn số 2449-CV/ĐU ngày 07/9/2026", &["2449-CV/ĐU"]),
        // a line break after the dash (PDF text)
        (
            "Kết luận số 75-\nKL/TW và Chương trình hành động số 31-\nCTr/TW",
            &["75-KL/TW", "31-CTr/TW"],
        ),
        // OCR breakage, recovered from the kind word and the issuer
        (
            "Kết luận số 199- KUT W ngày 10/10/2025 của Ban Chấp hành Trung ương Đảng",
            &["199-KL/TW"],
        ),
        ("Kết luận số 199- KUT W về kinh tế", &[]),
        // stray spaces and dashes
        ("Kế hoạch số 155- KH/TU, ngày 30/12/2022", &["155-KH/TU"]),
        ("Quyết định số 217 -QĐ/TW", &["217-QĐ/TW"]),
        ("Chỉ thị 20 –CT/TU, ngày 20/3/2019", &["20-CT/TU"]),
        ("Chỉ thị 20—CT/TU", &["20-CT/TU"]),
        ("Kết luận số 21\u{2011}KL/TW", &["21-KL/TW"]),
        ("Kết luận số 21-KL/ TW", &["21-KL/TW"]),
        ("Kế hoạch số\u{a0}102-\u{a0}KH/TU", &["102-KH/TU"]),
        ("số 37/KH-MTTQ–BTT", &["37/KH-MTTQ-BTT"]),
        // lists sharing a suffix
        (
            "Quyết định số 217, 218-QĐ/TW, ngày 12/12/2013",
            &["217-QĐ/TW", "218-QĐ/TW"],
        ),
        (
            "Quyết định số 217 và 218-QĐ/TW",
            &["217-QĐ/TW", "218-QĐ/TW"],
        ),
        (
            "các Quyết định số 217, 218 và 219-QĐ/TW",
            &["217-QĐ/TW", "218-QĐ/TW", "219-QĐ/TW"],
        ),
        ("ngày 12/12/2013, 218-QĐ/TW", &["218-QĐ/TW"]),
        // the doubling typo
        (
            "Thực hiện Kế hoạch số 156-KH/TU-KH/TU, ngày 12/12/2019",
            &["156-KH/TU"],
        ),
        // short forms, defined before or after
        (
            "Quy định số 124-QĐ/TW. Thực hiện Quy định số 124 của Ban Bí thư.",
            &["124-QĐ/TW", "124-QĐ/TW"],
        ),
        (
            "Thực hiện Quy định số 124 của Ban Bí thư; Quy định số 124-QĐ/TW.",
            &["124-QĐ/TW", "124-QĐ/TW"],
        ),
        (
            "Quyết định số 99-QĐ/TW. theo quy định tại Quyết định số 99 của Ban Bí thư",
            &["99-QĐ/TW", "99-QĐ/TW"],
        ),
        (
            "Chỉ thị số 05-CT/TW; tiếp tục thực hiện Chỉ thị 05",
            &["05-CT/TW", "05-CT/TW"],
        ),
        // a short form with no definition, or two, stays unresolved
        ("Thực hiện Quy định số 124 của Ban Bí thư.", &[]),
        (
            "Quy định số 12-QĐ/TW và Quy định số 12-QĐ/TU; Quy định số 12 nói",
            &["12-QĐ/TW", "12-QĐ/TU"],
        ),
        // the kind word must fit the code
        ("Kết luận số 124-KL/TW; Quy định số 124 nói", &["124-KL/TW"]),
        // QĐ / QĐi written for one regulation with the same date
        (
            "Quy định số 890-QĐ/TU, ngày 05/3/2019; Quy định số 890-QĐi/TU, ngày 05/3/2019",
            &["890-QĐi/TU", "890-QĐi/TU"],
        ),
        // ... but not with different dates
        (
            "Quyết định số 890-QĐ/TU, ngày 05/3/2019; Quy định số 890-QĐi/TU, ngày 06/4/2020",
            &["890-QĐ/TU", "890-QĐi/TU"],
        ),
        // numbers that look like years
        (
            "Quyết định số 2020/QĐ-MTTW-BTT ngày 04 tháng 5 năm 2018",
            &["2020/QĐ-MTTW-BTT"],
        ),
        ("Quyết định số 2019/QĐ-UBND", &["2019/QĐ-UBND"]),
        // aliases in parentheses are occurrences of the same identifier
        ("(gọi tắt là Kết luận số 21-KL/TW)", &["21-KL/TW"]),
        ("(sau đây gọi là *Kết luận số 21-KL/TW*)", &["21-KL/TW"]),
        // markup around
        ("**Thực hiện Kết luận số 21-KL/TW**", &["21-KL/TW"]),
        ("(Kết luận 21-KL/TW)", &["21-KL/TW"]),
        ("“124-QĐ/TW”", &["124-QĐ/TW"]),
        ("Kết luận 21-KL/TW.", &["21-KL/TW"]),
        // negatives: dates, numbers, phones, addresses, furniture
        ("ngày 25/10/2021", &[]),
        ("ngày 04-02-2020", &[]),
        ("tháng 01/2022", &[]),
        ("quý I/2022", &[]),
        ("nhiệm kỳ 2019 - 2024", &[]),
        ("nhiệm kỳ 2020-2025", &[]),
        ("Điện thoại: 0258.3810311 - Fax: 0258.3810503", &[]),
        ("Email: banbientapmtkh@gmail.com", &[]),
        ("gmail: dcpl.mtqn@gmail.com", &[]),
        ("Số 02 Ngô Quyền - Thành phố Nha Trang", &[]),
        ("www.mattrankhanhhoa.org.vn/21-KL/TW", &[]),
        ("Ban Thường vụ Tỉnh ủy (B/cáo)", &[]),
        ("(b/c)", &[]),
        ("19 điều quy định đảng viên không được làm", &[]),
        ("100% cán bộ", &[]),
        ("15/TB", &[]),
        ("abc21-KL/TW", &[]),
        ("21-KL/TWabc", &[]),
        ("21-kl/tw", &[]),
        ("Quy định số 124", &[]),
        ("Phụ lục 1/2", &[]),
        ("1/2 số phiếu", &[]),
        ("năm 2022/2023", &[]),
        ("tỷ lệ 3-5/10", &[]),
    ];
    assert!(cases.len() >= 60, "{} cases", cases.len());
    for (sentence, expected) in cases {
        assert_eq!(found(sentence), *expected, "{sentence:?}");
    }
}
