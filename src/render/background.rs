//! Standard output written from a thread of its own once the output is big: a JSON view of a
//! big dump prints tens of megabytes, and the kernel's share of writing them then overlaps the
//! printing instead of following it.

use std::io::{self, Write};
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::thread::{Scope, ScopedJoinHandle};

/// Bytes gathered before a block goes to the writing thread; output smaller than one block is
/// written by the caller's thread at `finish`, with no thread started.
const BLOCK: usize = 256 * 1024;
/// Blocks in flight: bounds the memory held for a slow reader of the output.
const IN_FLIGHT: usize = 4;

pub struct BackgroundWriter<'scope, 'env, W: Write + Send + 'scope> {
    scope: &'scope Scope<'scope, 'env>,
    block: Vec<u8>,
    state: WriterState<'scope, W>,
}

enum WriterState<'scope, W> {
    /// Nothing handed over yet: the sink is still here.
    Idle(W),
    Running {
        blocks: SyncSender<Vec<u8>>,
        /// Written blocks come back to be filled again, so big output allocates only a few.
        spent: Receiver<Vec<u8>>,
        writer: ScopedJoinHandle<'scope, io::Result<()>>,
    },
    /// The writing thread stopped: its error was returned, or `finish` ran.
    Done,
}

impl<'scope, 'env, W: Write + Send + 'scope> BackgroundWriter<'scope, 'env, W> {
    pub fn new(scope: &'scope Scope<'scope, 'env>, sink: W) -> Self {
        BackgroundWriter {
            scope,
            block: Vec::new(),
            state: WriterState::Idle(sink),
        }
    }

    /// Writes what is left and waits for the writing thread; its error, if any, is returned.
    pub fn finish(mut self) -> io::Result<()> {
        let block = std::mem::take(&mut self.block);
        match std::mem::replace(&mut self.state, WriterState::Done) {
            WriterState::Idle(mut sink) => {
                sink.write_all(&block)?;
                sink.flush()
            }
            WriterState::Running { blocks, writer, .. } => {
                // A send fails only when the thread stopped on an error, which join returns.
                let _ = blocks.send(block);
                drop(blocks);
                join(writer)
            }
            WriterState::Done => Err(stopped()),
        }
    }

    fn hand_over(&mut self) -> io::Result<()> {
        if let WriterState::Idle(_) = self.state {
            let WriterState::Idle(sink) = std::mem::replace(&mut self.state, WriterState::Done)
            else {
                unreachable!("checked above")
            };
            self.start(sink);
        }
        let WriterState::Running { blocks, spent, .. } = &mut self.state else {
            return Err(stopped());
        };
        let next = spent
            .try_recv()
            .unwrap_or_else(|_| Vec::with_capacity(BLOCK));
        let full = std::mem::replace(&mut self.block, next);
        if blocks.send(full).is_ok() {
            return Ok(());
        }
        // The thread stopped on an error: report it here, where the caller can act on it.
        match std::mem::replace(&mut self.state, WriterState::Done) {
            WriterState::Running { writer, .. } => join(writer).and(Err(stopped())),
            _ => Err(stopped()),
        }
    }

    fn start(&mut self, mut sink: W) {
        let (blocks, to_write) = mpsc::sync_channel::<Vec<u8>>(IN_FLIGHT);
        let (give_back, spent) = mpsc::sync_channel::<Vec<u8>>(IN_FLIGHT + 1);
        let writer = self.scope.spawn(move || {
            for mut block in to_write {
                sink.write_all(&block)?;
                block.clear();
                let _ = give_back.try_send(block);
            }
            sink.flush()
        });
        self.state = WriterState::Running {
            blocks,
            spent,
            writer,
        };
    }
}

fn join(writer: ScopedJoinHandle<'_, io::Result<()>>) -> io::Result<()> {
    writer
        .join()
        .unwrap_or_else(|_| Err(io::Error::other("the output thread panicked")))
}

fn stopped() -> io::Error {
    io::Error::other("the output thread has stopped")
}

impl<'scope, 'env, W: Write + Send + 'scope> Write for BackgroundWriter<'scope, 'env, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.write_all(buf).map(|()| buf.len())
    }

    fn write_all(&mut self, mut buf: &[u8]) -> io::Result<()> {
        match &mut self.state {
            WriterState::Done => return Err(stopped()),
            // A caller printing whole blocks (`all -o json`'s parts, made on two threads) writes
            // them itself: the copy for a thread of its own would cost as much as the write.
            WriterState::Idle(sink) if buf.len() >= BLOCK => {
                sink.write_all(&self.block)?;
                self.block.clear();
                return sink.write_all(buf);
            }
            _ => {}
        }
        while !buf.is_empty() {
            if self.block.capacity() == 0 {
                self.block.reserve_exact(BLOCK);
            }
            let room = BLOCK.saturating_sub(self.block.len());
            let (now, later) = buf.split_at(room.min(buf.len()));
            self.block.extend_from_slice(now);
            buf = later;
            if self.block.len() >= BLOCK {
                self.hand_over()?;
            }
        }
        Ok(())
    }

    /// Blocks are written as they fill; the last one at `finish`.
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    /// A sink shared with the test, failing once it holds `fail_after` bytes.
    #[derive(Clone)]
    struct Sink {
        got: Arc<Mutex<Vec<u8>>>,
        fail_after: usize,
    }

    impl Write for Sink {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            let mut got = self.got.lock().unwrap();
            if got.len() >= self.fail_after {
                return Err(io::Error::from(io::ErrorKind::BrokenPipe));
            }
            got.extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    fn sink(fail_after: usize) -> Sink {
        Sink {
            got: Arc::default(),
            fail_after,
        }
    }

    #[test]
    fn big_output_arrives_whole_and_in_order() {
        let sink = sink(usize::MAX);
        let text: Vec<u8> = (0..3_000_000u32)
            .flat_map(|i| (i % 251).to_le_bytes())
            .collect();
        std::thread::scope(|scope| {
            let mut out = BackgroundWriter::new(scope, sink.clone());
            for piece in text.chunks(7919) {
                out.write_all(piece).unwrap();
            }
            assert!(matches!(out.state, WriterState::Running { .. }));
            out.finish().unwrap();
        });
        assert!(*sink.got.lock().unwrap() == text);
    }

    #[test]
    fn small_output_is_written_without_a_thread() {
        let sink = sink(usize::MAX);
        std::thread::scope(|scope| {
            let mut out = BackgroundWriter::new(scope, sink.clone());
            out.write_all(b"NAME  TYPE\n").unwrap();
            assert!(matches!(out.state, WriterState::Idle(_)));
            out.finish().unwrap();
        });
        assert_eq!(*sink.got.lock().unwrap(), b"NAME  TYPE\n");
    }

    #[test]
    fn whole_blocks_are_written_by_the_caller_in_order() {
        let sink = sink(usize::MAX);
        let part = vec![b'p'; BLOCK];
        std::thread::scope(|scope| {
            let mut out = BackgroundWriter::new(scope, sink.clone());
            out.write_all(b"[").unwrap();
            out.write_all(&part).unwrap();
            out.write_all(b",").unwrap();
            out.write_all(&part).unwrap();
            assert!(matches!(out.state, WriterState::Idle(_)));
            assert_eq!(sink.got.lock().unwrap().len(), 2 * BLOCK + 2);
            out.write_all(b"]").unwrap();
            out.finish().unwrap();
        });
        let expected = [&b"["[..], &part, b",", &part, b"]"].concat();
        assert!(*sink.got.lock().unwrap() == expected);
    }

    #[test]
    fn a_closed_pipe_stops_the_writer_with_its_error() {
        let sink = sink(BLOCK);
        let error = std::thread::scope(|scope| {
            let mut out = BackgroundWriter::new(scope, sink.clone());
            let block = vec![b'x'; 1000];
            loop {
                if let Err(e) = out.write_all(&block) {
                    return e;
                }
            }
        });
        assert_eq!(error.kind(), io::ErrorKind::BrokenPipe);
    }
}
