//! One module per view. Each takes parsed input, a filter, a format and a writer, so every
//! table and JSON printer is tested in-process.

pub mod all;
pub mod bootstrap;
pub mod clusters;
pub mod ecds;
pub mod eds;
pub mod endpoints;
pub mod listeners;
pub mod routes;
pub mod secrets;

use std::io::Write;

use crate::config::{Format, ViewKind};
use crate::envoy::dump::{
    leading_field, Dump, ListReader, NoLists, Resource, ResourceReader, SectionKind, Unread, Want,
};
use crate::envoy::resources::Str;
use crate::error::{Error, Result};
use crate::input::layout::ItemEnds;
use crate::input::{DocKind, Document};
use crate::memory::Release;

/// Where a resource stands in Envoy's life cycle; istioctl shows only active and static ones,
/// `-o wide` shows all with this label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Active,
    Warming,
    Draining,
    Static,
}

impl State {
    pub fn label(self) -> &'static str {
        match self {
            State::Active => "ACTIVE",
            State::Warming => "WARMING",
            State::Draining => "DRAINING",
            State::Static => "STATIC",
        }
    }
}

/// The dump sections a view reads.
fn wanted(view: &ViewKind, format: Format) -> Want {
    use SectionKind::*;
    let w = Want::none();
    match view {
        ViewKind::All(_) => Want::all(),
        ViewKind::Bootstrap => w.with(Bootstrap),
        ViewKind::Clusters(_) if format == Format::Wide => w.with(Clusters).with(Endpoints),
        ViewKind::Clusters(_) => w.with(Clusters),
        ViewKind::Listeners(_) => w.with(Listeners),
        ViewKind::Routes(_) => w.with(Routes),
        ViewKind::Endpoints(_) | ViewKind::Eds(_) => w.with(Endpoints),
        ViewKind::Secrets => w.with(Secrets),
        ViewKind::Ecds => w.with(Ecds),
    }
}

/// A config dump to read for a view, with what its errors need to say where it came from.
pub struct Source<'a> {
    json: &'a str,
    /// The `ItemEnds` of `json`.
    item_ends: &'a ItemEnds,
    at: usize,
    origin: &'a str,
    want: Want,
    release: Release<'a>,
}

impl<'a> Source<'a> {
    /// The sections the view wants, with `reader` reading its lists in the same pass.
    pub fn dump<R: ListReader<'a>>(&self, reader: &mut R) -> Result<Dump<'a>> {
        self.dump_split(reader, &mut NoLists)
    }

    /// Like `dump`, with a second reader of other section kinds, whose sections a big dump
    /// has read on a second thread.
    pub fn dump_split<R: ListReader<'a>, S: ListReader<'a> + Send>(
        &self,
        here: &mut R,
        aside: &mut S,
    ) -> Result<Dump<'a>> {
        let nothing = |_: &mut S| ();
        self.dump_split_then(here, aside, &nothing)
            .map(|(dump, ())| dump)
    }

    /// `dump_split`, and `then` done with `aside` on the thread that read its sections, once
    /// every section is read.
    pub fn dump_split_then<R, S, T>(
        &self,
        here: &mut R,
        aside: &mut S,
        then: &(dyn Fn(&mut S) -> T + Sync),
    ) -> Result<(Dump<'a>, T)>
    where
        R: ListReader<'a>,
        S: ListReader<'a> + Send,
        T: Send,
    {
        Dump::parse_split_then(
            self.json,
            self.at,
            self.want,
            here,
            aside,
            self.release,
            self.item_ends,
            then,
        )
        .map_err(|e| e.in_input(self.origin))
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
        self.json
    }

    /// Gives back the memory of parts of the document read for the last time.
    pub fn release(&self) -> Release<'a> {
        self.release
    }
}

/// Renders a view of a document. `now` is the Unix time certificates are judged against.
pub fn render(
    view: &ViewKind,
    doc: &Document,
    format: Format,
    now: i64,
    out: &mut dyn Write,
) -> Result<()> {
    let kind = doc.kind()?;
    let json = doc.json();
    if let ViewKind::Endpoints(filter) = view {
        if kind == DocKind::ClusterStatuses {
            crate::memory::for_input(false);
            let release = doc.release();
            let (at, ends) = (doc.start(), doc.item_ends());
            return endpoints::run_clusters_json(json, at, ends, filter, format, out, release)
                .map_err(|e| e.in_input(&doc.origin));
        }
    }
    if kind == DocKind::ClusterStatuses {
        return Err(Error::input(format!(
            "{} is /clusters?format=json output; `{}` needs a config dump (`endpoint` reads this file)",
            doc.origin,
            view.command()
        )));
    }
    crate::memory::for_input(true);
    let src = Source {
        json,
        item_ends: doc.item_ends(),
        at: doc.start(),
        origin: &doc.origin,
        want: wanted(view, format),
        release: doc.release(),
    };
    let rendered = match view {
        ViewKind::All(f) => all::run(&src, f, format, now, out),
        ViewKind::Clusters(f) => clusters::run(&src, f, format, out),
        ViewKind::Routes(f) => routes::run(&src, f, format, out),
        ViewKind::Endpoints(f) => eds::run_as_endpoints(&src, f, format, out),
        ViewKind::Eds(f) => eds::run(&src, f, format, out),
        ViewKind::Bootstrap => bootstrap::run(&src.dump(&mut NoLists)?, format, out),
        ViewKind::Listeners(f) => listeners::run(&src.dump(&mut NoLists)?, f, format, out),
        ViewKind::Secrets => secrets::run(&src.dump(&mut NoLists)?, format, now, out),
        ViewKind::Ecds => ecds::run(&src.dump(&mut NoLists)?, format, out),
    };
    // Malformed content names the file; "no clusters found" and the like speak of the dump.
    rendered.map_err(|e| e.in_input(&doc.origin))
}
