//! A readability-style content scorer for HTML news pages.
//!
//! 1. The page (after [`super::nesting::limit_nesting`]) is parsed with `scraper` and copied into a
//!    flat arena in document order, without scripts, styles, forms controls and hidden elements.
//!    Everything after that is iterative, so no input depth can exhaust the stack.
//! 2. The visible text is cut into *blocks*: the text between block-level boundaries and `<br>`s,
//!    each remembering its owning element, its length and how much of it is link text. Text
//!    inside `nav`, `aside`, `header`, `footer`, `figure` and `figcaption` is left out, and so
//!    is a link card hidden inside a sentence (an inline element of 3+ links and no text of its
//!    own). A row of a data table is one block and is never furniture by a mild class word.
//! 3. Every block of 25+ characters scores 1 + commas (Latin and Arabic) + length/100 (≤ 3),
//!    scaled down by its link density, and gives that score to its container and a share of it to
//!    four more ancestors. Containers then gain or lose points for their tag and for class/id hints
//!    (`article-body`, `story`, `content`, `entry`, `ArticleDetails`, `itemprop=articleBody` …
//!    versus `comment`, `share`, `related`, `tags`, `footer`, `sidebar`, `promo`, `newsletter`,
//!    `ticker` …) and are scaled by their own link density.
//! 4. The best container and its good siblings are kept; inside them, blocks under a negative-hint
//!    element, link-heavy blocks (except the items of a list told in prose) and link-heavy
//!    sub-containers are dropped. The rest, in reading order, goes through the
//!    [`super::boilerplate`] rules, which keep an item the body lists again under a new heading.
//! 5. A JSON-LD `articleBody` consistent with the page cross-checks the result: it replaces a
//!    result that missed most of the article and prunes paragraphs it does not contain.

use std::collections::{HashMap, HashSet};

use scraper::{Html, Node};

use super::article::{detect_lang, Article, Extraction, Strategy};
use super::boilerplate::{self, fold_arabic};
use super::jsonld::{self, PageMetadata};
use super::nesting::limit_nesting;
use super::normalize_space;
use super::score;

/// Tags whose subtree holds no readable text.
const SKIPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "canvas", "video", "audio", "select", "option", "button", "input", "textarea", "label", "head",
    "title", "meta", "link", "source", "track", "map", "area", "dialog", "img", "picture",
];

/// Tags whose text is page furniture, never article body.
const EXCLUDED_TAGS: &[&str] = &[
    "nav",
    "aside",
    "footer",
    "header",
    "figure",
    "figcaption",
    "caption",
    "menu",
    "address",
];

/// Tags that start and end a block of text.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "center",
    "dd",
    "details",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "br",
    "caption",
    "legend",
];

/// Tags that are paragraphs rather than containers: their score goes to their parent.
const PARAGRAPH_TAGS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "dd",
    "dt",
    "blockquote",
    "pre",
    "span",
    "font",
    "b",
    "strong",
    "em",
    "i",
    "a",
];

/// Class/id tokens that mark article content.
const POSITIVE_TOKENS: &[&str] = &[
    "article",
    "articlebody",
    "body",
    "content",
    "contents",
    "entry",
    "hentry",
    "text",
    "story",
    "post",
    "main",
    "details",
    "detail",
    "news",
    "blog",
    "prose",
    "richtext",
    "paragraph",
];

/// Positive tokens strong enough to override a mild negative token on the same element.
const STRONG_POSITIVE_TOKENS: &[&str] =
    &["articlebody", "content", "entry", "body", "text", "story"];

/// Class/id tokens that mark furniture when equal to a token.
const NEGATIVE_TOKENS: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "banner",
    "tags",
    "tag",
    "taglist",
    "keywords",
    "footer",
    "foot",
    "sidebar",
    "widget",
    "widgets",
    "byline",
    "author",
    "authors",
    "meta",
    "metadata",
    "date",
    "dates",
    "time",
    "timestamp",
    "caption",
    "credit",
    "credits",
    "print",
    "toolbar",
    "tools",
    "tool",
    "pagination",
    "pager",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "ticker",
    "follow",
    "poll",
    "rating",
    "modal",
    "popup",
    "cookie",
    "login",
    "masthead",
    "source",
    "copyright",
    "disclaimer",
    "icons",
    "icon",
    "btn",
    "button",
    "more",
    "also",
    "sr",
    "screen",
    "visually",
    "subscribe",
    "signup",
    "contact",
    "breaking",
    "marquee",
    "slider",
    "carousel",
    "gallery",
    "slideshow",
    "lightbox",
    "player",
    "teaser",
    "teasers",
    "rail",
];

/// Stems that mark furniture anywhere inside a class/id token; these always win over positives.
/// Class names of utility CSS frameworks (Tailwind, Tachyons, Bootstrap) that say how a box is
/// laid out, not what it holds: `relative` is CSS positioning, not "related stories".
const CSS_UTILITY_TOKENS: &[&str] = &["relative", "absolute", "static", "sticky"];

const NEGATIVE_STEMS: &[&str] = &[
    "comment",
    "share",
    "sharing",
    "social",
    "related",
    "relative",
    "newsletter",
    "breadcrumb",
    "outbrain",
    "taboola",
    "advert",
    "sponsor",
    "subscri",
    "promo",
    "recommend",
    "readmore",
    "mostread",
    "popular",
    "trending",
    "tagcloud",
    "disqus",
    "inread",
    "googlead",
    "dfp",
    "readalso",
    "coment",
    "kommentar",
    "komentar",
    "maislid",
    "leiatambem",
    "vejatambem",
    "bacajuga",
    "alsoread",
    "readnext",
    "upnext",
    "mostviewed",
];

/// Arabic and Latin commas, counted as a sign of prose.
const COMMAS: &[char] = &[',', '،', '؛'];

/// Most nodes copied from a page; the rest of a (pathological) page is ignored.
const MAX_DOM_NODES: usize = 1_000_000;

#[derive(Debug, Clone, Copy, Default)]
struct Flags {
    excluded: bool,
    link: bool,
    heading: bool,
    /// Inside an inline element with a furniture hint (`span.caption`, `a.tag`).
    hinted: bool,
}

#[derive(Debug)]
struct Element {
    tag: String,
    is_block: bool,
    class_weight: f64,
    negative: bool,
    /// The furniture hint is a stem that always wins (`comment`, `advert`), not a mild token.
    furniture_stem: bool,
    byline_hint: bool,
    /// The raw `class` attribute, to recognise the sibling parts of a split body.
    class: String,
    /// A cell of a data-table row: read inline, its row is one block.
    row_cell: bool,
}

#[derive(Debug)]
enum Kind {
    Element(Element),
    Text(String),
}

#[derive(Debug)]
struct DomNode {
    parent: Option<usize>,
    children: Vec<usize>,
    flags: Flags,
    kind: Kind,
}

/// The page as a flat arena in document (pre-)order: a node's descendants are exactly the nodes
/// in `index + 1 .. subtree_end[index]`.
struct Dom {
    nodes: Vec<DomNode>,
    subtree_end: Vec<usize>,
}

/// A run of text between block boundaries.
#[derive(Debug, Clone)]
struct Block {
    text: String,
    chars: usize,
    link_chars: usize,
    owner: usize,
    heading: bool,
    /// Visible characters outside links.
    plain_chars: usize,
    /// All its text sits in inline elements with a furniture hint (`span.caption`).
    hinted: bool,
}

/// Characters of plain text from which a block is prose even when links outweigh it (a
/// paragraph with a hover card of links on a name).
const PROSE_PLAIN_CHARS: usize = 100;

impl Block {
    fn link_density(&self) -> f64 {
        ratio(self.link_chars, self.chars)
    }

    /// Mostly links and little text of its own: a menu entry, a list of headlines.
    fn is_link_heavy(&self) -> bool {
        self.link_density() > 0.5 && self.plain_chars < PROSE_PLAIN_CHARS
    }
}

/// Letters and digits in a text.
fn alphanumerics(text: &str) -> usize {
    text.chars().filter(|c| c.is_alphanumeric()).count()
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

impl Dom {
    fn build(doc: &Html) -> Dom {
        let mut nodes: Vec<DomNode> = Vec::new();
        let mut stack = vec![(doc.tree.root(), None::<usize>)];
        while let Some((node, parent)) = stack.pop() {
            if nodes.len() >= MAX_DOM_NODES {
                break;
            }
            let parent_flags = parent.map(|p| nodes[p].flags).unwrap_or_default();
            let kind = match node.value() {
                Node::Text(text) => Kind::Text(text.to_string()),
                Node::Element(element) => {
                    let tag = element.name().to_ascii_lowercase();
                    if SKIPPED_TAGS.contains(&tag.as_str()) || is_hidden(element) {
                        continue;
                    }
                    Kind::Element(describe_element(tag, element))
                }
                Node::Document | Node::Fragment => Kind::Element(Element {
                    tag: "#root".to_string(),
                    is_block: true,
                    class_weight: 0.0,
                    negative: false,
                    furniture_stem: false,
                    byline_hint: false,
                    class: String::new(),
                    row_cell: false,
                }),
                _ => continue,
            };
            let flags = match &kind {
                Kind::Element(e) => Flags {
                    excluded: parent_flags.excluded || EXCLUDED_TAGS.contains(&e.tag.as_str()),
                    link: parent_flags.link || e.tag == "a",
                    heading: parent_flags.heading || is_heading(&e.tag),
                    hinted: parent_flags.hinted || (e.negative && !e.is_block),
                },
                Kind::Text(_) => parent_flags,
            };
            let index = nodes.len();
            nodes.push(DomNode {
                parent,
                children: Vec::new(),
                flags,
                kind,
            });
            if let Some(p) = parent {
                nodes[p].children.push(index);
            }
            if matches!(nodes[index].kind, Kind::Element(_)) {
                let children: Vec<_> = node.children().collect();
                stack.extend(children.into_iter().rev().map(|child| (child, Some(index))));
            }
        }
        let mut subtree_end: Vec<usize> = (1..=nodes.len()).collect();
        for index in (0..nodes.len()).rev() {
            if let Some(parent) = nodes[index].parent {
                subtree_end[parent] = subtree_end[parent].max(subtree_end[index]);
            }
        }
        let mut dom = Dom { nodes, subtree_end };
        dom.join_data_rows();
        dom.exclude_link_cards();
        dom
    }

    /// Leave out the link cards set inside a paragraph's text: an inline element holding only
    /// links, several of them, within a paragraph that has prose of its own (a hover card of
    /// headlines on a person's name, a tooltip menu). They are hidden until hovered; read out,
    /// they would cut a sentence in two.
    fn exclude_link_cards(&mut self) {
        // Innermost first, so that the card leaves out its own links but not the name it
        // hangs on (`<span><a>Name</a><span>card</span></span>`).
        for index in (0..self.nodes.len()).rev() {
            if self.is_link_card(index) {
                for node in &mut self.nodes[index..self.subtree_end[index]] {
                    node.flags.excluded = true;
                }
            }
        }
    }

    /// See [`Dom::exclude_link_cards`].
    fn is_link_card(&self, index: usize) -> bool {
        const MIN_CARD_LINKS: usize = 3;
        const MIN_PROSE_AROUND: usize = 40;
        let node = &self.nodes[index];
        let inline = self
            .element(index)
            .is_some_and(|e| !e.is_block && !e.row_cell && e.tag != "a");
        if !inline || node.flags.link || node.flags.excluded {
            return false;
        }
        let (mut links, mut plain) = (0, 0);
        for i in index + 1..self.subtree_end[index] {
            let inner = &self.nodes[i];
            if inner.flags.excluded {
                continue;
            }
            match &inner.kind {
                Kind::Element(e) if e.is_block => return false,
                Kind::Element(e)
                    if e.tag == "a" && inner.parent.is_some_and(|p| !self.nodes[p].flags.link) =>
                {
                    links += 1;
                }
                Kind::Text(t) if !inner.flags.link => plain += alphanumerics(t),
                _ => {}
            }
        }
        if links < MIN_CARD_LINKS || plain > 0 {
            return false;
        }
        self.block_ancestor(index)
            .is_some_and(|block| self.prose_around(block, index) >= MIN_PROSE_AROUND)
    }

    /// Letters and digits of plain (non-link, not excluded) text in `block` outside `inner`.
    fn prose_around(&self, block: usize, inner: usize) -> usize {
        (block + 1..self.subtree_end[block])
            .filter(|&i| !self.contains(inner, i))
            .map(|i| &self.nodes[i])
            .filter(|n| !n.flags.link && !n.flags.excluded)
            .map(|n| match &n.kind {
                Kind::Text(t) => alphanumerics(t),
                Kind::Element(_) => 0,
            })
            .sum()
    }

    /// The nearest block-level ancestor of a node.
    fn block_ancestor(&self, index: usize) -> Option<usize> {
        let mut current = self.nodes[index].parent;
        while let Some(i) = current {
            if self.element(i).is_some_and(|e| e.is_block) {
                return Some(i);
            }
            current = self.nodes[i].parent;
        }
        None
    }

    /// Read each row of a data table (a table of short cells: standings, results, prices) as
    /// one line, cells separated by spaces, instead of one block per cell; a row whose cells
    /// hold paragraphs or long text (a layout table) keeps its cells as blocks.
    ///
    /// A data row is data, whatever its class says: a mild furniture token in a row's class
    /// names what the row is about (`tr.player-2020-580` in a standings table), not a widget,
    /// so only a furniture stem (`sponsor`, `advert`) still marks the row.
    fn join_data_rows(&mut self) {
        let rows: Vec<usize> = (0..self.nodes.len())
            .filter(|&i| self.tag(i) == "tr" && self.is_data_row(i))
            .collect();
        for row in rows {
            if let Kind::Element(element) = &mut self.nodes[row].kind {
                element.negative &= element.furniture_stem;
            }
            for cell in self.nodes[row].children.clone() {
                if let Kind::Element(element) = &mut self.nodes[cell].kind {
                    element.is_block = false;
                    element.row_cell = true;
                }
            }
        }
    }

    /// A row of at least two cells, each short and holding no block element.
    fn is_data_row(&self, row: usize) -> bool {
        const MAX_CELL_WORDS: usize = 12;
        let cells: Vec<usize> = self.nodes[row]
            .children
            .iter()
            .copied()
            .filter(|&c| matches!(self.tag(c), "td" | "th"))
            .collect();
        cells.len() >= 2
            && cells.iter().all(|&cell| {
                let inner_block = (cell + 1..self.subtree_end[cell])
                    .any(|i| self.element(i).is_some_and(|e| e.is_block && e.tag != "br"));
                !inner_block && self.subtree_text(cell).split_whitespace().count() <= MAX_CELL_WORDS
            })
    }

    fn element(&self, index: usize) -> Option<&Element> {
        match &self.nodes[index].kind {
            Kind::Element(e) => Some(e),
            Kind::Text(_) => None,
        }
    }

    fn tag(&self, index: usize) -> &str {
        self.element(index).map_or("", |e| e.tag.as_str())
    }

    fn contains(&self, ancestor: usize, node: usize) -> bool {
        ancestor <= node && node < self.subtree_end[ancestor]
    }

    /// All text under a node, whitespace-normalized (includes excluded regions).
    fn subtree_text(&self, index: usize) -> String {
        let mut text = String::new();
        for node in &self.nodes[index..self.subtree_end[index]] {
            match &node.kind {
                Kind::Text(t) => text.push_str(t),
                Kind::Element(e) if e.is_block => text.push(' '),
                Kind::Element(_) => {}
            }
        }
        normalize_space(&text)
    }

    /// Cut the visible, non-excluded text into blocks, in reading order.
    fn blocks(&self) -> Vec<Block> {
        let mut blocks = Vec::new();
        let mut builder = BlockBuilder::default();
        let mut owners: Vec<usize> = Vec::new();
        // Explicit enter/exit traversal (no recursion).
        let mut stack: Vec<(usize, bool)> = vec![(0, false)];
        while let Some((index, exiting)) = stack.pop() {
            let node = &self.nodes[index];
            match &node.kind {
                Kind::Text(text) => {
                    if !node.flags.excluded {
                        builder.push(text, node.flags);
                    }
                }
                Kind::Element(element) => {
                    let is_block = element.is_block;
                    if exiting {
                        if is_block {
                            builder.flush(owners.last().copied().unwrap_or(0), &mut blocks);
                            owners.pop();
                        }
                        continue;
                    }
                    if is_block {
                        builder.flush(owners.last().copied().unwrap_or(0), &mut blocks);
                        owners.push(index);
                    } else if element.row_cell {
                        builder.push(" ", node.flags);
                    }
                    stack.push((index, true));
                    stack.extend(node.children.iter().rev().map(|&c| (c, false)));
                }
            }
        }
        builder.flush(owners.last().copied().unwrap_or(0), &mut blocks);
        blocks
    }
}

fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

fn is_hidden(element: &scraper::node::Element) -> bool {
    if element.attr("hidden").is_some() {
        return true;
    }
    if element
        .attr("aria-hidden")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    element.attr("style").is_some_and(|style| {
        let compact: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        compact.contains("display:none") || compact.contains("visibility:hidden")
    })
}

#[derive(Default)]
struct BlockBuilder {
    text: String,
    link_text: usize,
    hinted_text: usize,
    heading: bool,
}

impl BlockBuilder {
    fn push(&mut self, text: &str, flags: Flags) {
        let visible = text.chars().filter(|c| !c.is_whitespace()).count();
        if flags.link {
            self.link_text += visible;
        }
        if flags.hinted {
            self.hinted_text += visible;
        }
        self.heading |= flags.heading && !text.trim().is_empty();
        self.text.push_str(text);
    }

    fn flush(&mut self, owner: usize, blocks: &mut Vec<Block>) {
        let text = normalize_space(&self.text);
        if !text.is_empty() {
            let visible = text.chars().filter(|c| !c.is_whitespace()).count();
            let short = text.split_whitespace().count() <= 20;
            blocks.push(Block {
                chars: text.chars().count(),
                link_chars: self.link_text.min(visible),
                plain_chars: visible - self.link_text.min(visible),
                text,
                owner,
                // Headings are short; long text inside an unclosed <h1> is body.
                heading: self.heading && short,
                hinted: self.hinted_text >= visible,
            });
        }
        *self = BlockBuilder::default();
    }
}

/// Split a class/id string into lower-case tokens at non-alphanumerics and camelCase humps.
fn hint_tokens(hints: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut current = String::new();
    let mut previous_lower = false;
    for c in hints.chars() {
        if !c.is_ascii_alphanumeric() {
            if !current.is_empty() {
                tokens.push(std::mem::take(&mut current));
            }
            previous_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && previous_lower && !current.is_empty() {
            tokens.push(std::mem::take(&mut current));
        }
        previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        current.push(c.to_ascii_lowercase());
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    // Also the whole class word without separators ("article-body" → "articlebody").
    let joined: Vec<String> = hints
        .split_whitespace()
        .map(|w| {
            w.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
                .to_ascii_lowercase()
        })
        .filter(|w| !w.is_empty() && !tokens.contains(w))
        .collect();
    tokens.extend(joined);
    tokens
}

struct Hints {
    positive: bool,
    strong_positive: bool,
    negative: bool,
    always_negative: bool,
}

fn read_hints(class_and_id: &str) -> Hints {
    let tokens = hint_tokens(class_and_id);
    let mut hints = Hints {
        positive: false,
        strong_positive: false,
        negative: false,
        always_negative: false,
    };
    let mut skip_next = false;
    for token in &tokens {
        if skip_next {
            skip_next = false;
            continue;
        }
        if token == "no" || token == "without" {
            skip_next = true;
            continue;
        }
        if CSS_UTILITY_TOKENS.contains(&token.as_str()) {
            continue;
        }
        hints.positive |= POSITIVE_TOKENS.contains(&token.as_str());
        hints.strong_positive |= STRONG_POSITIVE_TOKENS.contains(&token.as_str());
        let stem = NEGATIVE_STEMS.iter().any(|s| token.contains(s)) && !token.starts_with("no");
        hints.always_negative |= stem;
        hints.negative |= stem || NEGATIVE_TOKENS.contains(&token.as_str());
    }
    hints
}

fn describe_element(tag: String, element: &scraper::node::Element) -> Element {
    let class_and_id = format!(
        "{} {}",
        element.attr("class").unwrap_or(""),
        element.attr("id").unwrap_or("")
    );
    let hints = read_hints(&class_and_id);
    let itemprop = element.attr("itemprop").unwrap_or("").to_ascii_lowercase();
    let article_body = itemprop
        .split_whitespace()
        .any(|p| p == "articlebody" || p == "text");
    let byline_hint = itemprop.contains("author")
        || element
            .attr("rel")
            .is_some_and(|r| r.eq_ignore_ascii_case("author"))
        || hint_tokens(&class_and_id)
            .iter()
            .any(|t| t == "byline" || t == "author");
    let mut class_weight = 0.0;
    if hints.positive {
        class_weight += 25.0;
    }
    if hints.negative {
        class_weight -= 25.0;
    }
    if article_body {
        class_weight += 50.0;
    }
    class_weight += match tag.as_str() {
        "article" => 10.0,
        "main" | "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    let negative =
        !article_body && hints.negative && (hints.always_negative || !hints.strong_positive);
    let is_block = BLOCK_TAGS.contains(&tag.as_str());
    Element {
        tag,
        is_block,
        class_weight,
        negative,
        furniture_stem: negative && hints.always_negative,
        byline_hint,
        class: element.attr("class").unwrap_or("").trim().to_string(),
        row_cell: false,
    }
}

/// Per-element sums over the blocks below it.
struct Totals {
    chars: Vec<usize>,
    link_chars: Vec<usize>,
}

impl Totals {
    fn compute(dom: &Dom, blocks: &[Block]) -> Totals {
        let count = dom.nodes.len();
        let mut chars = vec![0usize; count];
        let mut link_chars = vec![0usize; count];
        for block in blocks {
            chars[block.owner] += block.chars;
            link_chars[block.owner] += block.link_chars;
        }
        for index in (1..count).rev() {
            if let Some(parent) = dom.nodes[index].parent {
                chars[parent] += chars[index];
                link_chars[parent] += link_chars[index];
            }
        }
        Totals { chars, link_chars }
    }

    fn link_density(&self, index: usize) -> f64 {
        ratio(self.link_chars[index], self.chars[index])
    }
}

/// Characters of text from which a positive class hint counts in full.
const HINTED_FULL_CHARS: f64 = 250.0;

/// Readability-style container scores.
fn score_containers(dom: &Dom, blocks: &[Block], totals: &Totals) -> HashMap<usize, f64> {
    const LEVEL_DIVISORS: [f64; 5] = [1.0, 2.0, 6.0, 9.0, 12.0];
    let mut scores: HashMap<usize, f64> = HashMap::new();
    for block in blocks.iter().filter(|b| !b.heading && b.chars >= 25) {
        let commas = block.text.chars().filter(|c| COMMAS.contains(c)).count() as f64;
        let points =
            (1.0 + commas + (block.chars as f64 / 100.0).min(3.0)) * (1.0 - block.link_density());
        let owner = block.owner;
        let start = if PARAGRAPH_TAGS.contains(&dom.tag(owner)) {
            dom.nodes[owner].parent
        } else {
            Some(owner)
        };
        let mut current = start;
        for divisor in LEVEL_DIVISORS {
            let Some(index) = current else { break };
            *scores.entry(index).or_insert(0.0) += points / divisor;
            current = dom.nodes[index].parent;
        }
    }
    scores
        .into_iter()
        .map(|(index, points)| {
            let weight = dom.element(index).map_or(0.0, |e| e.class_weight);
            // A hint only vouches for a container that holds text: a two-line `div.text`
            // must not beat the story on its class name alone.
            let weight = if weight > 0.0 {
                weight * (totals.chars[index] as f64 / HINTED_FULL_CHARS).min(1.0)
            } else {
                weight
            };
            (
                index,
                (points + weight) * (1.0 - totals.link_density(index)),
            )
        })
        .collect()
}

/// The chosen content roots: the best container plus the siblings that belong to the article,
/// in document order (see [`belongs_to_article`]).
fn choose_roots(dom: &Dom, scores: &HashMap<usize, f64>, totals: &Totals) -> Vec<usize> {
    let best = scores
        .iter()
        .filter(|(_, s)| s.is_finite())
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(&i, &s)| (i, s));
    let Some((top, top_score)) = best else {
        return vec![0];
    };
    let Some(parent) = dom.nodes[top].parent else {
        return vec![top];
    };
    let threshold = (top_score * 0.2).max(10.0);
    let mut roots = Vec::new();
    for &sibling in &dom.nodes[parent].children {
        if sibling == top {
            roots.push(sibling);
            continue;
        }
        if dom.nodes[sibling].flags.excluded || dom.element(sibling).is_none_or(|e| e.negative) {
            continue;
        }
        let score = scores.get(&sibling).copied().unwrap_or(0.0);
        if score >= threshold || belongs_to_article(dom, totals, top, sibling) {
            roots.push(sibling);
        }
    }
    roots.extend(parts_elsewhere(dom, totals, top, &roots));
    roots.sort_unstable();
    roots
}

/// Least text in a part of a split body found away from the best container.
const MIN_PART_CHARS: usize = 80;

/// Other parts of a body split over containers of the same kind as the best one (same tag
/// and class) that sit elsewhere in the page, e.g. one wrapper per section of a long story:
/// prose, few links, not inside furniture or inside (or around) a root.
fn parts_elsewhere(dom: &Dom, totals: &Totals, top: usize, roots: &[usize]) -> Vec<usize> {
    if dom.element(top).is_none_or(|e| e.class.is_empty()) {
        return Vec::new();
    }
    let marks = furniture_marks(dom, totals);
    let mut parts: Vec<usize> = Vec::new();
    for (index, &marked) in marks.iter().enumerate() {
        if index == top || marked || !same_kind(dom, top, index) {
            continue;
        }
        let overlaps = |r: &usize| dom.contains(*r, index) || dom.contains(index, *r);
        if roots.iter().any(overlaps) || parts.iter().any(overlaps) {
            continue;
        }
        if dom.nodes[index].flags.excluded
            || totals.chars[index] < MIN_PART_CHARS
            || totals.link_density(index) >= 0.25
        {
            continue;
        }
        parts.push(index);
    }
    parts
}

/// A sibling of the best container that is part of the same article although it scored low:
/// a paragraph, a lead/standfirst block of prose (`h2`, `div.lead`, `strong`) or another part
/// of a body split over containers of the same kind (same tag and class).
fn belongs_to_article(dom: &Dom, totals: &Totals, top: usize, sibling: usize) -> bool {
    if dom.element(sibling).is_some_and(|e| !e.is_block) {
        // Inline text is counted in its parent's blocks, not in its own totals.
        return is_lead_block(dom, sibling, top);
    }
    let chars = totals.chars[sibling];
    let density = totals.link_density(sibling);
    if chars == 0 || density >= 0.25 {
        return false;
    }
    let tag = dom.tag(sibling);
    if tag == "p" {
        return chars > 80 || (density == 0.0 && ends_sentence(&dom.subtree_text(sibling)));
    }
    if same_kind(dom, top, sibling) {
        return true;
    }
    is_lead_block(dom, sibling, top)
}

/// True when two elements have the same tag and the same non-empty class list.
fn same_kind(dom: &Dom, a: usize, b: usize) -> bool {
    match (dom.element(a), dom.element(b)) {
        (Some(x), Some(y)) => x.tag == y.tag && !x.class.is_empty() && x.class == y.class,
        _ => false,
    }
}

/// A block of prose right before the container (no links, one or two sentences of 12+ words):
/// the story's lead paragraph set apart from the body.
fn is_lead_block(dom: &Dom, sibling: usize, top: usize) -> bool {
    if sibling > top || has_block_children(dom, sibling) {
        return false;
    }
    let text = dom.subtree_text(sibling);
    let words = text.split_whitespace().count();
    (12..=120).contains(&words) && ends_sentence(&text)
}

/// True when an element holds block-level containers of its own (it is a wrapper, not a lead).
fn has_block_children(dom: &Dom, index: usize) -> bool {
    dom.nodes[index].children.iter().any(|&child| {
        dom.element(child)
            .is_some_and(|e| e.is_block && !matches!(e.tag.as_str(), "p" | "br" | "span"))
    })
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['.', '!', '?', '؟'])
}

/// Keep the blocks inside the roots that are not furniture by structure. An inline root (a
/// `<strong>` lead) owns the block of its parent that holds exactly its text.
fn content_blocks<'b>(
    dom: &Dom,
    blocks: &'b [Block],
    roots: &[usize],
    totals: &Totals,
) -> Vec<&'b Block> {
    let cards = read_also_cards(dom, blocks, totals);
    let inline_roots: Vec<(Option<usize>, String)> = roots
        .iter()
        .filter(|&&r| dom.element(r).is_some_and(|e| !e.is_block))
        .map(|&r| (dom.nodes[r].parent, dom.subtree_text(r)))
        .collect();
    let prose_lists = prose_lists(dom, blocks);
    blocks
        .iter()
        .filter(|block| {
            if block.hinted || (block.is_link_heavy() && !is_prose_item(dom, block, &prose_lists)) {
                return false;
            }
            if inline_roots
                .iter()
                .any(|(parent, text)| *parent == Some(block.owner) && *text == block.text)
            {
                return true;
            }
            // Roots are disjoint subtrees in document order: the candidate is the last root
            // starting at or before the block's owner.
            let after = roots.partition_point(|&r| r <= block.owner);
            let Some(&root) = after.checked_sub(1).and_then(|i| roots.get(i)) else {
                return false;
            };
            dom.contains(root, block.owner)
                && !under_furniture(dom, block.owner, root, totals)
                && !inside_any(dom, block.owner, root, &cards)
        })
        .collect()
}

/// Lists (`ul`/`ol`) most of whose items are prose, not link-heavy: a digest of stories told
/// in the body, one item each (a newsletter's "10 things to know").
fn prose_lists(dom: &Dom, blocks: &[Block]) -> HashSet<usize> {
    let mut counts: HashMap<usize, (usize, usize)> = HashMap::new();
    for block in blocks.iter().filter(|b| dom.tag(b.owner) == "li") {
        if let Some(list) = dom.nodes[block.owner].parent {
            let entry = counts.entry(list).or_insert((0, 0));
            entry.0 += usize::from(!block.hinted && !block.is_link_heavy());
            entry.1 += 1;
        }
    }
    counts
        .into_iter()
        .filter(|&(_, (prose, all))| prose >= 3 && 2 * prose >= all)
        .map(|(list, _)| list)
        .collect()
}

/// An item of a prose list whose linked headline is followed by a sentence of its own: told
/// like its neighbours, it is body even though the link is most of its text.
fn is_prose_item(dom: &Dom, block: &Block, prose_lists: &HashSet<usize>) -> bool {
    const MIN_OWN_CHARS: usize = 25;
    dom.tag(block.owner) == "li"
        && dom.nodes[block.owner]
            .parent
            .is_some_and(|list| prose_lists.contains(&list))
        && block.plain_chars >= MIN_OWN_CHARS
        && boilerplate::ends_like_sentence(&block.text)
}

/// Most characters in a "read also" card: a label, a headline and a one-line summary.
const MAX_CARD_CHARS: usize = 600;

/// Elements that are "read also" cards: a small box whose text opens with a "read also" label
/// (boilerplate rules), with the headline and summary that follow it.
fn read_also_cards(dom: &Dom, blocks: &[Block], totals: &Totals) -> HashSet<usize> {
    blocks
        .iter()
        .filter(|b| b.text.split_whitespace().count() <= 16)
        .filter(|b| boilerplate::classify(&b.text) == boilerplate::Verdict::ReadAlso)
        .map(|b| b.owner)
        .filter(|&owner| totals.chars[owner] <= MAX_CARD_CHARS && dom.tag(owner) != "p")
        .collect()
}

/// True when `node` or an ancestor below `root` is in `marked`.
fn inside_any(dom: &Dom, node: usize, root: usize, marked: &HashSet<usize>) -> bool {
    let mut current = Some(node);
    while let Some(index) = current {
        if index == root {
            return false;
        }
        if marked.contains(&index) {
            return true;
        }
        current = dom.nodes[index].parent;
    }
    false
}

/// True when an element between `node` (inclusive) and `root` (exclusive) has a negative
/// class/id hint or is a link-heavy sub-container.
fn under_furniture(dom: &Dom, node: usize, root: usize, totals: &Totals) -> bool {
    let mut current = Some(node);
    while let Some(index) = current {
        if index == root {
            return false;
        }
        if let Some(element) = dom.element(index) {
            // A hinted element holding most of the root's text is the content wrapper itself
            // (e.g. a page builder's `widget-container`), not furniture.
            if element.negative && 2 * totals.chars[index] < totals.chars[root] {
                return true;
            }
            if !PARAGRAPH_TAGS.contains(&element.tag.as_str())
                && totals.chars[index] > 0
                && totals.link_density(index) > 0.5
            {
                return true;
            }
        }
        current = dom.nodes[index].parent;
    }
    false
}

/// Texts of the page's `<h1>` elements, in order.
fn headings(dom: &Dom) -> Vec<String> {
    (0..dom.nodes.len())
        .filter(|&i| dom.tag(i) == "h1")
        .map(|i| dom.subtree_text(i))
        .filter(|t| !t.is_empty())
        .collect()
}

fn byline_from_dom(dom: &Dom) -> Option<String> {
    (0..dom.nodes.len())
        .filter(|&i| dom.element(i).is_some_and(|e| e.byline_hint))
        .map(|i| dom.subtree_text(i))
        .find(|t| (1..=10).contains(&t.split_whitespace().count()))
}

/// Separators between a headline and the site name in `<title>` and og:title.
const TITLE_SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · ", " ｜ ",
];

/// Pick the headline: a `<h1>` that a metadata title confirms, else the metadata title without
/// its site-name suffix, else the first `<h1>`.
pub(crate) fn choose_title(
    candidates: &[String],
    h1s: &[String],
    site_name: Option<&str>,
) -> String {
    for candidate in candidates {
        let key = fold_arabic(candidate);
        if let Some(h1) = h1s.iter().find(|h| fold_arabic(h) == key) {
            return h1.clone();
        }
    }
    let mut partial: Option<((usize, usize), &String)> = None;
    for candidate in candidates {
        let key = fold_arabic(candidate);
        for h1 in h1s.iter().filter(|h| h.split_whitespace().count() >= 2) {
            let h1_key = fold_arabic(h1);
            let prefix = key.strip_prefix(&h1_key);
            let is_prefix = usize::from(prefix.is_some());
            let rest = prefix.or_else(|| key.strip_suffix(&h1_key)).map(str::trim);
            let Some(rest) = rest else { continue };
            let separated = TITLE_SEPARATORS.iter().any(|s| {
                let s = s.trim();
                rest.starts_with(s) || rest.ends_with(s)
            });
            let rank = (h1.split_whitespace().count(), is_prefix);
            if separated
                && rest.split_whitespace().count() <= 8
                && partial.is_none_or(|(r, _)| rank > r)
            {
                partial = Some((rank, h1));
            }
        }
    }
    if let Some((_, h1)) = partial {
        return h1.clone();
    }
    // An <h1> that rewords the metadata title (SEO titles) is the visible headline.
    if let Some(first) = candidates.first() {
        let meta_words = super::jsonld::word_set(first);
        let similar = h1s
            .iter()
            .filter(|h| h.split_whitespace().count() >= 3)
            .find(|h| {
                let words = super::jsonld::word_set(h);
                let shared = words.iter().filter(|w| meta_words.contains(*w)).count();
                !words.is_empty() && shared * 5 >= words.len() * 3
            });
        if let Some(h1) = similar {
            return h1.clone();
        }
    }
    // A metadata title of a word or two (a site name, a placeholder) is no headline when the
    // page shows a real one.
    let headline_h1 = h1s.iter().find(|h| h.split_whitespace().count() >= 3);
    if let (Some(first), Some(h1)) = (candidates.first(), headline_h1) {
        if first.split_whitespace().count() <= 2 {
            return h1.clone();
        }
    }
    if let Some(first) = candidates.first() {
        return strip_site_name(first, site_name, candidates);
    }
    h1s.first().cloned().unwrap_or_default()
}

fn strip_site_name(title: &str, site_name: Option<&str>, candidates: &[String]) -> String {
    // A shorter candidate that prefixes this one is the bare headline.
    let key = fold_arabic(title);
    if let Some(shorter) = candidates.iter().find(|c| {
        let c_key = fold_arabic(c);
        c_key.len() < key.len() && c_key.split_whitespace().count() >= 2 && key.starts_with(&c_key)
    }) {
        return shorter.clone();
    }
    let Some(site) = site_name.map(fold_arabic).filter(|s| !s.is_empty()) else {
        return title.to_string();
    };
    for separator in TITLE_SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(separator) {
            if fold_arabic(tail).contains(&site) && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
        if let Some((head, tail)) = title.split_once(separator) {
            if fold_arabic(head).contains(&site) && !tail.trim().is_empty() {
                return tail.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// Paragraphs of a JSON-LD `articleBody`: markup and entities resolved, one per line or block.
fn ld_paragraphs(body: &str) -> Vec<String> {
    if body.contains('<') || body.contains('&') {
        let fragment = Html::parse_fragment(body);
        let dom = Dom::build(&fragment);
        return dom.blocks().into_iter().map(|b| b.text).collect();
    }
    body.lines()
        .map(normalize_space)
        .filter(|l| !l.is_empty())
        .collect()
}

/// Reconcile the scorer's paragraphs with a JSON-LD `articleBody` (see the module docs). The
/// metadata only confirms or prunes a body found in the page; it replaces it only when the page
/// gave much less text than the metadata holds. Returns the paragraphs and whether they came
/// from the metadata.
fn reconcile_with_ld(
    scored: Vec<String>,
    ld_body: &[String],
    all_blocks: &[Block],
) -> (Vec<String>, bool) {
    let ld_text = ld_body.join("\n");
    let scored_text = scored.join("\n");
    let agreement = score::token_f1(&scored_text, &ld_text);
    let ld_words = ld_text.split_whitespace().count();
    let scored_words = scored_text.split_whitespace().count();
    if agreement.recall >= 0.5 {
        let ld_complete = 2 * ld_words >= scored_words.max(1) && !looks_truncated(&ld_text);
        if agreement.precision < 0.9 && ld_complete {
            let ld_bag = score::token_bag(&ld_text);
            let pruned: Vec<String> = scored
                .iter()
                .filter(|p| score::containment(p, &ld_bag) >= 0.5)
                .cloned()
                .collect();
            let pruned_words: usize = pruned.iter().map(|p| p.split_whitespace().count()).sum();
            if 2 * pruned_words >= scored_words {
                return (pruned, false);
            }
        }
        return (scored, false);
    }
    // A summary or teaser in the metadata never replaces a longer body found in the page.
    if 2 * scored_words >= ld_words {
        return (scored, false);
    }
    // The scorer missed the article: take the page blocks the articleBody vouches for.
    let ld_bag = score::token_bag(&ld_text);
    let mut seen = HashSet::new();
    let matched: Vec<String> = all_blocks
        .iter()
        .filter(|b| b.text.split_whitespace().count() >= 3 && b.link_density() <= 0.5)
        .filter(|b| score::containment(&b.text, &ld_bag) >= 0.8)
        .filter(|b| seen.insert(b.text.clone()))
        .map(|b| b.text.clone())
        .collect();
    if score::token_f1(&matched.join("\n"), &ld_text).recall >= 0.8 {
        (matched, true)
    } else {
        (ld_body.to_vec(), true)
    }
}

/// The densest run of paragraph-like blocks, the second strategy: every block of prose (8+
/// words, few links, not under a furniture hint) counts its words, every other block costs a
/// little (link lists and furniture cost their length), and the run of blocks with the best
/// total wins. Inside the run, prose blocks and the headings that introduce them are kept.
fn densest_run<'b>(dom: &Dom, blocks: &'b [Block], totals: &Totals) -> Vec<&'b Block> {
    let under_negative = furniture_marks(dom, totals);
    let values: Vec<f64> = blocks
        .iter()
        .map(|b| run_value(b, under_negative[b.owner]))
        .collect();
    let Some((start, end)) = best_range(&values) else {
        return Vec::new();
    };
    (start..=end)
        .filter(|&i| {
            values[i] > 0.0 || (blocks[i].heading && values[i + 1..=end].iter().any(|v| *v > 0.0))
        })
        .map(|i| &blocks[i])
        .collect()
}

/// For every node, whether it or an ancestor carries a furniture hint. A hinted element holding
/// most of the page's text (a `body.one-sidebar`, a `div.page-login`) is a wrapper, not furniture.
fn furniture_marks(dom: &Dom, totals: &Totals) -> Vec<bool> {
    let page_chars = totals.chars.first().copied().unwrap_or(0);
    let mut marks = vec![false; dom.nodes.len()];
    for index in 0..dom.nodes.len() {
        let inherited = dom.nodes[index].parent.is_some_and(|p| marks[p]);
        let hinted = dom.element(index).is_some_and(|e| e.negative);
        marks[index] = inherited || (hinted && 2 * totals.chars[index] < page_chars);
    }
    marks
}

/// What a block adds to a run of article text (see [`densest_run`]).
fn run_value(block: &Block, under_furniture: bool) -> f64 {
    let words = block.text.split_whitespace().count() as f64;
    if block.heading {
        return 0.0;
    }
    if under_furniture || block.hinted || block.is_link_heavy() {
        return -words.max(3.0);
    }
    if words >= 8.0 && (block.link_density() <= 0.3 || block.plain_chars >= PROSE_PLAIN_CHARS) {
        return words * (1.0 - block.link_density()).max(0.5);
    }
    -2.0
}

/// The contiguous range with the largest positive sum (Kadane), if any.
fn best_range(values: &[f64]) -> Option<(usize, usize)> {
    let mut best: Option<(f64, usize, usize)> = None;
    let (mut sum, mut start) = (0.0, 0);
    for (index, &value) in values.iter().enumerate() {
        if sum <= 0.0 {
            sum = 0.0;
            start = index;
        }
        sum += value;
        if sum > 0.0 && best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, start, index));
        }
    }
    best.map(|(_, s, e)| (s, e))
}

/// True when a text seems cut off (ends mid-sentence or with an ellipsis).
fn looks_truncated(text: &str) -> bool {
    let end = text.trim_end();
    end.ends_with("...") || end.ends_with('…') || !boilerplate::ends_like_sentence(end)
}

fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_string())
}

/// Extract an article from an HTML page (size checks are done by the caller). Never panics;
/// returns an article with no paragraphs when nothing readable is found.
pub fn extract_article(html: &str, origin: Option<&str>) -> Article {
    let html = limit_nesting(html);
    let doc = Html::parse_document(&html);
    let meta = jsonld::read_metadata(&doc);
    let dom = Dom::build(&doc);
    drop(doc);
    let blocks = dom.blocks();
    let totals = Totals::compute(&dom, &blocks);
    let scores = score_containers(&dom, &blocks, &totals);
    let roots = choose_roots(&dom, &scores, &totals);
    let container = content_blocks(&dom, &blocks, &roots, &totals);
    let (chosen, mut strategy) = prefer_denser_run(container, densest_run(&dom, &blocks, &totals));
    let heading_texts: HashSet<&str> = chosen
        .iter()
        .filter(|b| b.heading)
        .map(|b| b.text.as_str())
        .collect();
    let scored: Vec<String> = chosen.iter().map(|b| b.text.clone()).collect();

    let site_name = meta.source_name();
    let title = choose_title(
        &meta.title_candidates(),
        &headings(&dom),
        site_name.as_deref(),
    );
    let paragraphs = match usable_ld_body(&meta, &blocks, &scored, &title) {
        Some(ld_body) => {
            let (paragraphs, from_metadata) = reconcile_with_ld(scored, &ld_body, &blocks);
            if from_metadata {
                strategy = Strategy::Metadata;
            }
            paragraphs
        }
        None => scored,
    };
    let items = recurring_items(&dom, &chosen);
    let mut paragraphs = boilerplate::trim_edges(boilerplate::filter_paragraphs_with_items(
        paragraphs, &title, &items,
    ));
    // A heading cannot close an article: it introduced something that was dropped.
    while paragraphs
        .last()
        .is_some_and(|p| heading_texts.contains(p.as_str()))
    {
        paragraphs.pop();
    }
    let url = origin
        .map(str::to_string)
        .or_else(|| meta.canonical_url.clone());
    let source_name = site_name.or_else(|| url.as_deref().and_then(host_of));
    let lang = detect_lang(&format!("{title} {}", paragraphs.join(" ")));
    Article {
        url,
        source_name,
        title,
        published: meta.published(),
        byline: meta.byline().or_else(|| byline_from_dom(&dom)),
        paragraphs,
        lang,
        extraction: Extraction {
            strategy,
            page_words: dom.subtree_text(0).split_whitespace().count(),
        },
    }
}

/// Folded texts of the chosen blocks that recur as items of a structured body: the same
/// paragraph again in an element of the same kind (tag and class) under the same parent, with a
/// heading between the two (a dish listed under two meal plans, a line repeated per section).
/// A pull quote or a lead shown twice sits in an element of another kind or elsewhere.
fn recurring_items(dom: &Dom, chosen: &[&Block]) -> HashSet<String> {
    let mut first_seen: HashMap<String, usize> = HashMap::new();
    let mut items = HashSet::new();
    for (index, block) in chosen.iter().enumerate() {
        if block.heading {
            continue;
        }
        let key = fold_arabic(&block.text);
        let Some(&earlier) = first_seen.get(&key) else {
            first_seen.insert(key, index);
            continue;
        };
        let (a, b) = (chosen[earlier].owner, block.owner);
        let same_slot = dom.nodes[a].parent == dom.nodes[b].parent
            && dom.element(a).map(|e| (&e.tag, &e.class))
                == dom.element(b).map(|e| (&e.tag, &e.class));
        if same_slot && chosen[earlier + 1..index].iter().any(|b| b.heading) {
            items.insert(key);
        }
    }
    items
}

/// A densest run holding this many times the container's words replaces it…
const RUN_OVER_CONTAINER: usize = 3;
/// …when it has at least this many words.
const MIN_RUN_WORDS: usize = 30;

/// The container's blocks, unless they are tiny next to the densest run of prose on the page
/// (a caption or a lead where the story should be): then the run.
fn prefer_denser_run<'b>(
    container: Vec<&'b Block>,
    run: Vec<&'b Block>,
) -> (Vec<&'b Block>, Strategy) {
    let words = |blocks: &[&Block]| -> usize {
        blocks
            .iter()
            .filter(|b| !b.heading)
            .map(|b| b.text.split_whitespace().count())
            .sum()
    };
    let (container_words, run_words) = (words(&container), words(&run));
    if run_words >= MIN_RUN_WORDS && run_words >= RUN_OVER_CONTAINER * container_words {
        (run, Strategy::DensestRun)
    } else {
        (container, Strategy::Container)
    }
}

/// The JSON-LD `articleBody` paragraphs when they can be trusted: consistent with the page's
/// text, or — when the page shows almost no text (rendered by scripts) — sharing most of the
/// headline's words.
fn usable_ld_body(
    meta: &PageMetadata,
    blocks: &[Block],
    scored: &[String],
    title: &str,
) -> Option<Vec<String>> {
    let body = meta.ld.as_ref()?.body.as_ref()?;
    let paragraphs = ld_paragraphs(body);
    let ld_text = paragraphs.join(" ");
    let page_words = jsonld::word_set(
        &blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    );
    if jsonld::is_consistent_with_page(&ld_text, &page_words) {
        return Some(paragraphs);
    }
    let scored_words: usize = scored.iter().map(|p| p.split_whitespace().count()).sum();
    let ld_words = jsonld::word_set(&ld_text);
    let title_words = jsonld::word_set(title);
    let shared = title_words.iter().filter(|w| ld_words.contains(*w)).count();
    let about_the_headline = !title_words.is_empty() && shared * 2 >= title_words.len();
    (scored_words < 40 && ld_text.split_whitespace().count() >= 15 && about_the_headline)
        .then_some(paragraphs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hint_tokens_split_camel_case_and_separators() {
        assert_eq!(
            hint_tokens("ArticleDetails"),
            vec!["article", "details", "articledetails"]
        );
        assert_eq!(
            hint_tokens("jeg_post_tags"),
            vec!["jeg", "post", "tags", "jegposttags"]
        );
        assert!(hint_tokens("article-body").contains(&"articlebody".to_string()));
    }

    #[test]
    fn hints_classify_common_names() {
        assert!(read_hints("entry-content no-share").strong_positive);
        assert!(!read_hints("entry-content no-share").negative);
        assert!(read_hints("jnews_inline_related_post").always_negative);
        assert!(read_hints("post-meta").negative);
        assert!(!read_hints("header").negative);
        assert!(!read_hints("lead").negative);
        assert!(read_hints("fb-comments").always_negative);
    }

    #[test]
    fn a_placeholder_title_gives_way_to_a_real_h1() {
        let candidates = vec!["x".to_string()];
        let h1s = vec!["اجتماع وزاري حاسم غدا".to_string()];
        assert_eq!(
            choose_title(&candidates, &h1s, None),
            "اجتماع وزاري حاسم غدا"
        );
        let short_h1 = vec!["أخبار".to_string()];
        assert_eq!(choose_title(&candidates, &short_h1, None), "x");
    }

    #[test]
    fn title_prefers_confirmed_h1() {
        let candidates = vec!["Big news - The Site".to_string()];
        let h1s = vec!["The Site".to_string(), "Big news".to_string()];
        assert_eq!(choose_title(&candidates, &h1s, None), "Big news");
        assert_eq!(choose_title(&candidates, &[], Some("The Site")), "Big news");
        assert_eq!(choose_title(&[], &["Only h1".to_string()], None), "Only h1");
    }

    #[test]
    fn host_is_read_from_urls() {
        assert_eq!(
            host_of("https://www.example.com/a/b").as_deref(),
            Some("example.com")
        );
        assert_eq!(host_of("not a url"), None);
    }
}
