//! `vita completions` and `vita man`: shell completion scripts and man pages
//! generated from the clap definitions, so they never drift from `--help`.

use super::Cli;
use super::emit::{emit, write_file};
use crate::diag::Diagnostic;
use clap::CommandFactory;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
#[command(after_help = "Install, for example:\n  \
bash: vita completions bash > ~/.local/share/bash-completion/completions/vita\n  \
zsh:  vita completions zsh > ~/.zfunc/_vita   (with fpath+=~/.zfunc before compinit)\n  \
fish: vita completions fish > ~/.config/fish/completions/vita.fish\n\n\
Exit status: 0 on success, 2 when the output cannot be written.")]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, clap::Args)]
#[command(after_help = "`vita man | man -l -` reads it at once. Packagers: `vita man --dir DIR` \
writes vita.1 and one vita-COMMAND.1 per subcommand.\n\n\
Exit status: 0 on success, 2 for an unknown subcommand or when the output cannot be written.")]
pub struct ManArgs {
    /// Print the page of this subcommand (e.g. `render`) instead of vita(1).
    pub command: Option<String>,
    /// Write every page (vita.1, vita-render.1, …) into DIR instead of
    /// printing one.
    #[arg(long, value_name = "DIR", conflicts_with = "command")]
    pub dir: Option<PathBuf>,
}

pub(super) fn completions(args: &CompletionsArgs) -> Result<(), Diagnostic> {
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "vita", &mut out);
    emit(&String::from_utf8_lossy(&out), None)
}

pub(super) fn man(args: &ManArgs) -> Result<(), Diagnostic> {
    let mut vita = Cli::command();
    vita.build();
    if let Some(dir) = &args.dir {
        std::fs::create_dir_all(dir)
            .map_err(|e| Diagnostic::new(format!("cannot create the folder: {e}")).in_file(dir))?;
        write_file(&dir.join("vita.1"), &page(&vita))?;
        // After build(), a subcommand's display name is `vita-render`.
        for sub in vita.get_subcommands().filter(|s| s.get_name() != "help") {
            let name = sub.get_display_name().unwrap_or(sub.get_name());
            write_file(&dir.join(format!("{name}.1")), &page(sub))?;
        }
        return Ok(());
    }
    let cmd = match &args.command {
        None => vita,
        Some(name) => {
            let sub = vita.find_subcommand(name).ok_or_else(|| {
                let names: Vec<&str> = vita.get_subcommands().map(|s| s.get_name()).collect();
                Diagnostic::new(format!("no subcommand `{name}`"))
                    .with_hint(format!("subcommands: {}", names.join(", ")))
            })?;
            sub.clone()
        }
    };
    emit(&String::from_utf8_lossy(&page(&cmd)), None)
}

fn page(cmd: &clap::Command) -> Vec<u8> {
    let mut cmd = cmd.clone();
    // The NAME line already starts with "vita - ".
    let about = cmd.get_about().map(|a| a.to_string()).unwrap_or_default();
    if let Some(rest) = about.strip_prefix("vita — ") {
        cmd = cmd.about(rest.to_string());
    }
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd).render(&mut out).expect("rendering into memory cannot fail");
    out
}
