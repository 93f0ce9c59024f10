//! Variants (`[variants.NAME]`, `--variant NAME|all`): which versions of a
//! résumé one render writes, and what a version changes. Its selection,
//! label and summary change the résumé (`model::select`); its theme, theme
//! keys and page limit change the settings; its sections change the
//! resolved theme.

use super::Settings;
use crate::diag::Diagnostic;
use crate::model::Resume;
use crate::model::select::Variant;
use crate::theme::{Override, SectionKind, Theme};
use std::path::Path;

/// `--variant all`: every variant the résumé defines.
pub const ALL: &str = "all";

/// The versions to render: the résumé itself without `--variant`, else the
/// one named, or with `all` every variant of the résumé at `path`.
pub(super) fn versions(
    settings: &Settings,
    path: &Path,
) -> Result<Vec<Option<String>>, Diagnostic> {
    match settings.variant.as_deref() {
        None => Ok(vec![None]),
        Some(ALL) => {
            let layers = settings.layers()?;
            let limits = &settings.limits;
            let (resume, _) = crate::model::load_layered(path, &layers, limits, None, false)?;
            if resume.variants.is_empty() {
                return Err(Diagnostic::new("`--variant all`: the résumé defines no variants")
                    .in_file(path)
                    .with_hint("add a [variants.NAME] table with the tags it shows"));
            }
            Ok(resume.variants.keys().cloned().map(Some).collect())
        }
        Some(name) => Ok(vec![Some(name.to_string())]),
    }
}

/// What a variant asks of the render beyond the résumé: the settings with
/// its theme keys and page limit, and the sections it shows, in order.
pub(super) struct Tailored {
    /// The settings to render this version with.
    pub settings: Settings,
    /// Its sections, over the theme's; empty keeps the theme's.
    pub sections: Vec<SectionKind>,
}

/// Applies variant `name` to `resume` (read from `path`) and says what else
/// it changes. An unknown name is an error that lists the variants.
pub(super) fn tailor(
    settings: &Settings,
    path: &Path,
    resume: &mut Resume,
    name: &str,
) -> Result<Tailored, Diagnostic> {
    let Some(variant) = resume.variants.get(name).cloned() else {
        let known: Vec<&str> = resume.variants.keys().map(String::as_str).collect();
        let hint = match known.is_empty() {
            true => "the résumé defines no variants; add a [variants.NAME] table".to_string(),
            false => format!("the résumé's variants: {}, or `all`", known.join(", ")),
        };
        return Err(Diagnostic::new(format!("no variant named `{name}`"))
            .in_file(path)
            .with_hint(hint));
    };
    variant.apply(resume);
    if let Some(theme) = &variant.theme {
        resume.meta.theme = Some(theme.clone());
    }
    let mut settings = settings.clone();
    let at = |d: Diagnostic| Diagnostic {
        message: format!("`variants.{name}.set`: {}", d.message),
        ..d
    };
    for arg in &variant.set {
        settings.overrides.push(Override::parse(arg).map_err(|d| at(d).in_file(path))?);
    }
    settings.fit_pages = settings.fit_pages.or(variant.pages.map(usize::from));
    Ok(Tailored { sections: sections(&variant, name, path)?, settings })
}

/// The variant's sections, as the theme names them.
fn sections(variant: &Variant, name: &str, path: &Path) -> Result<Vec<SectionKind>, Diagnostic> {
    let list =
        toml::Value::Array(variant.sections.iter().cloned().map(toml::Value::String).collect());
    list.try_into().map_err(|e: toml::de::Error| {
        Diagnostic::new(format!("`variants.{name}.sections`: {}", e.message().trim()))
            .in_file(path)
            .with_hint("sections are named as a theme names them: summary, work, education, skills, projects, …")
    })
}

/// Shows only `sections` in `theme`, in their order: its section list on
/// one column, each column's on several.
pub(super) fn order_sections(theme: &mut Theme, sections: &[SectionKind]) {
    if sections.is_empty() {
        return;
    }
    let place = |s: &SectionKind| sections.iter().position(|k| k == s);
    let reorder = |list: &mut Vec<SectionKind>| {
        list.retain(|s| place(s).is_some());
        list.sort_by_key(|s| place(s));
    };
    if theme.columns.is_empty() {
        theme.sections = sections.to_vec();
    } else {
        theme.columns.iter_mut().for_each(|c| reorder(&mut c.sections));
    }
}
