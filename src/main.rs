fn main() -> std::process::ExitCode {
    meshctl::main_entry()
}
