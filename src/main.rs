// Views allocate many small cells and free them all at once at exit: mimalloc does both
// without glibc's chunk consolidation.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

// Small pages from the first allocation: the runtime allocates before `main`, and on huge pages
// the allocator's first, mostly empty huge pages count whole in the peak resident set.
// `memory::for_input` turns huge pages back on for config dumps, whose big allocations they
// make faster. An `.init_array` entry runs before the runtime starts.
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static SMALL_PAGES_FIRST: extern "C" fn() = {
    extern "C" fn small_pages_first() {
        meshctl::memory::at_start();
    }
    small_pages_first
};

fn main() -> std::process::ExitCode {
    meshctl::main_entry()
}
