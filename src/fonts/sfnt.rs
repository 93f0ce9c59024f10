//! Writing an sfnt (TrueType or OpenType) file from its tables: the table
//! directory, each table padded to four bytes, and the checksums, whole
//! file included. Shared by the PDF's font subsets and the HTML page's.

/// An sfnt of `tables` (sorted by tag) with the version tag `flavor`
/// (`00 01 00 00` for TrueType outlines, `OTTO` for CFF), its checksums
/// set: each table's in the directory, and the whole file's in `head`.
pub(crate) fn assemble(flavor: &[u8], tables: &[([u8; 4], Vec<u8>)]) -> Vec<u8> {
    let count = tables.len();
    let power = 1usize << (usize::BITS - 1 - count.max(1).leading_zeros());
    let mut out: Vec<u8> = flavor.to_vec();
    for v in [count, power * 16, power.trailing_zeros() as usize, (count - power) * 16] {
        out.extend((v as u16).to_be_bytes());
    }
    let mut offset = 12 + 16 * count;
    let mut head_at = None;
    for (tag, data) in tables {
        out.extend(tag);
        // `head`'s own checksum is taken with its adjustment at zero.
        let sum = match tag == b"head" && data.len() >= 12 {
            true => {
                head_at = Some(offset + 8);
                let mut zeroed = data.clone();
                zeroed[8..12].fill(0);
                checksum(&zeroed)
            }
            false => checksum(data),
        };
        out.extend(sum.to_be_bytes());
        out.extend((offset as u32).to_be_bytes());
        out.extend((data.len() as u32).to_be_bytes());
        offset += data.len().next_multiple_of(4);
    }
    for (tag, data) in tables {
        let start = out.len();
        out.extend(data);
        if tag == b"head" && data.len() >= 12 {
            out[start + 8..start + 12].fill(0);
        }
        out.resize(out.len().next_multiple_of(4), 0);
    }
    if let Some(at) = head_at {
        let adjust = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
        out[at..at + 4].copy_from_slice(&adjust.to_be_bytes());
    }
    out
}

/// The sfnt checksum: the sum of big-endian 32-bit words, the last one
/// zero-padded.
pub(crate) fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, c| {
        let mut w = [0u8; 4];
        w[..c.len()].copy_from_slice(c);
        sum.wrapping_add(u32::from_be_bytes(w))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_whole_file_sums_to_the_magic_number() {
        let head = {
            let mut h = vec![0u8; 54];
            h[8..12].copy_from_slice(&[1, 2, 3, 4]); // a stale adjustment
            h
        };
        let tables = [(*b"cmap", vec![1, 2, 3]), (*b"head", head), (*b"maxp", vec![9; 6])];
        let font = assemble(&[0, 1, 0, 0], &tables);
        assert_eq!(checksum(&font), 0xB1B0_AFBA);
        assert_eq!(font.len() % 4, 0);
        assert_eq!(u16::from_be_bytes([font[4], font[5]]), 3);
    }
}
