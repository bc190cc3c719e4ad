//! The one error type of the preview renderer: each refusal names what it is about.

/// Why a preview could not be drawn. Each variant names the code, group, value or
/// character concerned, so the server can point at the field and the widget can say
/// what to change.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// A name that is not one of the known codes (an art kind or a texture).
    #[error("{kind} {given:?} is not one of: {expected}")]
    UnknownName {
        /// What kind of name.
        kind: &'static str,
        /// The text given.
        given: String,
        /// The accepted names, comma separated.
        expected: &'static str,
    },
    /// A swatch that is not written `#rrggbb:texture`.
    #[error("swatch {given:?} is not written #rrggbb:texture ({reason})")]
    BadSwatch {
        /// The text given.
        given: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The configuration has no value for an option group the look needs.
    #[error("the configuration has no value for option group {group:?}")]
    MissingValue {
        /// The option group code.
        group: String,
    },
    /// The look has no swatch for a chosen option value.
    #[error("option group {group:?} has no swatch for value {value:?}")]
    MissingSwatch {
        /// The option group code.
        group: String,
        /// The chosen value code.
        value: String,
    },
    /// A monogram character the bundled font cannot draw.
    #[error("the monogram font has no glyph for {character:?}")]
    MissingGlyph {
        /// The character concerned.
        character: char,
    },
    /// A preview size outside the range the renderer draws.
    #[error("preview size {given} px is outside {min}..={max} px")]
    BadSize {
        /// The size asked for.
        given: u32,
        /// The smallest size drawn.
        min: u32,
        /// The largest size drawn.
        max: u32,
    },
    /// Artwork whose pixel buffer does not match its dimensions, or that is too large.
    #[error("artwork {width}x{height} with {len} bytes: {reason}")]
    BadArtwork {
        /// The width given.
        width: u32,
        /// The height given.
        height: u32,
        /// The length of the RGBA buffer given.
        len: usize,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The PNG encoder failed (only with the `png` feature).
    #[error("encoding the preview as PNG failed: {0}")]
    Encode(String),
}
