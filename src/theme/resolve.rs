//! Building a theme: a built-in name or a file, laid over vita's defaults
//! or over the theme it `extends`, then command-line overrides (`--set
//! key.path=value`, `--paper`, `--accent`, `--font-body`). Every step is
//! type-checked by deserialising into [`Theme`], so a wrong key or value is
//! an error that names it and lists what would have been valid.
//!
//! Theme files are read as [`crate::input::read_regular`] reads: regular
//! files only, at most [`MAX_THEME_BYTES`]. A file an `extends` names is
//! resolved relative to the theme that names it and must lie inside the
//! first theme's folder (or the résumé's, for `meta.theme`), or a folder
//! allowed with `--allow-path`, as `meta.theme` itself must.

use super::check::find_key;
use super::{BUILTIN, Theme};
use crate::diag::{self, Diagnostic};
use std::path::{Path, PathBuf};
use toml::{Table, Value};

/// How deep `extends` may chain (a loop stops here too).
const MAX_EXTENDS: usize = 8;

/// The largest theme file vita reads; a real one is a few kilobytes.
pub const MAX_THEME_BYTES: u64 = crate::limits::MAX_THEME_BYTES;

/// Where the files a theme `extends` may come from: a folder, and any
/// others allowed with `--allow-path`.
#[derive(Debug, Clone, Default)]
pub struct Confine {
    /// `None`: the folder of the first theme file.
    pub root: Option<PathBuf>,
    /// Further folders allowed with `--allow-path`.
    pub allowed: Vec<PathBuf>,
}

/// One `key.path = value` override from the command line.
#[derive(Debug, Clone, PartialEq)]
pub struct Override {
    /// The dotted theme key it sets (`fonts.body.size`).
    pub key: String,
    /// The value it sets the key to.
    pub value: Value,
    /// How the user wrote it, for messages ("--set fonts.body.size=10").
    pub origin: String,
}

impl Override {
    /// Parses `key.path=value`; the value is read as TOML (a number, `true`,
    /// `["a", "b"]`) and otherwise taken as text.
    pub fn parse(arg: &str) -> Result<Override, Diagnostic> {
        let Some((key, raw)) = arg.split_once('=') else {
            return Err(Diagnostic::new(format!("--set `{arg}` has no `=`"))
                .with_hint("write --set key.path=value, e.g. --set fonts.body.size=10.5"));
        };
        let key = key.trim().to_string();
        if key.is_empty() || key.split('.').any(str::is_empty) {
            return Err(Diagnostic::new(format!("--set `{arg}`: `{key}` is not a key path")));
        }
        let raw = raw.trim();
        let value = toml::from_str::<Table>(&format!("v = {raw}"))
            .ok()
            .and_then(|mut t| t.remove("v"))
            .unwrap_or_else(|| Value::String(raw.to_string()));
        Ok(Override { key, value, origin: format!("--set {arg}") })
    }

    /// An override of `key` with a value already parsed, written as `origin`
    /// (`--paper letter`).
    pub fn new(key: &str, value: Value, origin: String) -> Override {
        Override { key: key.to_string(), value, origin }
    }
}

impl Theme {
    /// Resolves `--theme`: a built-in name, or a path to a theme file.
    pub fn resolve(name_or_path: &str) -> Result<Theme, Diagnostic> {
        Self::resolve_with(name_or_path, &[])
    }

    /// Resolves a theme and applies overrides in order.
    pub fn resolve_with(name_or_path: &str, overrides: &[Override]) -> Result<Theme, Diagnostic> {
        Self::resolve_confined(name_or_path, overrides, &Confine::default())
    }

    /// [`Theme::resolve_with`], with the files an `extends` names confined
    /// as `confine` says.
    pub fn resolve_confined(
        name_or_path: &str,
        overrides: &[Override],
        confine: &Confine,
    ) -> Result<Theme, Diagnostic> {
        Self::resolve_tracked(name_or_path, overrides, confine).map(|(theme, _)| theme)
    }

    /// [`Theme::resolve_confined`], with every theme file it read (the
    /// theme and each file it `extends`), so that a render can refuse to
    /// write over one.
    pub fn resolve_tracked(
        name_or_path: &str,
        overrides: &[Override],
        confine: &Confine,
    ) -> Result<(Theme, Vec<PathBuf>), Diagnostic> {
        let mut confine = confine.clone();
        if confine.root.is_none() && !is_builtin(name_or_path) {
            let dir = Path::new(name_or_path).parent().filter(|d| !d.as_os_str().is_empty());
            confine.root = Some(dir.unwrap_or(Path::new(".")).to_path_buf());
        }
        let mut files = Vec::new();
        let mut table = layered(name_or_path, 0, &confine, &mut files)?;
        for o in overrides {
            set(&mut table, &o.key, o.value.clone());
            // Check each override on its own, so the message names the right one.
            Theme::from_table(table.clone()).map_err(|e| override_error(&e, o))?;
        }
        let theme =
            Theme::from_table(table).map_err(|e| Diagnostic::new(e.message().to_string()))?;
        theme.check()?;
        Ok((theme, files))
    }

    fn from_table(table: Table) -> Result<Theme, toml::de::Error> {
        Value::Table(table).try_into()
    }

    /// Parses one theme file over the code defaults, and checks its values
    /// (errors carry the file's line and column).
    pub fn parse(text: &str, path: &Path) -> Result<Theme, Diagnostic> {
        let theme: Theme = toml::from_str(text).map_err(|e| {
            let mut d = diag::from_toml_error(&e, text, path);
            // A range error (range.rs) says what the value is; name its key.
            let key = e.span().and_then(|s| crate::model::locate::toml_path_at(text, s.start));
            if let Some(key) = key.filter(|_| super::range::is_range_error(e.message())) {
                d.message = format!("`{key}` {}", d.message);
            }
            d
        })?;
        theme.check().map_err(|e| {
            let key = match &e {
                crate::error::Error::Theme { key, .. } => key.clone(),
                _ => String::new(),
            };
            let leaf = key.rsplit('.').next().unwrap_or(&key);
            let mut d = Diagnostic { hint: None, ..Diagnostic::from(e) }.in_file(path);
            // The key itself where the path leads there, else its first
            // mention (`columns.width` names no one column).
            let exact = crate::model::locate::Locator::new(text, false).span_of(&key);
            let first = find_key(text, leaf).filter(|_| !leaf.is_empty());
            if let Some(span) = exact.or(first.map(|at| at..at + leaf.len())) {
                d = d.at_span(text, span);
            }
            d
        })?;
        Ok(theme)
    }
}

fn is_builtin(name: &str) -> bool {
    BUILTIN.iter().any(|(n, _)| *n == name)
}

/// The theme's text and where it came from.
fn source(name_or_path: &str) -> Result<(String, PathBuf), Diagnostic> {
    if let Some((_, text)) = BUILTIN.iter().find(|(n, _)| *n == name_or_path) {
        return Ok((text.to_string(), PathBuf::from(format!("layouts/{name_or_path}.toml"))));
    }
    let path = Path::new(name_or_path);
    if path.extension().is_some() || path.exists() {
        let cannot =
            |why: String| Diagnostic::new(format!("cannot read theme: {why}")).in_file(path);
        let bytes = crate::input::read_regular(path, MAX_THEME_BYTES).map_err(|e| {
            cannot(e.to_string()).with_hint(
                "a theme is a TOML file of a few kilobytes; `vita themes show classic` prints one",
            )
        })?;
        let text = String::from_utf8(bytes)
            .map_err(|_| cannot("it is not UTF-8 text".into()).with_hint("save it as UTF-8"))?;
        return Ok((text, path.to_path_buf()));
    }
    let names: Vec<&str> = BUILTIN.iter().map(|(n, _)| *n).collect();
    let hint = match diag::did_you_mean(name_or_path, names.iter().copied()) {
        Some(best) => format!("did you mean `{best}`? (`vita themes` lists them)"),
        None => {
            format!("built-in themes: {}; or give a path to a .toml theme file", names.join(", "))
        }
    };
    Err(Diagnostic::new(format!("no theme named `{name_or_path}`")).with_hint(hint))
}

/// The full theme as a TOML table: the file over its base (`extends`, or
/// vita's defaults).
fn layered(
    name_or_path: &str,
    depth: usize,
    confine: &Confine,
    files: &mut Vec<PathBuf>,
) -> Result<Table, Diagnostic> {
    let (text, path) = source(name_or_path)?;
    if !is_builtin(name_or_path) {
        files.push(path.clone());
    }
    // The file alone must make sense: this is where line numbers come from.
    let own = Theme::parse(&text, &path)?;
    let table: Table =
        toml::from_str(&text).map_err(|e| diag::from_toml_error(&e, &text, &path))?;
    let mut base = match &own.extends {
        Some(parent) if depth >= MAX_EXTENDS => {
            return Err(Diagnostic::new(format!(
                "`extends = \"{parent}\"` chains more than {MAX_EXTENDS} themes deep"
            ))
            .in_file(&path)
            .with_hint("themes that extend each other in a loop never end"));
        }
        Some(parent) if is_builtin(parent) => layered(parent, depth + 1, confine, files)?,
        // A file, relative to the theme that names it, inside the confines.
        Some(parent) => {
            let file = extended_file(parent, &path, confine, &text)?;
            layered(&file.to_string_lossy(), depth + 1, confine, files)?
        }
        None => defaults(),
    };
    merge(&mut base, table);
    base.remove("extends");
    Ok(base)
}

/// The file `extends = "{parent}"` names in the theme at `theme`: refused
/// when it lies outside `confine` (before a byte of it is read).
fn extended_file(
    parent: &str,
    theme: &Path,
    confine: &Confine,
    text: &str,
) -> Result<PathBuf, Diagnostic> {
    let dir = theme.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let file = dir.join(parent);
    let root = confine.root.as_deref().unwrap_or(dir);
    let Some(real) = crate::limits::outside(&file, root, &confine.allowed) else {
        return Ok(file);
    };
    let mut d = Diagnostic::new(format!(
        "`extends = \"{parent}\"` names a file outside the theme's folder ({})",
        real.display()
    ))
    .in_file(theme)
    .with_hint(format!(
        "a theme extends a built-in theme or a file beside it; copy the file there, \
         or allow its folder with --allow-path {}",
        real.parent().unwrap_or(&real).display()
    ));
    if let Some(at) = find_key(text, "extends") {
        d = d.at_span(text, at..at + "extends".len());
    }
    Err(d)
}

fn defaults() -> Table {
    match Value::try_from(Theme::default()) {
        Ok(Value::Table(t)) => t,
        _ => Table::new(),
    }
}

/// Lays `over` onto `base`: tables merge key by key, anything else replaces.
fn merge(base: &mut Table, over: Table) {
    for (key, value) in over {
        match (base.get_mut(&key), value) {
            (Some(Value::Table(b)), Value::Table(o)) => merge(b, o),
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}

/// Sets `a.b.c` in a table, creating tables on the way.
fn set(table: &mut Table, key: &str, value: Value) {
    let mut parts: Vec<&str> = key.split('.').collect();
    let last = parts.pop().expect("key paths are non-empty");
    let mut cur = table;
    for part in parts {
        let entry = cur.entry(part.to_string()).or_insert_with(|| Value::Table(Table::new()));
        if !entry.is_table() {
            *entry = Value::Table(Table::new());
        }
        cur = entry.as_table_mut().expect("just made a table");
    }
    cur.insert(last.to_string(), value);
}

fn override_error(e: &toml::de::Error, o: &Override) -> Diagnostic {
    let message = e.message().trim();
    let mut message = message.lines().next().unwrap_or(message).to_string();
    if super::range::is_range_error(&message) {
        message = format!("`{}` {message}", o.key);
    }
    let d = Diagnostic::new(format!("{}: {message}", o.origin));
    match diag::hint_for(&message) {
        Some(h) => d.with_hint(h),
        None => d.with_hint("`vita themes show NAME` prints every key with its current value"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn over(arg: &str) -> Override {
        Override::parse(arg).unwrap()
    }

    #[test]
    fn set_changes_a_nested_key_and_keeps_the_rest() {
        let base = Theme::resolve("classic").unwrap();
        let t = Theme::resolve_with(
            "classic",
            &[over("fonts.body.size=10.5"), over("colors.accent=#8a1c1c")],
        )
        .unwrap();
        assert_eq!(t.fonts.body.size, 10.5);
        assert_eq!(t.colors.accent.to_string(), "#8a1c1c");
        assert_eq!(t.fonts.body.family, base.fonts.body.family);
        assert_eq!(t.text, base.text);
    }

    #[test]
    fn bad_keys_and_types_name_the_override_and_the_choices() {
        let e = Theme::resolve_with("classic", &[over("fonts.body.sise=10")]).unwrap_err();
        assert!(e.message.starts_with("--set fonts.body.sise=10: unknown field `sise`"), "{e}");
        assert_eq!(e.hint.as_deref(), Some("did you mean `size`?"));
        let e = Theme::resolve_with("classic", &[over("fonts.body.size=big")]).unwrap_err();
        assert!(
            e.message.contains("fonts.body.size=big") && e.message.contains("invalid type"),
            "{e}"
        );
        let e = Theme::resolve_with("classic", &[over("fnts.body.size=10")]).unwrap_err();
        assert_eq!(e.hint.as_deref(), Some("did you mean `fonts`?"));
        assert!(Override::parse("no-equals").is_err());
        assert!(Theme::resolve_with("classic", &[over("fonts.body.size=-3")]).is_err());
    }

    #[test]
    fn a_theme_file_extends_a_builtin() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mine.toml");
        std::fs::write(
            &path,
            "extends = \"modern\"\nname = \"mine\"\n[colors]\naccent = \"#112233\"\n",
        )
        .unwrap();
        let t = Theme::resolve(path.to_str().unwrap()).unwrap();
        let modern = Theme::resolve("modern").unwrap();
        assert_eq!(t.name, "mine");
        assert_eq!(t.colors.accent.to_string(), "#112233");
        assert_eq!(t.fonts, modern.fonts, "everything else comes from modern");
        assert_eq!(t.colors.text, modern.colors.text);
        // A loop is refused, not followed forever.
        std::fs::write(&path, "extends = \"mine.toml\"\n").unwrap();
        assert!(Theme::resolve(path.to_str().unwrap()).unwrap_err().message.contains("chains"));
    }

    #[test]
    fn a_shown_theme_reads_back_as_the_same_theme() {
        for (name, _) in BUILTIN {
            let t = Theme::resolve(name).unwrap();
            let text = toml::to_string(&t).unwrap();
            assert_eq!(Theme::parse(&text, Path::new("shown.toml")).unwrap(), t, "{name}");
        }
    }
}
