//! HTML pages: the body's text in reading order, block elements on their own lines, table
//! cells three spaces apart (so a portal's `Số hiệu | 37/KH-MTTQ-BTT` row reads as a header
//! field), and the page furniture (navigation, header, footer, scripts, forms) dropped.

use scraper::{ElementRef, Html, Node};

/// Elements whose text is never part of the document.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "select",
    "iframe", "svg", "template",
];

/// Words in an `id` or `class` that mark page furniture.
const FURNITURE: &[&str] = &[
    "menu",
    "navbar",
    "breadcrumb",
    "footer",
    "sidebar",
    "banner",
    "cookie",
];

/// Elements that start and end a line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "section",
    "article",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "dt",
    "dd",
    "main",
    "hr",
];

/// Elements that need no end tag, or whose end tag may be left out: they do not deepen a
/// page as [`nesting`] counts it.
const UNNESTED: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "td", "th", "tr", "dt", "dd", "option", "tbody", "thead", "tfoot",
    "colgroup", "html", "head", "body",
];

/// How deep the page nests its elements, counted from the tags alone (a cheap scan run
/// before parsing, so a page nested absurdly deep is refused instead of parsed for minutes).
/// As the parser does: `<div/>` opens a `div` (only void elements and SVG or MathML content
/// close themselves), and an end tag closes the element it names, not whatever is innermost.
/// One pass: each tag is read up to its `>` and the scan goes on from there.
pub fn nesting(html: &str) -> usize {
    let bytes = html.as_bytes();
    let mut open: Vec<String> = Vec::new();
    // how many of each name are open: an end tag for a name not open costs no search (a
    // search that finds its element removes what it passed, so the scan stays linear)
    let mut count: std::collections::HashMap<String, usize> = Default::default();
    // how many of `open` are `svg` or `math` (kept, not recounted per tag)
    let mut foreign = 0usize;
    let is_foreign = |n: &str| n == "svg" || n == "math";
    let mut deepest = 0;
    let mut at = 0;
    while let Some(lt) = memchr::memchr(b'<', &bytes[at..]) {
        let closing = bytes.get(at + lt + 1) == Some(&b'/');
        let name_at = at + lt + 1 + closing as usize;
        let name_len = bytes[name_at..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !bytes[name_at].is_ascii_alphabetic() {
            at = name_at;
            continue;
        }
        let end = memchr::memchr(b'>', &bytes[name_at..]).map_or(bytes.len(), |e| name_at + e);
        let name = html[name_at..name_at + name_len].to_ascii_lowercase();
        at = end;
        if closing {
            if count.get(&name).is_some_and(|&c| c > 0) {
                let k = open.iter().rposition(|n| *n == name).unwrap_or(open.len());
                for n in open.drain(k..) {
                    foreign -= is_foreign(&n) as usize;
                    *count.entry(n).or_default() -= 1;
                }
            }
            continue;
        }
        let self_closing = foreign > 0 && bytes[..end].ends_with(b"/");
        if !self_closing && !UNNESTED.contains(&name.as_str()) {
            foreign += is_foreign(&name) as usize;
            *count.entry(name.clone()).or_default() += 1;
            open.push(name);
            deepest = deepest.max(open.len());
        }
    }
    deepest
}

/// The text of an HTML page.
pub fn html_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let root = doc.root_element();
    let body = root
        .children()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "body")
        .unwrap_or(root);
    let mut out = String::new();
    walk(body, &mut out);
    out.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .map(|l| {
            l.trim_end_matches(['\u{1F}', ' '])
                .replace(" \u{1F} ", "   ")
                .replace('\u{1F}', "   ")
        })
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn is_furniture(e: &ElementRef) -> bool {
    let v = e.value();
    if DROPPED.contains(&v.name()) {
        return true;
    }
    let marks = [
        v.id().unwrap_or_default().to_lowercase(),
        v.attr("class").unwrap_or_default().to_lowercase(),
    ];
    marks
        .iter()
        .any(|m| FURNITURE.iter().any(|f| m.contains(f)))
}

/// Writes the text under `root` in document order. Iterative, with an explicit stack, so a
/// page nested 100,000 elements deep is read like any other instead of overflowing the stack.
fn walk(root: ElementRef, out: &mut String) {
    enum Step<'a> {
        Enter(ElementRef<'a>),
        Text(&'a str),
        Leave { block: bool, cell: bool },
    }
    let mut stack = vec![Step::Enter(root)];
    while let Some(step) = stack.pop() {
        let e = match step {
            Step::Leave { block, cell } => {
                if block {
                    out.push('\n');
                }
                if cell {
                    // a cell separator that survives whitespace collapsing
                    out.push_str(" \u{1F} ");
                }
                continue;
            }
            Step::Text(t) => {
                out.push_str(t);
                continue;
            }
            Step::Enter(e) => e,
        };
        let name = e.value().name();
        let block = BLOCKS.contains(&name);
        if block {
            out.push('\n');
        }
        let cell = e != root && matches!(name, "td" | "th");
        stack.push(Step::Leave { block, cell });
        let first = stack.len();
        for child in e.children() {
            match child.value() {
                Node::Text(t) => stack.push(Step::Text(t)),
                Node::Element(_) => {
                    if let Some(el) = ElementRef::wrap(child).filter(|el| !is_furniture(el)) {
                        stack.push(Step::Enter(el));
                    }
                }
                _ => {}
            }
        }
        stack[first..].reverse();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn portal_page() {
        let page = r#"<html><head><title>x</title><style>p{}</style></head><body>
            <nav><a href="/">Trang chủ</a> | <a>Văn bản</a></nav>
            <div id="main-menu">Giới thiệu</div>
            <table class="meta"><tr><td>Số hiệu</td><td>37/KH-MTTQ-BTT</td></tr>
            <tr><td>Loại văn bản</td><td>Kế hoạch</td></tr>
            <tr><td>Ngày ban hành</td><td>04-02-2020</td></tr></table>
            <p>KẾ HOẠCH</p><p>Thực hiện <b>Kế hoạch số 156-KH/TU</b>,&nbsp;ngày 12/12/2019</p>
            <script>var a = "21-KL/TW";</script>
            <footer>Giấy phép: Số 01/GP-STTTT</footer></body></html>"#;
        let text = html_text(page);
        assert_eq!(
            text,
            "Số hiệu   37/KH-MTTQ-BTT\nLoại văn bản   Kế hoạch\nNgày ban hành   04-02-2020\n\
             KẾ HOẠCH\nThực hiện Kế hoạch số 156-KH/TU, ngày 12/12/2019"
        );
    }
}
