//! The graph's answers as text: a node on one line, lookup candidates, who implements a
//! document, a chain as an indented tree, and what a document cites.

use std::io::{self, Write};

use crate::cite::Relation;
use crate::engine::{ChainTree, CitationReport, Related, TreeNode};
use crate::graph::{ChainNode, Lookup};
use crate::message;

/// One line for a node: name, then kind · date · issuer · locality.
pub fn describe(n: &ChainNode) -> String {
    let mut parts = vec![n.label.clone()];
    parts.extend(n.kind.clone());
    parts.extend(n.date.map(|d| d.display()));
    parts.extend(n.issuer.clone());
    parts.extend(n.locality.clone());
    if n.ambiguous {
        parts.push(message::SCOPE_UNKNOWN.into());
    }
    format!("{}  [{}]", n.node, parts.join(" · "))
}

/// The nodes an identifier names, each with who cites it.
pub fn candidates(o: &mut dyn Write, candidates: &[Lookup]) -> io::Result<()> {
    for c in candidates {
        let cited = if c.cited_by.is_empty() {
            message::NONE.to_string()
        } else {
            c.cited_by.join(", ")
        };
        let node = describe(&c.node);
        writeln!(o, "{node}\n   {}: {cited}", message::CITED_BY)?;
    }
    Ok(())
}

/// The count, then each implementer (or amender …) indented by depth with its path.
pub fn related(o: &mut dyn Write, r: &Related, rel: Relation) -> io::Result<()> {
    let count = message::related_count(&r.target.node, r.implementers.len(), rel);
    writeln!(o, "{count}")?;
    for i in &r.implementers {
        let indent = "  ".repeat(i.depth);
        writeln!(o, "{indent}{}   ← {}", i.node, i.path[1..].join(" ← "))?;
    }
    Ok(())
}

/// The root, then each child under its parent, indented, with the documents stating the edge.
pub fn tree(o: &mut dyn Write, t: &ChainTree) -> io::Result<()> {
    writeln!(o, "{}", describe(&t.root.node))?;
    children(o, &t.root, 1)
}

fn children(o: &mut dyn Write, parent: &TreeNode, level: usize) -> io::Result<()> {
    for child in &parent.children {
        let repeated = if child.repeated {
            format!(" — {}", message::SHOWN_ABOVE)
        } else {
            String::new()
        };
        writeln!(
            o,
            "{}{}  ({} {}){repeated}",
            "   ".repeat(level),
            describe(&child.node),
            message::STATED_IN,
            child.stated_in.join(", "),
        )?;
        children(o, child, level + 1)?;
    }
    Ok(())
}

/// What a corpus document cites, by relation, and the relations it states between others.
pub fn citations(o: &mut dyn Write, report: &CitationReport) -> io::Result<()> {
    writeln!(o, "{} {}", report.node, message::CITES)?;
    for c in &report.citations {
        writeln!(o, "  {:<10} {} ×{}", c.rel.as_str(), c.to, c.count)?;
    }
    if !report.stated.is_empty() {
        writeln!(o, "{}", message::STATES)?;
        for s in &report.stated {
            writeln!(o, "  {} {} {}", s.from, s.rel.as_str(), s.to)?;
        }
    }
    Ok(())
}
