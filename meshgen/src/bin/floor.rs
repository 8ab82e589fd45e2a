//! `meshgen-floor FILE`: the least any tool reading a whole JSON document can do — map the file
//! and validate it with serde_json, building nothing. The benchmark's yardstick.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use serde::de::IgnoredAny;

/// Maps FILE and validates it as JSON with serde_json, building nothing: the least any tool
/// reading a whole JSON document can do.
#[derive(Parser)]
#[command(name = "meshgen-floor")]
struct Args {
    /// The JSON document
    #[arg(value_name = "FILE")]
    file: PathBuf,
}

fn main() -> ExitCode {
    let path = Args::parse().file;
    let shown = path.display().to_string();
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
