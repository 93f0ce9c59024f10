//! Valid ranges, declared on the fields they guard. A theme field that has
//! a range names it in its serde attribute, beside its declaration:
//!
//! ```text
//! #[serde(deserialize_with = "Range::<4, 96>::points")]
//! pub size: f32,
//! ```
//!
//! The value is checked as it is read, so an out-of-range number (NaN and
//! the infinities included) is a toml error that carries the value's own
//! line and column in the theme file, or names the `--set` that gave it.
//! Checks that relate several fields (margins that leave no page, columns
//! that do not fit) stay in `check.rs`.

use super::units::Mm;
use serde::Deserialize;
use serde::de::{Deserializer, Error};

/// The closed range `LO..=HI`, in the unit its reader names: whole points
/// or millimetres, a percentage, or a count. A factor (`share`) gives its
/// bounds in hundredths, so `Range::<80, 400>::share` is 0.8 to 4.
pub(super) struct Range<const LO: i32, const HI: i32>;

impl<const LO: i32, const HI: i32> Range<LO, HI> {
    /// A length in points: a [`Pt`](super::units::Pt), or a type size.
    pub(super) fn points<'de, D: Deserializer<'de>, T: From<f32>>(d: D) -> Result<T, D::Error> {
        within(f32::deserialize(d)?, LO as f32, HI as f32, "points").map(T::from)
    }

    /// A length in millimetres.
    pub(super) fn mm<'de, D: Deserializer<'de>>(d: D) -> Result<Mm, D::Error> {
        within(f32::deserialize(d)?, LO as f32, HI as f32, "millimetres").map(Mm)
    }

    /// An optional length in millimetres (absent is always valid).
    pub(super) fn opt_mm<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Mm>, D::Error> {
        Self::mm(d).map(Some)
    }

    /// A percentage, written as one (`68` for 68 %).
    pub(super) fn percent<'de, D: Deserializer<'de>>(d: D) -> Result<f32, D::Error> {
        within(f32::deserialize(d)?, LO as f32, HI as f32, "percent")
    }

    /// A factor, written as one (`1.2`); the bounds are in hundredths.
    pub(super) fn share<'de, D: Deserializer<'de>>(d: D) -> Result<f32, D::Error> {
        within(f32::deserialize(d)?, LO as f32 / 100.0, HI as f32 / 100.0, "times")
    }

    /// A length in ems of the text's size; the bounds are in hundredths.
    pub(super) fn ems<'de, D: Deserializer<'de>>(d: D) -> Result<f32, D::Error> {
        within(f32::deserialize(d)?, LO as f32 / 100.0, HI as f32 / 100.0, "em")
    }

    /// A whole number of letters.
    pub(super) fn letters<'de, D: Deserializer<'de>>(d: D) -> Result<usize, D::Error> {
        let v = usize::deserialize(d)?;
        match (LO.max(0) as usize..=HI.max(0) as usize).contains(&v) {
            true => Ok(v),
            false => Err(D::Error::custom(format!("is {v}; give {LO} to {HI} letters"))),
        }
    }
}

/// Whether a toml error's `message` is one of this module's, which the
/// key it is about reads well before: "`fonts.body.size` is 120; give …".
pub(super) fn is_range_error(message: &str) -> bool {
    message.starts_with("is ") && message.contains("; give ")
}

/// `v` when it is a real number from `lo` to `hi`, else the error a user
/// reads after the key: "is 120; give 4 to 96 points".
fn within<E: Error>(v: f32, lo: f32, hi: f32, unit: &str) -> Result<f32, E> {
    if v.is_finite() && (lo..=hi).contains(&v) {
        return Ok(v);
    }
    let shown = if v.abs() >= 1e6 { format!("{v:e}") } else { v.to_string() };
    Err(E::custom(format!("is {shown}; give {lo} to {hi} {unit}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Sample {
        #[serde(default, deserialize_with = "Range::<4, 96>::points")]
        size: f32,
        #[serde(default, deserialize_with = "Range::<80, 400>::share")]
        leading: f32,
        #[serde(default, deserialize_with = "Range::<50, 1200>::opt_mm")]
        width: Option<Mm>,
    }

    fn read(text: &str) -> Result<Sample, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    #[test]
    fn values_inside_pass_and_outside_fail_at_their_line() {
        let ok = read("size = 10\nleading = 1.25\nwidth = 210\n").unwrap();
        assert_eq!((ok.size, ok.leading, ok.width), (10.0, 1.25, Some(Mm(210.0))));
        let e = read("size = 10\nleading = 5\n").unwrap_err();
        assert!(e.contains("line 2") && e.contains("is 5; give 0.8 to 4"), "{e}");
        let e = read("size = 120\n").unwrap_err();
        assert!(e.contains("line 1") && e.contains("give 4 to 96 points"), "{e}");
        let e = read("size = nan\n").unwrap_err();
        assert!(e.contains("is NaN; give 4 to 96"), "{e}");
        assert!(read("width = 20\n").unwrap_err().contains("give 50 to 1200 millimetres"));
        assert!(read("size = -inf\n").is_err());
    }
}
