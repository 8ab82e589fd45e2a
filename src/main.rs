// Views allocate many small cells and free them all at once at exit: mimalloc does both
// without glibc's chunk consolidation (a tenth of `pc eds` on a 100 MB dump).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    meshctl::main_entry()
}
