//! The `vita` binary: parses the command line and hands it to `vita::cli`.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    vita::cli::run(vita::cli::Cli::parse())
}
