//! A config dump, read in one pass. Each section of `configs` is kept as its fields' raw JSON
//! text (borrowed from the input), and only the sections a view asks for are kept at all: the
//! rest is skipped without building anything. Typed views of the kept fields are parsed later,
//! from those raw slices, by the module that needs them.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::error::{Error, Result};
use crate::input::layout::{items_by_layout, leading_type, ItemEnds};
use crate::input::DocText;
use crate::memory::Release;

/// The section types of an admin config dump, by their `@type` URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SectionKind {
    Bootstrap,
    Clusters,
    Ecds,
    Endpoints,
    Listeners,
    Routes,
    ScopedRoutes,
    Secrets,
}

impl SectionKind {
    pub const ALL: [SectionKind; 8] = [
        SectionKind::Bootstrap,
        SectionKind::Clusters,
        SectionKind::Ecds,
        SectionKind::Endpoints,
        SectionKind::Listeners,
        SectionKind::Routes,
        SectionKind::ScopedRoutes,
        SectionKind::Secrets,
    ];

    pub fn type_url(self) -> &'static str {
        match self {
            SectionKind::Bootstrap => "type.googleapis.com/envoy.admin.v3.BootstrapConfigDump",
            SectionKind::Clusters => "type.googleapis.com/envoy.admin.v3.ClustersConfigDump",
            SectionKind::Ecds => "type.googleapis.com/envoy.admin.v3.EcdsConfigDump",
            SectionKind::Endpoints => "type.googleapis.com/envoy.admin.v3.EndpointsConfigDump",
            SectionKind::Listeners => "type.googleapis.com/envoy.admin.v3.ListenersConfigDump",
            SectionKind::Routes => "type.googleapis.com/envoy.admin.v3.RoutesConfigDump",
            SectionKind::ScopedRoutes => {
                "type.googleapis.com/envoy.admin.v3.ScopedRoutesConfigDump"
            }
            SectionKind::Secrets => "type.googleapis.com/envoy.admin.v3.SecretsConfigDump",
        }
    }

    fn from_type_url(url: &str) -> Option<SectionKind> {
        SectionKind::ALL.into_iter().find(|k| k.type_url() == url)
    }

    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// Which sections a view needs; the others are skipped while parsing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Want(u16);

impl Want {
    pub fn none() -> Self {
        Want(0)
    }
    pub fn all() -> Self {
        Want(u16::MAX)
    }
    pub fn with(self, kind: SectionKind) -> Self {
        Want(self.0 | kind.bit())
    }
    pub fn without(self, kind: SectionKind) -> Self {
        Want(self.0 & !kind.bit())
    }
    pub fn has(self, kind: SectionKind) -> bool {
        self.0 & kind.bit() != 0
    }
}

/// One section: its `@type` and each field's raw JSON, in input order, `@type` excluded.
#[derive(Debug)]
pub struct Section<'a> {
    pub type_url: Cow<'a, str>,
    pub fields: Vec<(Cow<'a, str>, &'a RawValue)>,
}

impl<'a> Section<'a> {
    /// The raw value of a field, by its proto name.
    pub fn field(&self, proto_name: &str) -> Option<&'a RawValue> {
        self.fields
            .iter()
            .find(|(k, _)| k == proto_name)
            .map(|(_, v)| *v)
    }

    /// The section as a JSON object again: `@type` first, then its fields as they were.
    pub fn to_json(&self) -> String {
        let mut s = String::from("{\"@type\":");
        s.push_str(&serde_json::to_string(self.type_url.as_ref()).unwrap_or_default());
        for (k, v) in &self.fields {
            s.push(',');
            s.push_str(&serde_json::to_string(k.as_ref()).unwrap_or_default());
            s.push(':');
            s.push_str(v.get());
        }
        s.push('}');
        s
    }

    /// Parses a repeated field into typed items; an absent field is an empty list.
    pub fn list<T: Deserialize<'a>>(&self, proto_name: &str) -> Result<Vec<T>> {
        match self.field(proto_name) {
            None => Ok(Vec::new()),
            Some(raw) => parse_raw(raw, proto_name),
        }
    }
}

/// A list item that wraps one resource, e.g. `{"version_info": ..., "cluster": {...}}`. Each
/// section's wrapper names its resource differently; an item holds only one of these.
#[derive(Deserialize)]
#[serde(bound(deserialize = "T: Deserialize<'de>"))]
struct Wrapped<T> {
    #[serde(rename = "cluster", alias = "route_config", alias = "endpoint_config")]
    resource: Option<T>,
}

/// A resource read from a section's list.
pub struct Resource<'a, T> {
    /// Which of the lists asked for it held it.
    pub list: usize,
    /// Its JSON text, kept only when asked for (JSON output); tables read it typed in one pass.
    pub raw: Option<&'a RawValue>,
    pub value: T,
}

/// Reads the items of some list fields of wanted sections while the dump is parsed, so that a
/// view's resources are read once, typed, instead of kept raw and parsed again.
pub trait ListReader<'de> {
    /// Whether this reader reads some list of a `kind` section.
    fn takes_kind(&self, kind: SectionKind) -> bool;
    /// Whether this reader reads `field` of a `kind` section.
    fn takes(&self, kind: SectionKind, field: &str) -> bool;
    /// A new section of `kind` begins: the last one of a type wins, so forget the earlier.
    fn restart(&mut self, kind: SectionKind);
    /// A list this reader takes begins; its items follow.
    fn begin_list(&mut self, _kind: SectionKind, _field: &str) {}
    /// Whether what this reader keeps borrows nothing from the dump's text, so that the pages
    /// of a section it read can be released (`madvise(MADV_DONTNEED)`) once the section is
    /// read. Only memory and time depend on it: released text is read from the file again if
    /// touched.
    fn may_release(&self) -> bool {
        false
    }
    /// One item of a list this reader takes.
    fn item<D: Deserializer<'de>>(
        &mut self,
        kind: SectionKind,
        field: &str,
        item: D,
    ) -> Result<(), D::Error>;
}

/// Reads no list as it goes: every field of a wanted section is kept raw.
pub struct NoLists;

impl<'de> ListReader<'de> for NoLists {
    fn takes_kind(&self, _: SectionKind) -> bool {
        false
    }
    fn takes(&self, _: SectionKind, _: &str) -> bool {
        false
    }
    fn restart(&mut self, _: SectionKind) {}
    fn item<D: Deserializer<'de>>(
        &mut self,
        _: SectionKind,
        _: &str,
        d: D,
    ) -> Result<(), D::Error> {
        IgnoredAny::deserialize(d).map(|_| ())
    }
}

/// Two readers at once, for views that show several sections.
impl<'de, A: ListReader<'de>, B: ListReader<'de>> ListReader<'de> for (A, B) {
    fn takes_kind(&self, kind: SectionKind) -> bool {
        self.0.takes_kind(kind) || self.1.takes_kind(kind)
    }
    fn takes(&self, kind: SectionKind, field: &str) -> bool {
        self.0.takes(kind, field) || self.1.takes(kind, field)
    }
    fn restart(&mut self, kind: SectionKind) {
        self.0.restart(kind);
        self.1.restart(kind);
    }
    fn may_release(&self) -> bool {
        self.0.may_release() && self.1.may_release()
    }
    fn begin_list(&mut self, kind: SectionKind, field: &str) {
        if self.0.takes(kind, field) {
            self.0.begin_list(kind, field);
        }
        if self.1.takes(kind, field) {
            self.1.begin_list(kind, field);
        }
    }
    fn item<D: Deserializer<'de>>(
        &mut self,
        kind: SectionKind,
        field: &str,
        d: D,
    ) -> Result<(), D::Error> {
        match (self.0.takes(kind, field), self.1.takes(kind, field)) {
            // Both read it: an item can be read once, so keep its text and read that twice.
            (true, true) => {
                let raw = <&'de RawValue>::deserialize(d)?;
                let again = || serde_json::Deserializer::from_str(raw.get());
                self.0
                    .item(kind, field, &mut again())
                    .and_then(|()| self.1.item(kind, field, &mut again()))
                    .map_err(|e| de::Error::custom(without_position(&e)))
            }
            (true, false) => self.0.item(kind, field, d),
            _ => self.1.item(kind, field, d),
        }
    }
}

impl<'de, R: ListReader<'de> + ?Sized> ListReader<'de> for &mut R {
    fn takes_kind(&self, kind: SectionKind) -> bool {
        (**self).takes_kind(kind)
    }
    fn takes(&self, kind: SectionKind, field: &str) -> bool {
        (**self).takes(kind, field)
    }
    fn restart(&mut self, kind: SectionKind) {
        (**self).restart(kind)
    }
    fn begin_list(&mut self, kind: SectionKind, field: &str) {
        (**self).begin_list(kind, field)
    }
    fn may_release(&self) -> bool {
        (**self).may_release()
    }
    fn item<D: Deserializer<'de>>(
        &mut self,
        kind: SectionKind,
        field: &str,
        d: D,
    ) -> Result<(), D::Error> {
        (**self).item(kind, field, d)
    }
}

/// Reads the resources wrapped in the items of a section's lists (clusters, route configs,
/// load assignments) and hands each to `keep` as soon as it is read, which turns it into what
/// the view holds on to (none, one, or several things, such as table rows), or drops it: the
/// typed tree of a whole section never exists at once.
pub struct ResourceReader<'de, T, U, F> {
    kind: SectionKind,
    lists: &'static [&'static str],
    keep_raw: bool,
    /// What `keep` returns borrows nothing from the dump (see `ListReader::may_release`).
    owns: bool,
    keep: F,
    kept: Vec<(usize, U)>,
    read: PhantomData<fn() -> Resource<'de, T>>,
}

impl<'de, T, U, I, F> ResourceReader<'de, T, U, F>
where
    T: Deserialize<'de>,
    F: FnMut(Resource<'de, T>) -> I,
    I: IntoIterator<Item = U>,
{
    /// Reads `lists` of the `kind` section; `keep_raw` keeps each resource's JSON text too.
    pub fn new(kind: SectionKind, lists: &'static [&'static str], keep_raw: bool, keep: F) -> Self {
        ResourceReader {
            kind,
            lists,
            keep_raw,
            owns: false,
            keep,
            kept: Vec::new(),
            read: PhantomData,
        }
    }
}

impl<T, U, F> ResourceReader<'_, T, U, F> {
    /// Says that what `keep` returns borrows nothing from the dump's text (owned strings only),
    /// so the pages of the sections read can be released; or not, when `owns` is false.
    pub fn owning(mut self, owns: bool) -> Self {
        self.owns = owns;
        self
    }

    /// What `keep` kept, list by list (in the order of `lists`), in input order within a list;
    /// taken, so a second call has nothing.
    pub fn finish(&mut self) -> Vec<U> {
        // Stable: lists read before a late `@type` arrive after the others.
        self.kept.sort_by_key(|(list, _)| *list);
        std::mem::take(&mut self.kept)
            .into_iter()
            .map(|(_, u)| u)
            .collect()
    }
}

impl<'de, T, U, I, F> ListReader<'de> for ResourceReader<'de, T, U, F>
where
    T: Deserialize<'de>,
    F: FnMut(Resource<'de, T>) -> I,
    I: IntoIterator<Item = U>,
{
    fn takes_kind(&self, kind: SectionKind) -> bool {
        kind == self.kind
    }
    fn takes(&self, kind: SectionKind, field: &str) -> bool {
        kind == self.kind && self.lists.contains(&field)
    }

    fn restart(&mut self, kind: SectionKind) {
        if kind == self.kind {
            self.kept.clear();
        }
    }

    fn may_release(&self) -> bool {
        // A reader of no list keeps nothing.
        self.owns || self.lists.is_empty()
    }

    fn item<D: Deserializer<'de>>(
        &mut self,
        _: SectionKind,
        field: &str,
        d: D,
    ) -> Result<(), D::Error> {
        let list = self
            .lists
            .iter()
            .position(|l| field == *l)
            .unwrap_or_default();
        let resource = if self.keep_raw {
            let Some(raw) = Wrapped::<&'de RawValue>::deserialize(d)?.resource else {
                return Ok(());
            };
            let value = T::deserialize(&mut serde_json::Deserializer::from_str(raw.get()))
                .map_err(|e| de::Error::custom(without_position(&e)))?;
            Resource {
                list,
                raw: Some(raw),
                value,
            }
        } else {
            let Some(value) = Wrapped::<T>::deserialize(d)?.resource else {
                return Ok(());
            };
            Resource {
                list,
                raw: None,
                value,
            }
        };
        let kept = (self.keep)(resource).into_iter();
        self.kept.extend(kept.map(|u| (list, u)));
        Ok(())
    }
}

/// serde's message without its line and column, which count from the start of a slice, not
/// the file.
pub(crate) fn without_position(e: &serde_json::Error) -> String {
    let reason = e.to_string();
    reason
        .split(" at line ")
        .next()
        .unwrap_or(&reason)
        .to_string()
}

/// A resource a reader keeping raw text does not read typed: it reads what it needs from the
/// text itself. Reads nothing, so it is only for readers that keep raw text.
pub struct Unread;

impl<'de> Deserialize<'de> for Unread {
    fn deserialize<D: de::Deserializer<'de>>(_: D) -> Result<Self, D::Error> {
        Ok(Unread)
    }
}

/// A string field of a resource's JSON text (empty when it has none), `field` by its proto
/// name in either spelling, read only as far as the field: Envoy writes a resource's name
/// first (after `@type`), so the rest of a big resource is not read a second time. None when
/// the text is not an object or the field not a string: reading the resource typed then tells
/// where.
pub fn leading_field<'a>(text: &'a str, field: &str) -> Option<Cow<'a, str>> {
    struct Until<'n, 'f, 'a>(&'n mut Option<Cow<'a, str>>, &'f str);
    impl<'de> Visitor<'de> for Until<'_, '_, 'de> {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                if key == self.1 {
                    *self.0 = Some(map.next_value()?);
                    // Stops the read here: the caller, holding the value, drops this error.
                    return Err(de::Error::custom("field found"));
                }
                map.next_value::<IgnoredAny>()?;
            }
            Ok(())
        }
    }
    let mut value = None;
    let read = serde_json::Deserializer::from_str(text).deserialize_map(Until(&mut value, field));
    match (read, value) {
        (_, Some(value)) => Some(value),
        (Ok(()), None) => Some(Cow::Borrowed("")),
        (Err(_), None) => None,
    }
}

/// Parses a raw slice of the dump into `T`, naming the field in the error.
pub fn parse_raw<'a, T: Deserialize<'a>>(raw: &'a RawValue, what: &str) -> Result<T> {
    parse_text(raw.get(), what)
}

/// Parses JSON text taken from the dump into `T`, naming the field in the error.
pub fn parse_text<'a, T: Deserialize<'a>>(text: &'a str, what: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| {
        Error::malformed(format!(
            "config dump: unexpected content in {what}: {}",
            without_position(&e)
        ))
    })
}

/// The sections of a dump that a view asked for.
#[derive(Debug, Default)]
pub struct Dump<'a> {
    /// Wanted sections; the last one of a type wins, ECDS sections are all kept (they merge).
    pub sections: Vec<Section<'a>>,
}

impl<'a> Dump<'a> {
    /// Reads a config dump, keeping only the wanted sections. `at` is where `json` starts in its
    /// file, for error offsets.
    pub fn parse(json: &'a str, at: usize, want: Want) -> Result<Dump<'a>> {
        Dump::parse_with(json, at, want, &mut NoLists)
    }

    /// Like `parse`, with `reader` reading the list fields it takes in the same pass; those
    /// fields are not kept in the sections.
    pub fn parse_with<R: ListReader<'a>>(
        json: &'a str,
        at: usize,
        want: Want,
        reader: &mut R,
    ) -> Result<Dump<'a>> {
        Dump::parse_split(json, at, want, reader, &mut NoLists, Release::NONE)
    }

    /// Like `parse_with` with two readers of different section kinds, so that a big dump's
    /// sections can be read on two threads: `helper`'s on a helper thread. The pages of a
    /// section nothing borrows from are released through `release` once it is read.
    pub fn parse_split<R: ListReader<'a>, S: ListReader<'a> + Send>(
        json: &'a str,
        at: usize,
        want: Want,
        here: &mut R,
        helper: &mut S,
        release: Release<'_>,
    ) -> Result<Dump<'a>> {
        let nothing = |_: &mut S| ();
        let ends = ItemEnds::find(json.as_bytes());
        let text = DocText {
            json,
            at,
            ends: &ends,
            release,
        };
        Dump::parse_split_then(text, want, here, helper, &nothing).map(|(dump, ())| dump)
    }

    /// `parse_split`, and `then` run on `helper` once every section is read, on the thread
    /// that read `helper`'s sections: a view showing several sections lays out one's table there
    /// while this thread still reads.
    pub fn parse_split_then<R, S, T>(
        text: DocText<'a, '_>,
        want: Want,
        here: &mut R,
        helper: &mut S,
        then: &(dyn Fn(&mut S) -> T + Sync),
    ) -> Result<(Dump<'a>, T)>
    where
        R: ListReader<'a>,
        S: ListReader<'a> + Send,
        T: Send,
    {
        let DocText {
            json,
            at,
            ends,
            release,
        } = text;
        if let Some(pieces) = items_by_layout(json, "configs", ends) {
            if let Some((dump, made)) =
                parse_sections(json, &pieces, want, here, helper, release, then)
            {
                let made = made.unwrap_or_else(|| then(helper));
                return Ok((dump, made));
            }
            // A piece did not parse: read the whole document for the exact error. A reader
            // forgets what it read when a section of its kind begins again.
        }
        let dump = Dump::parse_whole(json, at, want, &mut (&mut *here, &mut *helper))?;
        Ok((dump, then(helper)))
    }

    /// The document in one pass on this thread, with serde_json's positions for errors.
    fn parse_whole<R: ListReader<'a>>(
        json: &'a str,
        at: usize,
        want: Want,
        reader: &mut R,
    ) -> Result<Dump<'a>> {
        let mut de = serde_json::Deserializer::from_str(json);
        let dump = DumpSeed { want, reader }
            .deserialize(&mut de)
            .and_then(|d| de.end().map(|_| d))
            .map_err(|e| crate::input::json_error(json, at, &e))?;
        Ok(dump)
    }

    pub fn section(&self, kind: SectionKind) -> Option<&Section<'a>> {
        self.sections
            .iter()
            .rev()
            .find(|s| s.type_url == kind.type_url())
    }

    /// A section the view cannot do without, or istioctl's error naming it.
    pub fn require(&self, kind: SectionKind) -> Result<&Section<'a>> {
        self.section(kind).ok_or_else(|| {
            Error::input(format!(
                "config dump has no configuration type {}",
                kind.type_url()
            ))
        })
    }

    fn add(&mut self, section: Scanned<'a>) {
        match section {
            Scanned::Kept(s) => self.sections.push(s),
            Scanned::Skipped => {}
        }
    }

    pub fn sections_of(&self, kind: SectionKind) -> impl Iterator<Item = &Section<'a>> {
        self.sections
            .iter()
            .filter(move |s| s.type_url == kind.type_url())
    }
}

/// When the sections the helper thread could read hold fewer bytes than this, this thread
/// reads them all.
const HELPER_FROM: usize = 64 * 1024;

/// Reads the sections `items_by_layout` found, on two threads: those `here` reads lists
/// of on this one, those `helper` reads on a helper thread, each in document order; the rest
/// (kept raw, or of a kind the view does not want and only checked) by whichever thread is
/// free first. Two cores then share the pass. None when a piece does not parse, or does not
/// start with its `@type`, or both readers read one kind. (serde_json's nesting limit then
/// counts from the section, two levels fewer than in the whole document.)
/// Also `then(helper)`, made on the helper thread once its sections are read, when there is one.
fn parse_sections<'a, R, S, T>(
    json: &'a str,
    pieces: &[Range<usize>],
    want: Want,
    here: &mut R,
    helper: &mut S,
    release: Release<'_>,
    then: &(dyn Fn(&mut S) -> T + Sync),
) -> Option<(Dump<'a>, Option<T>)>
where
    R: ListReader<'a>,
    S: ListReader<'a> + Send,
    T: Send,
{
    let texts: Vec<&'a str> = pieces.iter().map(|r| &json[r.clone()]).collect();
    let (mut ours, mut theirs, mut either) = (Vec::new(), Vec::new(), Vec::new());
    for (i, text) in texts.iter().enumerate() {
        match SectionKind::from_type_url(leading_type(text)?) {
            Some(k) if here.takes_kind(k) && helper.takes_kind(k) => return None,
            Some(k) if here.takes_kind(k) => ours.push(i),
            Some(k) if helper.takes_kind(k) => theirs.push(i),
            _ => either.push(i),
        }
    }
    let next_either = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let read = |own: &[usize], reader: &mut dyn FnMut(&'a str) -> Option<Scanned<'a>>| {
        let mut done = Vec::new();
        let shared = std::iter::from_fn(|| either.get(next_either.fetch_add(1, Ordering::Relaxed)));
        for &i in own.iter().chain(shared) {
            let read = if own.contains(&i) {
                reader(texts[i])
            } else {
                parse_and_release(texts[i], want, &mut NoLists, release)
            };
            match read {
                Some(scanned) if !failed.load(Ordering::Relaxed) => done.push((i, scanned)),
                _ => {
                    failed.store(true, Ordering::Relaxed);
                    break;
                }
            }
        }
        done
    };
    let aside_bytes: usize = theirs.iter().chain(&either).map(|&i| texts[i].len()).sum();
    let (mut scanned, made) = if aside_bytes < HELPER_FROM {
        ours.append(&mut theirs);
        ours.sort_unstable();
        let mut both = (here, helper);
        let done = read(&ours, &mut |t| {
            parse_and_release(t, want, &mut both, release)
        });
        (done, None)
    } else {
        let (read, failed) = (&read, &failed);
        let (mut scanned, (done, made)) = crate::parallel::join(
            || read(&ours, &mut |t| parse_and_release(t, want, here, release)),
            move || {
                let done = read(&theirs, &mut |t| {
                    parse_and_release(t, want, helper, release)
                });
                let made = (!failed.load(Ordering::Relaxed)).then(|| then(helper));
                (done, made)
            },
        );
        scanned.extend(done);
        (scanned, made)
    };
    if failed.load(Ordering::Relaxed) {
        return None;
    }
    scanned.sort_by_key(|(i, _)| *i);
    let mut dump = Dump::default();
    for (_, section) in scanned {
        dump.add(section);
    }
    Some((dump, made))
}

/// `parse_section`, then the section's pages released unless what was kept borrows from it:
/// a section kept raw, or read by a reader that keeps borrowed text.
fn parse_and_release<'a, R: ListReader<'a>>(
    text: &'a str,
    want: Want,
    reader: &mut R,
    release: Release<'_>,
) -> Option<Scanned<'a>> {
    let scanned = parse_section(text, want, reader)?;
    let borrowed = match &scanned {
        Scanned::Kept(section) => {
            let kind = SectionKind::from_type_url(&section.type_url);
            !(reader.may_release() && kind.is_some_and(|k| reader.takes_kind(k)))
        }
        Scanned::Skipped => false,
    };
    if !borrowed {
        release.pages_of(text);
    }
    Some(scanned)
}

/// One section on its own, as `SectionSeed` reads it within the document.
fn parse_section<'a, R: ListReader<'a>>(
    text: &'a str,
    want: Want,
    reader: &mut R,
) -> Option<Scanned<'a>> {
    let mut de = serde_json::Deserializer::from_str(text);
    let scanned = SectionSeed { want, reader }.deserialize(&mut de).ok()?;
    de.end().ok()?;
    Some(scanned)
}

struct DumpSeed<'r, R> {
    want: Want,
    reader: &'r mut R,
}

impl<'de, R: ListReader<'de>> DeserializeSeed<'de> for DumpSeed<'_, R> {
    type Value = Dump<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, R: ListReader<'de>> Visitor<'de> for DumpSeed<'_, R> {
    type Value = Dump<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an Envoy config dump object with a `configs` list")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut dump = None;
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            if key == "configs" {
                dump = Some(map.next_value_seed(ConfigsSeed {
                    want: self.want,
                    reader: &mut *self.reader,
                })?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        // An object without `configs` is a dump without sections, as istioctl reads it (a
        // `/clusters` answer given to a dump view, say): each view then says what it lacks.
        Ok(dump.unwrap_or_default())
    }
}

struct ConfigsSeed<'r, R> {
    want: Want,
    reader: &'r mut R,
}

impl<'de, R: ListReader<'de>> DeserializeSeed<'de> for ConfigsSeed<'_, R> {
    type Value = Dump<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, R: ListReader<'de>> Visitor<'de> for ConfigsSeed<'_, R> {
    type Value = Dump<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of config dump sections")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut dump = Dump::default();
        while let Some(section) = seq.next_element_seed(SectionSeed {
            want: self.want,
            reader: &mut *self.reader,
        })? {
            dump.add(section);
        }
        Ok(dump)
    }
}

enum Scanned<'a> {
    Kept(Section<'a>),
    /// Not wanted, or of a kind this reader does not know (ignored, as istioctl ignores it).
    Skipped,
}

struct SectionSeed<'r, R> {
    want: Want,
    reader: &'r mut R,
}

impl<'de, R: ListReader<'de>> DeserializeSeed<'de> for SectionSeed<'_, R> {
    type Value = Scanned<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, R: ListReader<'de>> Visitor<'de> for SectionSeed<'_, R> {
    type Value = Scanned<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a config dump section object with an `@type`")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        // Envoy and istioctl print `@type` first; until it is seen, fields are kept so that a
        // section written in another order still reads correctly.
        let mut type_url: Option<Cow<'de, str>> = None;
        let mut kept_kind: Option<SectionKind> = None;
        let mut keep = true;
        let mut fields = Vec::new();
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            if key == "@type" {
                let url: Cow<'de, str> = map.next_value()?;
                kept_kind = SectionKind::from_type_url(&url).filter(|k| self.want.has(*k));
                keep = kept_kind.is_some();
                if let Some(kind) = kept_kind {
                    self.reader.restart(kind);
                }
                type_url = Some(url);
            } else if let Some(kind) = kept_kind.filter(|k| self.reader.takes(*k, &key)) {
                map.next_value_seed(ListSeed {
                    reader: &mut *self.reader,
                    kind,
                    field: &key,
                })?;
            } else if keep {
                fields.push((key, map.next_value::<&'de RawValue>()?));
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        let type_url =
            type_url.ok_or_else(|| de::Error::custom("a config dump section has no `@type`"))?;
        let kind = match SectionKind::from_type_url(&type_url) {
            None => return Ok(Scanned::Skipped),
            Some(_) if !keep => return Ok(Scanned::Skipped),
            Some(kind) => kind,
        };
        // Fields read before `@type` was known, that the reader takes.
        let mut rest = Vec::with_capacity(fields.len());
        for (key, raw) in fields {
            if !self.reader.takes(kind, &key) {
                rest.push((key, raw));
                continue;
            }
            let seed = ListSeed {
                reader: &mut *self.reader,
                kind,
                field: &key,
            };
            seed.deserialize(&mut serde_json::Deserializer::from_str(raw.get()))
                .map_err(|e| de::Error::custom(without_position(&e)))?;
        }
        Ok(Scanned::Kept(Section {
            type_url,
            fields: rest,
        }))
    }
}

/// A list field, handed to the reader item by item.
struct ListSeed<'r, R> {
    reader: &'r mut R,
    kind: SectionKind,
    field: &'r str,
}

impl<'de, R: ListReader<'de>> DeserializeSeed<'de> for ListSeed<'_, R> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, R: ListReader<'de>> Visitor<'de> for ListSeed<'_, R> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a list in {}", self.field)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.reader.begin_list(self.kind, self.field);
        while seq
            .next_element_seed(ItemSeed(ListSeed {
                reader: &mut *self.reader,
                kind: self.kind,
                field: self.field,
            }))?
            .is_some()
        {}
        Ok(())
    }
}

/// One item of that list.
struct ItemSeed<'r, R>(ListSeed<'r, R>);

impl<'de, R: ListReader<'de>> DeserializeSeed<'de> for ItemSeed<'_, R> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        let list = self.0;
        list.reader.item(list.kind, list.field, d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sections_by_layout(json: &str) -> Option<Vec<Range<usize>>> {
        items_by_layout(json, "configs", &ItemEnds::find(json.as_bytes()))
    }

    fn fixture_dump() -> String {
        crate::fixture_text("web-frontend", "config_dump.json")
    }

    /// What a parse kept, comparable: each section's type and fields as text.
    fn kept(dump: &Dump) -> Vec<(String, Vec<(String, String)>)> {
        dump.sections
            .iter()
            .map(|s| {
                let fields = s.fields.iter();
                let fields = fields.map(|(k, v)| (k.to_string(), v.get().to_string()));
                (s.type_url.to_string(), fields.collect())
            })
            .collect()
    }

    #[test]
    fn envoys_layout_splits_a_real_dump_into_its_sections() {
        let json = fixture_dump();
        let pieces = sections_by_layout(&json).expect("Envoy's own layout");
        let whole: serde_json::Value = serde_json::from_str(&json).unwrap();
        let configs = whole["configs"].as_array().unwrap();
        assert_eq!(pieces.len(), configs.len());
        for (piece, config) in pieces.iter().zip(configs) {
            let read: serde_json::Value = serde_json::from_str(&json[piece.clone()]).unwrap();
            assert_eq!(&read, config);
        }
        // Places that are not this text's (another text's, or none) split nothing.
        let shifted = format!("\n{json}");
        for elsewhere in [ItemEnds::find(shifted.as_bytes()), ItemEnds::default()] {
            assert_eq!(items_by_layout(&json, "configs", &elsewhere), None);
        }
        // Reformatted, the same document is read in one pass.
        let compact = serde_json::to_string(&whole).unwrap();
        assert_eq!(sections_by_layout(&compact), None);
        let jq_style = serde_json::to_string_pretty(&whole).unwrap();
        assert_eq!(sections_by_layout(&jq_style), None);
    }

    #[test]
    fn sections_read_on_two_threads_are_those_of_one_pass() {
        let json = fixture_dump();
        for kind in SectionKind::ALL {
            let want = Want::none().with(kind);
            let split = Dump::parse(&json, 0, want).unwrap();
            let whole = Dump::parse_whole(&json, 0, want, &mut NoLists).unwrap();
            assert_eq!(kept(&split), kept(&whole), "{kind:?}");
        }
    }

    /// A section broken where the split puts it on the helper thread: the error is the one
    /// the single pass reports, with its offset in the whole file.
    #[test]
    fn a_broken_section_read_aside_reports_the_single_pass_error() {
        let json = fixture_dump();
        let routes = json.find("envoy.admin.v3.RoutesConfigDump").unwrap();
        let at = routes + json[routes..].find("\"name\"").unwrap();
        let broken = format!("{}\"name\" 80{}", &json[..at], &json[at + 7..]);
        let want = Want::none().with(SectionKind::Clusters);
        assert!(sections_by_layout(&broken).is_some());
        let split = Dump::parse(&broken, 7, want).unwrap_err();
        let whole = Dump::parse_whole(&broken, 7, want, &mut NoLists).unwrap_err();
        assert_eq!(split.message, whole.message);
        assert!(split.message.contains("expected `:`"), "{}", split.message);
    }

    #[test]
    fn only_wanted_sections_are_kept_and_last_one_wins() {
        let json = r#"{"configs":[
            {"@type":"type.googleapis.com/envoy.admin.v3.ClustersConfigDump","static_clusters":[1]},
            {"@type":"type.googleapis.com/envoy.admin.v3.ListenersConfigDump","x":2},
            {"static_clusters":[3],"@type":"type.googleapis.com/envoy.admin.v3.ClustersConfigDump"},
            {"@type":"type.googleapis.com/envoy.admin.v3.Mystery","y":1}
        ]}"#;
        let dump = Dump::parse(json, 0, Want::none().with(SectionKind::Clusters)).unwrap();
        assert_eq!(dump.sections.len(), 2);
        let s = dump.section(SectionKind::Clusters).unwrap();
        assert_eq!(s.field("static_clusters").unwrap().get(), "[3]");
        assert!(dump.section(SectionKind::Listeners).is_none());
        let err = dump.require(SectionKind::Routes).unwrap_err();
        assert_eq!(
            err.message,
            "config dump has no configuration type type.googleapis.com/envoy.admin.v3.RoutesConfigDump"
        );
    }

    #[derive(Deserialize)]
    struct Named<'a> {
        #[serde(borrow, default)]
        name: Cow<'a, str>,
    }

    const CLUSTER_LISTS: &[&str] = &["dynamic_active_clusters", "static_clusters"];

    fn names<'a>(
        kind: SectionKind,
    ) -> ResourceReader<'a, Named<'a>, String, impl FnMut(Resource<'a, Named<'a>>) -> Option<String>>
    {
        ResourceReader::new(kind, CLUSTER_LISTS, false, |r: Resource<Named>| {
            Some(format!("{}:{}", r.list, r.value.name))
        })
    }

    #[test]
    fn a_reader_reads_its_lists_in_the_one_pass_and_they_are_not_kept_raw() {
        let json = r#"{"configs":[{"@type":"type.googleapis.com/envoy.admin.v3.ClustersConfigDump",
            "version_info":"1",
            "static_clusters":[{"cluster":{"name":"s"}}],
            "dynamic_active_clusters":[{"cluster":{"name":"a"}},{"cluster":{"name":"b"}}]}]}"#;
        let mut reader = names(SectionKind::Clusters);
        let dump = Dump::parse_with(json, 0, Want::all(), &mut reader).unwrap();
        // List order is the reader's, not the input's.
        assert_eq!(reader.finish(), ["0:a", "0:b", "1:s"]);
        let section = dump.section(SectionKind::Clusters).unwrap();
        assert!(section.field("static_clusters").is_none());
        assert_eq!(section.field("version_info").unwrap().get(), "\"1\"");
    }

    #[test]
    fn lists_before_a_late_type_are_read_after_it_and_the_last_section_wins() {
        let json = r#"{"configs":[
            {"@type":"type.googleapis.com/envoy.admin.v3.ClustersConfigDump",
             "static_clusters":[{"cluster":{"name":"old"}}]},
            {"static_clusters":[{"cluster":{"name":"s"}}],
             "@type":"type.googleapis.com/envoy.admin.v3.ClustersConfigDump",
             "dynamic_active_clusters":[{"cluster":{"name":"a"}}]}]}"#;
        let mut reader = names(SectionKind::Clusters);
        Dump::parse_with(json, 0, Want::all(), &mut reader).unwrap();
        assert_eq!(reader.finish(), ["0:a", "1:s"]);
    }

    #[test]
    fn a_bad_item_is_an_error_at_its_place_in_the_file() {
        let json = r#"{"configs":[{"@type":"type.googleapis.com/envoy.admin.v3.ClustersConfigDump",
            "static_clusters":[{"cluster":{"name":7}}]}]}"#;
        let mut reader = names(SectionKind::Clusters);
        let err = Dump::parse_with(json, 0, Want::all(), &mut reader).unwrap_err();
        assert!(
            err.message.starts_with("unexpected JSON content at byte ")
                && err.message.contains("line 2")
                && err.message.contains("invalid type: integer `7`"),
            "{}",
            err.message
        );
    }

    /// `pc all -o wide` read endpoint counts and the endpoint table from the same lists; the
    /// first reader took every item and the EDS table came out empty.
    #[test]
    fn both_readers_of_one_list_see_every_item() {
        let json = r#"{"configs":[{"@type":"type.googleapis.com/envoy.admin.v3.ClustersConfigDump",
            "static_clusters":[{"cluster":{"name":"s"}},{"cluster":{"name":"t"}}]}]}"#;
        let mut readers = (names(SectionKind::Clusters), names(SectionKind::Clusters));
        Dump::parse_with(json, 0, Want::all(), &mut readers).unwrap();
        let (mut first, mut second) = readers;
        assert_eq!(first.finish(), ["1:s", "1:t"]);
        assert_eq!(second.finish(), ["1:s", "1:t"]);
    }

    fn route_names<'a>(
    ) -> ResourceReader<'a, Named<'a>, String, impl FnMut(Resource<'a, Named<'a>>) -> Option<String>>
    {
        const LISTS: &[&str] = &["dynamic_route_configs", "static_route_configs"];
        ResourceReader::new(SectionKind::Routes, LISTS, false, |r: Resource<Named>| {
            Some(format!("{}:{}", r.list, r.value.name))
        })
    }

    /// Clusters read here and routes on the helper thread: what a single pass with both
    /// readers reads, and the same sections kept.
    #[test]
    fn two_readers_on_two_threads_read_what_one_pass_reads() {
        let json = fixture_dump();
        let (mut clusters, mut routes) = (names(SectionKind::Clusters), route_names());
        let split = Dump::parse_split(
            &json,
            0,
            Want::all(),
            &mut clusters,
            &mut routes,
            Release::NONE,
        )
        .unwrap();
        let mut both = (names(SectionKind::Clusters), route_names());
        let whole = Dump::parse_whole(&json, 0, Want::all(), &mut both).unwrap();
        assert_eq!(kept(&split), kept(&whole));
        let (clusters, routes) = (clusters.finish(), routes.finish());
        assert!(
            clusters.len() > 10 && routes.len() > 3,
            "{clusters:?} {routes:?}"
        );
        assert_eq!(clusters, both.0.finish());
        assert_eq!(routes, both.1.finish());
        // Two readers of one kind cannot be split: one pass reads for both.
        let (mut first, mut second) = (route_names(), route_names());
        Dump::parse_split(
            &json,
            0,
            Want::all(),
            &mut first,
            &mut second,
            Release::NONE,
        )
        .unwrap();
        assert_eq!(first.finish(), routes);
        assert_eq!(second.finish(), routes);
    }

    /// Clusters read on this thread and routes on the helper, and work on the routes once read: the
    /// route names it had then, and the thread that did it.
    fn routes_read_then(json: &str) -> (Vec<String>, std::thread::ThreadId) {
        let (mut clusters, mut routes) = (names(SectionKind::Clusters), route_names());
        let then =
            |routes: &mut ResourceReader<_, _, _>| (routes.finish(), std::thread::current().id());
        let ends = ItemEnds::find(json.as_bytes());
        let text = DocText {
            json,
            at: 0,
            ends: &ends,
            release: Release::NONE,
        };
        let (_, made) =
            Dump::parse_split_then(text, Want::all(), &mut clusters, &mut routes, &then).unwrap();
        made
    }

    /// `pc all` lays out its endpoint table on the thread that read the endpoints, once every
    /// section is read, so the other thread's reading and that work overlap.
    #[test]
    fn work_after_reading_runs_on_the_helper_thread_with_all_its_reader_kept() {
        let json = fixture_dump();
        let mut alone = route_names();
        Dump::parse_with(&json, 0, Want::all(), &mut alone).unwrap();
        let routes = alone.finish();
        assert!(routes.len() > 3, "{routes:?}");

        let (made, thread) = routes_read_then(&json);
        assert_eq!(made, routes);
        assert_ne!(thread, std::thread::current().id());

        // Not Envoy's layout: one pass on this thread, and the work done once it is over.
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let compact = value.to_string();
        assert!(sections_by_layout(&compact).is_none());
        let (made, thread) = routes_read_then(&compact);
        assert_eq!(made, routes);
        assert_eq!(thread, std::thread::current().id());
    }

    #[test]
    fn a_leading_field_is_the_field_wherever_it_is() {
        // Every cluster of the fixture: the name read up to itself is the name read whole.
        let json = fixture_dump();
        fn raw<'a>(r: Resource<'a, Unread>) -> Option<&'a str> {
            r.raw.map(RawValue::get)
        }
        let mut raws = ResourceReader::new(SectionKind::Clusters, CLUSTER_LISTS, true, raw);
        Dump::parse_with(&json, 0, Want::all(), &mut raws).unwrap();
        let raws = raws.finish();
        assert!(raws.len() > 10);
        for raw in raws {
            let whole: Named = serde_json::from_str(raw).unwrap();
            assert_eq!(leading_field(raw, "name").unwrap(), whole.name);
        }
        // Only a field of the object itself, in Envoy's spelling (a camelCase document was
        // rewritten when it was read).
        let field = |text| leading_field(text, "cluster_name");
        assert_eq!(
            field(r#"{"a":[{"cluster_name":"x"}],"cluster_name":"c"}"#).unwrap(),
            "c"
        );
        assert_eq!(field(r#"{"clusterName":"c"}"#).unwrap(), "");
        assert_eq!(field(r#"{"a":1}"#).unwrap(), "");
        assert_eq!(field(r#"{"cluster_name":7}"#), None);
        assert_eq!(field("[1]"), None);
    }

    #[test]
    fn a_section_without_type_is_an_error() {
        let err = Dump::parse(r#"{"configs":[{"a":1}]}"#, 0, Want::all()).unwrap_err();
        assert!(err.message.contains("no `@type`"), "{}", err.message);
    }
}

/// A JSON object as its fields' raw values, in input order: for output that rebuilds an object
/// with one field changed, without reformatting the rest.
#[derive(Debug)]
pub struct RawObject<'a>(pub Vec<(Cow<'a, str>, &'a RawValue)>);

impl<'de> Deserialize<'de> for RawObject<'de> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawObject<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut fields = Vec::new();
                while let Some(k) = map.next_key::<Cow<'de, str>>()? {
                    fields.push((k, map.next_value::<&'de RawValue>()?));
                }
                Ok(RawObject(fields))
            }
        }
        d.deserialize_map(V)
    }
}

impl RawObject<'_> {
    /// The object as JSON text, with `replace`'s field (by proto name, either spelling) swapped
    /// for the given JSON text, or left out when `value` is None.
    pub fn to_json_with(&self, replace: &str, value: Option<&str>) -> String {
        // Sized up front: a big object grown by doubling would fault in fresh pages twice over.
        let size = self.0.iter().map(|(k, v)| k.len() + v.get().len() + 4);
        let extra = value.map_or(0, str::len);
        let mut s = String::with_capacity(2 + extra + size.sum::<usize>());
        s.push('{');
        let mut first = true;
        for (k, v) in &self.0 {
            let text = if k == replace {
                match value {
                    Some(value) => value,
                    None => continue,
                }
            } else {
                v.get()
            };
            if !first {
                s.push(',');
            }
            first = false;
            s.push_str(&serde_json::to_string(k.as_ref()).unwrap_or_default());
            s.push(':');
            s.push_str(text);
        }
        s.push('}');
        s
    }
}
