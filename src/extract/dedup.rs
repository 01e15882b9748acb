//! Near-duplicate detection: the same story from two feeds, two outlets or twice in one feed.
//!
//! Each article (headline + body) is reduced to normalized words — [`fold_arabic`] (no
//! diacritics or tatweel, unified alef/ya/ta marbuta forms, lower case), punctuation removed, a
//! leading conjunction و/ف dropped from longer words — and then to the set of its word 3-shingles
//! and the set of its words. Two articles are the same story when
//! * their URLs are equal (ignoring scheme, `www.`, a trailing slash, query and fragment), or
//! * their shingle *containment* (shared shingles / shingles of the smaller article) is at least
//!   [`SHINGLE_CONTAINMENT`], or
//! * their word containment is at least [`WORD_CONTAINMENT`] and shingle containment at least
//!   [`REWORDED_SHINGLE_CONTAINMENT`] (the same story reworded: same words, shorter shared runs).
//!
//! Different stories on the same topic share many words but few word runs, so they stay apart.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashSet;
use std::hash::{Hash, Hasher};

use super::article::Article;
use super::boilerplate::fold_arabic;
use super::score::is_punctuation;

/// Shingle containment at or above which two articles are duplicates.
pub const SHINGLE_CONTAINMENT: f64 = 0.5;
/// Word containment required (with [`REWORDED_SHINGLE_CONTAINMENT`]) for a reworded duplicate.
pub const WORD_CONTAINMENT: f64 = 0.7;
/// Shingle containment required (with [`WORD_CONTAINMENT`]) for a reworded duplicate.
pub const REWORDED_SHINGLE_CONTAINMENT: f64 = 0.15;
/// Words per shingle.
const SHINGLE_WORDS: usize = 3;

/// One article recognised as a repeat of an earlier one.
#[derive(Debug, Clone, PartialEq)]
pub struct Duplicate {
    /// Position of the repeated article in the input.
    pub index: usize,
    /// Position of the earlier article it repeats.
    pub duplicate_of: usize,
    /// Shingle containment between the two (1.0 for equal URLs).
    pub similarity: f64,
}

/// What the comparison needs from one article.
struct Fingerprint {
    url: Option<String>,
    words: HashSet<String>,
    shingles: HashSet<u64>,
    key: String,
}

impl Fingerprint {
    fn of(article: &Article) -> Fingerprint {
        let text = format!("{}\n{}", article.title, article.paragraphs.join("\n"));
        let words = normalized_words(&text);
        let shingles = words
            .windows(SHINGLE_WORDS)
            .map(|window| {
                let mut hasher = DefaultHasher::new();
                window.hash(&mut hasher);
                hasher.finish()
            })
            .collect();
        Fingerprint {
            url: article
                .url
                .as_deref()
                .map(normalize_url)
                .filter(|u| !u.is_empty()),
            key: words.join(" "),
            words: words.into_iter().collect(),
            shingles,
        }
    }
}

/// Words of a text as compared for duplicates (see the module documentation).
pub fn normalized_words(text: &str) -> Vec<String> {
    fold_arabic(text)
        .split_whitespace()
        .map(|w| {
            w.chars()
                .filter(|c| !is_punctuation(*c))
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .map(|w| {
            let long = w.chars().count() > 3;
            match w.strip_prefix(['و', 'ف']) {
                Some(rest) if long => rest.to_string(),
                _ => w,
            }
        })
        .collect()
}

fn normalize_url(url: &str) -> String {
    let url = url.trim();
    let without_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let without_query = without_scheme.split(['?', '#']).next().unwrap_or("");
    let without_www = without_query.strip_prefix("www.").unwrap_or(without_query);
    without_www.trim_end_matches('/').to_lowercase()
}

fn containment<T: Hash + Eq>(a: &HashSet<T>, b: &HashSet<T>) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if small.is_empty() {
        return 0.0;
    }
    small.iter().filter(|x| large.contains(*x)).count() as f64 / small.len() as f64
}

/// How similar two fingerprints are, or `None` when they are different stories.
fn duplicate_similarity(a: &Fingerprint, b: &Fingerprint) -> Option<f64> {
    if a.url.is_some() && a.url == b.url {
        return Some(1.0);
    }
    if a.shingles.is_empty() || b.shingles.is_empty() {
        return (!a.key.is_empty() && a.key == b.key).then_some(1.0);
    }
    let shingles = containment(&a.shingles, &b.shingles);
    if shingles >= SHINGLE_CONTAINMENT {
        return Some(shingles);
    }
    let words = containment(&a.words, &b.words);
    (words >= WORD_CONTAINMENT && shingles >= REWORDED_SHINGLE_CONTAINMENT).then_some(shingles)
}

/// Pairs `(later, earlier)` of input positions where the later article repeats the earlier one.
/// Each later article is paired with the first earlier article it repeats.
pub fn find_duplicates(articles: &[Article]) -> Vec<(usize, usize)> {
    find_with_similarity(articles)
        .into_iter()
        .map(|d| (d.index, d.duplicate_of))
        .collect()
}

fn find_with_similarity(articles: &[Article]) -> Vec<Duplicate> {
    let prints: Vec<Fingerprint> = articles.iter().map(Fingerprint::of).collect();
    let mut found = Vec::new();
    let mut is_duplicate = vec![false; prints.len()];
    for later in 1..prints.len() {
        for earlier in (0..later).filter(|&e| !is_duplicate[e]) {
            if let Some(similarity) = duplicate_similarity(&prints[later], &prints[earlier]) {
                is_duplicate[later] = true;
                found.push(Duplicate {
                    index: later,
                    duplicate_of: earlier,
                    similarity,
                });
                break;
            }
        }
    }
    found
}

/// Remove repeated stories, keeping the first occurrence of each; returns the kept articles in
/// input order and the removed ones' descriptions.
#[cfg(test)]
pub fn dedup(articles: Vec<Article>) -> (Vec<Article>, Vec<Duplicate>) {
    let duplicates = find_with_similarity(&articles);
    let removed: HashSet<usize> = duplicates.iter().map(|d| d.index).collect();
    let kept = articles
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !removed.contains(i))
        .map(|(_, a)| a)
        .collect();
    (kept, duplicates)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(url: &str, title: &str, body: &[&str]) -> Article {
        Article {
            url: (!url.is_empty()).then(|| url.to_string()),
            title: title.to_string(),
            paragraphs: body.iter().map(|s| s.to_string()).collect(),
            lang: "ar".to_string(),
            ..Article::default()
        }
    }

    fn story_a() -> Article {
        article(
            "https://a.example/1",
            "الكرملين: نأمل في عقد محادثة بين بوتين وبايدن حتى نهاية العام",
            &[
                "أكد الكرملين عدم تحقيق أي تقدم في المحادثات حول إجراء قمة جديدة بين الرئيسين الروسي، فلاديمير بوتين، ونظيره الأمريكي، جو بايدن، معربا عن أمله في عقد محادثة بينهما حتى نهاية العام.",
                "وقال المتحدث باسم الكرملين، دميتري بيسكوف، ردا على سؤال حول ما إذا تم تحقيق أي تقدم في المحادثات بشأن عقد القمة: لم يتم حتى الآن تحديد الموعد، نأمل في أن تجري هذه المحادثة حتى نهاية هذا العام.",
                "وردا على سؤال حول الصيغة المرجحة لهذه المحادثة، افترض بيسكوف أنها ستجري على الأرجح بشكل مؤتمر عبر الفيديو.",
            ],
        )
    }

    /// The same story as told by another outlet: other headline, edited sentences, one
    /// paragraph missing, spelling variants.
    fn story_a_reworded() -> Article {
        article(
            "https://b.example/news/77",
            "بيسكوف يأمل في محادثة بين بوتين وبايدن قبل نهاية العام",
            &[
                "أكد الكرملين اليوم عدم تحقيق أي تقدم في المحادثات حول عقد قمة جديدة بين الرئيس الروسي فلاديمير بوتين ونظيره الأمريكي جو بايدن، معرباً عن الأمل في إجراء محادثة بينهما قبل نهاية العام.",
                "وقال المتحدث باسم الكرملين دميتري بيسكوف رداً على سؤال حول ما اذا كان هناك تقدم في المحادثات بشأن القمة: لم يتم حتى الان تحديد الموعد، ونأمل أن تجري المحادثة حتى نهاية العام.",
            ],
        )
    }

    /// Same topic, different story.
    fn story_b() -> Article {
        article(
            "https://a.example/2",
            "بوتين وبايدن يعقدان قمة في جنيف",
            &[
                "عقد الرئيس الروسي فلاديمير بوتين ونظيره الأمريكي جو بايدن قمتهما الأولى في جنيف يوم 16 يونيو، واستمرت نحو أربع ساعات.",
                "واتفق الرئيسان على إعادة سفيري البلدين إلى موسكو وواشنطن بعد استدعائهما، وعلى بدء حوار حول الاستقرار الاستراتيجي.",
                "وقال بوتين في مؤتمر صحفي بعد القمة إنه ليست لديه أوهام، لكن هناك بارقة أمل في بناء الثقة المتبادلة بين البلدين.",
            ],
        )
    }

    #[test]
    fn reworded_story_from_another_outlet_is_a_duplicate() {
        let articles = vec![story_a(), story_b(), story_a_reworded()];
        assert_eq!(find_duplicates(&articles), vec![(2, 0)]);
    }

    #[test]
    fn same_topic_different_story_is_kept() {
        assert!(find_duplicates(&[story_a(), story_b()]).is_empty());
        assert!(find_duplicates(&[story_b(), story_a_reworded()]).is_empty());
    }

    #[test]
    fn equal_urls_and_exact_repeats_are_duplicates() {
        let mut same_url = story_b();
        same_url.url = Some("http://www.a.example/1/?utm_source=rss".to_string());
        let mut copy = story_a();
        copy.url = None;
        let articles = vec![story_a(), same_url, copy];
        assert_eq!(find_duplicates(&articles), vec![(1, 0), (2, 0)]);
    }

    #[test]
    fn dedup_keeps_first_occurrences_in_order() {
        let (kept, removed) = dedup(vec![story_a(), story_b(), story_a_reworded(), story_b()]);
        assert_eq!(kept, vec![story_a(), story_b()]);
        assert_eq!(
            removed
                .iter()
                .map(|d| (d.index, d.duplicate_of))
                .collect::<Vec<_>>(),
            vec![(2, 0), (3, 1)]
        );
        assert!(removed
            .iter()
            .all(|d| d.similarity > 0.0 && d.similarity <= 1.0));
    }

    #[test]
    fn short_items_compare_by_their_words() {
        let a = article("", "عاجل: زلزال", &[]);
        let b = article("", "عاجلٌ: زلزال", &[]);
        let c = article("", "عاجل: بركان", &[]);
        assert_eq!(find_duplicates(&[a, b, c]), vec![(1, 0)]);
    }

    #[test]
    fn normalization_unifies_forms() {
        assert_eq!(
            normalized_words("وأكدت المدرسةُ، إلى"),
            vec!["اكدت", "المدرسه", "الي"]
        );
    }
}
