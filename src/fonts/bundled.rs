//! The faces vita ships, embedded in the binary (licences beside them in
//! `fonts/`), so that any Latin, Greek or Cyrillic résumé renders on a
//! machine with no fonts at all. They hold the registry's first numbers.

use super::registry::{FaceInfo, Origin};

/// One bundled face.
pub struct BundledFace {
    /// The family name a theme asks for (`Charis SIL`).
    pub family: &'static str,
    /// Whether this is the family's bold weight.
    pub bold: bool,
    /// Whether this is the family's italic style.
    pub italic: bool,
    /// The PostScript name, used for the PDF's /BaseFont.
    pub postscript_name: &'static str,
    /// The TrueType file, embedded in the binary.
    pub data: &'static [u8],
}

impl BundledFace {
    /// The face as the registry holds it.
    pub(super) fn info(&self) -> FaceInfo {
        FaceInfo::new(
            self.family.to_string(),
            self.bold,
            self.italic,
            self.postscript_name.to_string(),
            (self.data, 0, None),
            Origin::Bundled,
        )
    }
}

macro_rules! face {
    ($family:literal, $bold:literal, $italic:literal, $ps:literal, $file:literal) => {
        BundledFace {
            family: $family,
            bold: $bold,
            italic: $italic,
            postscript_name: $ps,
            data: include_bytes!(concat!("../../fonts/", $file)),
        }
    };
}

/// Every face vita ships. Licences sit beside the files in `fonts/`.
pub static BUNDLED: [BundledFace; 19] = [
    face!("Charis SIL", false, false, "CharisSIL", "charis/CharisSIL-Regular.ttf"),
    face!("Charis SIL", true, false, "CharisSIL-Bold", "charis/CharisSIL-Bold.ttf"),
    face!("Charis SIL", false, true, "CharisSIL-Italic", "charis/CharisSIL-Italic.ttf"),
    face!("Charis SIL", true, true, "CharisSIL-BoldItalic", "charis/CharisSIL-BoldItalic.ttf"),
    face!("Lato", false, false, "Lato-Regular", "lato/Lato-Regular.ttf"),
    face!("Lato", true, false, "Lato-Bold", "lato/Lato-Bold.ttf"),
    face!("Lato", false, true, "Lato-Italic", "lato/Lato-Italic.ttf"),
    face!("Lato", true, true, "Lato-BoldItalic", "lato/Lato-BoldItalic.ttf"),
    face!("EB Garamond", false, false, "EBGaramond-Regular", "ebgaramond/EBGaramond-Regular.ttf"),
    face!("EB Garamond", true, false, "EBGaramond-Bold", "ebgaramond/EBGaramond-Bold.ttf"),
    face!("EB Garamond", false, true, "EBGaramond-Italic", "ebgaramond/EBGaramond-Italic.ttf"),
    face!(
        "EB Garamond",
        true,
        true,
        "EBGaramond-BoldItalic",
        "ebgaramond/EBGaramond-BoldItalic.ttf"
    ),
    face!("Noto Sans", false, false, "NotoSans-Regular", "noto/NotoSans-Regular.ttf"),
    face!("Noto Sans", true, false, "NotoSans-Bold", "noto/NotoSans-Bold.ttf"),
    face!("Noto Sans", false, true, "NotoSans-Italic", "noto/NotoSans-Italic.ttf"),
    face!("Noto Sans", true, true, "NotoSans-BoldItalic", "noto/NotoSans-BoldItalic.ttf"),
    face!("Noto Sans Mono", false, false, "NotoSansMono-Regular", "noto/NotoSansMono-Regular.ttf"),
    face!("Noto Sans Mono", true, false, "NotoSansMono-Bold", "noto/NotoSansMono-Bold.ttf"),
    face!("Font Awesome", false, false, "FontAwesome", "fontawesome/FontAwesome.ttf"),
];
