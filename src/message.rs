//! Every word a user reads, in Vietnamese, in one place: error messages, relation and level
//! labels (GLOSSARY.md), counts and numbers in the Vietnamese format. The CLI prints these and
//! the server sends them, so the page and the terminal say the same thing.

use crate::cite::Relation;
use crate::date::Date;
use crate::doc::Tier;
use crate::error::{Error, IdProblem, Limit};

/// An error says what went wrong and what to do, in the words of [`error`].
impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&error(self))
    }
}

/// What went wrong and what to do, for a person.
pub fn error(e: &Error) -> String {
    match e {
        Error::Decode {
            path,
            encoding,
            offset,
        } => format!(
            "{}: không đọc được theo mã {encoding} (lỗi tại byte {offset}); hãy lưu tệp ở dạng \
             UTF-8 (hoặc UTF-16 có dấu BOM) rồi thử lại",
            path.display()
        ),
        Error::NotText { path } => format!(
            "{}: nội dung không phải văn bản (phần lớn là ký tự điều khiển hoặc ký tự không có \
             trong bảng mã); kiểm tra lại tệp hoặc chuyển nó sang .txt, .docx, .html",
            path.display()
        ),
        Error::Format { path, reason } => format!("{}: {reason}", path.display()),
        Error::Classified { path, mark } => format!(
            "{}: văn bản mang dấu độ mật «{mark}», không đưa vào kho; chỉ lập chỉ mục tài liệu \
             mật trên máy được phép lưu giữ chúng, bằng tùy chọn --allow-classified",
            path.display()
        ),
        Error::TooLarge { path, limit } => format!("{}: {}", path.display(), too_large(*limit)),
        Error::Unreadable { path, cause } => format!(
            "{}: tệp hỏng, không đọc được{}; các tệp khác vẫn được xử lý",
            path.display(),
            if cause.is_empty() {
                String::new()
            } else {
                format!(" ({cause})")
            }
        ),
        Error::Io { path, source } => {
            format!("{}: không đọc/ghi được tệp: {source}", path.display())
        }
        Error::Identifier { input, reason } => format!(
            "{input:?} không phải số ký hiệu văn bản: {} (dạng đúng: 21-KL/TW, 07/CT-MTTW, \
             130/2020/NĐ-CP)",
            id_problem(*reason)
        ),
        Error::Locked { path } => format!(
            "{}: chỉ mục đang được một tiến trình trichdan khác ghi; hãy chờ tiến trình đó xong \
             (hoặc dừng nó) rồi thử lại",
            path.display()
        ),
        Error::NoIndex { path } => format!(
            "{}: chưa có chỉ mục ở đây; hãy tạo bằng `trichdan index --corpus THƯ_MỤC --index {}`",
            path.display(),
            path.display()
        ),
        Error::Outdated { path } => format!(
            "{}: chỉ mục do phiên bản trichdan cũ tạo ra; hãy tạo lại bằng \
             `trichdan index --corpus THƯ_MỤC --index {}`",
            path.display(),
            path.display()
        ),
        Error::ReadOnly { path } => format!(
            "{}: thư mục chỉ mục chỉ cho đọc (ổ chỉ đọc hoặc không có quyền ghi): vẫn tra cứu \
             được, nhưng không thêm hay xóa được văn bản; muốn ghi, hãy chép chỉ mục sang nơi ghi \
             được hoặc cấp quyền ghi",
            path.display()
        ),
        Error::DiskFull { path } => format!(
            "{}: ổ đĩa chứa chỉ mục đã đầy, văn bản chưa được thêm (các văn bản đã có vẫn tra cứu \
             được); hãy giải phóng chỗ trống rồi gửi lại",
            path.display()
        ),
        Error::Building => {
            "Kho văn bản đang được lập chỉ mục; hãy thử lại sau ít phút.".to_string()
        }
        Error::Query(message) => format!("Truy vấn chưa hợp lệ: {message}"),
        Error::NotFound { query, suggestions } => not_found(query, suggestions),
        Error::NoDocument { id } => {
            format!("Không có văn bản mã {id:?} trong kho (mã là tên tệp, bỏ phần mở rộng).")
        }
        Error::Ambiguous { query, nodes } => format!(
            "{query}: Số ký hiệu này ứng với nhiều văn bản ({}) — chọn một: {}",
            nodes.len(),
            nodes.join(", ")
        ),
        Error::Storage(e) => format!(
            "Lỗi đọc/ghi tệp chỉ mục ({e}); nếu lặp lại, hãy tạo lại chỉ mục bằng `trichdan index`"
        ),
        Error::Corrupt { what, reason } => format!(
            "{what}: dữ liệu lưu trong chỉ mục bị hỏng ({reason}); hãy tạo lại chỉ mục bằng \
             `trichdan index`"
        ),
        Error::BadExport { what, reason } => format!(
            "{what}: tệp xuất không đọc được ({reason}); hãy xuất lại bằng `trichdan export`"
        ),
    }
}

fn too_large(limit: Limit) -> String {
    match limit {
        Limit::FileBytes(n) => format!(
            "tệp lớn hơn giới hạn {} MB; hãy tách tệp hoặc chuyển sang .txt",
            n / 1_000_000
        ),
        Limit::InflatedBytes(n) => format!(
            "nội dung giải nén vượt giới hạn {} MB (tệp nén bất thường); hãy lưu lại tệp bằng \
             Word hoặc chuyển sang .txt",
            n / 1_000_000
        ),
        Limit::Nesting(n) => format!(
            "trang HTML lồng các thẻ sâu hơn {} cấp (trang bất thường); hãy lưu lại trang \
             hoặc chuyển sang .txt",
            thousands(n as u64)
        ),
    }
}

fn id_problem(p: IdProblem) -> &'static str {
    match p {
        IdProblem::Empty => "chuỗi trống",
        IdProblem::YearNotNumber => "năm không phải là số",
        IdProblem::NoNumber => "không bắt đầu bằng số",
        IdProblem::UnknownOrder => "các phần sau số không theo thứ tự đã biết",
    }
}

/// The query's filters, for messages.
const FILTERS: &str =
    "kind:, year:, place:, level:, issuer:, under:, signer:, cites:, implements:, based_on:";

/// An example value for each filter, for messages.
fn filter_example(name: &str) -> &'static str {
    match name {
        "year" | "nam" => "year:2022 hoặc year:2020..2022",
        "kind" | "loai" => "kind:\"Kế hoạch\"",
        "place" | "noi" => "place:\"Quảng Nam\"",
        "level" | "cap" => "level:Tỉnh",
        "issuer" | "coquan" => "issuer:\"Bộ Chính trị\"",
        "under" | "thuoc" => "under:\"Tỉnh ủy Lào Cai\"",
        "signer" | "nguoiky" => "signer:\"Hoàng Giang\"",
        "cites" => "cites:21-KL/TW",
        "implements" => "implements:21-KL/TW",
        "based_on" => "based_on:21-KL/TW",
        _ => "year:2022",
    }
}

/// A query over the length limit.
pub fn query_too_long(chars: usize, max: usize) -> String {
    format!("Câu truy vấn dài {chars} ký tự, vượt giới hạn {max}; hãy rút gọn.")
}

/// An empty query.
pub const QUERY_EMPTY: &str =
    "Câu truy vấn trống: hãy gõ từ cần tìm, một số hiệu (21-KL/TW) hoặc một bộ lọc.";

/// A phrase whose quote is not closed.
pub const UNCLOSED_QUOTE: &str =
    "Thiếu dấu ngoặc kép đóng: một cụm từ mở bằng \" phải đóng bằng \".";

/// A filter that takes an identifier given something else.
pub fn filter_not_identifier(name: &str, value: &str) -> String {
    format!(
        "`{name}:{value}`: \"{value}\" không phải số hiệu văn bản; ví dụ đúng: {name}:21-KL/TW."
    )
}

/// A year filter that is not a year or a range.
pub fn bad_year(value: &str) -> String {
    format!(
        "`year:{value}` không hợp lệ: dùng một năm (year:2022) hoặc một khoảng (year:2020..2022)."
    )
}

/// A filter the language does not have.
pub fn unknown_filter(name: &str) -> String {
    format!("Không có bộ lọc `{name}:`; các bộ lọc là {FILTERS}.")
}

/// A filter with nothing after its colon.
pub fn filter_without_value(name: &str) -> String {
    format!(
        "Bộ lọc `{name}:` thiếu giá trị; ví dụ: {}.",
        filter_example(name)
    )
}

/// A page size out of bounds.
pub fn bad_limit(asked: usize, max: usize) -> String {
    format!("Số kết quả mỗi trang phải từ 1 đến {max} (đã yêu cầu {asked}).")
}

/// An order the search does not know.
pub fn bad_sort(asked: &str) -> String {
    format!(
        "Không có cách sắp xếp «{asked}»: dùng relevance (liên quan nhất), newest (mới nhất) \
         hoặc oldest (cũ nhất)."
    )
}

/// A page past the result window.
pub fn past_window(max: usize) -> String {
    format!("Chỉ xem được {max} kết quả đầu tiên; hãy thu hẹp câu truy vấn bằng bộ lọc.")
}

/// An identifier the archive does not know, with the nearest spellings it does know (none:
/// what else to try).
pub fn not_found(query: &str, suggestions: &[String]) -> String {
    let mut s = format!("Không có văn bản nào mang số ký hiệu {query} trong kho.");
    if suggestions.is_empty() {
        s.push_str(" Hãy thử tìm kiếm toàn văn với số ký hiệu này.");
    } else {
        s.push_str(&format!(" {DID_YOU_MEAN} {}?", suggestions.join(", ")));
    }
    s
}

/// The label of a relation on the page of the document that states it (GLOSSARY.md).
pub fn relation_outgoing(rel: Relation) -> &'static str {
    match rel {
        Relation::Implements => "Văn bản được thực hiện",
        Relation::BasedOn => "Văn bản căn cứ",
        Relation::Amends => "Văn bản được sửa đổi, bổ sung",
        Relation::Replaces => "Văn bản bị thay thế",
        Relation::Repeals => "Văn bản bị bãi bỏ",
        Relation::Guides => "Văn bản được hướng dẫn",
        Relation::Cites => "Văn bản được dẫn chiếu",
    }
}

/// The label of a relation on the page of the document it points to (GLOSSARY.md).
pub fn relation_incoming(rel: Relation) -> &'static str {
    match rel {
        Relation::Implements => "Văn bản thực hiện",
        Relation::BasedOn => "Văn bản lấy văn bản này làm căn cứ",
        Relation::Amends => "Văn bản sửa đổi, bổ sung",
        Relation::Replaces => "Văn bản thay thế",
        Relation::Repeals => "Văn bản bãi bỏ",
        Relation::Guides => "Văn bản hướng dẫn",
        Relation::Cites => "Văn bản dẫn chiếu văn bản này",
    }
}

/// The chain's name and its two directions.
pub const CHAIN: &str = "Chuỗi thực hiện";
/// Where an edge is stated: `nêu tại …`.
pub const STATED_IN: &str = "nêu tại";
/// A node whose locality cannot be known.
pub const SCOPE_UNKNOWN: &str = "chưa xác định địa phương";
/// A node already drawn higher in the same tree.
pub const SHOWN_ABOVE: &str = "đã nêu ở trên";
/// An identifier cited but not held.
pub const NOT_IN_ARCHIVE: &str = "Văn bản này chưa có trong kho";
/// No results.
pub const NO_RESULTS: &str = "Không tìm thấy văn bản phù hợp. Hãy bớt từ, bỏ dấu hoặc bỏ bộ lọc.";
/// A field with no value.
pub const NONE: &str = "—";

/// The words of the page, by key, sent to it as JSON inside `index.html` (so the page and the
/// CLI say the same things).
pub fn page_words() -> serde_json::Value {
    let rel = |f: fn(Relation) -> &'static str| {
        Relation::ALL
            .iter()
            .map(|&r| (r.as_str().to_string(), serde_json::Value::from(f(r))))
            .collect::<serde_json::Map<_, _>>()
    };
    serde_json::json!({
        "app": "Tra cứu văn bản Đảng, Mặt trận",
        "search": "Tìm kiếm",
        "placeholder": "Nhập từ khóa hoặc số ký hiệu (có dấu hoặc không dấu)",
        "found": "Tìm thấy {n} văn bản ({s} giây)",
        "no_results": NO_RESULTS,
        "filters": "Lọc theo",
        "filter": {"kind": "Loại văn bản", "year": "Năm", "level": "Cấp", "place": "Địa phương", "issuer": "Cơ quan ban hành"},
        "clear_filters": "Bỏ lọc",
        "previous": "Trang trước",
        "next": "Trang sau",
        "page": "Trang {n}",
        "fields": {
            "number": "Số ký hiệu", "kind": "Loại văn bản", "date": "Ngày ban hành",
            "issuer": "Cơ quan ban hành", "signer": "Người ký", "title": "Trích yếu",
            "place": "Địa phương", "level": "Cấp", "khoa": "Khóa", "id": "Mã văn bản"
        },
        "full_text": "Toàn văn",
        "named": "Văn bản được nêu tên, không ghi số ký hiệu",
        "named_open": NAMED_OPEN,
        "named_maybe": NAMED_MAYBE,
        "named_evidence": "căn cứ xác định",
        "diagram": "Lược đồ",
        "outgoing": rel(relation_outgoing),
        "incoming": rel(relation_incoming),
        "chain": CHAIN,
        "up": "lên (văn bản cấp trên)",
        "down": "xuống (văn bản triển khai)",
        "depth": "Số cấp",
        "stated_in": STATED_IN,
        "scope_unknown": SCOPE_UNKNOWN,
        "not_in_archive": NOT_IN_ARCHIVE,
        "ambiguous": "Số ký hiệu này ứng với nhiều văn bản — chọn một:",
        "did_you_mean": DID_YOU_MEAN,
        "read_as": "Hiểu là",
        "see_chain": "Xem sơ đồ",
        "implementers": "Văn bản thực hiện (các văn bản triển khai)",
        "citers": "Văn bản dẫn chiếu văn bản này",
        "implements": "Văn bản được thực hiện",
        "what_texts_say": "Các văn bản nêu về văn bản này",
        "days_after": "sau {n} ngày",
        "expand": "Mở rộng",
        "graph_hint": "Nhấp vào một nút để mở văn bản; nhấp chuột phải (hoặc giữ lâu) để mở rộng nút tại chỗ; cuộn để phóng to, kéo để di chuyển.",
        "chain_list": "Chuỗi thực hiện dạng danh sách",
        "shown_above": SHOWN_ABOVE,
        "open": "Mở",
        "none": NONE,
        "error": "Lỗi",
        "building": "Kho văn bản đang được lập chỉ mục; trang sẽ tự tải lại.",
        "loading": "Đang tải…",
        "times": "lần",
        "tiers": {"Trung ương": "Trung ương", "Tỉnh": "Tỉnh, thành phố", "Huyện": "Huyện, quận", "Xã": "Xã, phường"},
        "tier_codes": tier_codes(),
        "unknown_tier": "Chưa rõ cấp",
        "home": "Trang chủ",
        "empty_groups": "{n} nhóm không có văn bản",
        "ocr_note": OCR_NOTE,
        "secret_note": SECRET_NOTE,
        "filter_toggle": "Bộ lọc",
        "sort": {"label": "Sắp xếp", "relevance": "Liên quan nhất", "newest": "Mới nhất", "oldest": "Cũ nhất"},
        "not_found": {"title": "Không tìm thấy trang", "text": NOT_FOUND_PAGE},
        "landing": landing_words(),
        "add": add_words(),
        "follow": follow_words(),
        "due": due_words(),
        "lint": lint_words()
    })
}

/// The follow-up panel's words (apart: one `json!` of them all would pass its recursion limit).
fn follow_words() -> serde_json::Value {
    serde_json::json!({
        "title": follow::TITLE, "not_seen": follow::NOT_SEEN, "acted": follow::ACTED,
        "overdue": follow::OVERDUE, "soon": follow::SOON, "later": follow::LATER,
        "undated": follow::UNDATED, "unasked": follow::UNASKED,
        "unexpanded": follow::UNEXPANDED, "no_recipients": follow::NO_RECIPIENTS,
        "columns": follow::COLUMNS, "as_of": "Tính đến ngày", "all": "Tất cả",
        "deadlines": "Thời hạn, báo cáo", "tasks": "Nhiệm vụ được giao",
        "lag": "Thời gian ban hành văn bản thực hiện (trung vị)", "days": "ngày",
        "print": "In báo cáo", "csv": "Tải CSV", "xlsx": "Tải Excel",
        "map": "Sơ đồ các tỉnh, thành phố", "status": "Trạng thái", "level": "Cấp",
        "unit": "Đơn vị", "from": "Văn bản đặt ra", "due": "Hạn", "what": "Nội dung",
        "summary": "Đã có văn bản: {a}/{n} đơn vị được giao",
        "roles": {"lead": "chủ trì", "support": "phối hợp", "carry": "thực hiện"},
        "every": {"week": "hằng tuần", "month": "hằng tháng", "quarter": "hằng quý",
                  "half_year": "6 tháng một lần", "year": "hằng năm", "unspecified": "định kỳ"},
        "after": "{n} tháng sau ngày ban hành",
        "more": follow::MORE
    })
}

/// A document named without a number that could not be resolved.
pub const NAMED_OPEN: &str = "chưa xác định được số ký hiệu";
pub const NAMED_MAYBE: &str = "có thể là";

/// What an unresolved name may be: its candidates, or that it is not known.
pub fn named_candidates(candidates: &[String]) -> String {
    if candidates.is_empty() {
        NAMED_OPEN.to_string()
    } else {
        format!("{NAMED_MAYBE} {}", candidates.join(", "))
    }
}

/// The watched folder: a batch read, removed, or failed.
pub fn watch_added(n: usize) -> String {
    format!("Thư mục theo dõi: đã cập nhật {n} văn bản.")
}

pub fn watch_removed(ids: &[String]) -> String {
    format!("Thư mục theo dõi: đã bỏ khỏi kho {}.", ids.join(", "))
}

pub fn watch_failed(reason: &str) -> String {
    format!("Thư mục theo dõi: chưa cập nhật được kho ({reason}); thay đổi sau sẽ thử lại.")
}

pub fn watch_unlisted(folder: &std::path::Path) -> String {
    format!(
        "Không liệt kê được thư mục {}: lần thay đổi này chưa được cập nhật; hãy kiểm tra quyền đọc hoặc kết nối tới thư mục.",
        folder.display()
    )
}

pub fn watch_error(folder: &std::path::Path, reason: &str) -> String {
    format!(
        "Không theo dõi được thư mục {}: {reason}.",
        folder.display()
    )
}

/// `serve --watch` started.
pub fn watching(folder: &std::path::Path) -> String {
    format!(
        "Đang theo dõi thư mục {}: tệp thêm, sửa hoặc xóa được cập nhật vào kho.",
        folder.display()
    )
}

/// Above a text read from a scan.
pub const OCR_NOTE: &str = "Văn bản được nhận dạng chữ tự động (OCR) từ bản quét: có thể sai một số chữ, hãy đối chiếu với bản gốc khi trích dẫn.";

/// Beside a document stamped secret, on its page.
pub const SECRET_NOTE: &str = "Tài liệu mật: chỉ người có thẩm quyền được xem; không sao chép, \
                               chụp ảnh hay chuyển cho người khác.";

/// A page path the page does not have.
pub const NOT_FOUND_PAGE: &str =
    "Địa chỉ này không có trong trang. Hãy tìm văn bản bằng ô tìm kiếm, hoặc về trang chủ.";

/// The landing page's words: what the archive holds, and searches to try.
fn landing_words() -> serde_json::Value {
    serde_json::json!({
        "holds": "Kho đang có {n} văn bản.",
        "examples": "Thử tìm",
        "example_list": [
            {"q": "chuyen doi so", "what": "từ khóa, gõ không dấu cũng được"},
            {"q": "21-KL/TW", "what": "số ký hiệu: văn bản, các văn bản thực hiện và chuỗi thực hiện"},
            {"q": "nghị quyết 57", "what": "tên gọi thường dùng của văn bản"},
            {"q": "kind:\"Kế hoạch\" year:2025", "what": "lọc theo loại văn bản và năm"},
            {"q": "implements:75-KL/TW", "what": "các văn bản thực hiện một văn bản"}
        ],
        "by_kind": "Theo loại văn bản",
        "by_level": "Theo cấp",
        "by_year": "Theo năm ban hành",
        "most_implemented": "Văn bản có nhiều văn bản thực hiện nhất",
        "implementers": "{n} văn bản thực hiện",
        "newest": "Văn bản mới nhất",
        "empty": "Kho chưa có văn bản nào. Đặt các tệp .txt, .md, .html, .docx, .doc, .pdf vào thư mục corpus/ rồi lập chỉ mục, hoặc thêm từng tệp:",
        "empty_how": "trichdan index --corpus THƯ_MỤC\ntrichdan add TỆP…"
    })
}

/// The upload view's words.
fn add_words() -> serde_json::Value {
    serde_json::json!({
        "nav": "Thêm văn bản",
        "title": "Thêm văn bản vào kho",
        "intro": "Chọn hoặc kéo thả các tệp .txt, .md, .html, .docx, .doc, .pdf (bản quét được nhận dạng chữ). Văn bản cùng tên tệp được thay thế. Cần mã ghi của máy chủ; mã được giữ đến khi đóng thẻ trình duyệt.",
        "token": "Mã ghi",
        "drop": "Kéo thả tệp vào đây, hoặc",
        "choose": "chọn tệp",
        "sending": "đang gửi…",
        "added": "đã thêm, mã văn bản",
        "refused": "không nhận"
    })
}

/// The agenda page's words.
fn due_words() -> serde_json::Value {
    serde_json::json!({
        "title": "Việc đến hạn", "nav": "Đến hạn", "from": "Từ ngày", "to": "Đến ngày",
        "show": "Xem", "no_unit": follow::NO_UNIT,
        "summary": "Đến hạn từ {from} đến {to}: {n} việc",
        "capped": "Hiển thị {shown} việc đến hạn sớm nhất.",
        "none": "Không có việc nào đến hạn trong khoảng này.",
        "intro": "Các thời hạn, báo cáo định kỳ và mốc sơ kết, tổng kết ghi trong các văn bản của kho, theo đơn vị được giao."
    })
}

/// The data-quality page's words.
fn lint_words() -> serde_json::Value {
    let checks: serde_json::Map<String, serde_json::Value> = crate::lint::Check::ALL
        .iter()
        .map(|&c| (c.name().to_string(), lint::label(c).into()))
        .collect();
    serde_json::json!({
        "title": lint::TITLE, "nav": lint::TITLE, "intro": lint::INTRO, "none": lint::NONE_FOUND,
        "summary": "{d} văn bản đã kiểm tra, {n} vấn đề", "all": "Tất cả", "checks": checks,
        "header": lint::HEADER, "shown": "Hiển thị {a}–{b} trong {n}", "more": "Xem tiếp",
        "said": "ghi"
    })
}

/// A document's level comes to the page as a code (`province`), a chain node's as its name:
/// the names by code, from [`Tier::name`].
fn tier_codes() -> serde_json::Value {
    [Tier::Central, Tier::Province, Tier::District, Tier::Commune]
        .into_iter()
        .filter_map(|t| {
            let code = serde_json::to_value(t).ok()?.as_str()?.to_string();
            Some((code, serde_json::Value::from(t.name())))
        })
        .collect::<serde_json::Map<_, _>>()
        .into()
}

/// A search that found nothing with every word typed and required fewer.
pub fn relaxed(required: usize, typed: usize) -> String {
    if required <= 1 {
        format!("Không văn bản nào có đủ {typed} từ đã gõ; hiển thị văn bản có một trong các từ.")
    } else {
        format!(
            "Không văn bản nào có đủ {typed} từ đã gõ; hiển thị văn bản có ít nhất {required} từ."
        )
    }
}

/// A typed name's candidate in one line: `Nghị quyết 57-NQ/TW của Bộ Chính trị, 22/12/2024
/// — 12 văn bản thực hiện`. The node's name stands for the identifier (a local one keeps
/// its `@locality`).
pub fn name_candidate(
    kind: Option<&str>,
    id: &str,
    issuer: Option<&str>,
    date: Option<Date>,
    implementers: usize,
) -> String {
    let mut s = match kind {
        Some(k) => format!("{k} {id}"),
        None => id.to_string(),
    };
    if let Some(i) = issuer {
        s.push_str(&format!(" của {i}"));
    }
    if let Some(d) = date {
        s.push_str(&format!(", {}", d.display()));
    }
    if implementers > 0 {
        s.push_str(&format!(
            " — {} văn bản thực hiện",
            thousands(implementers as u64)
        ));
    }
    s
}

/// Heads other candidates and near spellings.
pub const DID_YOU_MEAN: &str = "Có phải:";

/// How a typed name was read, for the command line.
pub fn interpreted(typed: &str, said: &str) -> String {
    format!("Hiểu «{typed}» là: {said}")
}

/// What a typed word was also searched as (`MTTQ` → `Mặt trận Tổ quốc`).
pub fn expanded(typed: &str, forms: &[String]) -> String {
    format!("{ALSO_SEARCHED}: {typed} = {}", forms.join(" = "))
}

/// Heads the line saying what typed words were also searched as.
const ALSO_SEARCHED: &str = "Đã tìm cả";

/// A document without a title, named by its kind, number, issuer and date (`Kế hoạch số
/// 107-KH/TU của Ban Thường vụ Tỉnh ủy Quảng Nam ngày 25/10/2021`).
pub fn untitled(
    kind: Option<&str>,
    number: Option<&str>,
    issuer: Option<&str>,
    date: Option<Date>,
) -> String {
    let mut s = kind.unwrap_or("Văn bản").to_string();
    if let Some(n) = number {
        s.push_str(&format!(" số {n}"));
    }
    if let Some(i) = issuer {
        s.push_str(&format!(" của {i}"));
    }
    if let Some(d) = date {
        s.push_str(&format!(" ngày {}", d.display()));
    }
    s
}

/// `Tìm thấy 2.790 văn bản (0,08 giây)`.
pub fn found(total: usize, seconds: f64) -> String {
    format!(
        "Tìm thấy {} văn bản ({} giây)",
        thousands(total as u64),
        decimal(seconds, 2)
    )
}

/// `21-KL/TW: 12 văn bản thực hiện`, for a relation walked towards its target.
pub fn related_count(target: &str, count: usize, rel: Relation) -> String {
    format!(
        "{target}: {} — {}",
        relation_incoming(rel),
        count_documents(count)
    )
}

/// `12 văn bản`.
pub fn count_documents(n: usize) -> String {
    format!("{} văn bản", thousands(n as u64))
}

/// What an indexing run did.
pub fn indexed(documents: usize, megabytes: f64, citations: usize, seconds: f64) -> String {
    format!(
        "Đã lập chỉ mục {} văn bản ({} MB, {} lần dẫn chiếu) trong {} giây",
        thousands(documents as u64),
        decimal(megabytes, 1),
        thousands(citations as u64),
        decimal(seconds, 2)
    )
}

/// How many documents the index holds.
pub fn holds(total: u64) -> String {
    format!("Chỉ mục hiện có {} văn bản", thousands(total))
}

/// The citation graph's size.
pub fn graph_size(nodes: usize, edges: usize) -> String {
    format!(
        "Đồ thị dẫn chiếu: {} nút, {} cạnh",
        thousands(nodes as u64),
        thousands(edges as u64)
    )
}

/// Files that failed and were skipped.
pub fn failed_files(n: usize) -> String {
    format!("{n} tệp không đọc được và đã bỏ qua:")
}

/// Serving beyond this machine with nothing asked of readers.
pub fn open_to_network(addr: &str) -> String {
    format!(
        "Cảnh báo: máy chủ nghe trên {addr}, ai vào được mạng này cũng đọc được toàn bộ kho văn \
         bản. Đặt mã đọc bằng --read-token (hoặc biến TRICHDAN_READ_TOKEN), hoặc chỉ nghe trên \
         127.0.0.1."
    )
}

/// Files kept out because they are stamped secret.
pub fn withheld(n: usize) -> String {
    format!(
        "{n} tệp mang dấu độ mật (MẬT, TỐI MẬT, TUYỆT MẬT) không được đưa vào kho \
         (--allow-classified nếu máy này được phép lưu giữ tài liệu mật):"
    )
}

/// Files that describe a folder, skipped.
pub fn skipped_notes(n: usize) -> String {
    format!("Bỏ qua {n} tệp mô tả thư mục (không phải văn bản):")
}

/// A folder under the corpus that could not be read; the rest is indexed.
pub fn unreadable_folder(folder: &str, why: &str) -> String {
    format!("{folder}: không đọc được thư mục ({why}); các thư mục khác vẫn được lập chỉ mục")
}

/// Files whose names collide, given ids from their paths.
pub fn renamed(n: usize) -> String {
    format!("{n} tệp trùng tên với tệp ở thư mục khác; mã văn bản lấy theo đường dẫn:")
}

/// No index yet: building it first.
pub fn building_first(dir: &str, corpus: &str, outdated: bool) -> String {
    format!(
        "{} ở {dir}/: đang lập chỉ mục {corpus} trước",
        if outdated {
            "Chỉ mục cũ"
        } else {
            "Chưa có chỉ mục"
        }
    )
}

/// Why a file in a known format gave no text (the underlying library's own words are left
/// out: they are English and name its internals).
/// The follow-up's words: the panel, the CLI, the CSV and spreadsheet share them.
pub mod follow {
    pub const TITLE: &str = "Theo dõi thực hiện";
    pub const NOT_SEEN: &str = "chưa thấy văn bản trong kho";
    pub const ACTED: &str = "đã có văn bản";
    pub const OVERDUE: &str = "quá hạn";
    pub const SOON: &str = "sắp đến hạn";
    pub const LATER: &str = "còn hạn";
    pub const UNDATED: &str = "định kỳ, không ghi kỳ hạn";
    pub const UNASKED: &str = "Đơn vị đã ban hành văn bản thực hiện nhưng không có trong nơi nhận";
    pub const UNEXPANDED: &str = "Nơi nhận chưa tách được thành đơn vị";
    pub const NO_RECIPIENTS: &str =
        "Văn bản không có khối Nơi nhận đọc được, hoặc văn bản gốc chưa có trong kho: chỉ liệt kê các văn bản thực hiện.";
    pub const COLUMNS: [&str; 8] = [
        "Đơn vị",
        "Cấp",
        "Tỉnh, thành phố",
        "Trạng thái",
        "Văn bản thực hiện",
        "Ngày ban hành",
        "Số ngày sau",
        "Nhiệm vụ được giao",
    ];
    pub const ROLES: [(&str, &str); 3] = [
        ("lead", "chủ trì"),
        ("support", "phối hợp"),
        ("carry", "thực hiện"),
    ];

    /// `Đã có văn bản: 12/34 đơn vị`.
    pub fn summary(acted: usize, asked: usize) -> String {
        format!("Đã có văn bản: {acted}/{asked} đơn vị được giao")
    }

    /// A period's recurrence as staff say it.
    pub fn every(period: crate::duty::Period) -> &'static str {
        use crate::duty::Period;
        match period {
            Period::Week => "hằng tuần",
            Period::Month => "hằng tháng",
            Period::Quarter => "hằng quý",
            Period::HalfYear => "6 tháng một lần",
            Period::Year => "hằng năm",
            Period::Unspecified => "định kỳ",
        }
    }

    pub fn status(s: crate::followup::DueStatus) -> &'static str {
        use crate::followup::DueStatus;
        match s {
            DueStatus::Overdue => OVERDUE,
            DueStatus::Soon => SOON,
            DueStatus::Later => LATER,
            DueStatus::Undated => UNDATED,
        }
    }

    pub fn role(r: crate::duty::Role) -> &'static str {
        use crate::duty::Role;
        match r {
            Role::Lead => "chủ trì",
            Role::Support => "phối hợp",
            Role::Carry => "thực hiện",
        }
    }

    /// `sau 33 ngày` / `trước 5 ngày` (a plan dated before the directive it names).
    pub fn lag(days: i64) -> String {
        if days >= 0 {
            format!("sau {days} ngày")
        } else {
            format!("trước {} ngày", -days)
        }
    }

    pub const BAD_DATE: &str = "Ngày không hợp lệ: hãy viết YYYY-MM-DD, ví dụ 2026-12-07.";
    pub const BAD_FORMAT: &str = "Định dạng không hỗ trợ: dùng format=json, csv hoặc xlsx.";
    /// Plans left out of a long list (`{n}` the count; the page fills it too).
    pub const MORE: &str = "… và {n} văn bản khác";

    pub fn more(n: usize) -> String {
        MORE.replace("{n}", &super::thousands(n as u64))
    }

    /// The agenda's heading for what no unit is named for.
    pub const NO_UNIT: &str = "(văn bản không ghi đơn vị)";
    /// The agenda's heading line.
    pub fn agenda(from: &str, to: &str, total: usize) -> String {
        format!(
            "Đến hạn từ {from} đến {to}: {} việc",
            super::thousands(total as u64)
        )
    }

    pub const BAD_PERIOD: &str =
        "Khoảng ngày không hợp lệ: ngày bắt đầu phải trước ngày kết thúc, và không quá 3 năm.";
}

pub mod format {
    pub const NOT_ZIP: &str =
        "không phải tệp .docx (không mở được như tệp nén zip); hãy lưu lại bằng Word";
    pub const NOT_WORD: &str = "tệp nén không có word/document.xml: không phải văn bản Word";
    pub const XML_UNREADABLE: &str =
        "word/document.xml không đọc được (không phải văn bản UTF-8); hãy lưu lại bằng Word";
    pub const XML_DAMAGED: &str = "word/document.xml bị hỏng; hãy lưu lại bằng Word";
    pub const PDF_DAMAGED: &str = "tệp PDF hỏng, không đọc được";
    pub const OCR_NOTHING: &str =
        "tệp PDF là bản quét nhưng nhận dạng chữ (OCR) không ra chữ nào; hãy quét lại rõ hơn (300 dpi)";
    pub const DOC_UNREADABLE: &str =
        "tệp .doc không đọc ra chữ Unicode; hãy mở bằng Word và lưu thành .docx";

    /// A program a format is read with is not installed.
    pub fn tool_missing(program: &str, package: &str) -> String {
        format!(
            "cần chương trình {program} để đọc loại tệp này: hãy cài gói {package} \
             (apt-get install {package}) rồi lập chỉ mục lại"
        )
    }

    pub fn tool_failed(program: &str, why: &str) -> String {
        format!("{program} không đọc được tệp: {why}")
    }

    pub fn tool_timeout(program: &str, secs: u64) -> String {
        format!("{program} chạy quá {secs} giây trên tệp này và đã bị dừng")
    }
    pub const NOT_BINARY: &str = "không phải định dạng nhị phân";
}

/// The data-quality report's words (`trichdan lint`, the Kiểm tra dữ liệu page).
pub mod lint {
    use crate::lint::{Check, Variant};

    pub const TITLE: &str = "Kiểm tra dữ liệu";
    pub const INTRO: &str = "Những chỗ cần sửa trong văn bản gốc: số ký hiệu viết sai hoặc không thống nhất giữa các văn bản, văn bản không có số ký hiệu, tệp dùng phông chữ cũ và tệp không đọc được.";
    pub const NONE_FOUND: &str = "Không phát hiện vấn đề nào.";
    pub const HEADER: &str = "phần đầu văn bản";

    /// What a check finds, as a heading.
    pub fn label(check: Check) -> &'static str {
        match check {
            Check::QdQdi => "Nhầm QĐ và QĐi",
            Check::DoubledSuffix => "Ký hiệu viết lặp",
            Check::KindDisagrees => "Loại văn bản ghi không thống nhất",
            Check::DateDisagrees => "Ngày ban hành ghi không thống nhất",
            Check::IssuerDisagrees => "Cơ quan ban hành ghi không thống nhất",
            Check::NoOwnNumber => "Văn bản không có số ký hiệu",
            Check::LegacyEncoding => "Tệp dùng phông chữ, bảng mã cũ (đã chuyển sang Unicode)",
            Check::Unread => "Tệp không đọc được",
        }
    }

    /// The report's first line: documents read and findings.
    pub fn summary(documents: usize, findings: usize) -> String {
        format!(
            "{}: {} văn bản, {} vấn đề",
            TITLE,
            super::thousands(documents as u64),
            super::thousands(findings as u64)
        )
    }

    pub fn doubled(raw: &str, id: &str) -> String {
        format!("Viết «{raw}», hiểu là {id}: bỏ phần ký hiệu viết lặp.")
    }

    pub fn qd_read_as_qdi(raw: &str, id: &str) -> String {
        format!(
            "Viết «{raw}» nhưng cùng số, cùng ngày với quy định {id} trong văn bản: sửa thành {id} nếu đúng là quy định."
        )
    }

    pub fn qd_pair(qd: &str, qdi: &str) -> String {
        format!(
            "{qd} và {qdi} cùng số, cùng cơ quan, cùng ngày: có thể là một văn bản ghi hai cách; quy định ghi QĐi, quyết định ghi QĐ."
        )
    }

    /// The citing documents say different things of `subject`.
    pub fn disagrees(check: Check, subject: &str, variants: &[Variant]) -> String {
        let what = match check {
            Check::KindDisagrees => "loại văn bản",
            Check::DateDisagrees => "ngày ban hành",
            _ => "cơ quan ban hành",
        };
        let said = variants
            .iter()
            .map(|v| format!("«{}» ({} nơi)", v.value, v.count))
            .collect::<Vec<_>>()
            .join(", ");
        format!("Các văn bản ghi {what} của {subject} khác nhau: {said}.")
    }

    pub fn no_own_number(label: &str) -> String {
        if label.is_empty() {
            "Không đọc được số ký hiệu ở phần đầu văn bản.".to_string()
        } else {
            format!("Không đọc được số ký hiệu ở phần đầu văn bản «{label}».")
        }
    }

    pub fn legacy(encoding: &str) -> String {
        if encoding == crate::text::glyph::NAME {
            return "Văn bản lấy từ PDF có bảng mã phông chữ hỏng (chữ thành mã glyph); đã đọc lại: nên xuất lại PDF có phông Unicode hoặc lưu bản Word.".to_string();
        }
        format!("Tệp gõ bằng bảng mã cũ {encoding}; đã chuyển sang Unicode khi đọc: nên lưu lại bản Unicode.")
    }

    /// A check the API does not know.
    pub fn unknown_check(name: &str) -> String {
        let known: Vec<&str> = Check::ALL.iter().map(|c| c.name()).collect();
        format!(
            "Không có phép kiểm tra «{name}»; hãy dùng một trong: {}.",
            known.join(", ")
        )
    }
}

/// The API's messages.
pub mod api {
    pub const PARAM_NOT_UTF8: &str =
        "Tham số không phải văn bản UTF-8 hợp lệ; hãy mã hóa URL theo UTF-8.";
    pub const PATH_NOT_UTF8: &str =
        "Đường dẫn không phải văn bản UTF-8 hợp lệ; hãy mã hóa URL theo UTF-8.";
    pub const ID_MISSING: &str = "Thiếu mã văn bản hoặc số ký hiệu.";
    pub const INTERNAL: &str = "Lỗi nội bộ khi xử lý yêu cầu; hãy thử lại.";
    pub const WRITES_DISABLED: &str =
        "Máy chủ chỉ cho đọc: khởi động với --write-token để cho phép thêm, xóa văn bản.";
    pub const UNAUTHORIZED: &str = "Thiếu hoặc sai mã ghi: gửi tiêu đề Authorization: Bearer <mã>.";
    pub const READ_ONLY: &str = "Kho văn bản này chỉ cho đọc (thư mục chỉ mục không ghi được): \
                                 tra cứu vẫn được, nhưng không thêm hay xóa văn bản được.";
    pub const DISK_FULL: &str = "Ổ đĩa của máy chủ đã đầy: văn bản chưa được thêm, các văn bản đã \
                                 có vẫn tra cứu được; hãy báo người quản trị giải phóng chỗ trống \
                                 rồi gửi lại.";
    pub const BUSY: &str =
        "Máy chủ đang nhận quá nhiều yêu cầu cùng lúc; hãy thử lại sau vài giây.";
    pub const READ_TOKEN: &str = "Kho văn bản này cần mã đọc: nhập mã khi trình duyệt hỏi (mục \
                                  mật khẩu), hoặc gửi tiêu đề Authorization: Bearer <mã>.";
    pub const NOT_MULTIPART: &str = "Cần gửi tệp dạng multipart/form-data, trong trường `file`.";
    pub const UPLOAD_TOO_LARGE: &str =
        "Tệp gửi lên vượt giới hạn 65 MB; hãy tách tệp hoặc chuyển sang .txt.";
    pub const UPLOAD_BROKEN: &str = "Không đọc được tệp gửi lên (dữ liệu multipart hỏng).";
    pub const UPLOAD_NO_NAME: &str = "Tệp gửi lên thiếu tên tệp.";
    pub const TIMEOUT: &str =
        "Yêu cầu chạy quá thời gian cho phép; hãy thu hẹp truy vấn hoặc thử lại sau.";
    pub const UNSUPPORTED_FORMAT: &str =
        "Chỉ nhận tệp .txt, .md, .html, .docx, .doc, .pdf: hãy lưu văn bản ở một trong các dạng này.";
    pub const NO_FILE: &str = "Không có tệp: gửi tệp trong trường multipart tên `file`.";
    pub const NO_ENDPOINT: &str = "Không có điểm truy cập API này; xem /api/openapi.json.";
    pub const NO_ASSET: &str = "Không có tệp này.";
    pub const STORAGE: &str =
        "Máy chủ không đọc/ghi được chỉ mục của nó; hãy báo người quản trị (xem nhật ký máy chủ).";
    pub const BUILD_FAILED: &str =
        "Lập chỉ mục thất bại nên máy chủ chưa thể trả lời; hãy báo người quản trị (xem nhật ký máy chủ).";

    /// A required parameter left out.
    pub fn missing(name: &str) -> String {
        format!("Thiếu tham số `{name}`.")
    }

    /// A number parameter out of bounds or not a number.
    pub fn bad_number(name: &str, value: &str, max: usize) -> String {
        format!("`{name}={value}` không hợp lệ: cần một số nguyên từ 0 đến {max}.")
    }

    /// A graph direction that is not one.
    pub fn bad_direction(value: &str) -> String {
        format!("`direction={value}` không hợp lệ: dùng up, down hoặc both.")
    }
}

/// The CLI's headings for a citation report and a lookup.
pub const CITED_BY: &str = "dẫn chiếu bởi";
pub const CITES: &str = "dẫn chiếu:";
pub const STATES: &str = "và nêu quan hệ giữa các văn bản khác:";

/// What `trichdan export` wrote.
pub fn exported(documents: usize, edges: usize, dir: &str) -> String {
    format!(
        "Đã xuất {} văn bản và {} quan hệ trích dẫn vào {dir}",
        thousands(documents as u64),
        thousands(edges as u64)
    )
}

/// Where the server answers.
pub fn serving(url: &str) -> String {
    format!("Đang phục vụ tại {url} (Ctrl-C để dừng)")
}

/// What a removal did.
pub fn removed(n: usize, total: u64) -> String {
    format!("Đã xóa {n} văn bản; {}", holds(total).to_lowercase())
}

/// A document id to remove that the index does not hold.
pub fn not_held(id: &str) -> String {
    format!("Không có trong chỉ mục: {id}")
}

/// `2.790`: thousands separated by dots, as Vietnamese writes them.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// `0,08`: a decimal comma.
pub fn decimal(x: f64, places: usize) -> String {
    format!("{x:.places$}").replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_number_forms() {
        for (n, want) in [
            (0, "0"),
            (999, "999"),
            (2790, "2.790"),
            (1234567, "1.234.567"),
        ] {
            assert_eq!(thousands(n), want);
        }
        assert_eq!(decimal(0.0831, 2), "0,08");
        assert_eq!(found(137, 0.08), "Tìm thấy 137 văn bản (0,08 giây)");
    }
}

/// What `trichdan check` says.
pub mod check {
    /// The cure for damaged index files.
    pub const REBUILD: &str =
        "Tạo lại chỉ mục từ thư mục văn bản: trichdan index --corpus <thư mục> --index <chỉ mục>.";
    pub const GRAPH_MISSING: &str =
        "Không có đồ thị trích dẫn đã lưu cho lần ghi cuối (tệp thiếu, hỏng, hoặc của lần ghi khác).";
    /// The cure for a missing graph: it is made again when the index is opened.
    pub const REOPEN: &str = "Đồ thị được dựng lại khi chỉ mục được mở (trichdan serve, hoặc một \
                              lệnh tra cứu như trichdan search); chạy lại trichdan check sau đó.";

    pub fn damaged(files: &[String]) -> String {
        format!(
            "{} tệp chỉ mục hỏng (mã kiểm tra không khớp): {}",
            files.len(),
            files.join(", ")
        )
    }

    pub fn unreadable(read: usize, why: &str) -> String {
        format!(
            "Không đọc lại được văn bản thứ {} trong chỉ mục: {why}",
            read + 1
        )
    }

    /// The saved graph and the stored documents disagree: a few edges of each side.
    pub fn disagrees(missing: &[String], extra: &[String]) -> String {
        let some = |list: &[String]| {
            let shown: Vec<&str> = list.iter().take(3).map(String::as_str).collect();
            shown.join("; ")
        };
        format!(
            "Đồ thị đã lưu không khớp với văn bản trong chỉ mục: thiếu {} cạnh ({}), thừa {} \
             cạnh ({}).",
            missing.len(),
            some(missing),
            extra.len(),
            some(extra)
        )
    }

    /// The cure for a graph that disagrees: remove it, and it is made again on open.
    pub fn regraph(file: &str) -> String {
        format!("Xóa tệp {file} trong thư mục chỉ mục; đồ thị được dựng lại khi mở chỉ mục.")
    }

    pub fn sound(documents: usize) -> String {
        format!("Chỉ mục dùng được: đọc lại đủ {documents} văn bản, đồ thị khớp với văn bản.")
    }

    pub fn found(n: usize) -> String {
        format!("Chỉ mục có {n} vấn đề:")
    }
}
