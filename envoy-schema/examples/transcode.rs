//! Transcodes a JSON file: `transcode FILE [MESSAGE|unpacked] [json|name] [INDENT]`, e.g.
//! `cargo run -p envoy-schema --example transcode -- config_dump.json envoy.admin.v3.ConfigDump`.

use envoy_schema::{transcode, KeyStyle, Root};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: transcode FILE [MESSAGE|unpacked] [json|name] [INDENT]");
        return ExitCode::from(2);
    };
    let root = match args.get(1).map(String::as_str) {
        None => Root::Message("envoy.admin.v3.ConfigDump"),
        Some("unpacked") => Root::UnpackedAny,
        Some(name) => Root::Message(name),
    };
    let style = match args.get(2).map(String::as_str) {
        Some("name") => KeyStyle::ProtoName,
        _ => KeyStyle::ProtoJson,
    };
    let indent = args
        .get(3)
        .map(|spaces| " ".repeat(spaces.parse().unwrap_or(4)));
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut stdout = std::io::stdout().lock();
    match transcode(
        &text,
        root,
        style,
        &mut stdout,
        indent.as_deref().map(str::as_bytes),
    ) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{path}: {e}");
            ExitCode::FAILURE
        }
    }
}
