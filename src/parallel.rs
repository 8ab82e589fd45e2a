//! Work on scoped threads, joined in one place: two pieces at once on a machine's cores (the
//! join every reader and printer uses), or one on a thread with a bigger stack.

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

/// Runs `work` on a scoped thread named `name` with a stack of `stack` bytes, for work that
/// recurses deeper than a default thread's stack allows. A panic there goes on in this thread.
pub fn with_stack<R: Send>(
    name: &str,
    stack: usize,
    work: impl FnOnce() -> R + Send,
) -> std::io::Result<R> {
    std::thread::scope(|scope| {
        let thread = std::thread::Builder::new()
            .name(name.to_string())
            .stack_size(stack)
            .spawn_scoped(scope, work)?;
        Ok(thread
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
    })
}
