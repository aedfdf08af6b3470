//! A document's text as the page shows it: Markdown sources rendered (headings, bold, lists,
//! tables; `\-` escapes gone), plain and PDF text as paragraphs, the marked spans (citations,
//! names) made links; sanitized, so nothing in a source becomes markup it did not ask for.

use std::collections::HashSet;
use std::fmt::Write;
use std::sync::LazyLock;

use pulldown_cmark::{Options, Parser};
use regex::Regex;

/// A span of the text to mark: a link (`href`) or a plain span, with its class and title;
/// a link carries the anchor `o<start>` that other pages point at.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub href: Option<String>,
    pub class: &'static str,
    pub title: String,
}

/// What tells a Markdown source from plain text: a heading, bold or an escaped punctuation
/// mark. Footnote marks (`(**)`) are plain text, and so are tables drawn with pipes alone
/// (converters draw a letter's two-column head so, rule rows and all); a Markdown source's
/// tables are rendered as tables.
static MARKDOWN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?m)^ {0,3}#{1,6} \S",         // a heading
        r"|\*\*\p{L}[^*\n]{0,300}?\*\*", // bold, closed on its line
        r"|\\[-.*_#()\[\]!+]",           // an escaped mark
    ))
    .unwrap()
});

/// True when `text` is written in Markdown rather than plain text.
pub fn is_markdown(text: &str) -> bool {
    MARKDOWN.is_match(text)
}

/// Marks of Markdown a snippet must not show: escapes, emphasis, heading marks, rules.
static SNIPPET_MARKUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\\([-.*_#()\[\]!+])|\*+|(?:^|\s)#{1,6}\s|\|?\s*:?-{3,}:?\s*\||(?:^|\s)-{3,}(?:\s|$)",
    )
    .unwrap()
});

/// True when the start of `text` (its first 16 KB: where a converter's marks show first)
/// is Markdown; bounded, for each search hit.
pub fn starts_as_markdown(text: &str) -> bool {
    let mut end = text.len().min(16 * 1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    is_markdown(&text[..end])
}

/// A snippet of a Markdown source as a reader sees the text: escapes resolved, emphasis,
/// heading marks, table rules and horizontal rules dropped (`**ĐẢNG CỘNG SẢN**` →
/// `ĐẢNG CỘNG SẢN`, `57\-NQ/TW` → `57-NQ/TW`). The snippet's own `<b>` marks and entities are left as they are.
pub fn unmark(snippet: &str) -> String {
    SNIPPET_MARKUP
        .replace_all(snippet, |c: &regex::Captures| match c.get(1) {
            Some(escaped) => escaped.as_str().to_string(),
            None if c[0].contains('#') || c[0].contains('-') => " ".to_string(),
            None => String::new(),
        })
        .into_owned()
}

/// The text as sanitized HTML with `marks` (sorted or not; overlapping ones after the first
/// dropped) made links or spans.
pub fn html(text: &str, marks: &[Mark]) -> String {
    let marks = in_order(marks, text);
    if is_markdown(text) {
        markdown(text, &marks)
    } else {
        paragraphs(text, &marks)
    }
}

/// The marks in text order, inside the text, on char boundaries, not overlapping.
fn in_order<'a>(marks: &'a [Mark], text: &str) -> Vec<&'a Mark> {
    let mut sorted: Vec<&Mark> = marks
        .iter()
        .filter(|m| {
            m.start < m.end
                && m.end <= text.len()
                && text.is_char_boundary(m.start)
                && text.is_char_boundary(m.end)
        })
        .collect();
    sorted.sort_by_key(|m| (m.start, m.end));
    let mut at = 0;
    sorted.retain(|m| {
        let keep = m.start >= at;
        if keep {
            at = m.end;
        }
        keep
    });
    sorted
}

/// The source with `<` and `&` made literal, indentation cut to three spaces (four would be
/// a code block, which a document never means), and each mark wrapped in its tag; then
/// rendered by pulldown-cmark and sanitized.
fn markdown(text: &str, marks: &[&Mark]) -> String {
    let mut src = String::with_capacity(text.len() + marks.len() * 64);
    let mut at = 0;
    for m in marks {
        literal_markdown(
            &text[at..m.start],
            &mut src,
            at == 0 || text[..at].ends_with('\n'),
        );
        // a backslash just before would escape the tag: doubled, it stays the backslash
        if text[..m.start].ends_with('\\') {
            src.push('\\');
        }
        open_tag(m, &mut src);
        literal_markdown(&text[m.start..m.end], &mut src, false);
        src.push_str(close_tag(m));
        at = m.end;
    }
    literal_markdown(&text[at..], &mut src, at == 0 || text[..at].ends_with('\n'));
    let mut out = String::with_capacity(src.len() + src.len() / 4);
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    pulldown_cmark::html::push_html(&mut out, Parser::new_ext(&src, options));
    // what is left of `**` is a converter's unclosed bold (`**4. Phát** triển**, …`) unless
    // the source escapes asterisks (`(\*\*)`, a footnote mark), which it then keeps
    if text.contains("\\*") {
        clean(&out)
    } else {
        clean(&out.replace("**", ""))
    }
}

/// Copies `s` into a Markdown source as text: `<` and `&` as entities, each line's
/// indentation at most three spaces.
fn literal_markdown(s: &str, out: &mut String, line_start: bool) {
    let mut line_start = line_start;
    let mut indent = 0;
    for c in s.chars() {
        if line_start && (c == ' ' || c == '\t') {
            indent += 1;
            if indent <= 3 {
                out.push(' ');
            }
            continue;
        }
        line_start = c == '\n';
        indent = 0;
        match c {
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            _ => out.push(c),
        }
    }
}

/// Plain text: blocks between blank lines as paragraphs, line breaks kept, marks wrapped.
fn paragraphs(text: &str, marks: &[&Mark]) -> String {
    let mut body = String::with_capacity(text.len() + marks.len() * 64);
    let mut at = 0;
    for m in marks {
        escape(&text[at..m.start], &mut body);
        open_tag(m, &mut body);
        escape(&text[m.start..m.end], &mut body);
        body.push_str(close_tag(m));
        at = m.end;
    }
    escape(&text[at..], &mut body);
    let mut out = String::with_capacity(body.len() + 64);
    for block in BLANK_LINES.split(&body) {
        let block = block.trim_matches('\n');
        if !block.trim().is_empty() {
            // the line breaks stay as written (the page keeps them: `white-space: pre-wrap`)
            let _ = writeln!(out, "<p class=\"plain\">{block}</p>");
        }
    }
    out
}

static BLANK_LINES: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\n[ \t\r]*\n").unwrap());

fn escape(s: &str, out: &mut String) {
    s.chars().for_each(|c| push_escaped(c, out));
}

/// One character as HTML text or attribute value.
pub(crate) fn push_escaped(c: char, out: &mut String) {
    match c {
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '&' => out.push_str("&amp;"),
        '"' => out.push_str("&quot;"),
        _ => out.push(c),
    }
}

fn open_tag(m: &Mark, out: &mut String) {
    let mut title = String::new();
    escape(&m.title, &mut title);
    match &m.href {
        Some(href) => {
            let mut h = String::new();
            escape(href, &mut h);
            let _ = write!(
                out,
                r#"<a class="{}" id="o{}" href="{h}" title="{title}">"#,
                m.class, m.start
            );
        }
        None => {
            let _ = write!(out, r#"<span class="{}" title="{title}">"#, m.class);
        }
    }
}

fn close_tag(m: &Mark) -> &'static str {
    if m.href.is_some() {
        "</a>"
    } else {
        "</span>"
    }
}

/// What rendered Markdown may keep: text structure and the marks' links and spans; links
/// only to this site or the web (no scripts, images or styles).
static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let tags: HashSet<&str> = [
        "p",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "strong",
        "em",
        "b",
        "i",
        "del",
        "ul",
        "ol",
        "li",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "blockquote",
        "hr",
        "a",
        "span",
        "code",
        "pre",
    ]
    .into_iter()
    .collect();
    let mut b = ammonia::Builder::default();
    b.tags(tags)
        .add_tag_attributes("a", ["class", "id", "href", "title"])
        .add_tag_attributes("span", ["class", "title"])
        .add_tag_attributes("ol", ["start"])
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        // relative links only within this site: `//host/…` would leave it
        .url_relative(ammonia::UrlRelative::Custom(Box::new(same_site)))
        .link_rel(None);
    b
});

/// A relative link kept only when it stays on this site.
fn same_site(url: &str) -> Option<std::borrow::Cow<'_, str>> {
    (!url.starts_with("//")).then_some(std::borrow::Cow::Borrowed(url))
}

fn clean(html: &str) -> String {
    CLEANER.clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_markdown_snippet_reads_as_text() {
        let table = [
            (
                "**BAN CHẤP HÀNH TRUNG ƯƠNG** **ĐẢNG CỘNG SẢN VIỆT NAM** Số 57\\-NQ/TW",
                "BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG CỘNG SẢN VIỆT NAM Số 57-NQ/TW",
            ),
            ("*Hà Nội*, *ngày 22 tháng 12*", "Hà Nội, ngày 22 tháng 12"),
            (
                "## I\\. QUAN ĐIỂM <b>chỉ đạo</b>",
                " I. QUAN ĐIỂM <b>chỉ đạo</b>",
            ),
            ("| Nhiệm vụ | |---|---| | a |", "| Nhiệm vụ |    | a |"),
            ("thuế &amp; phí", "thuế &amp; phí"),
            ("quốc gia --- Ngày 22/12/2024", "quốc gia Ngày 22/12/2024"),
            ("giai đoạn 2021 - 2025", "giai đoạn 2021 - 2025"),
        ];
        for (snippet, read) in table {
            assert_eq!(unmark(snippet), read, "{snippet}");
        }
    }

    fn link(start: usize, end: usize, href: &str) -> Mark {
        Mark {
            start,
            end,
            href: Some(href.into()),
            class: "cite",
            title: "Văn bản được thực hiện".into(),
        }
    }

    /// A source, its marks, what the HTML holds and what it must not.
    type Case<'a> = (&'a str, Vec<Mark>, Vec<&'a str>, Vec<&'a str>);

    /// (source, marks, what the HTML holds, what it must not): Markdown rendered, escapes
    /// gone, marks linked, nothing from the source turned into markup it did not write.
    #[test]
    fn documents_read_like_documents() {
        let plain = "TỈNH ỦY QUẢNG NAM\nSố 107-KH/TU\n\nI. MỤC ĐÍCH\n1. Quán triệt <đầy đủ>\n";
        let kh = plain.find("107").unwrap();
        let anchor = format!(r#"id="o{kh}""#);
        let nq = "**BAN CHẤP HÀNH TRUNG ƯƠNG**   \nSố 57\\-NQ/TW   \n\n## NGHỊ QUYẾT\n\n**4. Phát** triển**, trọng dụng**\n\nThực hiện Kết luận số 21-KL/TW ngày 25/10/2021.\n";
        let at = nq.find("21-KL/TW").unwrap();
        let cited = format!(
            r#"<a class="cite" id="o{at}" href="/so-hieu/21-KL%2FTW" title="Văn bản được thực hiện">21-KL/TW</a>"#
        );
        let cases: Vec<Case> = vec![
            (
                nq,
                vec![link(at, at + 8, "/so-hieu/21-KL%2FTW")],
                vec![
                    "<strong>BAN CHẤP HÀNH TRUNG ƯƠNG</strong>",
                    "Số 57-NQ/TW",
                    "<h2>NGHỊ QUYẾT</h2>",
                    &cited,
                ],
                vec!["**", "##", "\\-"],
            ),
            (
                "**KẾ HOẠCH**\n\n| Nhiệm vụ | Cơ quan chủ trì |\n|---|---|\n| Tuyên truyền | Ban Tuyên giáo |\n",
                vec![],
                vec!["<table>", "<td>Tuyên truyền</td>"],
                vec!["|---|"],
            ),
            (
                "**Căn cứ** <script>alert(1)</script> [x](javascript:alert(1)) ![a](http://x/y.png) & <Tên cơ quan>\n",
                vec![],
                vec!["&lt;script&gt;", "&lt;Tên cơ quan&gt;", "&amp;"],
                vec!["<script", "javascript:", "<img"],
            ),
            (
                "**KẾ HOẠCH**\n\n        1. Tổ chức quán triệt\n",
                vec![],
                vec!["Tổ chức quán triệt"],
                vec!["<pre>", "<code>"],
            ),
            (
                plain,
                vec![link(kh, kh + 9, "/so-hieu/107-KH%2FTU")],
                vec![
                    "<p class=\"plain\">TỈNH ỦY QUẢNG NAM\nSố ",
                    &anchor,
                    "<p class=\"plain\">I. MỤC ĐÍCH\n1. Quán triệt &lt;đầy đủ&gt;</p>",
                ],
                vec!["<ol>", "<li>"],
            ),
        ];
        for (source, marks, has, lacks) in cases {
            let out = html(source, &marks);
            for want in has {
                assert!(out.contains(want), "{want:?} in {out}");
            }
            for not in lacks {
                assert!(!out.contains(not), "{not:?} in {out}");
            }
        }
    }

    /// (text, Markdown?): what the sources hold.
    #[test]
    fn markdown_is_told_from_plain_text() {
        let cases = [
            ("**BAN CHẤP HÀNH TRUNG ƯƠNG**\n", true),
            ("## KẾ HOẠCH\n", true),
            ("Số 57\\-NQ/TW\n", true),
            (
                "|BỘ CÔNG THƯƠNG |CỘNG HÒA |\n|-------        |-------  |\n",
                false,
            ),
            (
                "2. Hóa chất kinh doanh(**) :\n- (*) và (**): Kê khai\n",
                false,
            ),
            (
                "|BỘ CÔNG THƯƠNG   |CỘNG HÒA XÃ HỘI |\n|-------          |Độc lập - Tự do |\n",
                false,
            ),
            ("TỈNH ỦY QUẢNG NAM\n* * *\nSố 107-KH/TU\n", false),
        ];
        for (text, want) in cases {
            assert_eq!(is_markdown(text), want, "{text}");
        }
    }

    /// Marks in hostile text: the text around them stays text, a backslash before one does
    /// not undo it, and a link leaving the site through `//host` is dropped.
    #[test]
    fn marks_in_hostile_text_stay_links_and_text_stays_text() {
        let text =
            "**Căn cứ** <img src=x onerror=alert(1)> \\21-KL/TW [đi](//evil.example/x) \\*\\*\n";
        let at = text.find("21-KL/TW").unwrap();
        let out = html(text, &[link(at, at + 8, "/so-hieu/21-KL%2FTW")]);
        assert!(out.contains(r#"<a class="cite" id="o"#), "{out}");
        assert!(out.contains("&lt;img"), "{out}");
        assert!(
            !out.contains("<img") && !out.contains("evil.example"),
            "{out}"
        );
        assert!(out.contains("**"), "escaped asterisks kept: {out}");
    }

    #[test]
    fn a_mark_off_the_text_or_overlapping_another_is_dropped() {
        let text = "Kết luận 21-KL/TW";
        let at = text.find("21").unwrap();
        let marks = [
            link(at, text.len(), "/a"),
            link(at + 1, text.len(), "/b"),
            link(1, 2, "/c"),
            link(0, 999, "/d"),
        ];
        let out = html(text, &marks);
        assert!(out.contains(r#"href="/a""#), "{out}");
        for not in ["/b", "/c", "/d"] {
            assert!(!out.contains(not), "{out}");
        }
    }
}
