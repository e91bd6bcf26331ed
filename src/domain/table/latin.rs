//! Accented Latin letters' base letters, so that a search for ecole finds
//! École and a sort puts it among the e's.

/// The base letter of each of U+00C0 to U+024F (Latin-1's letters, Latin
/// Extended-A and -B), lowercase, or `.` for one that has none (Æ, Œ, Ð,
/// ×, ß): the first letter of its canonical decomposition, and o, d, h, l,
/// t, i, s for Ø, Đ, Ħ, Ł, Ŧ, ı, ſ, which have none.
const LATIN_BASES: &[u8; 400] =
    b"aaaaaa.ceeeeiiii.nooooo.ouuuuy..aaaaaa.ceeeeiiii.nooooo.ouuuuy.yaaaaaaccccccccdd\
ddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkk.llllllllllnnnnnn...oooooo..rrrrrrssssss\
ssttttttuuuuuuuuuuuuwwyyyzzzzzzs................................oo.............u\
u............................aaiioouuuuuuuuuu.aaaa....ggkkoooo..j...gg..nnaa....\
aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............................";

/// The same for U+1E00 to U+1EFF (Latin Extended Additional: Vietnamese,
/// Welsh, and dotted letters).
const LATIN_EXTENDED_ADDITIONAL_BASES: &[u8; 256] =
    b"aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooo\
oooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy......\
aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuu\
uuyyyyyyyy......";

/// The base letter, lowercase, of an accented Latin letter (É, ł, ệ): what
/// the search matches it by and the natural order sorts it by.
pub fn latin_base(c: char) -> Option<char> {
    let code = u32::from(c);
    let (table, first): (&[u8], u32) = match code {
        0x1E00.. => (LATIN_EXTENDED_ADDITIONAL_BASES, 0x1E00),
        _ => (LATIN_BASES, 0xC0),
    };
    let base = *table.get(usize::try_from(code.checked_sub(first)?).ok()?)?;
    (base != b'.').then_some(char::from(base))
}
