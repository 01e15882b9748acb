//! Place names written without the article: a name closes the noun phrase it ends, so the
//! number after it is not governed by it (في قطاع غزة 40 مستشفى → أربعون).

use std::collections::HashSet;
use std::sync::LazyLock;

/// Countries, regions and cities the news names without ال, one per line.
static PLACE_NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("places.txt")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
});

/// Whether `word` is a place name, with or without و/ف/ب/ل before it (وغزة، بمصر).
pub fn is_place_name(word: &str) -> bool {
    PLACE_NAMES.contains(&word)
        || word
            .strip_prefix(['و', 'ف', 'ب', 'ل'])
            .is_some_and(|rest| PLACE_NAMES.contains(&rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_names_with_and_without_a_proclitic() {
        assert!(is_place_name("غزة"));
        assert!(is_place_name("وغزة"));
        assert!(is_place_name("بمصر"));
        assert!(!is_place_name("قيمة"));
        assert!(!is_place_name("مدينة"));
    }
}
