//! End-to-end tests of extraction on real pages (fixtures with gold text), the seed text dump,
//! hostile input, and the JSON-LD / scorer cross-check.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::score::token_f1;
use super::*;

/// Mean body F1 over all fixtures below which the build fails.
const MEAN_F1_FLOOR: f64 = 0.98;
/// Body F1 below which any single fixture fails the build.
const PAGE_F1_FLOOR: f64 = 0.95;

fn repo_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

struct Gold {
    title: String,
    body: String,
}

fn read_gold(path: &Path) -> Gold {
    let value: serde_json::Value = serde_json::from_str(&read(path)).expect("gold JSON");
    let field = |name: &str| {
        value[name]
            .as_str()
            .unwrap_or_else(|| panic!("{} lacks {name}", path.display()))
            .to_string()
    };
    Gold {
        title: field("title"),
        body: field("body"),
    }
}

fn fixture_pages() -> Vec<(String, PathBuf, PathBuf)> {
    let dir = repo_path("tests/fixtures/extraction");
    let mut pages: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| kind_from_path(path) == Some(DocumentKind::Html))
        .filter_map(|html| {
            let gold = html.with_extension("json");
            let id = html.file_stem()?.to_string_lossy().to_string();
            gold.exists().then_some((id, html, gold))
        })
        .collect();
    pages.sort();
    pages
}

#[test]
fn fixtures_meet_the_quality_floor() {
    let pages = fixture_pages();
    assert!(
        pages.len() >= 7,
        "expected the 4 shared pages and 3+ own pages, found {}",
        pages.len()
    );
    let mut total_f1 = 0.0;
    let mut failures = Vec::new();
    println!("{:<40} {:>6} {:>6} {:>6}  title", "page", "P", "R", "F1");
    for (id, html_path, gold_path) in &pages {
        let gold = read_gold(gold_path);
        let article = extract_html(&read(html_path), Some(&html_path.to_string_lossy()))
            .unwrap_or_else(|e| panic!("{id}: {e}"));
        let scores = token_f1(&article.paragraphs.join("\n"), &gold.body);
        let title_ok = normalize_space(&article.title) == normalize_space(&gold.title);
        println!(
            "{id:<40} {:>6.3} {:>6.3} {:>6.3}  {}",
            scores.precision,
            scores.recall,
            scores.f1,
            if title_ok { "ok" } else { "WRONG" }
        );
        total_f1 += scores.f1;
        if !title_ok {
            failures.push(format!(
                "{id}: title {:?}, expected {:?}",
                article.title, gold.title
            ));
        }
        if scores.f1 < PAGE_F1_FLOOR {
            failures.push(format!(
                "{id}: body F1 {:.3} below {PAGE_F1_FLOOR}",
                scores.f1
            ));
        }
        assert_eq!(
            article.url.as_deref(),
            Some(html_path.to_string_lossy().as_ref())
        );
        assert!(!article.lang.is_empty());
    }
    let mean = total_f1 / pages.len() as f64;
    println!("mean body F1 over {} pages: {mean:.4}", pages.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        mean >= MEAN_F1_FLOOR,
        "mean body F1 {mean:.4} below {MEAN_F1_FLOOR}"
    );
}

#[test]
fn fixture_metadata_is_read() {
    let path = repo_path("tests/fixtures/extraction/albayan-2020-afghan-embassy.html");
    let article = extract_html(&read(&path), None).expect("article");
    assert_eq!(article.source_name.as_deref(), Some("البيان"));
    assert_eq!(article.published.as_deref(), Some("2020-06-03T03:01+0400"));
    assert_eq!(article.lang, "ar");
    assert_eq!(
        article.url.as_deref(),
        Some("https://www.albayan.ae/across-the-uae/news-and-reports/2020-06-03-1.3874341")
    );
    let path = repo_path("tests/fixtures/extraction/elbaladtv-2020-yousra-covid.html");
    let article = extract_html(&read(&path), None).expect("article");
    assert_eq!(article.byline.as_deref(), Some("ضحى عرفة"));
    assert_eq!(article.source_name.as_deref(), Some("قناة صدي البلد"));
}

const SEED_TITLE: &str = "الكرملين: نأمل في عقد محادثة بين بوتين وبايدن حتى نهاية العام";

#[test]
fn seed_dump_gives_headline_and_body_only() {
    let path = repo_path("samples/rt-arabic-kremlin-putin-biden.txt");
    let article = extract(&read(&path), DocumentKind::Text, Some("seed.txt")).expect("article");
    assert_eq!(article.title, SEED_TITLE);
    assert_eq!(article.lang, "ar");
    let starts: Vec<String> = article
        .paragraphs
        .iter()
        .map(|p| p.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(
        starts,
        [
            "أكد الكرملين عدم",
            "وقال المتحدث باسم",
            "وردا على سؤال",
            "وتأتي الاتصالات حول",
            "وفي إطار هذه",
            "وأعلن بوتين أنه",
            "كما أكدت إدارة",
        ]
    );
    let body = article.paragraphs.join("\n");
    for furniture in [
        "35 خبر",
        "مباشر",
        "التعليقات",
        "المصدر",
        "Reuters",
        "أقسام مهمة",
        "90 دقيقة",
        "أكسيوس",
        "هجوم تدمر",
    ] {
        assert!(
            !body.contains(furniture),
            "furniture {furniture:?} left in the body"
        );
    }
    assert!(!article.paragraphs.iter().any(|p| p == SEED_TITLE));
}

#[test]
fn kinds_follow_file_extensions() {
    assert_eq!(kind_from_path("a/b.HTML"), Some(DocumentKind::Html));
    assert_eq!(kind_from_path("b.htm"), Some(DocumentKind::Html));
    assert_eq!(kind_from_path("b.xhtml"), Some(DocumentKind::Html));
    assert_eq!(kind_from_path("b.txt"), Some(DocumentKind::Text));
    assert_eq!(kind_from_path("b.rss"), None);
    assert_eq!(kind_from_path("noextension"), None);
}

#[test]
fn bad_input_gives_named_errors() {
    let origin = Some("page.html");
    assert!(matches!(
        extract_html("", origin),
        Err(ExtractError::Empty { .. })
    ));
    assert!(matches!(
        extract_html(" \n\t ", origin),
        Err(ExtractError::Empty { .. })
    ));
    assert!(matches!(
        extract_text_dump("", origin),
        Err(ExtractError::Empty { .. })
    ));
    assert!(matches!(
        extract_html("just words, no markup", origin),
        Err(ExtractError::NotHtml { .. })
    ));
    assert!(matches!(
        extract_html("<p>a\0b</p>", origin),
        Err(ExtractError::NotHtml { .. })
    ));
    assert!(matches!(
        extract_html("<html><body></body></html>", origin),
        Err(ExtractError::NoText { .. })
    ));
    let huge = format!(
        "<html><body><p>{}</p></body></html>",
        "x".repeat(MAX_DOCUMENT_BYTES)
    );
    let error = extract_html(&huge, origin).expect_err("too large");
    assert!(matches!(error, ExtractError::TooLarge { .. }));
    assert!(error.to_string().starts_with("page.html: "), "{error}");
    let error = extract_html("<div></div>", None).expect_err("no text");
    assert_eq!(error.to_string(), "<input>: no article text found");
}

const PARAGRAPH_ONE: &str = "The council approved the new budget on Tuesday, raising spending on schools and roads by a tenth, officials said.";
const PARAGRAPH_TWO: &str = "Opposition members said the plan, which still needs the mayor's signature, relied on optimistic forecasts of tax income.";
const PARAGRAPH_THREE: &str = "The mayor is expected to sign it next week, after a final hearing in which residents can comment on the details.";

fn page(body: &str) -> String {
    format!(
        "<html><head><title>Council approves budget - City News</title></head><body>\
         <nav><ul><li><a href='/'>Home</a></li><li><a href='/w'>World</a></li></ul></nav>\
         <h1>Council approves budget</h1>{body}\
         <footer><p>© 2024 City News. All rights reserved.</p></footer></body></html>"
    )
}

#[test]
fn broken_html_still_yields_the_article() {
    let html = format!(
        "<html><body><h1>Council approves budget<div class=story><p>{PARAGRAPH_ONE}<p>{PARAGRAPH_TWO}\
         <p><b><i>{PARAGRAPH_THREE}</b></i></div></span></table><p<<>> <!-- unterminated"
    );
    let article = extract_html(&html, None).expect("article");
    assert_eq!(
        article.paragraphs,
        vec![PARAGRAPH_ONE, PARAGRAPH_TWO, PARAGRAPH_THREE]
    );
    assert_eq!(article.lang, "en");
}

#[test]
fn br_separated_paragraphs_are_split() {
    let html = page(&format!(
        "<div class='article-text'>{PARAGRAPH_ONE}<br><br>{PARAGRAPH_TWO}<br/>\n<br/>{PARAGRAPH_THREE}<br></div>"
    ));
    let article = extract_html(&html, None).expect("article");
    assert_eq!(article.title, "Council approves budget");
    assert_eq!(
        article.paragraphs,
        vec![PARAGRAPH_ONE, PARAGRAPH_TWO, PARAGRAPH_THREE]
    );
}

#[test]
fn rtl_page_keeps_words_apart_and_in_order() {
    let html = "<html lang=ar dir=rtl><body><div class='ArticleDetails'>\
        <p>أعلنت الحكومة، اليوم الاثنين، عن خطة جديدة لدعم <a href='/x'>المزارعين</a> في المناطق الريفية.</p>\
        <p><span>وقال</span> <span>الوزير</span> إن الخطة تشمل قروضا ميسرة، وتدريبا على أساليب الري الحديثة.</p>\
        <figure><img src=a.jpg><figcaption>الوزير خلال المؤتمر (صورة: وام)</figcaption></figure>\
        <p>وتبدأ المرحلة الأولى من الخطة مطلع الشهر المقبل، بحسب البيان الرسمي الصادر عن الوزارة.</p>\
        </div></body></html>";
    let article = extract_html(html, None).expect("article");
    assert_eq!(article.lang, "ar");
    assert_eq!(article.paragraphs.len(), 3);
    assert!(article.paragraphs[0].contains("لدعم المزارعين في"));
    assert!(article.paragraphs[1].starts_with("وقال الوزير إن"));
    assert!(!article.paragraphs.join(" ").contains("صورة"));
}

#[test]
fn huge_nested_dom_does_not_overflow_the_stack() {
    let depth = 100_000;
    let html = format!(
        "<html><body>{}<p>{PARAGRAPH_ONE}</p><p>{PARAGRAPH_TWO}</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let started = Instant::now();
    let article = extract_html(&html, None).expect("article");
    assert_eq!(article.paragraphs, vec![PARAGRAPH_ONE, PARAGRAPH_TWO]);
    assert!(
        started.elapsed().as_secs() < 20,
        "took {:?}",
        started.elapsed()
    );
    let spans = format!("<p>{}{PARAGRAPH_THREE}</p>", "<span><b>".repeat(depth / 2));
    let article = extract_html(&spans, None).expect("article");
    assert_eq!(article.paragraphs, vec![PARAGRAPH_THREE]);
}

fn ld_script(body: &str) -> String {
    let json = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Council approves budget",
        "articleBody": body,
        "datePublished": "2024-03-05T10:00:00Z",
        "author": {"@type": "Person", "name": "Jane Doe"},
        "publisher": {"@type": "Organization", "name": "City News"}
    });
    format!("<script type=\"application/ld+json\">{json}</script>")
}

#[test]
fn json_ld_body_prunes_paragraphs_it_does_not_contain() {
    let junk = "Our reporters worked through the night to bring you this story, and we hope you will consider supporting local journalism today.";
    let body = format!("{PARAGRAPH_ONE}\n\n{PARAGRAPH_TWO}\n\n{PARAGRAPH_THREE}");
    let html = page(&format!(
        "{}<div class=story><p>{PARAGRAPH_ONE}</p><p>{PARAGRAPH_TWO}</p><p>{junk}</p><p>{PARAGRAPH_THREE}</p></div>",
        ld_script(&body)
    ));
    let article = extract_html(&html, None).expect("article");
    assert_eq!(
        article.paragraphs,
        vec![PARAGRAPH_ONE, PARAGRAPH_TWO, PARAGRAPH_THREE]
    );
    assert_eq!(article.byline.as_deref(), Some("Jane Doe"));
    assert_eq!(article.source_name.as_deref(), Some("City News"));
    assert_eq!(article.published.as_deref(), Some("2024-03-05T10:00:00Z"));
}

#[test]
fn truncated_json_ld_body_does_not_cut_the_article() {
    let truncated: String = PARAGRAPH_ONE.chars().take(60).collect();
    let html = page(&format!(
        "{}<div class=story><p>{PARAGRAPH_ONE}</p><p>{PARAGRAPH_TWO}</p><p>{PARAGRAPH_THREE}</p></div>",
        ld_script(&format!("{truncated} council approved budget"))
    ));
    let article = extract_html(&html, None).expect("article");
    assert_eq!(
        article.paragraphs,
        vec![PARAGRAPH_ONE, PARAGRAPH_TWO, PARAGRAPH_THREE]
    );
}

#[test]
fn json_ld_body_of_another_story_is_ignored() {
    let other = "Football club signs a new striker from abroad for a record fee, supporters celebrate in the streets until dawn, the coach said little.";
    let html = page(&format!(
        "{}<div class=story><p>{PARAGRAPH_ONE}</p><p>{PARAGRAPH_TWO}</p></div>",
        ld_script(other)
    ));
    let article = extract_html(&html, None).expect("article");
    assert_eq!(article.paragraphs, vec![PARAGRAPH_ONE, PARAGRAPH_TWO]);
}

#[test]
fn json_ld_body_rescues_a_script_rendered_page() {
    let body = format!("{PARAGRAPH_ONE}\n{PARAGRAPH_TWO}\n{PARAGRAPH_THREE}");
    let html = page(&format!("{}<div id=app>Loading…</div>", ld_script(&body)));
    let article = extract_html(&html, None).expect("article");
    assert_eq!(
        article.paragraphs,
        vec![PARAGRAPH_ONE, PARAGRAPH_TWO, PARAGRAPH_THREE]
    );
}

#[test]
fn json_ld_markup_and_entities_are_resolved() {
    let body = format!(
        "<p>{PARAGRAPH_ONE}</p><p>{}</p>",
        PARAGRAPH_TWO.replace('\'', "&#39;")
    );
    let html = page(&format!("{}<div id=app></div>", ld_script(&body)));
    let article = extract_html(&html, None).expect("article");
    assert_eq!(article.paragraphs, vec![PARAGRAPH_ONE, PARAGRAPH_TWO]);
}

#[test]
fn comments_and_related_lists_stay_out() {
    let html = page(&format!(
        "<article><div class='entry-content'><p>{PARAGRAPH_ONE}</p><p>{PARAGRAPH_TWO}</p>\
         <div class='related-posts'><h3>Related</h3><ul><li><a href=/1>Budget talks stall again in the council chamber</a></li>\
         <li><a href=/2>Mayor promises new parks for every district by next year</a></li></ul></div>\
         <p>{PARAGRAPH_THREE}</p></div></article>\
         <section id='comments'><h2>3 Comments</h2><div class='comment-body'><p>I think this budget is a disaster, and the council \
         should have listened to residents, who asked for lower taxes, better buses and cleaner streets.</p></div></section>"
    ));
    let article = extract_html(&html, None).expect("article");
    assert_eq!(
        article.paragraphs,
        vec![PARAGRAPH_ONE, PARAGRAPH_TWO, PARAGRAPH_THREE]
    );
}

#[test]
fn extraction_never_panics_on_odd_markup() {
    let samples = [
        "<",
        "<>",
        "</>",
        "<html",
        "<!DOCTYPE html>",
        "<p>",
        "<table><td>x",
        "<script>alert(1)",
        "<svg><p>x</svg>",
        "<a href='",
        "<div style='display:none'>hidden text here</div>",
        "<p>\u{202E}reversed\u{202C}</p>",
        "<math><mi>x</mi></math><p>text</p>",
        "<frameset><frame src=x></frameset>",
        "<template><p>t</p></template><p>u</p>",
    ];
    for sample in samples {
        let _ = extract_html(sample, None);
        let _ = extract_text_dump(sample, None);
    }
}

#[test]
fn dispatch_by_kind() {
    let html = page(&format!("<div class=story><p>{PARAGRAPH_ONE}</p></div>"));
    let from_html = extract(&html, DocumentKind::Html, None).expect("html");
    assert_eq!(from_html.paragraphs, vec![PARAGRAPH_ONE]);
    let dump = format!("Council approves budget\n\n{PARAGRAPH_ONE}\n");
    let from_text = extract(&dump, DocumentKind::Text, None).expect("text");
    assert_eq!(from_text.title, "Council approves budget");
    assert_eq!(from_text.paragraphs, vec![PARAGRAPH_ONE]);
}

#[test]
fn normalize_space_collapses_and_strips_invisibles() {
    assert_eq!(
        normalize_space("  a\u{00A0}\u{00A0}b\u{200F}\n c\u{FEFF} "),
        "a b c"
    );
    assert_eq!(normalize_space(""), "");
}

#[test]
fn content_wrapped_in_a_hinted_container_is_kept() {
    let html = page(&format!(
        "<div class='elementor-widget elementor-widget-theme-post-content'><div class='elementor-widget-container'>\
         <p>{PARAGRAPH_ONE}</p><p>{PARAGRAPH_TWO}</p><div class='share-buttons'><a href='#'>Share on Facebook</a> \
         <span>Share this story with friends and family, it only takes a second to do so.</span></div>\
         <p>{PARAGRAPH_THREE}</p></div></div>"
    ));
    let article = extract_html(&html, None).expect("article");
    assert_eq!(
        article.paragraphs,
        vec![PARAGRAPH_ONE, PARAGRAPH_TWO, PARAGRAPH_THREE]
    );
}

#[test]
fn table_layout_keeps_the_content_cell_only() {
    let html = format!(
        "<html><body><table><tr><td class=menu><a href=/>Home</a><br><a href=/w>World</a></td></tr>\
         <tr><td>{PARAGRAPH_ONE}<br><br>{PARAGRAPH_TWO}<br><br>{PARAGRAPH_THREE}</td>\
         <td><b>Poll:</b> Should the city spend more on parks, or on roads and buses, next year?<br>\
         <a href=/1>Yes</a> <a href=/2>No</a><br>Most read<br><a href=/3>Storm warning for the weekend</a></td></tr>\
         </table></body></html>"
    );
    let article = extract_html(&html, None).expect("article");
    assert_eq!(
        article.paragraphs,
        vec![PARAGRAPH_ONE, PARAGRAPH_TWO, PARAGRAPH_THREE]
    );
}
