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

/// Elements whose content is raw text, not tags: the scan skips to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// Elements that an end tag for another name does not close across (the parser's "special"
/// elements that nest): `<span><div></span>` leaves both open.
const SPECIAL: &[&str] = &[
    "address",
    "applet",
    "article",
    "aside",
    "blockquote",
    "button",
    "caption",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "listing",
    "main",
    "marquee",
    "menu",
    "nav",
    "object",
    "ol",
    "pre",
    "section",
    "select",
    "summary",
    "table",
    "template",
    "ul",
];

/// HTML elements that end SVG or MathML content: after them `/>` closes nothing.
const BREAKOUT: &[&str] = &[
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "center",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "i",
    "img",
    "li",
    "listing",
    "menu",
    "meta",
    "nobr",
    "ol",
    "p",
    "pre",
    "ruby",
    "s",
    "small",
    "span",
    "strong",
    "strike",
    "sub",
    "sup",
    "table",
    "tt",
    "u",
    "ul",
    "var",
];

/// The elements open at a point of the scan, with what the scan asks of them kept at hand so
/// each tag costs O(1) (plus, amortized, the elements it closes).
#[derive(Default)]
struct Open {
    names: Vec<String>,
    /// Positions in `names` of each name, innermost last.
    at: std::collections::HashMap<String, Vec<usize>>,
    /// Positions of special elements, and of SVG/MathML ones.
    special: Vec<usize>,
    foreign: Vec<usize>,
}

impl Open {
    fn push(&mut self, name: String, foreign: bool) {
        let k = self.names.len();
        if SPECIAL.contains(&name.as_str()) {
            self.special.push(k);
        }
        if foreign {
            self.foreign.push(k);
        }
        self.at.entry(name.clone()).or_default().push(k);
        self.names.push(name);
    }

    /// An end tag: closes the innermost element of that name, with everything inside it,
    /// unless a special element stands inside it.
    fn close(&mut self, name: &str) {
        let Some(&k) = self.at.get(name).and_then(|v| v.last()) else {
            return;
        };
        if self.special.last().is_some_and(|&s| s > k) {
            return;
        }
        for n in self.names.drain(k..) {
            if let Some(v) = self.at.get_mut(&n) {
                v.pop();
            }
        }
        while self.special.last().is_some_and(|&s| s >= k) {
            self.special.pop();
        }
        while self.foreign.last().is_some_and(|&s| s >= k) {
            self.foreign.pop();
        }
    }
}

/// How deep the page nests its elements, counted from the tags (a cheap scan run before
/// parsing, so a page nested absurdly deep is refused instead of parsed for minutes). It
/// counts as the parser nests, erring deeper: `<div/>` opens a div (only SVG and MathML
/// content closes itself), an end tag closes the element it names but not across a special
/// element, comments and raw-text elements (`script`, `style` …) hold no tags. One pass: each
/// tag is read up to its `>` and the scan goes on from there.
pub fn nesting(html: &str) -> usize {
    let bytes = html.as_bytes();
    let mut open = Open::default();
    let mut deepest = 0;
    let mut at = 0;
    while let Some(lt) = memchr::memchr(b'<', &bytes[at..]) {
        let p = at + lt;
        if bytes[p..].starts_with(b"<!--") {
            at = memchr::memmem::find(&bytes[p + 4..], b"-->").map_or(bytes.len(), |e| p + 7 + e);
            continue;
        }
        let closing = bytes.get(p + 1) == Some(&b'/');
        let name_at = p + 1 + closing as usize;
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
            open.close(&name);
            continue;
        }
        let breakout = BREAKOUT.contains(&name.as_str());
        let foreign = name == "svg" || name == "math" || !open.foreign.is_empty() && !breakout;
        if foreign && bytes[..end].ends_with(b"/") || UNNESTED.contains(&name.as_str()) {
            continue;
        }
        if RAW_TEXT.contains(&name.as_str()) {
            at = raw_text_end(bytes, end, &name);
            continue;
        }
        open.push(name, foreign && !breakout);
        deepest = deepest.max(open.names.len());
    }
    deepest
}

/// Where the raw text of element `name` opened before `from` ends: after its end tag (any
/// case), or at the end of the page.
fn raw_text_end(bytes: &[u8], from: usize, name: &str) -> usize {
    let mut at = from;
    while let Some(e) = memchr::memmem::find(&bytes[at..], b"</") {
        let after = at + e + 2;
        let candidate = bytes.get(after..after + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes())) {
            return after + name.len();
        }
        at = after;
    }
    bytes.len()
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
