//! `meshgen-floor FILE`: the least any tool reading a whole JSON document can do — map the file
//! and validate it with serde_json, building nothing. The benchmark's yardstick.

use std::process::ExitCode;

use serde::de::IgnoredAny;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: meshgen-floor FILE");
        return ExitCode::FAILURE;
    };
    let shown = std::path::Path::new(&path).display().to_string();
    let file = match std::fs::File::open(&path) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("meshgen-floor: {shown}: {e}");
            return ExitCode::FAILURE;
        }
    };
    // SAFETY: the benchmark's inputs are not modified while it runs.
    let map = match unsafe { memmap2::Mmap::map(&file) } {
        Ok(m) => m,
        Err(e) => {
            eprintln!("meshgen-floor: cannot map {shown}: {e}");
            return ExitCode::FAILURE;
        }
    };
    match serde_json::from_slice::<IgnoredAny>(&map) {
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("meshgen-floor: {shown}: {e}");
            ExitCode::FAILURE
        }
    }
}
