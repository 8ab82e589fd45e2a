//! Memory policy, in one place: which pages of a mapped input are released once read, and
//! whether the process may use transparent huge pages. Readers and printers call `Release`;
//! `for_input` is called once, when the input's kind is known.

/// Gives back the memory of the parts of a document that were read for the last time.
#[derive(Clone, Copy, Debug)]
pub struct Release<'a>(Option<&'a memmap2::Mmap>);

/// A `Release` for text read (or printed) in order (`Release::in_steps`).
pub struct Steps<'a> {
    release: Release<'a>,
    /// The address the next step releases from: the start of a block not released yet.
    from: usize,
    every: usize,
}

impl Steps<'_> {
    /// The text up to the end of `through` is no longer needed: released once `every` bytes
    /// are, or now when `last`.
    pub fn done_through(&mut self, through: &str, last: bool) {
        let end = through.as_ptr() as usize + through.len();
        if last || end.saturating_sub(self.from) >= self.every {
            self.release.blocks(self.from, end);
            self.from = (end / RELEASE_BLOCK * RELEASE_BLOCK).max(self.from);
        }
    }
}

/// Pages are released in whole aligned blocks of this size: a multiple of every common page
/// size, so no system call is needed to learn it; at most this much stays at either end.
pub(crate) const RELEASE_BLOCK: usize = 64 * 1024;

impl<'a> Release<'a> {
    /// Nothing is released: a document read into memory, or a test's text.
    pub const NONE: Release<'static> = Release(None);

    /// Releases the pages of `map`, a read-only private mapping of a file.
    pub(crate) fn of_map(map: &'a memmap2::Mmap) -> Self {
        Release(Some(map))
    }

    /// Drops the pages wholly inside `text` from this process's memory when the document is a
    /// mapped file. They are clean copies of the file and are read from it again if touched,
    /// so nothing is lost, but a big dump's sections stop counting once read. Text outside
    /// the map is ignored.
    pub fn pages_of(self, text: &str) {
        let start = text.as_ptr() as usize;
        self.blocks(start.next_multiple_of(RELEASE_BLOCK), start + text.len());
    }

    /// Gives back text read (or printed) in order from the start of `first` on, at least
    /// `every` bytes at a time: each call stops every thread for the kernel to forget the
    /// pages, which for each small piece would cost more time than the memory is worth.
    pub fn in_steps(self, first: &str, every: usize) -> Steps<'a> {
        Steps {
            release: self,
            from: first.as_ptr() as usize,
            every,
        }
    }

    /// Gives back the whole blocks from `first` (block-aligned, or rounded up) to `end`.
    fn blocks(self, first: usize, end: usize) {
        let Some(map) = self.0 else { return };
        let base = map.as_ptr() as usize;
        let first = first.next_multiple_of(RELEASE_BLOCK);
        let last = end / RELEASE_BLOCK * RELEASE_BLOCK;
        if first < base || end > base + map.len() || first >= last {
            return;
        }
        // SAFETY: a private, read-only mapping of a file that is never written through it:
        // MADV_DONTNEED only drops the pages, and the next read of them maps the file's
        // bytes again, so every `&str` into the map keeps reading the same text (the caveat
        // on files changed under a running command is the one in `Text::as_str`).
        let dropped = unsafe {
            map.unchecked_advise_range(
                memmap2::UncheckedAdvice::DontNeed,
                first - base,
                last - first,
            )
        };
        // Only memory is at stake: a refusal leaves the pages where they are.
        drop(dropped);
    }
}

/// Whether the kernel may give this process huge pages from here on (Linux's per-process
/// `PR_SET_THP_DISABLE`). Config dumps are read faster on them;
/// reading `/clusters?format=json` makes many small, short-lived objects on two threads, and
/// on the allocator's huge pages each thread's partly used huge pages count whole in the
/// resident set. Only memory and time depend on it; a kernel without the
/// flag leaves things as they are.
fn huge_pages(allowed: bool) {
    #[cfg(target_os = "linux")]
    // SAFETY: sets a flag of this process; no memory is passed.
    unsafe {
        libc::prctl(
            libc::PR_SET_THP_DISABLE,
            libc::c_ulong::from(!allowed),
            0,
            0,
            0,
        );
    }
}

/// Sets the page policy for reading an input of this kind. Config dumps make many big
/// allocations, which are faster on huge pages; `/clusters?format=json` makes many small,
/// short-lived ones on two threads, where each thread's partly used huge pages would count
/// whole in the peak. The process starts on small pages (`at_start`).
pub fn for_input(config_dump: bool) {
    huge_pages(config_dump);
}

/// The policy before anything is allocated: small pages, since the allocator's first, mostly
/// empty huge pages would count whole in the peak resident set of a small view.
pub fn at_start() {
    huge_pages(false);
}
