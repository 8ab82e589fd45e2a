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
    leading_field, Dump, ItemEnds, ListReader, NoLists, Resource, ResourceReader, SectionKind,
    Unread, Want,
};
use crate::envoy::resources::Str;
use crate::error::{Error, Result};
use crate::input::{DocKind, Document, Release};

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

/// The admin request a view needs: only the sections it shows (istioctl's masks), and, where a
/// filter names resources, a narrower variant with Envoy's `name_regex` so that only those cross
/// the port-forward. The regex selects a superset of what the filter keeps (the view filters
/// again), so the answer is the same whether or not the Envoy applies it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdminRequest {
    /// The sections alone: what any Envoy understands.
    pub path: String,
    /// `path` plus `name_regex`, for an Envoy whose version supports it.
    pub narrowed: Option<String>,
}

impl AdminRequest {
    /// The path to ask an Envoy for, given whether it supports `name_regex`.
    pub fn path_for(&self, supports_name_regex: bool) -> &str {
        match (&self.narrowed, supports_name_regex) {
            (Some(narrowed), true) => narrowed,
            _ => &self.path,
        }
    }
}

/// The request that fetches what `view` shows in `format`.
pub fn admin_request(view: &ViewKind, format: Format) -> AdminRequest {
    let path = match view {
        ViewKind::All(_) => "/config_dump?include_eds=true",
        ViewKind::Eds(_) => {
            "/config_dump?include_eds=true&mask=dynamic_endpoint_configs,static_endpoint_configs"
        }
        ViewKind::Bootstrap => "/config_dump?mask=bootstrap",
        // Wide adds endpoint counts, which live in the EDS part of the dump.
        ViewKind::Clusters(_) if format == Format::Wide => "/config_dump?include_eds=true",
        ViewKind::Clusters(_) => {
            "/config_dump?mask=dynamic_active_clusters,dynamic_warming_clusters,static_clusters"
        }
        ViewKind::Listeners(_) => "/config_dump?mask=dynamic_listeners,static_listeners",
        ViewKind::Routes(_) => "/config_dump?mask=dynamic_route_configs,static_route_configs",
        ViewKind::Endpoints(_) => "/clusters?format=json",
        ViewKind::Secrets => "/config_dump?mask=dynamic_active_secrets,dynamic_warming_secrets",
        ViewKind::Ecds => "/config_dump",
    };
    AdminRequest {
        path: path.to_string(),
        narrowed: name_regex(view).map(|re| format!("{path}&name_regex={}", query_escape(&re))),
    }
}

/// An RE2 pattern over resource names that every resource the view's filter keeps matches.
fn name_regex(view: &ViewKind) -> Option<String> {
    match view {
        ViewKind::Routes(f) => f.name.as_ref().map(|n| format!("^{}$", regex::escape(n))),
        // Cluster filters are substring tests on the name; one of them is enough to narrow.
        ViewKind::Clusters(f) => {
            let port = f.port.map(|p| format!("|{p}|"));
            let part = f
                .fqdn
                .as_ref()
                .or(f.subset.as_ref())
                .or(f.direction.as_ref())
                .or(port.as_ref())?;
            Some(format!(".*{}.*", regex::escape(part)))
        }
        // EDS resources are named by their cluster; `--cluster` is a case-insensitive equality.
        ViewKind::Eds(f) => f
            .cluster
            .as_ref()
            .map(|c| format!("(?i)^{}$", regex::escape(c))),
        _ => None,
    }
}

/// Percent-encodes a query parameter value (everything but RFC 3986's unreserved characters).
fn query_escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len() * 3);
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
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
        .map_err(|e| crate::input::with_origin(self.origin, e))
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
            // Already so when meshctl started (main.rs); not when a test or another caller did.
            crate::input::huge_pages(false);
            let release = doc.release();
            let (at, ends) = (doc.start(), doc.item_ends());
            return endpoints::run_clusters_json(json, at, ends, filter, format, out, release)
                .map_err(|e| crate::input::with_origin(&doc.origin, e));
        }
    }
    if kind == DocKind::ClusterStatuses {
        return Err(Error::input(format!(
            "{} is /clusters?format=json output; `{}` needs a config dump (`endpoint` reads this file)",
            doc.origin,
            view.command()
        )));
    }
    // The process starts on small pages (see main.rs); a dump's many big allocations are
    // faster on huge ones.
    crate::input::huge_pages(true);
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
    // Content errors name the file; "no clusters found" and the like speak of the dump itself.
    rendered.map_err(|e| match e.message.starts_with("config dump: ") {
        true => crate::input::with_origin(&doc.origin, e),
        false => e,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{ClusterFilter, EndpointFilter, RouteFilter};

    #[test]
    fn filters_that_name_resources_are_pushed_down_as_name_regex() {
        let routes = ViewKind::Routes(RouteFilter {
            name: Some("80".into()),
            verbose: true,
        });
        assert_eq!(
            admin_request(&routes, Format::Short),
            AdminRequest {
                path: "/config_dump?mask=dynamic_route_configs,static_route_configs".into(),
                narrowed: Some(
                    "/config_dump?mask=dynamic_route_configs,static_route_configs\
                     &name_regex=%5E80%24"
                        .into()
                ),
            }
        );
        let clusters = ViewKind::Clusters(ClusterFilter {
            port: Some(9080),
            ..Default::default()
        });
        assert!(narrowed(&clusters).ends_with("&name_regex=.%2A%5C%7C9080%5C%7C.%2A"));
        let eds = ViewKind::Eds(EndpointFilter {
            cluster: Some("outbound|80||a.b".into()),
            ..Default::default()
        });
        assert!(narrowed(&eds)
            .starts_with("/config_dump?include_eds=true&mask=dynamic_endpoint_configs,static_endpoint_configs&name_regex=%28%3Fi%29%5E"));
        let unfiltered = ViewKind::Clusters(ClusterFilter::default());
        let request = admin_request(&unfiltered, Format::Short);
        assert_eq!(request.narrowed, None);
        assert_eq!(request.path_for(true), request.path);
    }

    fn narrowed(view: &ViewKind) -> String {
        let request = admin_request(view, Format::Short);
        assert_eq!(request.path_for(false), request.path);
        request.path_for(true).to_string()
    }
}
