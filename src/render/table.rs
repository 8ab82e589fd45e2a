//! Tables laid out the way Go's `text/tabwriter` lays out istioctl's: each column as wide as its
//! widest cell plus the padding, the last cell of a line not padded. Every table here has the
//! same number of cells on each line, so tabwriter's column blocks are the whole table.

use std::borrow::Cow;
use std::io::{self, Write};

/// Cells may borrow from the resources they describe: a big table is not copied cell by cell.
pub struct Table<'a> {
    padding: usize,
    rows: Vec<Vec<Cow<'a, str>>>,
}

impl<'a> Table<'a> {
    /// istioctl uses a padding of 5 for most tables and 1 for listeners and the bootstrap summary.
    pub fn new(padding: usize) -> Self {
        Table {
            padding,
            rows: Vec::new(),
        }
    }

    pub fn header<S: AsRef<str>>(mut self, cells: &[S]) -> Self {
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

    pub fn write(&self, out: &mut (impl Write + ?Sized)) -> io::Result<()> {
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
    fn width_counts_characters_not_bytes() {
        let mut t = Table::new(1).header(&["N", "V"]);
        t.row(["é", "1"]);
        assert_eq!(render(&t), "N V\né 1\n");
    }
}
