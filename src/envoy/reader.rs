//! The one reading boundary for config dumps: a view says which sections it wants and hands
//! readers for their lists; the split by Envoy's layout, the two-thread schedule and page
//! release happen here and in `dump`.

use crate::envoy::dump::{
    leading_field, Dump, ListReader, NoLists, Resource, ResourceReader, SectionKind, Unread, Want,
};
use crate::envoy::resources::Str;
use crate::error::Result;
use crate::input::{DocText, Document};
use crate::memory::Release;

/// A config dump to read for a view: the sections it wants, read in one pass, on two threads
/// where the dump is big, with the pages of what was read released. Its errors are named after
/// the input by `views::render`.
pub struct DumpReader<'a> {
    text: DocText<'a, 'a>,
    want: Want,
}

impl<'a> DumpReader<'a> {
    pub fn new(doc: &'a Document, want: Want) -> Self {
        DumpReader {
            text: doc.text(),
            want,
        }
    }

    /// The sections the view wants, with `reader` reading its lists in the same pass.
    pub fn dump<R: ListReader<'a>>(&self, reader: &mut R) -> Result<Dump<'a>> {
        self.dump_split(reader, &mut NoLists)
    }

    /// Like `dump`, with a second reader of other section kinds, whose sections a big dump
    /// has read on a second thread.
    pub fn dump_split<R: ListReader<'a>, S: ListReader<'a> + Send>(
        &self,
        here: &mut R,
        helper: &mut S,
    ) -> Result<Dump<'a>> {
        let nothing = |_: &mut S| ();
        self.dump_split_then(here, helper, &nothing)
            .map(|(dump, ())| dump)
    }

    /// `dump_split`, and `then` run on `helper` on the thread that read its sections, once
    /// every section is read.
    pub fn dump_split_then<R, S, T>(
        &self,
        here: &mut R,
        helper: &mut S,
        then: &(dyn Fn(&mut S) -> T + Sync),
    ) -> Result<(Dump<'a>, T)>
    where
        R: ListReader<'a>,
        S: ListReader<'a> + Send,
        T: Send,
    {
        Dump::parse_split_then(self.text, self.want, here, helper, then)
    }

    /// The texts of the resources in `lists` of the `kind` section whose `field` (a string
    /// Envoy writes first) `keep` keeps, with that field: each resource's text is read only
    /// as far as the field, for JSON views that print resources from their own text. None
    /// when a resource's field is not a string: reading the resources typed says where.
    #[allow(clippy::type_complexity)]
    pub fn leading_texts(
        &self,
        kind: SectionKind,
        lists: &'static [&'static str],
        field: &str,
        keep: impl Fn(&str) -> bool,
    ) -> Result<(Dump<'a>, Option<Vec<(Str<'a>, &'a str)>>)> {
        let read = |r: Resource<'a, Unread>| {
            let raw = r.raw?.get();
            match leading_field(raw, field) {
                Some(value) => keep(&value).then_some(Some((value, raw))),
                None => Some(None),
            }
        };
        let mut reader = ResourceReader::new(kind, lists, true, read);
        let dump = self.dump(&mut reader)?;
        Ok((dump, reader.finish().into_iter().collect()))
    }

    /// The whole document's text, for `all -o json`.
    pub fn json(&self) -> &'a str {
        self.text.json
    }

    /// Releases the pages of parts of the document read for the last time.
    pub fn release(&self) -> Release<'a> {
        self.text.release
    }
}
