//! `nashra feed validate`: checks a podcast feed against RSS 2.0, Apple's required tags and the
//! Podcasting 2.0 elements nashra writes, and, when the archive is at hand, against the files it
//! links. Each problem is one line.
use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::{NsReader, XmlVersion};

use super::podcast::{
    image_info, is_iso639_language, percent_decode, ATOM_NS, ITUNES_NS, MAX_COVER_SIDE,
    MIN_COVER_SIDE, PODCAST_NS,
};

/// Largest feed file read.
const MAX_FEED_BYTES: u64 = 64 * 1024 * 1024;
/// Deepest element nesting accepted.
const MAX_DEPTH: usize = 64;
/// Bytes of a local image read to find its size.
const MAX_IMAGE_HEADER_BYTES: u64 = 1024 * 1024;
/// One problem found in a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// One line saying what is wrong and where.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Check the feed at `path`. With `local_root` (the archive folder), the files behind enclosure,
/// transcript, chapters and image URLs are looked up there by the URL path's last segments
/// (`YYYY-MM-DD/briefing.mp3`, `cover.png`) and their sizes and kinds checked. An empty list
/// means the feed passed.
pub fn validate_feed(path: &Path, local_root: Option<&Path>) -> Vec<Problem> {
    let mut checker = Checker {
        problems: Vec::new(),
        local_root,
    };
    match read_feed_text(path).and_then(|text| parse_document(&text)) {
        Ok(root) => checker.check_root(&root),
        Err(message) => checker.problem(format!("{}: {message}", path.display())),
    }
    checker.problems
}

/// Advice that does not make the feed invalid, one line each: a feed served from a public
/// address (so meant for podcast directories) without an owner e-mail in `itunes:owner`, through
/// which Apple Podcasts and Spotify verify a show.
pub fn feed_warnings(path: &Path) -> Vec<String> {
    let Ok(root) = read_feed_text(path).and_then(|text| parse_document(&text)) else {
        return Vec::new();
    };
    let Some(channel) = root.child(None, "channel") else {
        return Vec::new();
    };
    let has_owner_email = channel
        .child(Some(ITUNES_NS), "owner")
        .and_then(|owner| owner.child(Some(ITUNES_NS), "email"))
        .is_some_and(|email| !email.trimmed_text().is_empty());
    let address = channel
        .children_named(Some(ATOM_NS), "link")
        .find(|link| link.attribute("rel") == Some("self"))
        .and_then(|link| link.attribute("href"))
        .or_else(|| channel.child(None, "link").map(Node::trimmed_text));
    if has_owner_email || !address.is_some_and(is_public_url) {
        return Vec::new();
    }
    vec![
        "channel: no owner e-mail (<itunes:owner>): podcast directories such as Apple Podcasts \
          and Spotify verify a show through it; set [feed] owner_email or --owner-email"
            .to_string(),
    ]
}

/// Whether `url` is served from an address on the internet, not this machine or a local
/// network (`localhost`, `*.local`, `*.lan`, single-label names, private and link-local IPs).
fn is_public_url(url: &str) -> bool {
    let Ok(url) = url::Url::parse(url) else {
        return false;
    };
    match url.host() {
        Some(url::Host::Domain(name)) => {
            let name = name.to_ascii_lowercase();
            let local = [".localhost", ".local", ".lan", ".home.arpa", ".internal"];
            name.contains('.')
                && name != "localhost"
                && !local.iter().any(|suffix| name.ends_with(suffix))
        }
        Some(url::Host::Ipv4(ip)) => {
            !(ip.is_private() || ip.is_loopback() || ip.is_link_local() || ip.is_unspecified())
        }
        Some(url::Host::Ipv6(ip)) => {
            let first = ip.segments()[0];
            !(ip.is_loopback()
                || ip.is_unspecified()
                || first & 0xfe00 == 0xfc00
                || first & 0xffc0 == 0xfe80)
        }
        None => false,
    }
}

/// The feed as text (UTF-8, at most [`MAX_FEED_BYTES`]).
fn read_feed_text(path: &Path) -> Result<String, String> {
    let file = fs::File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    let mut bytes = Vec::new();
    file.take(MAX_FEED_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > MAX_FEED_BYTES {
        return Err(format!("larger than {MAX_FEED_BYTES} bytes"));
    }
    let text = String::from_utf8(bytes).map_err(|_| "not well-formed: not UTF-8".to_string())?;
    Ok(text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text))
}

/// An element of the parsed feed, names resolved to namespace URIs.
#[derive(Debug, Default)]
struct Node {
    namespace: Option<String>,
    name: String,
    attributes: Vec<(String, String)>,
    text: String,
    children: Vec<Node>,
}

impl Node {
    fn is(&self, namespace: Option<&str>, name: &str) -> bool {
        self.namespace.as_deref() == namespace && self.name == name
    }

    fn child(&self, namespace: Option<&str>, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.is(namespace, name))
    }

    fn children_named<'a>(
        &'a self,
        namespace: Option<&'a str>,
        name: &'a str,
    ) -> impl Iterator<Item = &'a Node> + 'a {
        self.children.iter().filter(move |c| c.is(namespace, name))
    }

    /// Un-namespaced attribute value.
    fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    fn trimmed_text(&self) -> &str {
        self.text.trim()
    }
}

/// Parse a whole XML document into a tree, or say why it is not well-formed.
fn parse_document(text: &str) -> Result<Node, String> {
    let mut reader = NsReader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Node> = Vec::new();
    let mut root: Option<Node> = None;
    loop {
        let position = reader.buffer_position();
        let not_well_formed =
            |message: String| format!("not well-formed XML at byte {position}: {message}");
        let (namespace, event) = reader
            .read_resolved_event()
            .map_err(|e| not_well_formed(e.to_string()))?;
        let namespace = resolved_namespace(namespace).map_err(&not_well_formed)?;
        match event {
            Event::Start(start) | Event::Empty(start) if root.is_some() => {
                return Err(not_well_formed(format!(
                    "a second root element <{}>",
                    start.name().into_inner()
                )))
            }
            Event::Start(start) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(not_well_formed(format!(
                        "elements nested deeper than {MAX_DEPTH}"
                    )));
                }
                stack.push(element_node(&reader, namespace, &start).map_err(&not_well_formed)?);
            }
            Event::Empty(start) => {
                let node = element_node(&reader, namespace, &start).map_err(&not_well_formed)?;
                attach(&mut stack, &mut root, node);
            }
            Event::End(_) => {
                let node = stack
                    .pop()
                    .ok_or_else(|| not_well_formed("an end tag without a start tag".into()))?;
                attach(&mut stack, &mut root, node);
            }
            Event::Text(text) => {
                append_text(&mut stack, &text.xml10_content()).map_err(&not_well_formed)?
            }
            Event::CData(data) => {
                append_text(&mut stack, &data.xml10_content()).map_err(&not_well_formed)?
            }
            Event::GeneralRef(reference) => {
                let resolved = resolve_reference(&reference).map_err(&not_well_formed)?;
                append_text(&mut stack, &resolved).map_err(&not_well_formed)?;
            }
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) | Event::DocType(_) => {}
        }
    }
    if let Some(open) = stack.last() {
        return Err(format!(
            "not well-formed XML: <{}> is never closed",
            open.name
        ));
    }
    root.ok_or_else(|| "not well-formed XML: no root element".to_string())
}

/// The namespace URI of a resolved name; an undeclared prefix is an error.
fn resolved_namespace(resolved: ResolveResult<'_>) -> Result<Option<String>, String> {
    match resolved {
        ResolveResult::Bound(namespace) => Ok(Some(namespace.into_inner().to_string())),
        ResolveResult::Unbound => Ok(None),
        ResolveResult::Unknown(prefix) => Err(format!("undeclared namespace prefix {prefix:?}")),
    }
}

/// A node for a start tag, with its (non-namespace-declaration) attributes resolved.
fn element_node(
    reader: &NsReader<&[u8]>,
    namespace: Option<String>,
    start: &quick_xml::events::BytesStart<'_>,
) -> Result<Node, String> {
    let name = start.local_name().into_inner().to_string();
    let mut attributes = Vec::new();
    for attribute in start.attributes() {
        let attribute = attribute.map_err(|e| format!("in <{name}>: {e}"))?;
        let key = attribute.key.into_inner();
        if key == "xmlns" || key.starts_with("xmlns:") {
            continue;
        }
        let (attribute_namespace, local) = reader.resolver().resolve_attribute(attribute.key);
        let attribute_namespace = resolved_namespace(attribute_namespace)?;
        let value = attribute
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|e| format!("in <{name}>: {e}"))?;
        // Namespaced attributes keep their prefix so that they never shadow plain ones.
        let key = match attribute_namespace {
            Some(_) => key.to_string(),
            None => local.into_inner().to_string(),
        };
        attributes.push((key, value.into_owned()));
    }
    Ok(Node {
        namespace,
        name,
        attributes,
        ..Node::default()
    })
}

/// Put a finished node under its parent, or make it the root.
fn attach(stack: &mut [Node], root: &mut Option<Node>, node: Node) {
    match stack.last_mut() {
        Some(parent) => parent.children.push(node),
        None => *root = Some(node),
    }
}

/// Add character data to the open element; outside the root only whitespace is allowed.
fn append_text(stack: &mut [Node], text: &str) -> Result<(), String> {
    match stack.last_mut() {
        Some(node) => {
            node.text.push_str(text);
            Ok(())
        }
        None if text.trim().is_empty() => Ok(()),
        None => Err("text outside the root element".into()),
    }
}

/// The text of `&name;` / `&#n;`: the five predefined entities and character references only.
fn resolve_reference(reference: &quick_xml::events::BytesRef<'_>) -> Result<String, String> {
    let name = reference.xml10_content();
    if let Some(c) = reference
        .resolve_char_ref()
        .map_err(|e| format!("&{name};: {e}"))?
    {
        return Ok(c.to_string());
    }
    match name.as_ref() {
        "lt" => Ok("<".into()),
        "gt" => Ok(">".into()),
        "amp" => Ok("&".into()),
        "apos" => Ok("'".into()),
        "quot" => Ok("\"".into()),
        other => Err(format!("undefined entity &{other};")),
    }
}

/// Whether `date` is an RFC 2822 date-time as RSS 2.0 requires.
fn is_rfc2822(date: &str) -> bool {
    chrono::DateTime::parse_from_rfc2822(date.trim()).is_ok()
}

/// Whether `value` is an `itunes:duration`: seconds, `MM:SS` or `HH:MM:SS`.
fn is_itunes_duration(value: &str) -> bool {
    let parts: Vec<&str> = value.trim().split(':').collect();
    let numeric = |p: &str| !p.is_empty() && p.len() <= 9 && p.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [seconds] => numeric(seconds),
        [minutes, seconds] => numeric(minutes) && numeric(seconds),
        [hours, minutes, seconds] => numeric(hours) && numeric(minutes) && numeric(seconds),
        _ => false,
    }
}

/// Whether `value` looks like a UUID (8-4-4-4-12 hex digits).
fn is_uuid(value: &str) -> bool {
    let groups: Vec<&str> = value.trim().split('-').collect();
    let lengths: Vec<usize> = groups.iter().map(|g| g.len()).collect();
    lengths == [8, 4, 4, 4, 12]
        && groups
            .iter()
            .all(|g| g.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// An absolute http(s) URL.
fn parse_http_url(value: &str) -> Option<url::Url> {
    let parsed = url::Url::parse(value.trim()).ok()?;
    (matches!(parsed.scheme(), "http" | "https")
        && parsed.host_str().is_some_and(|h| !h.is_empty()))
    .then_some(parsed)
}

/// Collects problems while walking the feed.
struct Checker<'a> {
    problems: Vec<Problem>,
    local_root: Option<&'a Path>,
}

impl Checker<'_> {
    fn problem(&mut self, message: String) {
        self.problems.push(Problem { message });
    }

    fn check_root(&mut self, root: &Node) {
        if !root.is(None, "rss") {
            self.problem(format!("the root element is <{}>, not <rss>", root.name));
            return;
        }
        if root.attribute("version") != Some("2.0") {
            self.problem(format!(
                "<rss> version is {:?}, not \"2.0\"",
                root.attribute("version").unwrap_or("")
            ));
        }
        match root.child(None, "channel") {
            Some(channel) => self.check_channel(channel),
            None => self.problem("<rss> has no <channel>".into()),
        }
    }

    fn check_channel(&mut self, channel: &Node) {
        self.require_text(channel, None, "title", "channel");
        self.require_text(channel, None, "description", "channel");
        match channel.child(None, "language") {
            None => self.problem("channel: <language> is missing".into()),
            Some(language) if !is_iso639_language(language.trimmed_text()) => {
                self.problem(format!(
                    "channel: <language> {:?} is not an ISO 639-1 code",
                    language.trimmed_text()
                ))
            }
            Some(_) => {}
        }
        self.check_itunes_image(channel);
        self.check_category(channel);
        self.check_explicit(channel);
        self.check_optional_dates(channel, "channel");
        self.check_podcast_channel_tags(channel);
        let items: Vec<&Node> = channel.children_named(None, "item").collect();
        for (index, item) in items.iter().enumerate() {
            self.check_item(item, &item_label(index, item));
        }
        self.check_unique(&items, "guid", |item| {
            item.child(None, "guid")
                .map(|g| g.trimmed_text().to_string())
        });
        self.check_unique(&items, "enclosure URL", |item| {
            item.child(None, "enclosure")
                .and_then(|e| e.attribute("url"))
                .map(|u| u.trim().to_string())
        });
    }

    fn require_text(&mut self, parent: &Node, namespace: Option<&str>, name: &str, label: &str) {
        match parent.child(namespace, name) {
            None => self.problem(format!("{label}: <{name}> is missing")),
            Some(node) if node.trimmed_text().is_empty() => {
                self.problem(format!("{label}: <{name}> is empty"))
            }
            Some(_) => {}
        }
    }

    fn check_itunes_image(&mut self, channel: &Node) {
        let Some(image) = channel.child(Some(ITUNES_NS), "image") else {
            self.problem("channel: <itunes:image> is missing".into());
            return;
        };
        let href = image.attribute("href").unwrap_or("").trim();
        let Some(url) = parse_http_url(href) else {
            self.problem(format!(
                "channel: <itunes:image> href {href:?} is not an absolute http(s) URL"
            ));
            return;
        };
        if let Some(path) = self.local_file(&url, 1).filter(|p| p.is_file()) {
            self.check_local_image(&path);
        }
    }

    fn check_local_image(&mut self, path: &Path) {
        let mut header = Vec::new();
        let read = fs::File::open(path)
            .and_then(|f| f.take(MAX_IMAGE_HEADER_BYTES).read_to_end(&mut header));
        if let Err(error) = read {
            self.problem(format!(
                "channel: cannot read the cover {}: {error}",
                path.display()
            ));
            return;
        }
        match image_info(&header) {
            None => self.problem(format!("channel: the cover {} is not a PNG or JPEG image", path.display())),
            Some(info) if info.width != info.height || !(MIN_COVER_SIDE..=MAX_COVER_SIDE).contains(&info.width) => {
                self.problem(format!(
                    "channel: the cover {} is {}×{} px, not a square of {MIN_COVER_SIDE}–{MAX_COVER_SIDE} px",
                    path.display(),
                    info.width,
                    info.height
                ))
            }
            Some(_) => {}
        }
    }

    fn check_category(&mut self, channel: &Node) {
        match channel.child(Some(ITUNES_NS), "category") {
            None => self.problem("channel: <itunes:category> is missing".into()),
            Some(category)
                if category
                    .attribute("text")
                    .is_none_or(|t| t.trim().is_empty()) =>
            {
                self.problem("channel: <itunes:category> has no text attribute".into())
            }
            Some(_) => {}
        }
    }

    fn check_explicit(&mut self, channel: &Node) {
        match channel.child(Some(ITUNES_NS), "explicit") {
            None => self.problem("channel: <itunes:explicit> is missing".into()),
            Some(explicit) => {
                let value = explicit.trimmed_text().to_ascii_lowercase();
                if !matches!(value.as_str(), "true" | "false" | "yes" | "no" | "clean") {
                    self.problem(format!(
                        "channel: <itunes:explicit> {value:?} is not true or false"
                    ));
                }
            }
        }
    }

    fn check_optional_dates(&mut self, node: &Node, label: &str) {
        for name in ["pubDate", "lastBuildDate"] {
            if let Some(date) = node.child(None, name) {
                if !is_rfc2822(date.trimmed_text()) {
                    self.problem(format!(
                        "{label}: <{name}> {:?} is not an RFC 2822 date",
                        date.trimmed_text()
                    ));
                }
            }
        }
    }

    fn check_podcast_channel_tags(&mut self, channel: &Node) {
        if let Some(guid) = channel.child(Some(PODCAST_NS), "guid") {
            if !is_uuid(guid.trimmed_text()) {
                self.problem(format!(
                    "channel: <podcast:guid> {:?} is not a UUID",
                    guid.trimmed_text()
                ));
            }
        }
        if let Some(locked) = channel.child(Some(PODCAST_NS), "locked") {
            if !matches!(locked.trimmed_text(), "yes" | "no") {
                self.problem(format!(
                    "channel: <podcast:locked> {:?} is not yes or no",
                    locked.trimmed_text()
                ));
            }
        }
    }

    fn check_item(&mut self, item: &Node, label: &str) {
        self.require_text(item, None, "title", label);
        self.require_text(item, None, "guid", label);
        self.check_optional_dates(item, label);
        self.check_enclosure(item, label);
        if let Some(duration) = item.child(Some(ITUNES_NS), "duration") {
            if !is_itunes_duration(duration.trimmed_text()) {
                self.problem(format!(
                    "{label}: <itunes:duration> {:?} is not HH:MM:SS",
                    duration.trimmed_text()
                ));
            }
        }
        for transcript in item.children_named(Some(PODCAST_NS), "transcript") {
            let is_vtt = transcript
                .attribute("url")
                .is_some_and(|u| u.trim().to_ascii_lowercase().ends_with(".vtt"));
            self.check_linked_file(
                transcript,
                "podcast:transcript",
                is_vtt.then_some("text/vtt"),
                label,
            );
        }
        if let Some(chapters) = item.child(Some(PODCAST_NS), "chapters") {
            self.check_linked_file(
                chapters,
                "podcast:chapters",
                Some("application/json+chapters"),
                label,
            );
        }
    }

    fn check_enclosure(&mut self, item: &Node, label: &str) {
        let Some(enclosure) = item.child(None, "enclosure") else {
            self.problem(format!("{label}: <enclosure> is missing"));
            return;
        };
        let raw_url = enclosure.attribute("url").unwrap_or("").trim();
        let url = parse_http_url(raw_url);
        if url.is_none() {
            self.problem(format!(
                "{label}: enclosure url {raw_url:?} is not an absolute http(s) URL"
            ));
        }
        let length = enclosure.attribute("length").unwrap_or("").trim();
        let length: Option<u64> = length.parse().ok().filter(|&n| n > 0);
        if length.is_none() {
            self.problem(format!(
                "{label}: enclosure length {:?} is not a positive byte count",
                enclosure.attribute("length").unwrap_or("")
            ));
        }
        let kind = enclosure.attribute("type").unwrap_or("").trim();
        if kind.is_empty() {
            self.problem(format!("{label}: enclosure has no type"));
        } else if raw_url.to_ascii_lowercase().ends_with(".mp3") && kind != "audio/mpeg" {
            self.problem(format!(
                "{label}: enclosure type is {kind:?}, not audio/mpeg for an MP3"
            ));
        }
        let Some(url) = url else { return };
        let Some(local) = self.local_file(&url, 2) else {
            return;
        };
        match fs::metadata(&local) {
            Ok(meta) if meta.is_file() => {
                if length.is_some_and(|n| n != meta.len()) {
                    self.problem(format!(
                        "{label}: enclosure length {} differs from the {} bytes of {}",
                        length.unwrap_or(0),
                        meta.len(),
                        local.display()
                    ));
                }
            }
            _ => self.problem(format!(
                "{label}: the enclosure file {} does not exist",
                local.display()
            )),
        }
    }

    /// A `podcast:transcript`/`podcast:chapters` link: url and type present, the type the expected
    /// one (when known), and the file present and non-empty in the local archive.
    fn check_linked_file(
        &mut self,
        node: &Node,
        tag: &str,
        expected_type: Option<&str>,
        label: &str,
    ) {
        let raw_url = node.attribute("url").unwrap_or("").trim();
        let kind = node.attribute("type").unwrap_or("").trim();
        if kind.is_empty() {
            self.problem(format!("{label}: <{tag}> has no type"));
        }
        let Some(url) = parse_http_url(raw_url) else {
            self.problem(format!(
                "{label}: <{tag}> url {raw_url:?} is not an absolute http(s) URL"
            ));
            return;
        };
        if let Some(expected_type) = expected_type.filter(|t| !kind.is_empty() && kind != *t) {
            self.problem(format!(
                "{label}: <{tag}> type is {kind:?}, not {expected_type}"
            ));
        }
        let Some(local) = self.local_file(&url, 2) else {
            return;
        };
        match fs::metadata(&local) {
            Ok(meta) if meta.is_file() && meta.len() > 0 => {
                self.check_linked_content(&local, kind, tag, label)
            }
            Ok(_) => self.problem(format!(
                "{label}: <{tag}> file {} is empty",
                local.display()
            )),
            Err(_) => self.problem(format!(
                "{label}: <{tag}> file {} does not exist",
                local.display()
            )),
        }
    }

    /// A local WebVTT transcript must start with `WEBVTT`; local JSON chapters must parse.
    fn check_linked_content(&mut self, local: &Path, kind: &str, tag: &str, label: &str) {
        let wrong = match kind {
            "text/vtt" => (!super::is_webvtt(local)).then_some("a WebVTT file"),
            "application/json+chapters" => {
                (!super::is_json_chapters(local)).then_some("a JSON chapters document")
            }
            _ => None,
        };
        if let Some(expected) = wrong {
            self.problem(format!(
                "{label}: <{tag}> file {} is not {expected}",
                local.display()
            ));
        }
    }

    /// The local file behind a URL: the last `segments` segments of its path under the local
    /// root. `None` without a local root or when the path is too short or has odd segments.
    fn local_file(&self, url: &url::Url, segments: usize) -> Option<PathBuf> {
        let root = self.local_root?;
        let all: Vec<&str> = url.path_segments()?.collect();
        let tail = all.get(all.len().checked_sub(segments)?..)?;
        let mut path = root.to_path_buf();
        for segment in tail {
            let decoded = percent_decode(segment)?;
            let decoded = String::from_utf8(decoded).ok()?;
            if decoded.is_empty()
                || decoded == "."
                || decoded == ".."
                || decoded.contains(['/', '\\', '\0'])
            {
                return None;
            }
            path.push(decoded);
        }
        Some(path)
    }

    /// Report values (from `key`) shared by more than one item.
    fn check_unique(&mut self, items: &[&Node], what: &str, key: impl Fn(&Node) -> Option<String>) {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (index, item) in items.iter().enumerate() {
            let Some(value) = key(item).filter(|v| !v.is_empty()) else {
                continue;
            };
            match seen.get(&value) {
                Some(&first) => self.problem(format!(
                    "{}: {what} {value:?} repeats item {}",
                    item_label(index, item),
                    first + 1
                )),
                None => {
                    seen.insert(value, index);
                }
            }
        }
    }
}

/// `item 3 ("title")` for messages.
fn item_label(index: usize, item: &Node) -> String {
    let title: String = item
        .child(None, "title")
        .map(|t| t.trimmed_text().chars().take(60).collect())
        .unwrap_or_default();
    format!("item {} ({title:?})", index + 1)
}

#[cfg(test)]
mod tests {
    use super::super::feed::{build_feed, podcast_guid};
    use super::super::test_archive::write_day;
    use super::super::FeedSettings;
    use super::*;
    use crate::publish::podcast::ImageFormat;

    /// A two-day archive with its feed, which validates cleanly.
    fn good_archive() -> (tempfile::TempDir, String) {
        let out = tempfile::tempdir().unwrap();
        write_day(out.path(), "2026-11-28", &["خبر الأمس"], 1234);
        write_day(
            out.path(),
            "2026-11-29",
            &["الخبر الأول", "الخبر الثاني"],
            4321,
        );
        let settings = FeedSettings {
            base_url: "https://pod.example.org/nashra".into(),
            ..FeedSettings::default()
        };
        let outcome = build_feed(out.path(), &settings).unwrap();
        let xml = fs::read_to_string(outcome.feed_path).unwrap();
        (out, xml)
    }

    #[test]
    fn a_public_feed_without_an_owner_address_gets_a_warning() {
        let (out, xml) = good_archive();
        let path = out.path().join("feed.xml");
        let warnings = feed_warnings(&path);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("owner_email"));
        let owned = xml.replacen(
            "<itunes:author>",
            "<itunes:owner><itunes:name>n</itunes:name><itunes:email>a@b.org</itunes:email></itunes:owner><itunes:author>",
            1,
        );
        fs::write(&path, owned).unwrap();
        assert!(feed_warnings(&path).is_empty());
        fs::write(
            &path,
            xml.replace("https://pod.example.org", "http://192.168.1.20:8080"),
        )
        .unwrap();
        assert!(
            feed_warnings(&path).is_empty(),
            "a feed on the local network is not for directories"
        );
    }

    #[test]
    fn local_addresses_are_not_public() {
        for url in [
            "http://localhost:8080/feed.xml",
            "http://nas.local/f",
            "http://10.0.0.2/f",
            "http://[::1]/f",
            "http://box/f",
        ] {
            assert!(!is_public_url(url), "{url}");
        }
        assert!(is_public_url("https://news.example.org/feed.xml"));
    }

    fn guid_of(day: &str) -> String {
        format!(
            "nashra:{}:{day}",
            podcast_guid("https://pod.example.org/nashra/feed.xml")
        )
    }

    fn replace_once(xml: &str, from: &str, to: &str) -> String {
        assert!(xml.contains(from), "{from:?} not in the feed");
        xml.replacen(from, to, 1)
    }

    /// Problems of the good feed after `edit` (on the text) and `prepare` (on the archive).
    fn problems_with(
        edit: impl FnOnce(&str) -> String,
        prepare: impl FnOnce(&Path),
    ) -> Vec<String> {
        let (out, xml) = good_archive();
        prepare(out.path());
        let path = out.path().join("edited.xml");
        fs::write(&path, edit(&xml)).unwrap();
        validate_feed(&path, Some(out.path()))
            .into_iter()
            .map(|p| p.message)
            .collect()
    }

    /// Assert exactly one problem, containing every one of `needles`.
    fn assert_one_problem(problems: &[String], needles: &[&str]) {
        assert_eq!(problems.len(), 1, "{problems:#?}");
        for needle in needles {
            assert!(
                problems[0].contains(needle),
                "{:?} lacks {needle:?}",
                problems[0]
            );
        }
    }

    fn edited(from: &'static str, to: &'static str) -> Vec<String> {
        problems_with(|xml| replace_once(xml, from, to), |_| {})
    }

    fn small_document(text: &str) -> Vec<String> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("feed.xml");
        fs::write(&path, text).unwrap();
        validate_feed(&path, None)
            .into_iter()
            .map(|p| p.message)
            .collect()
    }

    #[test]
    fn the_built_feed_passes_with_and_without_the_archive() {
        let (out, _) = good_archive();
        assert_eq!(
            validate_feed(&out.path().join("feed.xml"), Some(out.path())),
            vec![]
        );
        assert_eq!(validate_feed(&out.path().join("feed.xml"), None), vec![]);
    }

    #[test]
    fn missing_file_is_one_problem_naming_it() {
        let problems = validate_feed(Path::new("/nonexistent/feed.xml"), None);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("/nonexistent/feed.xml"));
    }

    #[test]
    fn catches_truncated_xml() {
        let problems = problems_with(|xml| xml[..xml.len() / 2].to_string(), |_| {});
        assert_one_problem(&problems, &["not well-formed"]);
    }

    #[test]
    fn catches_mismatched_tags() {
        assert_one_problem(&edited("</language>", "</lang>"), &["not well-formed"]);
    }

    #[test]
    fn catches_undefined_entities() {
        assert_one_problem(
            &edited("<language>ar</language>", "<language>&nbsp;ar</language>"),
            &["undefined entity &nbsp;"],
        );
    }

    #[test]
    fn catches_undeclared_namespace_prefixes() {
        assert_one_problem(
            &edited(
                r#" xmlns:podcast="https://podcastindex.org/namespace/1.0""#,
                "",
            ),
            &["undeclared namespace prefix"],
        );
    }

    #[test]
    fn catches_invalid_utf8() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("feed.xml");
        fs::write(
            &path,
            b"<rss version=\"2.0\"><channel><title>\xff</title></channel></rss>",
        )
        .unwrap();
        let problems: Vec<String> = validate_feed(&path, None)
            .into_iter()
            .map(|p| p.message)
            .collect();
        assert_one_problem(&problems, &["not UTF-8"]);
    }

    #[test]
    fn catches_a_root_that_is_not_rss() {
        assert_one_problem(
            &small_document("<feed xmlns=\"http://www.w3.org/2005/Atom\"/>"),
            &["not <rss>"],
        );
    }

    #[test]
    fn catches_a_wrong_rss_version() {
        assert_one_problem(
            &edited(r#"version="2.0""#, r#"version="0.91""#),
            &["version", "0.91"],
        );
    }

    #[test]
    fn catches_a_missing_channel() {
        assert_one_problem(
            &small_document("<rss version=\"2.0\"></rss>"),
            &["no <channel>"],
        );
    }

    #[test]
    fn catches_a_missing_channel_title() {
        assert_one_problem(
            &edited("<title>نشرة الأخبار</title>", ""),
            &["channel: <title> is missing"],
        );
    }

    #[test]
    fn catches_an_empty_channel_description() {
        let problems = problems_with(
            |xml| {
                let start = xml.find("<description>").unwrap();
                let end = xml.find("</description>").unwrap();
                format!("{}<description> {}", &xml[..start], &xml[end..])
            },
            |_| {},
        );
        assert_one_problem(&problems, &["channel: <description> is empty"]);
    }

    #[test]
    fn catches_a_language_that_is_not_iso_639() {
        assert_one_problem(
            &edited("<language>ar</language>", "<language>arabic</language>"),
            &["\"arabic\"", "ISO 639"],
        );
    }

    #[test]
    fn catches_a_missing_language() {
        assert_one_problem(
            &edited("<language>ar</language>", ""),
            &["<language> is missing"],
        );
    }

    #[test]
    fn catches_a_missing_itunes_image() {
        assert_one_problem(
            &edited(
                r#"<itunes:image href="https://pod.example.org/nashra/cover.png"/>"#,
                "",
            ),
            &["<itunes:image> is missing"],
        );
    }

    #[test]
    fn catches_a_relative_itunes_image() {
        assert_one_problem(
            &edited(
                r#"<itunes:image href="https://pod.example.org/nashra/cover.png"/>"#,
                r#"<itunes:image href="cover.png"/>"#,
            ),
            &["<itunes:image> href", "absolute"],
        );
    }

    #[test]
    fn catches_a_cover_of_the_wrong_size() {
        let problems = problems_with(
            |xml| xml.to_string(),
            |out| {
                let mut bytes = Vec::new();
                let mut encoder = png::Encoder::new(&mut bytes, 1400, 1000);
                encoder.set_color(png::ColorType::Grayscale);
                encoder
                    .write_header()
                    .unwrap()
                    .write_image_data(&vec![0u8; 1400 * 1000])
                    .unwrap();
                fs::write(out.join("cover.png"), bytes).unwrap();
            },
        );
        assert_one_problem(&problems, &["1400×1000", "square"]);
    }

    #[test]
    fn catches_a_cover_that_is_not_an_image() {
        let problems = problems_with(
            |xml| xml.to_string(),
            |out| fs::write(out.join("cover.png"), b"<html>").unwrap(),
        );
        assert_one_problem(&problems, &["not a PNG or JPEG"]);
    }

    #[test]
    fn catches_a_missing_category() {
        assert_one_problem(
            &edited(r#"<itunes:category text="News"/>"#, ""),
            &["<itunes:category> is missing"],
        );
    }

    #[test]
    fn catches_a_category_without_text() {
        assert_one_problem(
            &edited(r#"<itunes:category text="News"/>"#, "<itunes:category/>"),
            &["no text attribute"],
        );
    }

    #[test]
    fn catches_a_missing_explicit_flag() {
        assert_one_problem(
            &edited("<itunes:explicit>false</itunes:explicit>", ""),
            &["<itunes:explicit> is missing"],
        );
    }

    #[test]
    fn catches_an_invalid_explicit_flag() {
        assert_one_problem(
            &edited(
                "<itunes:explicit>false</itunes:explicit>",
                "<itunes:explicit>maybe</itunes:explicit>",
            ),
            &["\"maybe\""],
        );
    }

    #[test]
    fn catches_an_invalid_podcast_guid() {
        let problems = problems_with(
            |xml| {
                let guid = podcast_guid("https://pod.example.org/nashra/feed.xml");
                replace_once(
                    xml,
                    &format!("<podcast:guid>{guid}</podcast:guid>"),
                    "<podcast:guid>not-a-uuid</podcast:guid>",
                )
            },
            |_| {},
        );
        assert_one_problem(&problems, &["<podcast:guid>", "not a UUID"]);
    }

    #[test]
    fn catches_a_bad_channel_date() {
        assert_one_problem(
            &edited(
                "<lastBuildDate>Sun, 29 Nov 2026 06:00:00 +0000</lastBuildDate>",
                "<lastBuildDate>2026-11-29</lastBuildDate>",
            ),
            &["channel: <lastBuildDate>", "RFC 2822"],
        );
    }

    #[test]
    fn catches_duplicate_guids() {
        let problems = problems_with(
            |xml| {
                replace_once(
                    xml,
                    &format!(">{}<", guid_of("2026-11-28")),
                    &format!(">{}<", guid_of("2026-11-29")),
                )
            },
            |_| {},
        );
        assert_one_problem(&problems, &["item 2", "guid", "repeats item 1"]);
    }

    #[test]
    fn catches_an_empty_guid() {
        let problems = problems_with(|xml| replace_once(xml, &guid_of("2026-11-28"), ""), |_| {});
        assert_one_problem(&problems, &["item 2", "<guid> is empty"]);
    }

    #[test]
    fn catches_a_missing_guid() {
        let problems = problems_with(
            |xml| {
                replace_once(
                    xml,
                    &format!(
                        r#"<guid isPermaLink="false">{}</guid>"#,
                        guid_of("2026-11-28")
                    ),
                    "",
                )
            },
            |_| {},
        );
        assert_one_problem(&problems, &["item 2", "<guid> is missing"]);
    }

    #[test]
    fn catches_a_missing_item_title() {
        assert_one_problem(
            &edited("<title>نشرة الأخبار — 28 نوفمبر 2026</title>", ""),
            &["item 2", "<title> is missing"],
        );
    }

    #[test]
    fn catches_duplicate_enclosure_urls() {
        let problems = problems_with(
            |xml| {
                let xml = replace_once(xml, "2026-11-28/briefing.mp3", "2026-11-29/briefing.mp3");
                replace_once(&xml, r#"length="1234""#, r#"length="4321""#)
            },
            |_| {},
        );
        assert_one_problem(&problems, &["item 2", "enclosure URL", "repeats item 1"]);
    }

    #[test]
    fn catches_a_wrong_enclosure_length() {
        assert_one_problem(
            &edited(r#"length="1234""#, r#"length="1235""#),
            &["item 2", "1235", "1234 bytes", "briefing.mp3"],
        );
    }

    #[test]
    fn catches_a_length_that_is_not_a_number() {
        assert_one_problem(
            &edited(r#"length="1234""#, r#"length="1.2 KB""#),
            &["item 2", "not a positive byte count"],
        );
    }

    #[test]
    fn catches_a_missing_enclosure() {
        let problems = problems_with(
            |xml| {
                let start = xml
                    .find(r#"<enclosure url="https://pod.example.org/nashra/2026-11-28"#)
                    .unwrap();
                let end = start + xml[start..].find("/>").unwrap() + 2;
                format!("{}{}", &xml[..start], &xml[end..])
            },
            |_| {},
        );
        assert_one_problem(&problems, &["item 2", "<enclosure> is missing"]);
    }

    #[test]
    fn catches_a_wrong_enclosure_type() {
        assert_one_problem(
            &edited(r#"type="audio/mpeg""#, r#"type="audio/mp3""#),
            &["item 1", "\"audio/mp3\"", "audio/mpeg"],
        );
    }

    #[test]
    fn catches_a_relative_enclosure_url() {
        assert_one_problem(
            &edited(
                "https://pod.example.org/nashra/2026-11-28/briefing.mp3",
                "2026-11-28/briefing.mp3",
            ),
            &["item 2", "enclosure url", "absolute"],
        );
    }

    #[test]
    fn catches_an_enclosure_missing_from_the_archive() {
        let problems = problems_with(
            |xml| xml.to_string(),
            |out| fs::remove_file(out.join("2026-11-28/briefing.mp3")).unwrap(),
        );
        assert_one_problem(
            &problems,
            &["item 2", "2026-11-28/briefing.mp3", "does not exist"],
        );
    }

    #[test]
    fn catches_a_bad_pub_date() {
        assert_one_problem(
            &edited(
                "<pubDate>Sat, 28 Nov 2026 06:00:00 +0000</pubDate>",
                "<pubDate>28/11/2026</pubDate>",
            ),
            &["item 2", "<pubDate>", "RFC 2822"],
        );
    }

    #[test]
    fn catches_a_bad_duration() {
        assert_one_problem(
            &edited("00:05:12", "five minutes"),
            &["item 1", "<itunes:duration>"],
        );
    }

    #[test]
    fn catches_a_wrong_transcript_type() {
        assert_one_problem(
            &edited(r#"type="text/vtt""#, r#"type="text/plain""#),
            &["item 1", "<podcast:transcript>", "text/vtt"],
        );
    }

    #[test]
    fn catches_a_transcript_without_type() {
        assert_one_problem(
            &edited(r#" type="text/vtt""#, ""),
            &["item 1", "<podcast:transcript> has no type"],
        );
    }

    #[test]
    fn catches_a_transcript_missing_from_the_archive() {
        let problems = problems_with(
            |xml| xml.to_string(),
            |out| fs::remove_file(out.join("2026-11-29/transcript.vtt")).unwrap(),
        );
        assert_one_problem(&problems, &["item 1", "transcript.vtt", "does not exist"]);
    }

    #[test]
    fn catches_a_wrong_chapters_type() {
        assert_one_problem(
            &edited(
                r#"type="application/json+chapters""#,
                r#"type="application/json""#,
            ),
            &["item 1", "<podcast:chapters>", "application/json+chapters"],
        );
    }

    #[test]
    fn catches_chapters_missing_from_the_archive() {
        let problems = problems_with(
            |xml| xml.to_string(),
            |out| fs::remove_file(out.join("2026-11-29/chapters.json")).unwrap(),
        );
        assert_one_problem(&problems, &["item 1", "chapters.json", "does not exist"]);
    }

    #[test]
    fn catches_a_transcript_that_is_not_webvtt() {
        let problems = problems_with(
            |xml| xml.to_string(),
            |out| {
                fs::write(
                    out.join("2026-11-29/transcript.vtt"),
                    "1\n00:00:00,000 --> 00:00:01,000\nhi\n",
                )
                .unwrap()
            },
        );
        assert_one_problem(
            &problems,
            &["item 1", "transcript.vtt", "not a WebVTT file"],
        );
    }

    #[test]
    fn catches_chapters_that_are_not_json_chapters() {
        let problems = problems_with(
            |xml| xml.to_string(),
            |out| fs::write(out.join("2026-11-29/chapters.json"), "[1, 2]").unwrap(),
        );
        assert_one_problem(
            &problems,
            &["item 1", "chapters.json", "not a JSON chapters document"],
        );
    }

    #[test]
    fn image_info_reads_png_and_jpeg_headers() {
        let mut jpeg = vec![0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00];
        jpeg.extend_from_slice(&[0xff, 0xc0, 0x00, 0x11, 0x08, 0x05, 0xdc, 0x05, 0x78, 0x03]);
        let info = image_info(&jpeg).unwrap();
        assert_eq!(
            (info.format, info.width, info.height),
            (ImageFormat::Jpeg, 1400, 1500)
        );
        assert!(image_info(&[0xff, 0xd8, 0xff, 0xe0, 0x00]).is_none());
        assert!(image_info(b"GIF89a").is_none());
        assert!(image_info(b"\x89PNG\r\n\x1a\n").is_none());
    }

    #[test]
    fn language_codes_follow_iso_639_1() {
        for good in ["ar", "en", "AR", "ar-JO", "en-us", "es-419"] {
            assert!(is_iso639_language(good), "{good}");
        }
        for bad in ["", "arabic", "xx", "ara", "ar-", "ar-jordan", "a"] {
            assert!(!is_iso639_language(bad), "{bad}");
        }
    }
}
