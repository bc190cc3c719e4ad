//! Artwork for printed goods: refuse what would hurt the phone before decoding it, find
//! the print area, and pick the size the browser downscales to.
//!
//! The browser decodes and downscales (`createImageBitmap`), never wasm; this module only
//! reads the pixel size from the file's first bytes, so a 100-megapixel photo is refused
//! before anything allocates a canvas for it (iOS refuses canvases over 16,777,216 px).

use std::collections::BTreeMap;

/// Files larger than this are refused unread.
pub const MAX_FILE_BYTES: f64 = 40.0 * 1024.0 * 1024.0;
/// Images with more pixels than this are refused undecoded.
pub const MAX_PIXELS: u64 = 16_777_216;
/// The longest side of the pixels handed to the preview.
pub const MAX_SIDE: u32 = 1024;
/// How many bytes of a file [`image_size`] needs at most (JPEG metadata may come first).
pub const HEADER_BYTES: i32 = 256 * 1024;

/// The pixel size in an image file's header: PNG, GIF, JPEG, WebP and BMP.
pub fn image_size(head: &[u8]) -> Option<(u32, u32)> {
    let be32 = |at: usize| {
        head.get(at..at + 4)
            .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    };
    let le16 = |at: usize| {
        head.get(at..at + 2)
            .map(|b| u32::from(b[0]) | u32::from(b[1]) << 8)
    };
    let le24 = |at: usize| {
        head.get(at..at + 3)
            .map(|b| u32::from(b[0]) | u32::from(b[1]) << 8 | u32::from(b[2]) << 16)
    };
    let le32 = |at: usize| {
        head.get(at..at + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    };
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some((be32(16)?, be32(20)?));
    }
    if head.starts_with(b"GIF8") {
        return Some((le16(6)?, le16(8)?));
    }
    if head.starts_with(b"BM") {
        let height = le32(22)? as i32;
        return Some((le32(18)?, height.unsigned_abs()));
    }
    if head.starts_with(b"RIFF") && head.get(8..12) == Some(b"WEBP") {
        return match head.get(12..16)? {
            b"VP8 " => Some((le16(26)? & 0x3fff, le16(28)? & 0x3fff)),
            b"VP8L" => {
                let bits = le32(21)?;
                Some(((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1))
            }
            b"VP8X" => Some((le24(24)? + 1, le24(27)? + 1)),
            _ => None,
        };
    }
    if head.starts_with(&[0xff, 0xd8]) {
        let mut at = 2;
        while at + 9 < head.len() {
            if head[at] != 0xff {
                return None;
            }
            let marker = head[at + 1];
            if marker == 0xff {
                at += 1;
                continue;
            }
            let length = usize::from(head[at + 2]) << 8 | usize::from(head[at + 3]);
            let is_frame = matches!(marker, 0xc0..=0xcf) && !matches!(marker, 0xc4 | 0xc8 | 0xcc);
            if is_frame {
                let height = u32::from(head[at + 5]) << 8 | u32::from(head[at + 6]);
                let width = u32::from(head[at + 7]) << 8 | u32::from(head[at + 8]);
                return Some((width, height));
            }
            at += 2 + length;
        }
    }
    None
}

/// The size to downscale to: the longest side at most [`MAX_SIDE`], proportions kept.
pub fn downscaled(width: u32, height: u32) -> (u32, u32) {
    let longest = width.max(height).max(1);
    if longest <= MAX_SIDE {
        return (width.max(1), height.max(1));
    }
    let scale = |side: u32| {
        let scaled = u64::from(side) * u64::from(MAX_SIDE) / u64::from(longest);
        u32::try_from(scaled).unwrap_or(MAX_SIDE).max(1)
    };
    (scale(width), scale(height))
}

/// The area a printed product prints the traveller's artwork on, in millimetres, and
/// its name (`A3`); `None` for goods that take no artwork.
pub fn print_area(
    product_code: &str,
    options: &BTreeMap<String, String>,
) -> Option<((u32, u32), &'static str)> {
    match product_code {
        "seoul-map-print" => Some(match options.get("size").map(String::as_str) {
            Some("a2") => ((420, 594), "A2"),
            _ => ((297, 420), "A3"),
        }),
        "letterpress-cards" => Some(((148, 105), "A6")),
        "hanji-notebook" => Some(((148, 210), "A5")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_give_the_pixel_size_without_decoding() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&6000u32.to_be_bytes());
        png.extend_from_slice(&4000u32.to_be_bytes());
        assert_eq!(image_size(&png), Some((6000, 4000)));

        let gif = b"GIF89a\x40\x01\xf0\x00";
        assert_eq!(image_size(gif), Some((320, 240)));

        // JPEG: SOI, an APP1 segment of 16 bytes, then SOF0 with 3000 × 4000.
        let mut jpeg = vec![0xff, 0xd8, 0xff, 0xe1, 0x00, 0x10];
        jpeg.extend_from_slice(&[0; 14]);
        jpeg.extend_from_slice(&[0xff, 0xc0, 0x00, 0x11, 0x08, 0x0f, 0xa0, 0x0b, 0xb8, 0x03]);
        assert_eq!(image_size(&jpeg), Some((3000, 4000)));

        let mut webp = b"RIFF\0\0\0\0WEBPVP8X".to_vec();
        webp.extend_from_slice(&[0; 8]);
        webp.extend_from_slice(&[0x7f, 0x0c, 0x00, 0xff, 0x07, 0x00]); // 3200 × 2048
        assert_eq!(image_size(&webp), Some((3200, 2048)));

        assert_eq!(image_size(b"not an image"), None);
        assert_eq!(image_size(&png[..18]), None, "truncated");
    }

    #[test]
    fn large_images_are_downscaled_to_the_preview_limit() {
        assert_eq!(downscaled(6000, 4000), (1024, 682));
        assert_eq!(downscaled(300, 5000), (61, 1024));
        assert_eq!(downscaled(800, 600), (800, 600));
        assert_eq!(downscaled(0, 0), (1, 1));
    }

    #[test]
    fn printed_goods_have_print_areas() {
        let a2 = BTreeMap::from([("size".to_owned(), "a2".to_owned())]);
        assert_eq!(print_area("seoul-map-print", &a2), Some(((420, 594), "A2")));
        assert_eq!(
            print_area("seoul-map-print", &BTreeMap::new()),
            Some(((297, 420), "A3"))
        );
        assert_eq!(print_area("card-wallet", &BTreeMap::new()), None);
    }
}
