//! PDF/A (ISO 19005-2): what an archival file adds to vita's PDF. The
//! XMP metadata packet, which repeats the document information and names
//! the part and conformance level, and an sRGB output intent with its ICC
//! profile, which gives the file's DeviceRGB colours a meaning. The rest
//! of what PDF/A-2 asks, vita's PDFs already do: every font embedded
//! (subset) with a ToUnicode map, no encryption, no JavaScript or external
//! content, a trailer /ID, and links printable (/F 4, set for every PDF).
//! Level A also asks for the structure tree, so it needs tagging.

use super::Metadata;

/// A PDF/A conformance level of part 2 (`--pdf-standard`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Standard {
    /// PDF/A-2b: looks the same wherever and whenever it is opened.
    #[value(name = "a-2b")]
    A2b,
    /// PDF/A-2u: also, every character maps to Unicode (text extracts).
    #[value(name = "a-2u")]
    A2u,
    /// PDF/A-2a: also, tagged: a structure tree in reading order.
    #[value(name = "a-2a")]
    A2a,
}

impl Standard {
    /// The conformance letter in the XMP (`pdfaid:conformance`).
    fn letter(self) -> &'static str {
        match self {
            Standard::A2b => "B",
            Standard::A2u => "U",
            Standard::A2a => "A",
        }
    }
}

/// The XMP packet: the document information as Dublin Core, XMP and PDF
/// properties (the same values as the Info dictionary), with the PDF/A
/// identification. `date` is the creation and modification date, in
/// ISO 8601 (UTC).
pub(super) fn xmp(meta: &Metadata, standard: Standard, date: &str) -> Vec<u8> {
    let e = crate::export::xml_escape;
    let producer = format!("vita {}", env!("CARGO_PKG_VERSION"));
    let keywords = meta.keywords.join(", ");
    let language = if meta.language.is_empty() { "x-default" } else { &meta.language };
    let mut x = String::with_capacity(2048);
    x.push_str("<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
    x.push_str("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n");
    x.push_str("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
    x.push_str("<rdf:Description rdf:about=\"\"\n");
    x.push_str(" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n");
    x.push_str(" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n");
    x.push_str(" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n");
    x.push_str(" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n");
    x.push_str(&format!(
        "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:title>\n",
        e(&meta.title)
    ));
    x.push_str(&format!(
        "<dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>\n",
        e(&meta.author)
    ));
    x.push_str(&format!(
        "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:description>\n",
        e(&meta.subject)
    ));
    x.push_str(&format!(
        "<dc:language><rdf:Bag><rdf:li>{}</rdf:li></rdf:Bag></dc:language>\n",
        e(language)
    ));
    x.push_str("<dc:format>application/pdf</dc:format>\n");
    x.push_str(&format!("<pdf:Keywords>{}</pdf:Keywords>\n", e(&keywords)));
    x.push_str(&format!("<pdf:Producer>{}</pdf:Producer>\n", e(&producer)));
    x.push_str("<xmp:CreatorTool>vita</xmp:CreatorTool>\n");
    x.push_str(&format!("<xmp:CreateDate>{date}</xmp:CreateDate>\n"));
    x.push_str(&format!("<xmp:ModifyDate>{date}</xmp:ModifyDate>\n"));
    x.push_str(&format!("<xmp:MetadataDate>{date}</xmp:MetadataDate>\n"));
    x.push_str("<pdfaid:part>2</pdfaid:part>\n");
    x.push_str(&format!("<pdfaid:conformance>{}</pdfaid:conformance>\n", standard.letter()));
    x.push_str("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n");
    x.push_str("<?xpacket end=\"w\"?>");
    x.into_bytes()
}

/// The ICC profile's name, as the output intent names its condition.
pub(super) const SRGB: &str = "sRGB IEC61966-2.1";

/// An ICC version 2 display profile for sRGB, built from the facts of
/// IEC 61966-2-1: its primaries adapted to the D50 connection space
/// (Bradford), D50 as the white point, and the sRGB transfer curve
/// sampled at 1024 points.
pub(super) fn srgb_profile() -> Vec<u8> {
    let xyz = |v: [f64; 3]| -> Vec<u8> {
        let mut t = b"XYZ \0\0\0\0".to_vec();
        for c in v {
            t.extend(((c * 65536.0).round() as i32).to_be_bytes());
        }
        t
    };
    let mut desc = b"desc\0\0\0\0".to_vec();
    desc.extend((SRGB.len() as u32 + 1).to_be_bytes());
    desc.extend(SRGB.as_bytes());
    desc.push(0);
    // No Unicode or ScriptCode description: their counts are 0.
    desc.extend([0u8; 4 + 4 + 2 + 1 + 67]);
    let mut cprt = b"text\0\0\0\0".to_vec();
    cprt.extend(b"No copyright: built by vita from IEC 61966-2-1\0");
    let mut curve = b"curv\0\0\0\0".to_vec();
    const POINTS: u32 = 1024;
    curve.extend(POINTS.to_be_bytes());
    for i in 0..POINTS {
        let v = f64::from(i) / f64::from(POINTS - 1);
        let linear = if v <= 0.04045 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) };
        curve.extend(((linear * 65535.0).round() as u16).to_be_bytes());
    }
    let tags: [(&[u8; 4], Vec<u8>); 6] = [
        (b"desc", desc),
        (b"cprt", cprt),
        (b"wtpt", xyz([0.9642, 1.0, 0.8249])),
        (b"rXYZ", xyz([0.436_074_7, 0.222_504_5, 0.013_932_2])),
        (b"gXYZ", xyz([0.385_064_9, 0.716_878_6, 0.097_104_5])),
        (b"bXYZ", xyz([0.143_080_4, 0.060_616_9, 0.714_173_3])),
    ];
    // The three channels share one curve.
    let count = tags.len() + 3;
    let mut data: Vec<u8> = Vec::new();
    let mut table: Vec<u8> = Vec::new();
    let base = 128 + 4 + 12 * count;
    let mut place = |sig: &[u8; 4], bytes: &[u8], data: &mut Vec<u8>| {
        let at = base + data.len();
        table.extend(sig);
        table.extend((at as u32).to_be_bytes());
        table.extend((bytes.len() as u32).to_be_bytes());
        data.extend(bytes);
        while !data.len().is_multiple_of(4) {
            data.push(0);
        }
        at
    };
    for (sig, bytes) in &tags {
        place(sig, bytes, &mut data);
    }
    let at = place(b"rTRC", &curve, &mut data);
    for sig in [b"gTRC", b"bTRC"] {
        table.extend(sig);
        table.extend((at as u32).to_be_bytes());
        table.extend((curve.len() as u32).to_be_bytes());
    }
    let size = base + data.len();
    let mut header = vec![0u8; 128];
    header[0..4].copy_from_slice(&(size as u32).to_be_bytes());
    header[8..12].copy_from_slice(&[2, 0x10, 0, 0]); // version 2.1
    header[12..16].copy_from_slice(b"mntr");
    header[16..20].copy_from_slice(b"RGB ");
    header[20..24].copy_from_slice(b"XYZ ");
    // 2000-01-01 00:00:00, like the PDF's fixed date.
    header[24..26].copy_from_slice(&2000u16.to_be_bytes());
    header[26..28].copy_from_slice(&1u16.to_be_bytes());
    header[28..30].copy_from_slice(&1u16.to_be_bytes());
    header[36..40].copy_from_slice(b"acsp");
    for (i, c) in [0.9642f64, 1.0, 0.8249].into_iter().enumerate() {
        let at = 68 + 4 * i;
        header[at..at + 4].copy_from_slice(&((c * 65536.0).round() as i32).to_be_bytes());
    }
    let mut out = header;
    out.extend((count as u32).to_be_bytes());
    out.extend(table);
    out.extend(data);
    debug_assert_eq!(out.len(), size);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_profile_is_a_well_formed_icc_header_and_tag_table() {
        let p = srgb_profile();
        let u32_at = |i: usize| u32::from_be_bytes(p[i..i + 4].try_into().unwrap());
        assert_eq!(u32_at(0) as usize, p.len());
        assert_eq!(&p[36..40], b"acsp");
        assert_eq!(&p[12..24], b"mntrRGB XYZ ");
        let count = u32_at(128) as usize;
        assert_eq!(count, 9);
        let mut sigs = Vec::new();
        for t in 0..count {
            let at = 132 + 12 * t;
            let (offset, size) = (u32_at(at + 4) as usize, u32_at(at + 8) as usize);
            assert!(offset % 4 == 0 && offset + size <= p.len(), "tag {t} out of the profile");
            // Every tag's data starts with its type signature.
            let kind = &p[offset..offset + 4];
            assert!([&b"desc"[..], b"text", b"XYZ ", b"curv"].contains(&kind), "{kind:?}");
            sigs.push(String::from_utf8(p[at..at + 4].to_vec()).unwrap());
        }
        for need in ["desc", "cprt", "wtpt", "rXYZ", "gXYZ", "bXYZ", "rTRC", "gTRC", "bTRC"] {
            assert!(sigs.iter().any(|s| s == need), "no {need}");
        }
    }

    #[test]
    fn xmp_escapes_what_xml_would_read_as_markup() {
        let meta =
            Metadata { title: "A <b> & \"C\"".into(), author: "Zoë".into(), ..Default::default() };
        let x = String::from_utf8(xmp(&meta, Standard::A2u, "2000-01-01T00:00:00Z")).unwrap();
        assert!(x.contains("A &lt;b&gt; &amp; &quot;C&quot;"), "{x}");
        assert!(x.contains("<pdfaid:conformance>U</pdfaid:conformance>"));
        assert!(x.contains("<rdf:li>Zoë</rdf:li>"));
    }
}
