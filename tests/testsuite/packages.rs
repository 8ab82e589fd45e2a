//! Why istioctl's tables are laid out by `render::table` and not by comfy-table: comfy-table,
//! set as close to Go's tabwriter as it goes (no borders, no wrapping, the padding on the right
//! of each cell), laid over the same cells as meshctl's tables, which the other tests hold to
//! istioctl's bytes. The counts of differing lines are printed (`-- --nocapture`).

use comfy_table::{presets::NOTHING, ContentArrangement, Table};

use crate::support::*;

/// The cells of a tabwriter table: each column starts where its header does (every column is
/// at least as wide as its header plus the padding, so the header's words mark them).
fn cells(table: &str) -> Vec<Vec<String>> {
    let header = table.lines().next().unwrap();
    let mut starts = vec![0];
    let bytes = header.as_bytes();
    for i in 1..bytes.len() {
        // A column starts after two spaces, or after one where the padding is one.
        if bytes[i] != b' '
            && bytes[i - 1] == b' '
            && (i < 2 || bytes[i - 2] == b' ' || is_single_padded(header, i))
        {
            starts.push(i);
        }
    }
    table
        .lines()
        .map(|line| {
            let chars: Vec<char> = line.chars().collect();
            starts
                .iter()
                .enumerate()
                .map(|(n, &start)| {
                    let end = starts
                        .get(n + 1)
                        .copied()
                        .unwrap_or(chars.len())
                        .min(chars.len());
                    chars[start.min(chars.len())..end]
                        .iter()
                        .collect::<String>()
                        .trim_end()
                        .to_string()
                })
                .collect()
        })
        .collect()
}

/// Header words that are themselves two words (`SERVICE FQDN`, `DESTINATION RULE`) are one
/// column; a single space starts a new column only in the padding-1 listener header.
fn is_single_padded(header: &str, i: usize) -> bool {
    header.starts_with("ADDRESSES") && !header[..i].ends_with("DESTINATION ")
}

fn comfy(rows: &[Vec<String>], padding: u16) -> Table {
    let mut table = Table::new();
    table
        .load_style(NOTHING)
        .set_content_arrangement(ContentArrangement::Disabled)
        .force_no_tty()
        .set_header(rows[0].clone());
    for row in &rows[1..] {
        table.add_row(row.clone());
    }
    for column in table.column_iter_mut() {
        column.set_padding((0, padding));
    }
    table
}

fn differing_lines(a: &str, b: &str) -> usize {
    let (a, b): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let common = a.iter().zip(&b).filter(|(x, y)| x != y).count();
    common + a.len().abs_diff(b.len())
}

#[test]
fn comfy_table_does_not_lay_out_istioctls_tables() {
    let home = temp_home();
    let dump = path_str(&fixture("web-frontend", "config_dump.json"));
    let mut measured = Vec::new();
    for (view, padding) in [("listeners", 1u16), ("clusters", 5u16)] {
        let out = meshctl(home.path(), &["pc", view, "-f", &dump], &[]);
        let expected = stdout(&out);
        let rows = cells(&expected);
        // The cells read back are the table's: re-laid by tabwriter's rule, they give its bytes.
        assert_eq!(
            layout(padding as usize, &rows),
            expected,
            "{view}: cells misread"
        );
        let table = comfy(&rows, padding);
        let plain = format!("{table}\n");
        let trimmed = format!("{}\n", table.trim_fmt());
        let lines = expected.lines().count();
        let (d_plain, d_trimmed) = (
            differing_lines(&plain, &expected),
            differing_lines(&trimmed, &expected),
        );
        eprintln!(
            "{view}: {lines} lines; comfy-table differs on {d_plain} (Display), {d_trimmed} (trim_fmt)"
        );
        measured.push((view, d_plain, d_trimmed));
    }
    // Display pads every last cell; trim_fmt also drops the padding tabwriter keeps before an
    // empty last cell (clusters without a DestinationRule).
    assert!(
        measured.iter().all(|(_, plain, _)| *plain > 0),
        "{measured:?}"
    );
    assert!(measured[1].2 > 0, "{measured:?}");
}
