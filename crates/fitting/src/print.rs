//! Printed goods: is an uploaded image sharp enough at the size it will be printed?
//!
//! The effective resolution is the image's pixels over the print's inches, on the axis
//! that has fewer (the image is scaled to cover the print area). At 300 dpi or more a
//! print is good, from 150 it is acceptable with a warning, below 150 it is refused.

use crate::Error;
use crate::units::MM_PER_INCH;

/// At or above this, a print is good.
pub const GOOD_DPI: u32 = 300;
/// Below this, a print is refused.
pub const MIN_DPI: u32 = 150;

/// What the check found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PrintCheck {
    /// Effective dots per inch at the print size (rounded down).
    pub dpi: u32,
    /// Good, acceptable with a warning, or too low.
    pub quality: PrintQuality,
    /// Whether the image may be printed (at least [`MIN_DPI`]).
    pub ok: bool,
    /// Whether the image has the print area's proportions (within 2 %), so covering
    /// the area crops nothing that shows.
    pub fits: bool,
}

/// The resolution class of a print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PrintQuality {
    /// Below [`MIN_DPI`].
    TooLow,
    /// From [`MIN_DPI`] to below [`GOOD_DPI`]: prints, somewhat soft.
    Warn,
    /// [`GOOD_DPI`] or more.
    Good,
}

/// Checks an image of `image_px` (width, height) printed over `print_mm` (width, height).
pub fn check_print(image_px: (u32, u32), print_mm: (u32, u32)) -> Result<PrintCheck, Error> {
    let ((w_px, h_px), (w_mm, h_mm)) = (image_px, print_mm);
    if w_px == 0 || h_px == 0 {
        return Err(Error::ZeroSize("image"));
    }
    if w_mm == 0 || h_mm == 0 {
        return Err(Error::ZeroSize("print area"));
    }
    let per_inch = |px: u32, mm: u32| f64::from(px) * MM_PER_INCH / f64::from(mm);
    let dpi = per_inch(w_px, w_mm).min(per_inch(h_px, h_mm)).floor();
    // At most u32::MAX × 25.4 per inch, so the saturating cast only caps absurd values.
    let dpi = dpi as u32;
    let quality = if dpi >= GOOD_DPI {
        PrintQuality::Good
    } else if dpi >= MIN_DPI {
        PrintQuality::Warn
    } else {
        PrintQuality::TooLow
    };
    let (a, b) = (
        u64::from(w_px) * u64::from(h_mm),
        u64::from(h_px) * u64::from(w_mm),
    );
    let fits = 50 * a.abs_diff(b) <= a.max(b);
    Ok(PrintCheck {
        dpi,
        quality,
        ok: dpi >= MIN_DPI,
        fits,
    })
}

impl PrintQuality {
    /// The stable code used on the wire.
    pub const fn code(self) -> &'static str {
        match self {
            PrintQuality::TooLow => "too_low",
            PrintQuality::Warn => "warn",
            PrintQuality::Good => "good",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolution_is_judged_at_the_print_size() {
        let check =
            |px: (u32, u32), mm: (u32, u32), dpi: u32, quality: PrintQuality, fits: bool| {
                let found = check_print(px, mm).unwrap();
                assert_eq!(
                    (found.dpi, found.quality, found.fits),
                    (dpi, quality, fits),
                    "{px:?} at {mm:?}"
                );
                assert_eq!(found.ok, quality != PrintQuality::TooLow);
            };
        // A3 (297 × 420 mm) at 300 dpi is 3508 × 4961 px.
        check((3508, 4961), (297, 420), 300, PrintQuality::Good, true);
        check((1754, 2480), (297, 420), 149, PrintQuality::TooLow, true);
        check((2480, 3508), (297, 420), 212, PrintQuality::Warn, true);
        // 10 cm wide needs 1181 px for 300 dpi.
        check((1181, 1181), (100, 100), 299, PrintQuality::Warn, true);
        check((1182, 1182), (100, 100), 300, PrintQuality::Good, true);
        check((4000, 3000), (100, 100), 762, PrintQuality::Good, false);
        assert_eq!(
            check_print((0, 10), (10, 10)),
            Err(Error::ZeroSize("image"))
        );
        assert_eq!(
            check_print((10, 10), (10, 0)),
            Err(Error::ZeroSize("print area"))
        );
    }
}
