//! What painting at one size keeps for the next paint ([`Memo`]): each texture's relief
//! per pixel, computed lazily, and the traveller's artwork scaled to the print areas.

use crate::Texture;
use crate::look::Artwork;
use crate::scale;
use crate::texture::Relief;

/// How many textures' reliefs a memo keeps.
const TEXTURES: usize = 6;
/// How many scaled artworks a memo keeps (one per print area).
const SCALED: usize = 3;

/// An artwork scaled to a print area: the artwork, the size, the pixels.
type Scaled = (Artwork, (i32, i32), Vec<[u8; 4]>);

/// What painting keeps at one picture size.
#[derive(Debug)]
pub(crate) struct Memo {
    size: i32,
    /// Reliefs with their per-pixel values (`i8::MIN` where not yet computed), most
    /// recently used last.
    reliefs: Vec<(Relief, Vec<i8>)>,
    /// Artworks with a size they were scaled to and the pixels, most recently used last.
    scaled: Vec<Scaled>,
}

impl Memo {
    pub fn new(size: i32) -> Memo {
        Memo {
            size,
            reliefs: Vec::new(),
            scaled: Vec::new(),
        }
    }

    /// The side in pixels.
    pub fn size(&self) -> i32 {
        self.size
    }

    /// The relief of `texture` and its per-pixel cache, the least recently used
    /// texture's dropped to make room.
    pub fn relief(&mut self, texture: Texture) -> (&mut Relief, &mut [i8]) {
        let s = self.size;
        let (relief, cache) = recent(
            &mut self.reliefs,
            TEXTURES,
            |(r, _)| r.texture() == texture,
            || (Relief::new(texture, s), vec![i8::MIN; (s * s) as usize]),
        );
        (relief, cache)
    }

    /// The artwork as `w` x `h` straight RGBA pixels (see [`scale::scaled`]).
    pub fn scaled(&mut self, art: &Artwork, (w, h): (i32, i32)) -> &[[u8; 4]] {
        let (_, _, pixels) = recent(
            &mut self.scaled,
            SCALED,
            |(a, size, _)| *size == (w, h) && a == art,
            || (art.clone(), (w, h), scale::scaled(art, w, h)),
        );
        pixels
    }
}

/// In a list kept most recently used last: the entry `is` picks, moved last, or else
/// the one `make` gives, added last, the first dropped if the list holds `most`.
pub(crate) fn recent<T>(
    list: &mut Vec<T>,
    most: usize,
    is: impl FnMut(&T) -> bool,
    make: impl FnOnce() -> T,
) -> &mut T {
    match list.iter().position(is) {
        Some(i) => {
            let hit = list.remove(i);
            list.push(hit);
        }
        None => {
            if list.len() >= most {
                list.remove(0);
            }
            list.push(make());
        }
    }
    let last = list.len() - 1;
    &mut list[last]
}
