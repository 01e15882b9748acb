//! End-to-end tests of extraction: the project's own fixture pages and the shared third-party
//! pages (read from `../shared/extraction/` at test time) against their gold text, the sample
//! text dump, one regression test per body-finding mechanism, hostile input, and the JSON-LD /
//! scorer cross-check.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::score::token_f1;
use super::*;

/// Mean body F1 over the project's own fixtures below which the build fails.
const MEAN_F1_FLOOR: f64 = 0.98;
/// Body F1 below which any own fixture fails the build.
const PAGE_F1_FLOOR: f64 = 0.95;
/// Mean body F1 over the shared third-party pages (Arabic set and public-dev) below which the
/// build fails.
const SHARED_MEAN_F1_FLOOR: f64 = 0.985;
/// Body F1 below which any shared page fails the build. Known worst: an English page whose
/// embedded tweets the gold keeps and we drop as interruptions (F1 0.84 by this scorer).
const SHARED_PAGE_F1_FLOOR: f64 = 0.8;

fn repo_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

struct Gold {
    title: Option<String>,
    body: String,
}

fn read_gold(path: &Path) -> Gold {
    let value: serde_json::Value = serde_json::from_str(&read(path)).expect("gold JSON");
    Gold {
        title: value["title"].as_str().map(str::to_string),
        body: value["body"]
            .as_str()
            .unwrap_or_else(|| panic!("{} lacks body", path.display()))
            .to_string(),
    }
}

/// The `<id>.html` pages of a folder that have a gold `<id>.json` beside them, sorted.
fn gold_pages(dir: &Path) -> Vec<(String, PathBuf, PathBuf)> {
    let mut pages: Vec<_> = std::fs::read_dir(dir)
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

/// The shared extraction data (`../shared/extraction`), or `None` with a one-line reason when it
/// is missing. With `CI=true` a missing folder fails the test instead.
fn shared_extraction_dir() -> Option<PathBuf> {
    let dir = repo_path("../shared/extraction");
    if dir.is_dir() {
        return Some(dir);
    }
    let message = format!(
        "{} is missing: shared extraction pages not scored",
        dir.display()
    );
    assert!(std::env::var("CI").as_deref() != Ok("true"), "{message}");
    println!("skipped: {message}");
    None
}

/// Body scores of one page, with its title checked when the gold has one.
struct PageResult {
    id: String,
    precision: f64,
    recall: f64,
    f1: f64,
    title_ok: Option<bool>,
}

fn score_page(id: &str, html_path: &Path, gold_path: &Path) -> PageResult {
    let gold = read_gold(gold_path);
    let html = String::from_utf8_lossy(
        &std::fs::read(html_path).unwrap_or_else(|e| panic!("{}: {e}", html_path.display())),
    )
    .into_owned();
    let article = extract_html(&html, Some(&html_path.to_string_lossy()));
    let (paragraphs, title) = match article {
        Ok(article) => (article.paragraphs.join("\n"), article.title),
        Err(_) => (String::new(), String::new()),
    };
    let scores = token_f1(&paragraphs, &gold.body);
    PageResult {
        id: id.to_string(),
        precision: scores.precision,
        recall: scores.recall,
        f1: scores.f1,
        title_ok: gold
            .title
            .map(|t| normalize_space(&title) == normalize_space(&t)),
    }
}

/// Score every page of the sets, print the table, and list the pages under the floors.
fn score_sets(dirs: &[PathBuf], page_floor: f64, mean_floor: f64, titles: bool) -> Vec<String> {
    let pages: Vec<_> = dirs.iter().flat_map(|d| gold_pages(d)).collect();
    assert!(!pages.is_empty(), "no gold pages in {dirs:?}");
    let results: Vec<PageResult> = pages
        .iter()
        .map(|(id, html, gold)| score_page(id, html, gold))
        .collect();
    println!("{:<40} {:>6} {:>6} {:>6}  title", "page", "P", "R", "F1");
    let mut failures = Vec::new();
    for r in &results {
        let title = match r.title_ok {
            Some(true) => "ok",
            Some(false) => "WRONG",
            None => "-",
        };
        let short: String = r.id.chars().take(40).collect();
        println!(
            "{short:<40} {:>6.3} {:>6.3} {:>6.3}  {title}",
            r.precision, r.recall, r.f1
        );
        if r.f1 < page_floor {
            failures.push(format!("{}: body F1 {:.3} below {page_floor}", r.id, r.f1));
        }
        if titles && r.title_ok == Some(false) {
            failures.push(format!("{}: wrong title", r.id));
        }
    }
    let mean = results.iter().map(|r| r.f1).sum::<f64>() / results.len() as f64;
    println!("mean body F1 over {} pages: {mean:.4}", results.len());
    if mean < mean_floor {
        failures.push(format!("mean body F1 {mean:.4} below {mean_floor}"));
    }
    failures
}

#[test]
fn own_fixtures_meet_the_quality_floor() {
    let dir = repo_path("tests/fixtures/extraction");
    assert!(gold_pages(&dir).len() >= 8, "expected 8+ own fixture pages");
    let failures = score_sets(&[dir], PAGE_F1_FLOOR, MEAN_F1_FLOOR, true);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn shared_pages_meet_the_quality_floor() {
    let Some(dir) = shared_extraction_dir() else {
        return;
    };
    let dirs = [dir.clone(), dir.join("public-dev")];
    let failures = score_sets(&dirs, SHARED_PAGE_F1_FLOOR, SHARED_MEAN_F1_FLOOR, false);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn shared_page_metadata_is_read() {
    let Some(dir) = shared_extraction_dir() else {
        return;
    };
    let article =
        extract_html(&read(&dir.join("albayan-2020-afghan-embassy.html")), None).expect("article");
    assert_eq!(article.source_name.as_deref(), Some("البيان"));
    assert_eq!(article.published.as_deref(), Some("2020-06-03T03:01+0400"));
    assert_eq!(article.lang, "ar");
    assert_eq!(
        article.url.as_deref(),
        Some("https://www.albayan.ae/across-the-uae/news-and-reports/2020-06-03-1.3874341")
    );
    let article =
        extract_html(&read(&dir.join("elbaladtv-2020-yousra-covid.html")), None).expect("article");
    assert_eq!(article.byline.as_deref(), Some("ضحى عرفة"));
    assert_eq!(article.source_name.as_deref(), Some("قناة صدي البلد"));
}

const SAMPLE_DUMP_TITLE: &str =
    "الأرصاد تحذر من موجة حر غير مسبوقة في نوفمبر وتدعو إلى تجنب الشمس ظهرا";

#[test]
fn sample_dump_gives_headline_and_body_only() {
    let path = repo_path("samples/heatwave-warning.txt");
    let article = extract(&read(&path), DocumentKind::Text, Some("dump.txt")).expect("article");
    assert_eq!(article.title, SAMPLE_DUMP_TITLE);
    assert_eq!(article.lang, "ar");
    assert_eq!(article.extraction.strategy, Strategy::TextDump);
    let starts: Vec<String> = article
        .paragraphs
        .iter()
        .map(|p| p.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(
        starts,
        [
            "حذرت دائرة الأرصاد",
            "وقال المتحدث باسم",
            "ودعت وزارة الصحة",
            "كما قررت وزارة",
            "وأشار خبراء المناخ",
        ]
    );
    let body = article.paragraphs.join("\n");
    for furniture in [
        "أخبار محلية",
        "الأكثر قراءة",
        "منذ 3 ساعات",
        "المصدر",
        "التعليقات",
        "أضف تعليقك",
        "كيف تحمي",
    ] {
        assert!(
            !body.contains(furniture),
            "furniture {furniture:?} left in the body"
        );
    }
    assert!(!article.is_thin());
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

const PARAGRAPH_FOUR: &str = "Residents at the hearing asked for more money for libraries, and the council promised to review the figures in the spring.";
const PARAGRAPH_FIVE: &str = "The budget for next year will be debated in October, when new forecasts of tax income are due from the finance office.";

#[test]
fn a_body_split_over_sibling_containers_is_read_whole() {
    let html = page(&format!(
        "<div class='wrap'><div class='story-part'><p>{PARAGRAPH_ONE}</p><p>{PARAGRAPH_TWO}</p></div>\
         <div class='promo-box'><a href=/s>Subscribe for daily news</a></div>\
         <div class='story-part'><p>{PARAGRAPH_THREE}</p></div>\
         <div class='story-part'><p>{PARAGRAPH_FOUR}</p></div></div>"
    ));
    let article = extract_html(&html, None).expect("article");
    assert_eq!(
        article.paragraphs,
        vec![
            PARAGRAPH_ONE,
            PARAGRAPH_TWO,
            PARAGRAPH_THREE,
            PARAGRAPH_FOUR
        ]
    );
    assert_eq!(article.extraction.strategy, Strategy::Container);
}

#[test]
fn a_lead_paragraph_before_the_body_container_is_kept() {
    for lead_tag in ["h2 class='standfirst'", "div class='lead'", "strong"] {
        let close = lead_tag.split_whitespace().next().unwrap_or_default();
        let html = page(&format!(
            "<div class='main'><div class='meta'>5 March 2024</div><{lead_tag}>{PARAGRAPH_ONE}</{close}>\
             <div class='article-body'><p>{PARAGRAPH_TWO}</p><p>{PARAGRAPH_THREE}</p><p>{PARAGRAPH_FOUR}</p></div></div>"
        ));
        let article = extract_html(&html, None).expect("article");
        assert_eq!(
            article.paragraphs,
            vec![
                PARAGRAPH_ONE,
                PARAGRAPH_TWO,
                PARAGRAPH_THREE,
                PARAGRAPH_FOUR
            ],
            "lead in <{lead_tag}>"
        );
    }
}

#[test]
fn gallery_caption_and_player_interruptions_are_dropped() {
    let html = page(&format!(
        "<article><div class='content'><p>{PARAGRAPH_ONE}</p>\
         <div class='gallery'><div class='item'><img src=1.jpg><p>Council members arrive for the vote on Tuesday morning.</p></div>\
         <div class='item'><img src=2.jpg><p>The mayor speaks to reporters outside the city hall after the vote.</p></div></div>\
         <p>{PARAGRAPH_TWO}</p>\
         <div class='media'><img src=3.jpg><span class='caption'>The city hall on the evening of the vote, seen from the square.</span></div>\
         <div class='video-player'><div>Watch: the moment the council approved the budget.</div></div>\
         <div class='inline-card'><span>Read also</span> <a href=/r>Schools wait for the money</a><p>Head teachers say the new budget comes two years late for their buildings.</p></div>\
         <p>{PARAGRAPH_THREE}</p></div></article>"
    ));
    let article = extract_html(&html, None).expect("article");
    assert_eq!(
        article.paragraphs,
        vec![PARAGRAPH_ONE, PARAGRAPH_TWO, PARAGRAPH_THREE]
    );
}

#[test]
fn a_summary_in_json_ld_never_replaces_the_page_body() {
    let summary = "The council approved a budget that raises spending on schools and roads, in a vote that still needs the mayor to sign.";
    let html = page(&format!(
        "{}<div class=story><p>{PARAGRAPH_ONE}</p><p>{PARAGRAPH_TWO}</p><p>{PARAGRAPH_THREE}</p><p>{PARAGRAPH_FOUR}</p></div>",
        ld_script(summary)
    ));
    let article = extract_html(&html, None).expect("article");
    assert_eq!(
        article.paragraphs,
        vec![
            PARAGRAPH_ONE,
            PARAGRAPH_TWO,
            PARAGRAPH_THREE,
            PARAGRAPH_FOUR
        ]
    );
    assert_ne!(article.extraction.strategy, Strategy::Metadata);
}

#[test]
fn a_tiny_best_container_falls_back_to_the_densest_run() {
    let rows: String = [
        PARAGRAPH_TWO,
        PARAGRAPH_THREE,
        PARAGRAPH_FOUR,
        PARAGRAPH_FIVE,
    ]
    .iter()
    .map(|p| format!("<div class=row><div class=col><div>{p}</div></div></div>"))
    .collect();
    let html = page(&format!(
        "<div class=wrap><div class=summary itemprop=articleBody><p>{PARAGRAPH_ONE}</p></div>{rows}\
         <div class=row><div class=col><a href=/1>Budget talks</a> <a href=/2>Parks plan</a></div></div></div>"
    ));
    let article = extract_html(&html, None).expect("article");
    assert_eq!(
        article.paragraphs,
        vec![
            PARAGRAPH_ONE,
            PARAGRAPH_TWO,
            PARAGRAPH_THREE,
            PARAGRAPH_FOUR,
            PARAGRAPH_FIVE
        ]
    );
    assert_eq!(article.extraction.strategy, Strategy::DensestRun);
    assert!(!article.is_thin());
}

#[test]
fn comments_and_most_read_lists_stay_out_in_other_languages() {
    let comments = [
        ("comentarios", "Comentários", "Mais lidas"),
        ("kommentare", "Kommentare", "Meistgelesen"),
        ("commenti", "Commenti", "Più letti"),
        ("komentar", "Komentar", "Terpopuler"),
    ];
    for (class, heading, most_read) in comments {
        let html = page(&format!(
            "<div class=materia><p>{PARAGRAPH_ONE}</p><p>{PARAGRAPH_TWO}</p><p>{PARAGRAPH_THREE}</p></div>\
             <div class={class}><h3>{heading}</h3><div><p>I read this twice, and I still think the council, the mayor and the finance office got it wrong again.</p></div>\
             <div><p>Schools need the money more than roads do, and everybody in this town knows it, so why wait until spring?</p></div></div>\
             <div><h3>{most_read}</h3><p>Storm warning for the weekend, schools closed on Monday, the forecast says more rain.</p></div>"
        ));
        let article = extract_html(&html, None).expect("article");
        assert_eq!(
            article.paragraphs,
            vec![PARAGRAPH_ONE, PARAGRAPH_TWO, PARAGRAPH_THREE],
            "comments under {class}"
        );
    }
}

#[test]
fn a_body_that_is_a_small_part_of_the_page_is_flagged_thin() {
    let links: String = (0..60)
        .map(|i| format!("<li><a href=/{i}>Another headline about the city number {i}</a></li>"))
        .collect();
    let html = page(&format!(
        "<div class=story><p>{PARAGRAPH_ONE}</p></div><div class=list><ul>{links}</ul></div>"
    ));
    let article = extract_html(&html, None).expect("article");
    assert_eq!(article.paragraphs, vec![PARAGRAPH_ONE]);
    assert!(article.is_thin(), "share {}", article.body_share());
    let full = extract_html(
        &page(&format!("<div class=story><p>{PARAGRAPH_ONE}</p></div>")),
        None,
    )
    .expect("article");
    assert!(!full.is_thin());
}

#[test]
fn a_data_table_is_read_row_by_row_and_a_layout_table_cell_by_cell() {
    let html = page(&format!(
        "<div class='article-text'><p>{PARAGRAPH_ONE}</p>\
         <table><tr><th>Ward</th><th>Schools</th><th>Roads</th></tr>\
         <tr><td>North</td><td>1.2m</td><td>0.8m</td></tr>\
         <tr><td>South</td><td>0.9m</td><td>1.1m</td></tr></table>\
         <table><tr><td><p>{PARAGRAPH_TWO}</p></td><td><p>{PARAGRAPH_THREE}</p></td></tr></table>\
         </div>"
    ));
    let article = extract_html(&html, None).expect("article");
    assert_eq!(
        article.paragraphs,
        vec![
            PARAGRAPH_ONE,
            "Ward Schools Roads",
            "North 1.2m 0.8m",
            "South 0.9m 1.1m",
            PARAGRAPH_TWO,
            PARAGRAPH_THREE
        ]
    );
}

#[test]
fn css_layout_utility_classes_are_not_furniture_hints() {
    // `relative` is CSS positioning (Tailwind and friends), not "related stories".
    let html = page(&format!(
        "<div class='story relative flex flex-col'><div class='body-part'><p>{PARAGRAPH_ONE}</p>\
         <p>{PARAGRAPH_TWO}</p></div></div>\
         <figure><video src='v.mp4'></video><figcaption>Video: the council meeting.</figcaption></figure>\
         <div class='body-part'><p>{PARAGRAPH_THREE} {PARAGRAPH_THREE}</p>\
         <p>{PARAGRAPH_TWO} {PARAGRAPH_ONE}</p><p>{PARAGRAPH_ONE} {PARAGRAPH_THREE}</p></div>"
    ));
    let article = extract_html(&html, None).expect("article");
    // The second part is the best container; the first, inside the `relative` wrapper, is
    // found as another part of the same body.
    assert_eq!(article.paragraphs[..2], [PARAGRAPH_ONE, PARAGRAPH_TWO]);
    assert_eq!(article.paragraphs.len(), 5);
}

#[test]
fn a_data_row_whose_class_names_a_furniture_word_is_kept() {
    // A standings table whose rows are classed after what they list (`player-…`): the word
    // names the row's subject, not a video player, so the rows stay in the body.
    let html = page(&format!(
        "<div class='article-text'><p>{PARAGRAPH_ONE}</p>\
         <table><tr class=head><th>Pos.</th><th>Driver</th><th>Points</th></tr>\
         <tr class='oddrow player-2020-580'><td>1</td><td>Ann North</td><td>5040</td></tr>\
         <tr class='evenrow player-2020-225'><td>2</td><td>Bo South</td><td>5035</td></tr>\
         <tr class='sponsor-row'><td>Sponsored</td><td>Buy tyres</td></tr></table>\
         <p>{PARAGRAPH_TWO}</p></div>"
    ));
    let article = extract_html(&html, None).expect("article");
    assert_eq!(
        article.paragraphs,
        vec![
            PARAGRAPH_ONE,
            "Pos. Driver Points",
            "1 Ann North 5040",
            "2 Bo South 5035",
            PARAGRAPH_TWO
        ]
    );
}

#[test]
fn a_hover_card_of_links_inside_a_sentence_is_left_out() {
    // A name in the text carries a card of the person's latest headlines, shown on hover.
    let card = "<span class=card><a href=/p/1>Budget talks stall again | Parks plan | Roads</a> \
                <a href=/p/2>Mayor meets the unions</a> <a href=/p/3>More</a></span>";
    let html = page(&format!(
        "<div class=story><p>The council, led by <span class=person><a href=/people/ann>Ann North</a>{card}</span> \
         since May, approved the new budget on Tuesday, raising spending on schools and roads.</p>\
         <p>{PARAGRAPH_TWO}</p><p>{PARAGRAPH_THREE}</p></div>"
    ));
    let article = extract_html(&html, None).expect("article");
    assert_eq!(
        article.paragraphs,
        vec![
            "The council, led by Ann North since May, approved the new budget on Tuesday, raising spending on schools and roads.",
            PARAGRAPH_TWO,
            PARAGRAPH_THREE
        ]
    );
}

#[test]
fn an_item_repeated_under_each_section_is_kept_and_a_pull_quote_is_not() {
    let dish = "Lentil soup with carrots, onions and cumin, 1 cup, with a slice of rye bread.";
    let quote = "Schools need the money more than roads do, and everybody in this town knows it.";
    let html = page(&format!(
        "<div class=story><p>{PARAGRAPH_ONE}</p><h3>Monday</h3><p>{dish}</p>\
         <p>{quote}</p><h3>Tuesday</h3><p class=pullquote>{quote}</p>\
         <p>Baked fish with potatoes and green beans, and an apple after it.</p>\
         <h3>Wednesday</h3><p>{dish}</p><p>{PARAGRAPH_TWO}</p></div>"
    ));
    let article = extract_html(&html, None).expect("article");
    assert_eq!(
        article
            .paragraphs
            .iter()
            .filter(|p| p.as_str() == dish)
            .count(),
        2,
        "{:?}",
        article.paragraphs
    );
    assert_eq!(
        article
            .paragraphs
            .iter()
            .filter(|p| p.as_str() == quote)
            .count(),
        1
    );
}

#[test]
fn a_digest_item_led_by_a_long_link_is_kept_with_its_list() {
    let short = "<li><a href=/s/4>The city library will open on Sundays from next month, after a vote of the council</a>. Readers had asked for it for years.</li>";
    let html = page(&format!(
        "<div class=story><p>Here is what you need to know this morning.</p><ul>\
         <li><a href=/s/1>Budget approved</a>. {PARAGRAPH_ONE}</li>\
         <li><a href=/s/2>Opposition doubts</a>. {PARAGRAPH_TWO}</li>\
         <li><a href=/s/3>Mayor to sign</a>. {PARAGRAPH_THREE}</li>{short}</ul>\
         <ul><li><a href=/a>Weather</a></li><li><a href=/b>Sport</a></li><li><a href=/c>Traffic news</a></li></ul></div>"
    ));
    let article = extract_html(&html, None).expect("article");
    let body = article.paragraphs.join("\n");
    assert!(
        body.contains("Readers had asked for it for years."),
        "{body}"
    );
    assert!(body.contains(PARAGRAPH_THREE));
    assert!(!body.contains("Traffic news"), "{body}");
}
