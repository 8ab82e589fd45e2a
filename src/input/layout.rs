//! Envoy's layout of its admin answers: one space of indentation a level, so that each element
//! of a document's one top-level list ends at a line of two spaces and `}`. Finding those lines
//! lets a big document be split into its elements without parsing it first.

use std::ops::Range;

/// Where a line of two spaces and `}` starts: in Envoy's layout (one space a level), the end of
/// an element of a document's one top-level list. No other line looks like that, and a newline
/// cannot occur inside a JSON string.
const ITEM_END: &[u8] = b"\n  }";

/// Every place `\n  }` starts in a text, in order: where the elements of its top-level list
/// may end (see `items_by_layout`). Finding them is a pass over the whole text, which the input
/// makes while it checks the text's UTF-8, a megabyte at a time while it is in the cache, rather
/// than as a pass of its own.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ItemEnds(Vec<usize>);

impl ItemEnds {
    /// The places in all of `text`, in one pass.
    pub fn find(text: &[u8]) -> ItemEnds {
        let mut ends = Vec::new();
        ItemEnds::find_in(text, 0..text.len(), &mut ends);
        ItemEnds(ends)
    }

    /// Appends to `ends` the places that start within `range` of `text`, including one that
    /// runs past its end.
    pub(crate) fn find_in(text: &[u8], range: Range<usize>, ends: &mut Vec<usize>) {
        let searched = &text[range.start..text.len().min(range.end + ITEM_END.len() - 1)];
        let found = memchr::memmem::find_iter(searched, ITEM_END);
        ends.extend(found.map(|at| range.start + at));
    }

    /// Places found in parts, in order, as `find` finds them.
    pub(crate) fn from_parts(parts: impl IntoIterator<Item = Vec<usize>>) -> ItemEnds {
        ItemEnds(parts.into_iter().flatten().collect())
    }

    /// The places from `start` on, counted from there: those of a text's tail.
    pub(crate) fn from(&self, start: usize) -> ItemEnds {
        let tail = &self.0[self.0.partition_point(|&at| at < start)..];
        ItemEnds(tail.iter().map(|at| at - start).collect())
    }

    /// The first place at or after `pos`.
    pub(crate) fn next(&self, pos: usize) -> Option<usize> {
        self.0.get(self.0.partition_point(|&at| at < pos)).copied()
    }
}

/// Where each element of the one list in `{"<key>": [...]}` lies (the sections of a config
/// dump's `configs`, the cluster statuses of `/clusters?format=json`), found by Envoy's own
/// layout rather than by parsing: an element ends where a line of two spaces and `}` does
/// (`ends`, the `ItemEnds` of `json`). The guess is checked: the text around the pieces must be
/// exactly the frame and the commas between elements, and each piece must then parse as a
/// whole object, so the pieces are the elements. None for any other layout, or an empty list.
pub fn items_by_layout(json: &str, key: &str, ends: &ItemEnds) -> Option<Vec<Range<usize>>> {
    let bytes = json.as_bytes();
    let mut pos = 0;
    let key = format!("\"{key}\"");
    for token in [&b"{"[..], key.as_bytes(), b":", b"["] {
        pos = skip_whitespace(bytes, pos);
        pos += bytes[pos..].starts_with(token).then_some(token.len())?;
    }
    let mut pieces = Vec::new();
    loop {
        pos = skip_whitespace(bytes, pos);
        if bytes.get(pos) != Some(&b'{') {
            return None;
        }
        let end = ends.next(pos)? + ITEM_END.len();
        // Found in this very text: a piece always ends within it, after its start.
        if !bytes.get(..end).is_some_and(|b| b.ends_with(ITEM_END)) {
            return None;
        }
        pieces.push(pos..end);
        pos = skip_whitespace(bytes, end);
        match bytes.get(pos) {
            Some(b',') => pos += 1,
            Some(b']') => {
                pos = skip_whitespace(bytes, pos + 1);
                let closed = bytes.get(pos) == Some(&b'}');
                return (closed && skip_whitespace(bytes, pos + 1) == bytes.len())
                    .then_some(pieces);
            }
            _ => return None,
        }
    }
}

pub(crate) fn skip_whitespace(bytes: &[u8], mut pos: usize) -> usize {
    while let Some(b' ' | b'\n' | b'\r' | b'\t') = bytes.get(pos) {
        pos += 1;
    }
    pos
}

/// The type URL of a section that starts with its `@type`, as Envoy writes it.
pub(crate) fn leading_type(section: &str) -> Option<&str> {
    let bytes = section.as_bytes();
    let mut pos = 1;
    for token in [&b"\"@type\""[..], b":", b"\""] {
        pos = skip_whitespace(bytes, pos);
        pos += bytes[pos..].starts_with(token).then_some(token.len())?;
    }
    let len = memchr::memchr2(b'"', b'\\', &bytes[pos..])?;
    section.get(pos..pos + len)
}
