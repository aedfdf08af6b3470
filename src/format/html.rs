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

fn walk(e: ElementRef, out: &mut String) {
    let name = e.value().name();
    let block = BLOCKS.contains(&name);
    if block {
        out.push('\n');
    }
    for child in e.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(_) => {
                let Some(el) = ElementRef::wrap(child) else {
                    continue;
                };
                if is_furniture(&el) {
                    continue;
                }
                walk(el, out);
                if matches!(el.value().name(), "td" | "th") {
                    // a cell separator that survives whitespace collapsing
                    out.push_str(" \u{1F} ");
                }
            }
            _ => {}
        }
    }
    if block {
        out.push('\n');
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
