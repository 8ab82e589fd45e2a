//! Two pieces of work at once on a machine's cores: the one scoped-thread join every reader and
//! printer uses.

/// Runs `here` on this thread and `there` on a scoped helper thread, and returns both results.
/// A panic on the helper goes on in this thread once `here` is done.
pub fn join<A, B: Send>(here: impl FnOnce() -> A, there: impl FnOnce() -> B + Send) -> (A, B) {
    std::thread::scope(|scope| {
        let there = scope.spawn(there);
        let here = here();
        let there = there
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (here, there)
    })
}

/// `work` on the two halves of `items`, the first here and the second on a helper thread: the
/// first half's result, then the second's.
pub fn on_halves<T: Sync, R: Send>(items: &[T], work: impl Fn(&[T]) -> R + Sync) -> (R, R) {
    let (first, second) = items.split_at(items.len() / 2);
    join(|| work(first), || work(second))
}
