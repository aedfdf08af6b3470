//! The follow-up table as an office sends it up: rows of units asked (then units that acted
//! unasked), as CSV or as an Excel workbook (rust_xlsxwriter) with the deadlines on a second
//! sheet.

use rust_xlsxwriter::{Format, Workbook};

use super::{AskedUnit, FollowUp, Plan};
use crate::message::follow;

/// One row per unit: the columns of [`follow::COLUMNS`].
fn rows(f: &FollowUp) -> Vec<[String; 8]> {
    let plan_cells = |p: Option<&Plan>| -> [String; 3] {
        match p {
            Some(p) => [
                p.node.clone(),
                p.date.map(|d| d.display()).unwrap_or_default(),
                p.days_after.map(|d| d.to_string()).unwrap_or_default(),
            ],
            None => Default::default(),
        }
    };
    let tier = |t: Option<crate::doc::Tier>| t.map(|t| t.name().to_string()).unwrap_or_default();
    let mut out = Vec::new();
    for u in &f.units {
        let [node, date, days] = plan_cells(u.plans.first());
        let status = if u.plans.is_empty() {
            follow::NOT_SEEN
        } else {
            follow::ACTED
        };
        out.push([
            u.name.clone(),
            tier(u.tier),
            u.province.clone().unwrap_or_default(),
            status.to_string(),
            node,
            date,
            days,
            tasks_of(f, u),
        ]);
    }
    if f.unasked_total > f.unasked.len() {
        // the list is cut (a directive with a hundred thousand plans below it): say so
        let more = follow::more(f.unasked_total - f.unasked.len());
        out.push([
            more,
            String::new(),
            String::new(),
            follow::UNASKED.to_string(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ]);
    }
    for p in &f.unasked {
        let [node, date, days] = plan_cells(Some(p));
        out.push([
            p.issuer.clone().unwrap_or_default(),
            tier(p.tier),
            p.province.clone().unwrap_or_default(),
            follow::UNASKED.to_string(),
            node,
            date,
            days,
            String::new(),
        ]);
    }
    out
}

fn tasks_of(f: &FollowUp, u: &AskedUnit) -> String {
    u.tasks
        .iter()
        .map(|&t| format!("({}) {}", follow::role(f.tasks[t].role), f.tasks[t].text))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The table as CSV (RFC 4180: fields quoted, quotes doubled), with a header row.
pub fn csv(f: &FollowUp) -> String {
    let field = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
    let mut out = String::new();
    let header: Vec<String> = follow::COLUMNS.iter().map(|c| field(c)).collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for row in rows(f) {
        let cells: Vec<String> = row.iter().map(|c| field(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Most characters a spreadsheet cell holds.
const CELL_CHARS: usize = 32_767;

/// A cell's text cut to what a cell holds, marked `…` when cut.
fn fits(s: &str) -> String {
    if s.chars().count() <= CELL_CHARS {
        return s.to_string();
    }
    let mut out: String = s.chars().take(CELL_CHARS - 1).collect();
    out.push('…');
    out
}

/// The table and the deadlines as an `.xlsx` workbook.
pub fn xlsx(f: &FollowUp) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let sheet = book.add_worksheet().set_name(follow::TITLE)?;
    let title = format!(
        "{} {} — {} {}",
        follow::TITLE,
        f.node,
        "tính đến ngày",
        f.as_of.display()
    );
    sheet.write_string_with_format(0, 0, &title, &bold)?;
    for (c, name) in follow::COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(2, c as u16, *name, &bold)?;
    }
    for (r, row) in rows(f).iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            sheet.write_string_with_format(3 + r as u32, c as u16, fits(cell), &wrap)?;
        }
    }
    for (c, width) in [40, 12, 18, 26, 22, 14, 10, 80].into_iter().enumerate() {
        sheet.set_column_width(c as u16, width)?;
    }
    let dues = book.add_worksheet().set_name("Thời hạn")?;
    let heads = ["Hạn", "Trạng thái", "Nội dung", "Đơn vị", "Văn bản đặt ra"];
    for (c, h) in heads.iter().enumerate() {
        dues.write_string_with_format(0, c as u16, *h, &bold)?;
    }
    for (r, d) in f.deadlines.iter().enumerate() {
        let r = 1 + r as u32;
        dues.write_string(r, 0, d.next.map(|d| d.display()).unwrap_or_default())?;
        dues.write_string(r, 1, follow::status(d.status))?;
        dues.write_string(r, 2, fits(&d.text))?;
        dues.write_string(r, 3, d.unit.clone().unwrap_or_default())?;
        dues.write_string(r, 4, &d.from)?;
    }
    book.save_to_buffer()
}
