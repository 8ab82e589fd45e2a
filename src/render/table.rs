//! Tables laid out the way Go's `text/tabwriter` lays out istioctl's: each column as wide as its
//! widest cell plus the padding, the last cell of a line not padded. Every table here has the
//! same number of cells on each line, so tabwriter's column blocks are the whole table.

use std::borrow::Cow;
use std::cell::RefCell;
use std::io::{self, Write};

/// A table as its cells, before layout: what a view printed for one pod of a fleet, which the
/// fleet lays out again with a `POD` column in front.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cells {
    pub padding: usize,
    /// The header, when the table has one.
    pub header: Option<Vec<String>>,
    pub rows: Vec<Vec<String>>,
}

thread_local! {
    /// Set while `capture` runs on this thread: tables written then are kept here as cells.
    static CAPTURED: RefCell<Option<Vec<Cells>>> = const { RefCell::new(None) };
}

/// Runs `work`, keeping every table it writes on this thread as cells instead of laying it out
/// (nothing of a table reaches its writer). Views stay unaware of fleets: they write their table
/// as always, and the fleet receives the cells. Tables written on other threads are laid out as
/// usual, so a view that lays out on helper threads (`all`) is not captured.
pub fn capture<R>(work: impl FnOnce() -> R) -> (R, Vec<Cells>) {
    let outer = CAPTURED.with(|c| c.borrow_mut().replace(Vec::new()));
    let result = work();
    let captured = CAPTURED.with(|c| std::mem::replace(&mut *c.borrow_mut(), outer));
    (result, captured.unwrap_or_default())
}

/// Cells may borrow from the resources they describe: a big table is not copied cell by cell.
pub struct Table<'a> {
    padding: usize,
    /// The first row is a header.
    header: bool,
    rows: Vec<Vec<Cow<'a, str>>>,
}

impl<'a> Table<'a> {
    /// istioctl uses a padding of 5 for most tables and 1 for listeners and the bootstrap summary.
    pub fn new(padding: usize) -> Self {
        Table {
            padding,
            header: false,
            rows: Vec::new(),
        }
    }

    /// The header row; only before any other row.
    pub fn header<S: AsRef<str>>(mut self, cells: &[S]) -> Self {
        self.header = self.rows.is_empty();
        self.row(cells.iter().map(|c| c.as_ref().to_string()));
        self
    }

    pub fn row<S: Into<Cow<'a, str>>>(&mut self, cells: impl IntoIterator<Item = S>) {
        self.rows.push(cells.into_iter().map(Into::into).collect());
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Kept as cells while `capture` runs on this thread; otherwise laid out to `out`.
    pub fn write(&self, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
        let captured = CAPTURED.with(|c| match c.borrow_mut().as_mut() {
            Some(tables) => {
                let mut rows = self
                    .rows
                    .iter()
                    .map(|row| row.iter().map(|cell| cell.to_string()).collect());
                tables.push(Cells {
                    padding: self.padding,
                    header: if self.header { rows.next() } else { None },
                    rows: rows.collect(),
                });
                true
            }
            None => false,
        });
        if captured {
            return Ok(());
        }
        self.lay_out(out)
    }

    fn lay_out(&self, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
        let columns = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        // Go's tabwriter counts runes, not bytes.
        let mut widths = vec![0usize; columns.saturating_sub(1)];
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate().take(row.len().saturating_sub(1)) {
                widths[i] = widths[i].max(cell.chars().count() + self.padding);
            }
        }
        let mut line = String::new();
        for row in &self.rows {
            line.clear();
            for (i, cell) in row.iter().enumerate() {
                line.push_str(cell);
                if i + 1 < row.len() {
                    let pad = widths[i] - cell.chars().count();
                    line.extend(std::iter::repeat_n(' ', pad));
                }
            }
            line.push('\n');
            out.write_all(line.as_bytes())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(t: &Table) -> String {
        let mut out = Vec::new();
        t.write(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn columns_are_widest_cell_plus_padding_and_last_cell_is_bare() {
        let mut t = Table::new(5).header(&["A", "BB", "C"]);
        t.row(["xyz", "", "last"]);
        assert_eq!(render(&t), "A       BB     C\nxyz            last\n");
    }

    #[test]
    fn a_captured_table_is_kept_as_cells_and_not_written() {
        let mut t = Table::new(5).header(&["A", "B"]);
        t.row(["x y", ""]);
        let (text, captured) = capture(|| render(&t));
        assert_eq!(text, "");
        assert_eq!(
            captured,
            [Cells {
                padding: 5,
                header: Some(vec!["A".into(), "B".into()]),
                rows: vec![vec!["x y".into(), "".into()]],
            }]
        );
        // Outside the capture, the layout is back.
        assert_eq!(render(&t), "A       B\nx y     \n");
    }

    #[test]
    fn width_counts_characters_not_bytes() {
        let mut t = Table::new(1).header(&["N", "V"]);
        t.row(["é", "1"]);
        assert_eq!(render(&t), "N V\né 1\n");
    }
}
