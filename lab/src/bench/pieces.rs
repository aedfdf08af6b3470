//! The bench's documents: pieces of about 10 KB cut from a corpus at line ends, each under a
//! new id and a made-up header, so that the citation graph grows with the text. Every fourth
//! piece is a province Party committee's plan (`{n}-KH/TU`) implementing a central directive
//! chosen with Zipf weights (a few directives are implemented everywhere, most rarely); the
//! three after it are that province's Front plans (`{m}/KH-MTTQ-BTT`) implementing it.

use std::path::PathBuf;

use anyhow::{bail, Result};
use trichdan::doc::locality::PROVINCES;
use trichdan::doc::Document;
use trichdan::error::Error;
use trichdan::text::{compose, decode};

/// How many central directives the plans implement.
const DIRECTIVES: usize = 1_000;
/// The most implemented directives, by rank, before the made-up ones.
const FIRST: &[(&str, &str, &str, &str)] = &[
    ("57-NQ/TW", "Nghị quyết", "Bộ Chính trị", "22/12/2024"),
    ("124-QĐ/TW", "Quy định", "Ban Bí thư", "02/02/2018"),
    (
        "21-KL/TW",
        "Kết luận",
        "Ban Chấp hành Trung ương",
        "25/10/2021",
    ),
    ("05-CT/TW", "Chỉ thị", "Bộ Chính trị", "15/05/2016"),
];
/// The made-up directives' numbers start here, above the real ones' (so none is split from
/// a real directive of another year).
const MADE_UP: usize = 600;
/// Kinds of the made-up directives, with their code and issuer.
const KINDS: &[(&str, &str, &str)] = &[
    ("NQ", "Nghị quyết", "Bộ Chính trị"),
    ("KL", "Kết luận", "Ban Bí thư"),
    ("CT", "Chỉ thị", "Ban Bí thư"),
    ("QĐ", "Quy định", "Bộ Chính trị"),
];

/// The corpus's bytes in memory, cut into pieces at line ends; piece `i` of a larger count
/// wraps around (its id and header are new either way).
pub struct Pieces {
    bytes: Vec<Vec<u8>>,
    cuts: Vec<(usize, std::ops::Range<usize>)>,
    provinces: Vec<&'static str>,
    /// Cumulative Zipf weights of the directives, by rank.
    zipf: Vec<f64>,
}

impl Pieces {
    pub fn cut(files: &[PathBuf], size: usize) -> Result<Pieces> {
        let mut bytes = Vec::new();
        let mut cuts = Vec::new();
        for f in files {
            let b = std::fs::read(f).map_err(|source| Error::Io {
                path: f.clone(),
                source,
            })?;
            let Ok(text) = std::str::from_utf8(&b) else {
                continue;
            };
            cuts.extend(line_cuts(text, size).into_iter().map(|r| (bytes.len(), r)));
            bytes.push(b);
        }
        if cuts.is_empty() {
            bail!("the corpus has no text to cut");
        }
        // the five centrally run cities have a Thành ủy, not a Tỉnh ủy
        let cities = ["Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ"];
        let provinces = PROVINCES
            .iter()
            .copied()
            .filter(|p| !cities.contains(p))
            .collect();
        let mut total = 0.0;
        let zipf = (1..=DIRECTIVES)
            .map(|rank| {
                total += 1.0 / rank as f64;
                total
            })
            .collect();
        Ok(Pieces {
            bytes,
            cuts,
            provinces,
            zipf,
        })
    }

    pub fn id(i: usize) -> String {
        format!("cut_{i:07}")
    }

    /// Decodes and composes piece `i` under its header and extracts it: the same work as
    /// reading a file.
    pub fn document(&self, i: usize) -> trichdan::Result<Document> {
        Ok(Document::from_text(Self::id(i), self.text(i)?))
    }

    /// Piece `i`'s composed text, header first.
    pub fn text(&self, i: usize) -> trichdan::Result<String> {
        let (file, range) = &self.cuts[i % self.cuts.len()];
        let raw = &self.bytes[*file][range.clone()];
        let text = decode(raw).map_err(|f| Error::Decode {
            path: Self::id(i).into(),
            encoding: f.encoding,
            offset: f.offset,
        })?;
        Ok(compose(&format!("{}\n{text}", self.header(i))))
    }

    /// The identifier and scope of the directive at `rank` (0 = the most implemented), with
    /// its kind word, issuer and date.
    pub fn directive(rank: usize) -> (String, &'static str, &'static str, String) {
        if let Some(&(id, word, issuer, date)) = FIRST.get(rank) {
            return (id.to_string(), word, issuer, date.to_string());
        }
        let date = format!(
            "{:02}/{:02}/{}",
            rank % 28 + 1,
            rank % 12 + 1,
            2012 + rank % 4
        );
        let (code, word, issuer) = KINDS[rank % KINDS.len()];
        (
            format!("{}-{code}/TW", MADE_UP + rank / KINDS.len()),
            word,
            issuer,
            date,
        )
    }

    /// The rank of the directive plan group `g` implements (Zipf weights).
    fn rank_of(&self, g: usize) -> usize {
        let total = *self.zipf.last().expect("directives");
        let x = (mix(g as u64) >> 11) as f64 / (1u64 << 53) as f64 * total;
        self.zipf.partition_point(|&c| c <= x).min(DIRECTIVES - 1)
    }

    /// Piece `i`'s header: a province plan implementing a directive, or one of that
    /// province's Front plans implementing it.
    pub fn header(&self, i: usize) -> String {
        let g = i / 4;
        let province = self.provinces[g % self.provinces.len()];
        let upper = province.to_uppercase();
        let n = g / self.provinces.len() + 1;
        let (id, word, issuer, date) = Self::directive(self.rank_of(g));
        let since: u64 = date[6..].parse().unwrap_or(2016);
        let plan_date = Date::of(g, since);
        if i.is_multiple_of(4) {
            format!(
                "TỈNH ỦY {upper}                ĐẢNG CỘNG SẢN VIỆT NAM\n*\n\
                 Số {n}-KH/TU                {province}, {}\n\n\
                 KẾ HOẠCH\nthực hiện {word} số {id}, ngày {date} của {issuer}\n",
                plan_date.long()
            )
        } else {
            let m = 3 * (n - 1) + i % 4;
            format!(
                "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
                 TỈNH {upper}        Độc lập - Tự do - Hạnh phúc\nBAN THƯỜNG TRỰC\n\
                 Số: {m}/KH-MTTQ-BTT        {province}, {}\n\n\
                 KẾ HOẠCH\nthực hiện Kế hoạch số {n}-KH/TU, ngày {} của Ban Thường vụ \
                 Tỉnh ủy {province}\n",
                plan_date.later(i % 4).long(),
                plan_date.short()
            )
        }
    }
}

/// A plan's date.
#[derive(Clone, Copy)]
struct Date {
    day: u64,
    month: u64,
    year: u64,
}

impl Date {
    /// Group `g`'s date, in 2016–2025 and not before the year `since`.
    fn of(g: usize, since: u64) -> Date {
        let h = mix(g as u64 ^ 0x5eed);
        Date {
            day: h % 20 + 1,
            month: (h >> 8) % 12 + 1,
            year: (2016 + (h >> 16) % 10).max(since),
        }
    }

    fn later(self, days: usize) -> Date {
        Date {
            day: self.day + days as u64 * 2,
            ..self
        }
    }

    fn long(self) -> String {
        format!(
            "ngày {:02} tháng {:02} năm {}",
            self.day, self.month, self.year
        )
    }

    fn short(self) -> String {
        format!("{:02}/{:02}/{}", self.day, self.month, self.year)
    }
}

/// splitmix64: a fixed, well-spread hash of a piece's number.
fn mix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Consecutive ranges of `text` of at least `size` bytes each (the last may be shorter),
/// ending after a line break where there is one.
fn line_cuts(text: &str, size: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let cut = text.ceil_char_boundary(start + size);
        let end = text[cut..].find('\n').map_or(text.len(), |i| cut + i + 1);
        out.push(start..end);
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_end_at_line_breaks_and_never_inside_a_character() {
        let text = "Kế hoạch thực hiện\nNghị quyết số 28-NQ/TW\nđạo đức lối sống\n".repeat(50);
        for size in 1..80 {
            let cuts = line_cuts(&text, size);
            assert_eq!(cuts.first().map(|r| r.start), Some(0));
            assert_eq!(cuts.last().map(|r| r.end), Some(text.len()));
            for w in cuts.windows(2) {
                assert_eq!(w[0].end, w[1].start);
                assert!(text[..w[0].end].ends_with('\n'), "size {size}");
            }
        }
    }

    /// Pieces cut from a small made-up corpus written to a temporary folder.
    fn pieces(name: &str) -> Pieces {
        let file = std::env::temp_dir().join(format!("pieces-{name}-{}.txt", std::process::id()));
        let line = "Tăng cường công tác tuyên truyền, phổ biến giáo dục pháp luật.\n";
        std::fs::write(&file, line.repeat(400)).unwrap();
        let pieces = Pieces::cut(std::slice::from_ref(&file), 2_000).unwrap();
        let _ = std::fs::remove_file(&file);
        pieces
    }

    #[test]
    fn headers_are_read_as_plans_implementing_down_the_levels() {
        let pieces = pieces("headers");
        let docs: Vec<Document> = (0..8).map(|i| pieces.document(i).unwrap()).collect();
        let plan = &docs[0];
        assert_eq!(
            plan.own_id.as_ref().map(|c| c.to_string()).as_deref(),
            Some("1-KH/TU")
        );
        assert_eq!(plan.kind.as_deref(), Some("Kế hoạch"));
        assert!(plan.date.is_some(), "{:?}", plan.date);
        let directive = pieces.header(0);
        let implemented: Vec<String> = plan.implements().iter().map(|c| c.to_string()).collect();
        assert_eq!(implemented.len(), 1, "{implemented:?}");
        assert!(directive.contains(&implemented[0]), "{directive}");
        for front in &docs[1..4] {
            let own = front
                .own_id
                .as_ref()
                .map(|c| c.to_string())
                .unwrap_or_default();
            assert!(own.ends_with("/KH-MTTQ-BTT"), "{own}");
            let implemented: Vec<String> =
                front.implements().iter().map(|c| c.to_string()).collect();
            assert_eq!(implemented, ["1-KH/TU"]);
            assert_eq!(front.locality.province, plan.locality.province);
        }
        // two groups, two provinces: the same number names two different plans
        assert_ne!(docs[4].locality.province, plan.locality.province);
        let g = trichdan::graph::build(&docs);
        let target = g.node_named(&implemented[0]).expect("the directive's node");
        let below = g.implementers(target, 3);
        assert_eq!(below.len(), 4, "the plan and its three Front plans");
    }

    #[test]
    fn directives_are_implemented_with_zipf_weights() {
        let pieces = pieces("zipf");
        let mut counts = vec![0usize; DIRECTIVES];
        for g in 0..20_000 {
            counts[pieces.rank_of(g)] += 1;
        }
        // rank 1 about half as often as rank 0; every rank within the table
        let ratio = counts[1] as f64 / counts[0] as f64;
        assert!((0.4..0.6).contains(&ratio), "{ratio} {:?}", &counts[..4]);
        assert!(counts[0] > 2_000, "{}", counts[0]);
        assert_eq!(Pieces::directive(1).0, "124-QĐ/TW");
        assert_eq!(Pieces::directive(4).0, "601-NQ/TW");
    }
}
