//! Page metadata: JSON-LD schema.org articles (`NewsArticle`, `Article`, `ReportageNewsArticle`,
//! … also inside `@graph`, arrays and nested objects) and OpenGraph / `<meta>` tags.
//!
//! The JSON-LD `articleBody` is only a hint: [`is_consistent_with_page`] checks that it has a sane
//! length and shares its words with the visible page before the extractor relies on it.

use std::collections::{HashMap, HashSet};

use scraper::{Html, Selector};
use serde_json::Value;

use super::normalize_space;
use crate::text::alphabet::is_arabic_letter;

/// schema.org types whose objects describe the article itself.
const ARTICLE_TYPES: &[&str] = &[
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "backgroundnewsarticle",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "askpublicnewsarticle",
    "blogposting",
    "liveblogposting",
    "socialmediaposting",
    "report",
    "techarticle",
    "scholarlyarticle",
];

/// Most JSON nodes visited in one JSON-LD block (guards against giant blobs).
const MAX_JSON_NODES: usize = 100_000;

/// Longest `articleBody` considered, in bytes.
const MAX_ARTICLE_BODY_BYTES: usize = 2 * 1024 * 1024;

/// One schema.org article object found in JSON-LD.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LdArticle {
    /// `headline` (or `name` when there is no headline).
    pub headline: Option<String>,
    /// `articleBody`, as given (may contain markup or entities).
    pub body: Option<String>,
    /// `datePublished` (or `dateCreated`).
    pub published: Option<String>,
    /// Author names joined with a comma.
    pub author: Option<String>,
    /// `publisher.name`, following `@id` references.
    pub publisher: Option<String>,
}

/// Everything the page says about itself outside its visible text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMetadata {
    /// The first JSON-LD article on the page (the one with the longest body when several).
    pub ld: Option<LdArticle>,
    /// `og:title`.
    pub og_title: Option<String>,
    /// `twitter:title`.
    pub twitter_title: Option<String>,
    /// The `<title>` element.
    pub title_tag: Option<String>,
    /// `og:site_name` or `application-name`.
    pub site_name: Option<String>,
    /// `article:published_time` and its common equivalents.
    pub published: Option<String>,
    /// `<meta name="author">` and its common equivalents.
    pub author: Option<String>,
    /// `<link rel="canonical">` or `og:url`.
    pub canonical_url: Option<String>,
}

impl PageMetadata {
    /// Title candidates from metadata, best first: JSON-LD headline, og:title, twitter:title,
    /// `<title>`.
    pub fn title_candidates(&self) -> Vec<String> {
        let ld_headline = self.ld.as_ref().and_then(|ld| ld.headline.clone());
        [
            ld_headline,
            self.og_title.clone(),
            self.twitter_title.clone(),
            self.title_tag.clone(),
        ]
        .into_iter()
        .flatten()
        .filter(|t| !t.is_empty())
        .collect()
    }

    /// The outlet's name: JSON-LD publisher, then og:site_name; a name in Arabic script wins
    /// over one in Latin script (an Arabic presenter says it).
    pub fn source_name(&self) -> Option<String> {
        let publisher = self.ld.as_ref().and_then(|ld| ld.publisher.clone());
        let arabic = |name: &str| name.chars().any(is_arabic_letter);
        match (publisher, self.site_name.clone()) {
            (Some(publisher), Some(site)) if !arabic(&publisher) && arabic(&site) => Some(site),
            (publisher, site) => publisher.or(site),
        }
    }

    /// Publication time: JSON-LD, then meta tags.
    pub fn published(&self) -> Option<String> {
        self.ld
            .as_ref()
            .and_then(|ld| ld.published.clone())
            .or_else(|| self.published.clone())
    }

    /// Byline: JSON-LD author, then meta author.
    pub fn byline(&self) -> Option<String> {
        self.ld
            .as_ref()
            .and_then(|ld| ld.author.clone())
            .or_else(|| self.author.clone())
    }
}

fn selector(css: &str) -> Selector {
    match Selector::parse(css) {
        Ok(s) => s,
        Err(error) => panic!("invalid built-in selector {css:?}: {error}"),
    }
}

/// Read JSON-LD, OpenGraph and `<meta>` metadata from a parsed page.
pub fn read_metadata(doc: &Html) -> PageMetadata {
    let mut meta = PageMetadata {
        ld: read_json_ld(doc),
        ..PageMetadata::default()
    };
    let mut values: HashMap<String, String> = HashMap::new();
    for element in doc.select(&selector("meta")) {
        let attrs = element.value();
        let key = attrs
            .attr("property")
            .or_else(|| attrs.attr("name"))
            .or_else(|| attrs.attr("itemprop"));
        let content = attrs.attr("content").map(normalize_space);
        if let (Some(key), Some(content)) = (key, content) {
            if !content.is_empty() {
                values
                    .entry(key.trim().to_ascii_lowercase())
                    .or_insert(content);
            }
        }
    }
    let first = |keys: &[&str]| keys.iter().find_map(|k| values.get(*k).cloned());
    meta.og_title = first(&["og:title"]);
    meta.twitter_title = first(&["twitter:title"]);
    meta.site_name = first(&["og:site_name", "application-name", "al:android:app_name"]);
    meta.published = first(&[
        "article:published_time",
        "og:published_time",
        "datepublished",
        "article.published",
        "pubdate",
        "publishdate",
        "publish-date",
        "date",
        "dc.date",
        "dc.date.issued",
        "dcterms.created",
        "sailthru.date",
        "parsely-pub-date",
    ])
    .or_else(|| time_element_date(doc));
    meta.author = first(&[
        "author",
        "article:author",
        "dc.creator",
        "byl",
        "parsely-author",
        "sailthru.author",
    ])
    .filter(|a| !a.starts_with("http"));
    meta.title_tag = doc
        .select(&selector("title"))
        .next()
        .map(|t| normalize_space(&t.text().collect::<String>()))
        .filter(|t| !t.is_empty());
    meta.canonical_url = doc
        .select(&selector("link[rel=canonical]"))
        .find_map(|l| l.value().attr("href").map(str::trim).map(str::to_string))
        .filter(|u| !u.is_empty())
        .or_else(|| first(&["og:url"]));
    meta
}

fn time_element_date(doc: &Html) -> Option<String> {
    doc.select(&selector("[itemprop=datePublished], time[datetime]"))
        .find_map(|e| {
            e.value()
                .attr("datetime")
                .or_else(|| e.value().attr("content"))
                .map(str::trim)
                .filter(|d| !d.is_empty())
                .map(str::to_string)
        })
}

fn read_json_ld(doc: &Html) -> Option<LdArticle> {
    let mut best: Option<LdArticle> = None;
    for script in doc.select(&selector("script")) {
        let kind = script
            .value()
            .attr("type")
            .unwrap_or("")
            .to_ascii_lowercase();
        if !kind.contains("ld+json") {
            continue;
        }
        let json: String = script.text().collect();
        for article in parse_json_ld(&json) {
            best = Some(match best {
                None => article,
                Some(current) => prefer(current, article),
            });
        }
    }
    best
}

fn prefer(current: LdArticle, candidate: LdArticle) -> LdArticle {
    let len = |a: &LdArticle| a.body.as_ref().map_or(0, String::len);
    if len(&candidate) > len(&current) {
        LdArticle {
            headline: candidate.headline.or(current.headline),
            published: candidate.published.or(current.published),
            author: candidate.author.or(current.author),
            publisher: candidate.publisher.or(current.publisher),
            body: candidate.body,
        }
    } else {
        LdArticle {
            headline: current.headline.or(candidate.headline),
            published: current.published.or(candidate.published),
            author: current.author.or(candidate.author),
            publisher: current.publisher.or(candidate.publisher),
            body: current.body,
        }
    }
}

/// Parse one JSON-LD block and return the schema.org article objects in it, in document order.
/// Tolerates raw control characters in strings and HTML comment / CDATA wrappers; returns
/// nothing for invalid JSON.
pub fn parse_json_ld(json: &str) -> Vec<LdArticle> {
    let Some(root) = parse_lenient(json) else {
        return Vec::new();
    };
    let objects = collect_objects(&root);
    let names = names_by_id(&objects);
    objects
        .iter()
        .filter(|object| is_article(object))
        .map(|object| read_article(object, &names))
        .collect()
}

fn parse_lenient(json: &str) -> Option<Value> {
    let trimmed = json
        .trim()
        .trim_start_matches("<!--")
        .trim_end_matches("-->")
        .trim()
        .trim_start_matches("//<![CDATA[")
        .trim_end_matches("//]]>")
        .trim();
    if let Ok(value) = serde_json::from_str(trimmed) {
        return Some(value);
    }
    let cleaned: String = trimmed
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    serde_json::from_str(&cleaned).ok()
}

/// Every JSON object in the value, found iteratively (no recursion on untrusted depth).
fn collect_objects(root: &Value) -> Vec<&serde_json::Map<String, Value>> {
    let mut objects = Vec::new();
    let mut stack = vec![root];
    let mut visited = 0usize;
    while let Some(value) = stack.pop() {
        visited += 1;
        if visited > MAX_JSON_NODES {
            break;
        }
        match value {
            Value::Object(map) => {
                objects.push(map);
                stack.extend(map.values().rev());
            }
            Value::Array(items) => stack.extend(items.iter().rev()),
            _ => {}
        }
    }
    objects
}

fn names_by_id<'a>(objects: &[&'a serde_json::Map<String, Value>]) -> HashMap<&'a str, String> {
    objects
        .iter()
        .filter_map(|o| {
            let id = o.get("@id")?.as_str()?;
            let name = o.get("name").and_then(text_of)?;
            Some((id, name))
        })
        .collect()
}

fn is_article(object: &serde_json::Map<String, Value>) -> bool {
    let type_matches = |v: &Value| {
        v.as_str()
            .map(|t| {
                t.rsplit(['/', ':'])
                    .next()
                    .unwrap_or(t)
                    .to_ascii_lowercase()
            })
            .is_some_and(|t| ARTICLE_TYPES.contains(&t.as_str()))
    };
    match object.get("@type") {
        Some(Value::Array(types)) => types.iter().any(type_matches),
        Some(t) => type_matches(t),
        None => false,
    }
}

fn read_article(
    object: &serde_json::Map<String, Value>,
    names: &HashMap<&str, String>,
) -> LdArticle {
    let string = |key: &str| object.get(key).and_then(text_of).filter(|s| !s.is_empty());
    LdArticle {
        headline: string("headline").or_else(|| string("name")),
        body: object
            .get("articleBody")
            .or_else(|| object.get("text"))
            .and_then(Value::as_str)
            .filter(|b| !b.trim().is_empty() && b.len() <= MAX_ARTICLE_BODY_BYTES)
            .map(str::to_string),
        published: string("datePublished").or_else(|| string("dateCreated")),
        author: object.get("author").and_then(|a| person_names(a, names)),
        publisher: object.get("publisher").and_then(|p| person_names(p, names)),
    }
}

/// The text of a string value, or of the first string in an array.
fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(normalize_space(s)),
        Value::Array(items) => items.iter().find_map(text_of),
        _ => None,
    }
}

/// Names of a person/organization value: a string, `{name}`, `{@id}` or an array of them.
fn person_names(value: &Value, names: &HashMap<&str, String>) -> Option<String> {
    let items: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        other => vec![other],
    };
    let mut found: Vec<String> = Vec::new();
    for item in items {
        let name = match item {
            Value::String(s) => Some(normalize_space(s)),
            Value::Object(map) => map.get("name").and_then(text_of).or_else(|| {
                map.get("@id")
                    .and_then(Value::as_str)
                    .and_then(|id| names.get(id).cloned())
            }),
            _ => None,
        };
        if let Some(name) = name.filter(|n| !n.is_empty() && !n.starts_with("http")) {
            if !found.contains(&name) {
                found.push(name);
            }
        }
    }
    if found.is_empty() {
        return None;
    }
    let separator = if found.iter().any(|n| super::detect_lang(n) == "ar") {
        "، "
    } else {
        ", "
    };
    Some(found.join(separator))
}

/// Lower-cased word set used to compare texts (punctuation stripped, Arabic folded).
pub fn word_set(text: &str) -> HashSet<String> {
    super::boilerplate::fold_arabic(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// True when a JSON-LD `articleBody` can be trusted for this page: at least 15 words, and at
/// least 60% of its distinct words appear in the page's visible text.
pub fn is_consistent_with_page(body: &str, page_words: &HashSet<String>) -> bool {
    let body_words = word_set(body);
    if body.split_whitespace().count() < 15 || body_words.is_empty() {
        return false;
    }
    let shared = body_words
        .iter()
        .filter(|w| page_words.contains(*w))
        .count();
    shared as f64 / body_words.len() as f64 >= 0.6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_articles_in_graphs_and_arrays() {
        let json = r##"[{"@context":"https://schema.org","@graph":[
            {"@type":"Organization","@id":"#org","name":"قناة الخبر"},
            {"@type":"WebPage","name":"ignored"},
            {"@type":["ReportageNewsArticle"],"headline":"عنوان","articleBody":"نص",
             "datePublished":"2024-01-02","author":[{"@type":"Person","name":"أحمد"},"سارة"],
             "publisher":{"@id":"#org"}}]}]"##;
        let articles = parse_json_ld(json);
        assert_eq!(articles.len(), 1);
        let article = &articles[0];
        assert_eq!(article.headline.as_deref(), Some("عنوان"));
        assert_eq!(article.body.as_deref(), Some("نص"));
        assert_eq!(article.published.as_deref(), Some("2024-01-02"));
        assert_eq!(article.author.as_deref(), Some("أحمد، سارة"));
        assert_eq!(article.publisher.as_deref(), Some("قناة الخبر"));
    }

    #[test]
    fn tolerates_raw_newlines_and_comment_wrappers() {
        let json = "<!--{\"@type\":\"NewsArticle\",\"headline\":\"A\nB\",\"articleBody\":\"line one\nline two\"}-->";
        let articles = parse_json_ld(json);
        assert_eq!(articles.len(), 1);
        assert_eq!(articles[0].headline.as_deref(), Some("A B"));
    }

    #[test]
    fn invalid_json_gives_nothing() {
        assert!(parse_json_ld("{not json").is_empty());
        assert!(parse_json_ld("").is_empty());
        let deep = "[".repeat(10_000);
        assert!(parse_json_ld(&deep).is_empty());
    }

    #[test]
    fn reads_meta_tags() {
        let doc = Html::parse_document(
            r#"<html><head><title>T - Site</title>
            <meta property="og:title" content="T"><meta property="og:site_name" content="Site">
            <meta property="article:published_time" content="2020-01-01T10:00:00Z">
            <meta name="author" content="Jane Doe"><link rel="canonical" href="https://x.test/a">
            </head><body></body></html>"#,
        );
        let meta = read_metadata(&doc);
        assert_eq!(meta.og_title.as_deref(), Some("T"));
        assert_eq!(meta.title_tag.as_deref(), Some("T - Site"));
        assert_eq!(meta.source_name().as_deref(), Some("Site"));
        let mut meta_ar = meta.clone();
        meta_ar.site_name = Some("الجزيرة نت".into());
        meta_ar.ld = Some(LdArticle {
            publisher: Some("Al Jazeera".into()),
            ..LdArticle::default()
        });
        assert_eq!(meta_ar.source_name().as_deref(), Some("الجزيرة نت"));
        assert_eq!(meta.published().as_deref(), Some("2020-01-01T10:00:00Z"));
        assert_eq!(meta.byline().as_deref(), Some("Jane Doe"));
        assert_eq!(meta.canonical_url.as_deref(), Some("https://x.test/a"));
    }

    #[test]
    fn consistency_needs_shared_words() {
        let page = word_set("the minister said on monday that the talks would resume in june after a long pause in geneva");
        let same =
            "The minister said on Monday that the talks would resume in June after a long pause.";
        let other = "Completely unrelated words about football scores and weather forecasts for the weekend ahead now.";
        assert!(is_consistent_with_page(same, &page));
        assert!(!is_consistent_with_page(other, &page));
        assert!(!is_consistent_with_page("too short", &page));
    }
}
