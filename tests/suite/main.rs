//! Integration tests, one binary: gold samples, identifier tables, properties, CLI.

mod access;
mod api;
mod browser;
mod check;
mod classified;
mod cli;
mod console;
mod corpus;
mod engine;
mod followup;
mod formats;
mod golden;
mod graph;
mod identifiers;
mod ingest;
mod legacy;
mod lint;
mod named;
mod names;
mod properties;
mod relations;
mod relevance;
mod scale;
mod search;
mod support;
mod watch;
