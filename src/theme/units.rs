//! Lengths with their unit in the type. Page geometry is written in
//! millimetres ([`Mm`]); spacing, rules and indents in points ([`Pt`]),
//! the unit layout works in. A field of one can no longer be used as the
//! other: [`Mm::pt`] and [`Pt::get`] are the ways across to the plain
//! points of layout. Type sizes are points by convention and stay plain
//! numbers, as `Style.size` carries them everywhere.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::{Add, Mul, Sub};

/// A length in millimetres, as a theme writes margins, the page, the
/// photo, the gap between columns and the rail. In a theme file it is a
/// plain number (`margin_left = 18`).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default, Deserialize, Serialize)]
#[serde(transparent)]
pub struct Mm(pub f32);

impl Mm {
    /// The length in PostScript points (72 to the inch).
    pub fn pt(self) -> f32 {
        self.0 * 72.0 / 25.4
    }

    /// Whether it is a real number (not NaN or infinite).
    pub fn is_finite(self) -> bool {
        self.0.is_finite()
    }
}

/// A length in points (1/72 inch), as a theme writes spacing, rules and
/// indents. In a theme file it is a plain number (`paragraph = 3`).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default, Deserialize, Serialize)]
#[serde(transparent)]
pub struct Pt(pub f32);

impl Pt {
    /// The length in points, as layout computes with it.
    pub fn get(self) -> f32 {
        self.0
    }
}

impl Mul<f32> for Pt {
    type Output = Pt;
    fn mul(self, k: f32) -> Pt {
        Pt(self.0 * k)
    }
}

impl From<f32> for Pt {
    fn from(v: f32) -> Pt {
        Pt(v)
    }
}

impl From<f32> for Mm {
    fn from(v: f32) -> Mm {
        Mm(v)
    }
}

impl Add for Mm {
    type Output = Mm;
    fn add(self, other: Mm) -> Mm {
        Mm(self.0 + other.0)
    }
}

impl Sub for Mm {
    type Output = Mm;
    fn sub(self, other: Mm) -> Mm {
        Mm(self.0 - other.0)
    }
}

impl Mul<f32> for Mm {
    type Output = Mm;
    fn mul(self, k: f32) -> Mm {
        Mm(self.0 * k)
    }
}

impl fmt::Display for Mm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match f.precision() {
            Some(p) => write!(f, "{:.*} mm", p, self.0),
            None => write!(f, "{} mm", self.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn millimetres_convert_to_points_and_read_as_plain_numbers() {
        assert!((Mm(25.4).pt() - 72.0).abs() < 1e-4);
        let m: Mm =
            toml::from_str::<toml::Table>("m = 18").unwrap()["m"].clone().try_into().unwrap();
        assert_eq!(m, Mm(18.0));
        assert_eq!(format!("{:.1}", Mm(12.25)), "12.2 mm");
    }
}
