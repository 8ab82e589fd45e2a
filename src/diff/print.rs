//! A diff's changes as text (`+`/`-` resources, `~` changed ones with a line per field) or as
//! JSON (`[{op, kind, name, path, old, new}]`, `old`/`new` null where absent) and YAML.

use std::io::Write;

use serde_json::Value;

use super::{Change, Op};
use crate::config::Format;
use crate::error::Result;

/// A value in a text line: compact JSON, cut after this many characters.
const SHOWN_VALUE: usize = 200;

fn shown(value: &Option<Value>) -> String {
    match value {
        None => "(none)".to_string(),
        Some(v) => {
            let text = serde_json::to_string(v).unwrap_or_default();
            match text.char_indices().nth(SHOWN_VALUE) {
                Some((at, _)) => format!("{}…", &text[..at]),
                None => text,
            }
        }
    }
}

/// The changes as lines: `+ KIND NAME` for an added resource, `- KIND NAME` for a removed one,
/// `~ KIND NAME` then `    PATH: OLD → NEW` for each changed field. Nothing when there is no
/// change.
pub fn write_text(changes: &[Change], out: &mut dyn Write) -> Result<()> {
    let mut last: Option<(&str, &str)> = None;
    for c in changes {
        let resource = (c.kind.name(), c.name.as_str());
        // The bootstrap has no name.
        let title = match resource.1 {
            "" => resource.0.to_string(),
            name => format!("{} {name}", resource.0),
        };
        match c.op {
            Op::Added => writeln!(out, "+ {title}")?,
            Op::Removed => writeln!(out, "- {title}")?,
            Op::Changed => {
                if last != Some(resource) {
                    writeln!(out, "~ {title}")?;
                }
                writeln!(out, "    {}: {} → {}", c.path, shown(&c.old), shown(&c.new))?;
            }
        }
        last = Some(resource);
    }
    Ok(())
}

/// A change as `-o json` prints it, its keys in this order.
#[derive(serde::Serialize)]
struct Printed<'a> {
    op: &'static str,
    kind: &'static str,
    name: &'a str,
    path: &'a str,
    old: &'a Option<Value>,
    new: &'a Option<Value>,
}

fn printed(c: &Change) -> Printed<'_> {
    Printed {
        op: c.op.name(),
        kind: c.kind.name(),
        name: &c.name,
        path: &c.path,
        old: &c.old,
        new: &c.new,
    }
}

/// The changes in `format`: text for the table formats, else JSON (four-space indent, as
/// istioctl's JSON) or YAML.
pub fn write(changes: &[Change], format: Format, out: &mut dyn Write) -> Result<()> {
    if format.is_table() {
        return write_text(changes, out);
    }
    let mut text = Vec::new();
    let mut ser = serde_json::Serializer::with_formatter(
        &mut text,
        serde_json::ser::PrettyFormatter::with_indent(b"    "),
    );
    let list: Vec<Printed> = changes.iter().map(printed).collect();
    serde::Serialize::serialize(&list, &mut ser)
        .map_err(|e| crate::error::Error::input(format!("cannot print the changes: {e}")))?;
    text.push(b'\n');
    if format == Format::Yaml {
        return crate::render::yaml::write_yaml(out, &text);
    }
    out.write_all(&text)?;
    Ok(())
}
