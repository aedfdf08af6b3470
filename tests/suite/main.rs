//! Integration tests, one binary: gold samples, identifier tables, properties, CLI.

mod cli;
mod corpus;
mod formats;
mod golden;
mod graph;
mod identifiers;
mod legacy;
mod properties;
mod relations;
mod search;
mod support;
