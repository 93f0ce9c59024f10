use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    vita::cli::run(vita::cli::Cli::parse())
}
