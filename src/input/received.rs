//! An answer's body as it arrives. Envoy sends `/config_dump` chunked, without a length, so the
//! buffer must grow; a `Vec` grows by copying into one twice as big, which for a big dump
//! holds both copies at once. A big body lives instead in an anonymous mapping that grows by
//! remapping (Linux `mremap`): the pages received stay where they are, none is copied.

use std::ops::Deref;

/// Bodies up to this size stay in a `Vec`: the admin answers besides the dump are small.
const MAPPED_FROM: usize = 1 << 20;

pub struct Received {
    store: Store,
    len: usize,
}

enum Store {
    Vec(Vec<u8>),
    #[cfg(target_os = "linux")]
    Map(memmap2::MmapMut),
}

impl Received {
    /// Room for `expected` bytes: the length the peer announced, when it did.
    pub fn with_capacity(expected: usize) -> std::io::Result<Received> {
        let mut received = Received {
            store: Store::Vec(Vec::new()),
            len: 0,
        };
        received.reserve(expected)?;
        Ok(received)
    }

    pub fn extend(&mut self, data: &[u8]) -> std::io::Result<()> {
        self.reserve(data.len())?;
        match &mut self.store {
            Store::Vec(v) => v.extend_from_slice(data),
            #[cfg(target_os = "linux")]
            Store::Map(m) => m[self.len..self.len + data.len()].copy_from_slice(data),
        }
        self.len += data.len();
        Ok(())
    }

    /// Room for `more` bytes after what was received.
    fn reserve(&mut self, more: usize) -> std::io::Result<()> {
        let needed = self.len + more;
        match &mut self.store {
            Store::Vec(v) if needed <= MAPPED_FROM || cfg!(not(target_os = "linux")) => {
                v.reserve(more);
            }
            #[cfg(target_os = "linux")]
            Store::Vec(v) => {
                // Pages of an anonymous mapping are zero until written and count only then,
                // so the room reserved ahead costs no memory.
                let mut map = memmap2::MmapMut::map_anon(needed.max(2 * MAPPED_FROM))?;
                map[..v.len()].copy_from_slice(v);
                self.store = Store::Map(map);
            }
            #[cfg(target_os = "linux")]
            Store::Map(m) if needed > m.len() => {
                let grown = needed.max(2 * m.len());
                // SAFETY: no reference into the mapping outlives this call (`deref` borrows
                // `self`), and `may_move` lets the kernel place it anew, contents kept.
                unsafe { m.remap(grown, memmap2::RemapOptions::new().may_move(true)) }?;
            }
            #[cfg(target_os = "linux")]
            Store::Map(_) => {}
        }
        Ok(())
    }

    /// The body, to be read in place as a document: the mapping made read-only, or the `Vec`.
    pub fn into_store(self) -> std::io::Result<Body> {
        match self.store {
            Store::Vec(v) => Ok(Body::Vec(v)),
            #[cfg(target_os = "linux")]
            Store::Map(m) => Ok(Body::Map(m.make_read_only()?, self.len)),
        }
    }
}

/// A finished body: `Map` holds the mapping and how much of it the body fills.
pub enum Body {
    Vec(Vec<u8>),
    Map(memmap2::Mmap, usize),
}

impl std::fmt::Debug for Received {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Received({} bytes)", self.len)
    }
}

impl Deref for Received {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match &self.store {
            Store::Vec(v) => v,
            #[cfg(target_os = "linux")]
            Store::Map(m) => &m[..self.len],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_os = "linux")]
    #[test]
    fn a_body_grown_past_the_vec_and_remapped_keeps_every_byte() {
        let chunk: Vec<u8> = (0..=255u8).cycle().take(100_003).collect();
        let mut received = Received::with_capacity(0).unwrap();
        let mut expected = Vec::new();
        for _ in 0..50 {
            received.extend(&chunk).unwrap();
            expected.extend_from_slice(&chunk);
        }
        assert!(*received == expected[..]);
        assert!(
            matches!(received.store, Store::Map(_)),
            "5 MB stays in a Vec"
        );
        match received.into_store().unwrap() {
            Body::Map(map, len) => assert!(map[..len] == expected[..]),
            Body::Vec(_) => panic!("a 5 MB body in a Vec"),
        }
        let mut small = Received::with_capacity(10).unwrap();
        small.extend(b"{}").unwrap();
        assert!(matches!(small.into_store().unwrap(), Body::Vec(v) if v == b"{}"));
    }
}
