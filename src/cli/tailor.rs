//! The flags that tailor a résumé to one application, shared by `vita
//! render` and `vita export`: a selection by tags, a variant, a public
//! version, overlays.

use std::path::PathBuf;

/// `--tags`, `--variant`, `--public` and `--overlay`.
#[derive(Debug, Clone, clap::Args)]
pub struct TailorArgs {
    /// Show only what these tags select, for one application: anything
    /// without tags always shows, anything tagged when one of its `tags` is
    /// given, and never when one is given with a minus (`--tags
    /// backend,infra,-legacy`). Tags compare without regard to case.
    #[arg(
        long,
        value_name = "TAG[,TAG…]",
        value_delimiter = ',',
        allow_hyphen_values = true,
        conflicts_with = "variant"
    )]
    pub tags: Vec<String>,
    /// The version of the résumé its `[variants.NAME]` table defines (its
    /// tags, sections, label, summary, theme, theme keys and page limit).
    /// `vita render` writes it into cv.NAME.pdf…, and with `all` every
    /// variant in one run; `vita variants` lists them.
    #[arg(long, value_name = "NAME|all")]
    pub variant: Option<String>,
    /// Leave out every field and entry the résumé marks private
    /// (`private = ["phone", "location"]` in a table, `private = true` on an
    /// entry): from the PDF and its metadata, the text and the previews.
    #[arg(long)]
    pub public: bool,
    /// Merge a small TOML file over the résumé before it is read, for one
    /// application; repeatable, applied in order. A table changes keys one
    /// by one; `[[work]] id = "acme"` changes the entry whose `id` is acme,
    /// and a `[[work]]` without an `id` adds a job; any other list is
    /// replaced, unless written `{ append = [...] }`. Errors point at the
    /// overlay's own lines.
    #[arg(long, value_name = "FILE")]
    pub overlay: Vec<PathBuf>,
}

impl TailorArgs {
    /// The selection `--tags` asks for, if any.
    pub fn selection(&self) -> Option<crate::model::select::Selection> {
        (!self.tags.is_empty()).then(|| crate::model::select::Selection::parse(&self.tags))
    }

    /// Whether any of the flags is given.
    pub fn any(&self) -> bool {
        !self.tags.is_empty() || self.variant.is_some() || self.public || !self.overlay.is_empty()
    }
}
