//! The words that state a relation between two documents (`thực hiện`, `sửa đổi, bổ sung`,
//! `thay thế`, `bãi bỏ`, `hướng dẫn thi hành`, `quy định chi tiết`), active or passive
//! (`được sửa đổi, bổ sung tại`), read in the phrase that leads up to a cited identifier.

use std::sync::LazyLock;

use regex::Regex;

use super::relation::Relation;

/// A relation verb that governs the identifier right after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verb {
    pub rel: Relation,
    /// `(được) sửa đổi tại Y`: the identifier after the verb is the subject.
    pub passive: bool,
    /// Where the verb starts in the phrase.
    pub start: usize,
    /// `báo cáo kết quả thực hiện`: a report on carrying out, which a document's own title
    /// may be (it answers for the target) but which states no edge between two others.
    pub on_results: bool,
}

static VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?P<passive>(?:đã\s+)?được\s+)?(?:(?P<impl>(?:triển\s+khai\s*,?\s*)?(?:tổ\s+chức\s+)?(?:thực\s+hiện|thi\s+hành)|triển\s+khai)|(?P<amend>sửa\s+đổi(?:\s*,\s*bổ\s+sung)?(?:\s*,\s*cập\s+nhật)?|bổ\s+sung)|(?P<replace>thay\s+thế)|(?P<repeal>bãi\s+bỏ)|(?P<guide>hướng\s+dẫn(?:\s+thi\s+hành)?|quy\s+định\s+chi\s+tiết))",
    )
    .unwrap()
});

/// What may stand between an active verb and the identifier's kind word.
static ACTIVE_FILLER: LazyLock<Regex> = LazyLock::new(|| {
    let kinds: Vec<String> = super::KIND_WORDS
        .iter()
        .map(|(w, _)| regex::escape(w))
        .collect();
    let parts = [
        r"(?i)^[\s,]*",
        // how: `có hiệu quả`, `toàn bộ`, `các`
        r"(?:có\s+hiệu\s+quả\s+|nghiêm\s+túc\s+|toàn\s+bộ\s+|các\s+)?",
        // which part: `một số điều của`, `Điều 4, Điều 13`, `khoản 2 Điều 5 của`
        r"(?:(?:một\s+số\s+(?:điều|nội\s+dung)(?:\s*,\s*khoản)?|(?:(?:điều|khoản|điểm)\s+[0-9a-zđ]+[\s,]*(?:và\s+)?)+)(?:\s+tại\s+(?:các\s+)?(?:phụ\s+lục|danh\s+mục))?\s*(?:(?:của|tại)\s+)?)?",
        // `Quy định ban hành kèm theo`
        r"(?:(?:quy\s+định|danh\s+mục|phụ\s+lục|chương\s+trình|kế\s+hoạch)\s+(?:ban\s+hành\s+)?kèm\s+theo\s+)?",
        // an earlier member of the list named without a number (`Nghị quyết Đại hội Đảng lần
        // thứ XIV và Kết luận số 18-KL/TW`)
        &format!(
            r"(?:(?:{})\s[^,;.:\n]{{0,80}}?(?:\s+và|,)\s+)?",
            kinds.join("|")
        ),
        // a kind word the context reader did not take (`THÔNG TƯ SỐ`)
        r"(?:(?:\p{L}+\s+){1,4}số\s*)?",
        r"[*_“\x22]*\s*$",
    ];
    Regex::new(&parts.concat()).unwrap()
});

/// What may stand between a passive verb and the identifier: `tại`, `bởi`, `theo`.
static PASSIVE_FILLER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s,]*(?:một\s+số\s+điều\s+)?(?:tại|bởi|theo)\s+(?:các\s+)?[*_“\x22]*\s*$")
        .unwrap()
});

/// Words before `thực hiện` that make it a report on results, not an act of carrying out
/// (`báo cáo kết quả thực hiện`, `sơ kết ... thực hiện`).
static RESULTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:kết\s+quả|tình\s+hình|sơ\s+kết|tổng\s+kết|đánh\s+giá|kiểm\s+tra|giám\s+sát)(?:\s+(?:\d+\s+năm|việc|\S+)){0,2}\s+$")
        .unwrap()
});

/// True when `phrase` holds any relation verb.
pub fn any(phrase: &str) -> bool {
    VERB.is_match(phrase)
}

/// The verb that governs what follows `phrase`: the last relation verb in it, when only
/// filler stands between the verb and the end.
pub fn governing(phrase: &str) -> Option<Verb> {
    // the last match found by the lazy DFA, then its groups read on that stretch alone: a
    // captures search over every phrase cost more than the rest of the extraction
    let last = VERB.find_iter(phrase).last()?;
    let m = VERB.captures(&phrase[last.start()..])?;
    let whole = m.get(0)?;
    let offset = last.start();
    let rest = &phrase[offset + whole.end()..];
    let passive = m.name("passive").is_some();
    let filler = if passive {
        &*PASSIVE_FILLER
    } else {
        &*ACTIVE_FILLER
    };
    if !filler.is_match(rest) {
        return None;
    }
    let on_results = m.name("impl").is_some() && RESULTS.is_match(&phrase[..offset]);
    let rel = if m.name("impl").is_some() {
        Relation::Implements
    } else if m.name("amend").is_some() {
        Relation::Amends
    } else if m.name("replace").is_some() {
        Relation::Replaces
    } else if m.name("repeal").is_some() {
        Relation::Repeals
    } else {
        Relation::Guides
    };
    Some(Verb {
        rel,
        passive,
        start: offset,
        on_results,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_that_govern_what_follows() {
        let cases: &[(&str, Option<(Relation, bool)>)] = &[
            (
                "Ban hành Kế hoạch hành động thực hiện ",
                Some((Relation::Implements, false)),
            ),
            (
                "về việc triển khai thực hiện ",
                Some((Relation::Implements, false)),
            ),
            (
                "thực hiện có hiệu quả ",
                Some((Relation::Implements, false)),
            ),
            (
                "sửa đổi, bổ sung một số điều của ",
                Some((Relation::Amends, false)),
            ),
            (
                "quy định chi tiết một số điều của ",
                Some((Relation::Guides, false)),
            ),
            ("hướng dẫn thi hành ", Some((Relation::Guides, false))),
            (" này thay thế ", Some((Relation::Replaces, false))),
            ("Bãi bỏ toàn bộ ", Some((Relation::Repeals, false))),
            (
                "(được sửa đổi, bổ sung tại ",
                Some((Relation::Amends, true)),
            ),
            (
                "đã được sửa đổi, bổ sung theo ",
                Some((Relation::Amends, true)),
            ),
            // what follows is not governed by the verb
            ("tổ chức thực hiện nhiệm vụ theo ", None),
            ("thực hiện, ", Some((Relation::Implements, false))),
            ("về kết quả thực hiện ", None),
            ("báo cáo tình hình thực hiện ", None),
            ("(được sửa đổi, bổ sung) và ", None),
            ("về chủ trương đầu tư ", None),
            (
                "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA THÔNG TƯ SỐ ",
                Some((Relation::Amends, false)),
            ),
            (
                "(sửa đổi, bổ sung Điều 4, Điều 13 ",
                Some((Relation::Amends, false)),
            ),
            ("một số điều của Quy định kèm theo ", None),
            (
                ", bổ sung một số nội dung tại các Phụ lục của ",
                Some((Relation::Amends, false)),
            ),
            (
                "ban hành Kế hoạch triển khai thi hành ",
                Some((Relation::Implements, false)),
            ),
        ];
        for (phrase, want) in cases {
            let got = governing(phrase)
                .filter(|v| !v.on_results)
                .map(|v| (v.rel, v.passive));
            assert_eq!(got, *want, "{phrase:?}");
        }
    }
}
