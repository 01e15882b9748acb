//! What counts as an Arabic letter, in one place.

/// True for a letter of the basic Arabic alphabet, U+0621 (hamza) to U+064A (yeh), tatweel
/// included; vowel marks, Arabic-Indic digits and punctuation are not letters.
///
/// The regular expressions of the front end spell the same range as `[\u0621-\u064A]`.
/// Language detection (`extract::article::detect_lang`) deliberately uses the wider Arabic
/// script blocks instead: it counts every Arabic-script character, not just letters.
pub fn is_arabic_letter(c: char) -> bool {
    ('\u{0621}'..='\u{064A}').contains(&c)
}

/// True for an Arabic letter that is not a long vowel or its seat (ا و ي ى آ): the letters
/// that take a case ending or a sukun at the end of a word.
pub fn is_consonant_letter(c: char) -> bool {
    is_arabic_letter(c) && !matches!(c, 'ا' | 'و' | 'ي' | 'ى' | 'آ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_not_marks_digits_or_punctuation() {
        assert!("ءابتيـ".chars().all(is_arabic_letter));
        assert!(!"\u{064B}\u{0651}٣،؟a".chars().any(is_arabic_letter));
        assert!("بدة".chars().all(is_consonant_letter));
        assert!(!"اويىآ".chars().any(is_consonant_letter));
    }
}
