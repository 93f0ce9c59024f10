//! The `vita render` flags that set resource limits (see [`crate::limits`]
//! for what each guards against) and which folders a résumé may read from.

use crate::limits::{self, Limits};
use clap::builder::RangedU64ValueParser;
use std::path::PathBuf;

#[derive(Debug, Clone, clap::Args)]
#[command(next_help_heading = "Limits")]
pub struct LimitArgs {
    /// Refuse a résumé file larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = limits::DEFAULT_INPUT_BYTES,
          value_parser = RangedU64ValueParser::<u64>::new().range(1..))]
    pub max_input_size: u64,
    /// Refuse a résumé that needs more pages than this.
    #[arg(long, value_name = "N", default_value_t = limits::DEFAULT_PAGES,
          value_parser = RangedU64ValueParser::<usize>::new().range(1..=limits::MAX_PAGES as u64))]
    pub max_pages: usize,
    /// Refuse a photo with more pixels than this; checked before decoding.
    #[arg(long, value_name = "N", default_value_t = limits::DEFAULT_PIXELS,
          value_parser = RangedU64ValueParser::<u64>::new().range(1..))]
    pub max_pixels: u64,
    /// Refuse a résumé whose TOML nests deeper than this (arrays, tables
    /// and dotted keys each count one level).
    #[arg(long, value_name = "N", default_value_t = limits::DEFAULT_DEPTH,
          value_parser = RangedU64ValueParser::<usize>::new().range(1..=limits::MAX_DEPTH as u64))]
    pub max_depth: usize,
    /// Let the résumé name files (its photo, its theme) in this folder too,
    /// besides its own folder; repeatable.
    #[arg(long, value_name = "DIR")]
    pub allow_path: Vec<PathBuf>,
}

impl LimitArgs {
    pub fn limits(&self) -> Limits {
        Limits {
            input_bytes: self.max_input_size,
            pages: self.max_pages,
            pixels: self.max_pixels,
            depth: self.max_depth,
            allowed: self.allow_path.clone(),
        }
    }
}
