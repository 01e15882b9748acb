//! Line and paragraph rules for Arabic and English news furniture, shared by the HTML extractor
//! and the text-dump extractor: "read also" boxes, source sign-offs, photo credits and captions,
//! comment/share/tag/newsletter prompts, copyright, tickers and counters, section headings of
//! related-story lists, and bylines, datelines and timestamps standing alone as a paragraph.
//!
//! The rules match on a folded form of the paragraph (see [`fold_arabic`]) so that spelling
//! variants (أ/إ/ا, ى/ي, ة/ه, diacritics, tatweel) all match the same pattern.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

/// What the rules say about one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Body text: keep it.
    Keep,
    /// Furniture: drop this paragraph.
    Drop,
    /// Furniture that usually closes the article (comments, tags, related lists, sign-offs,
    /// copyright): drop it, and drop what follows unless real body text follows.
    End,
    /// A "read also" heading: drop it and the related headlines right after it.
    ReadAlso,
}

/// Fold Arabic text for matching: NFKC (presentation forms → letters), lower case, no diacritics
/// or tatweel, أ/إ/آ/ٱ → ا, ى → ي, ة → ه, Arabic-Indic digits → ASCII digits, whitespace collapsed.
pub fn fold_arabic(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.nfkc().flat_map(char::to_lowercase) {
        let folded = match c {
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{06D6}'..='\u{06ED}' => continue,
            '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => continue,
            '\u{FEFF}' | '\u{00AD}' => continue,
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
            '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
            c if c.is_whitespace() => {
                pending_space = !out.is_empty();
                continue;
            }
            c => c,
        };
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(folded);
    }
    out
}

/// Judge one paragraph (already whitespace-normalized).
pub fn classify(paragraph: &str) -> Verdict {
    let folded = fold_arabic(paragraph);
    let words = folded.split_whitespace().count();
    if words == 0 {
        return Verdict::Drop;
    }
    if is_read_also(&folded, words) {
        return Verdict::ReadAlso;
    }
    if is_closing_furniture(&folded, words) {
        return Verdict::End;
    }
    if is_furniture(&folded, words) {
        return Verdict::Drop;
    }
    Verdict::Keep
}

/// A paragraph that reads like body text: long enough and shaped like sentences.
pub fn is_substantial(paragraph: &str) -> bool {
    let words = paragraph.split_whitespace().count();
    words >= 30 || (words >= 15 && ends_like_sentence(paragraph))
}

/// A short label — a sub-heading or a field name, not a sentence — may recur in a structured
/// body (the same sub-heading under each section of a list or a schedule) and is kept each time;
/// a repeated sentence is a pull quote, a doubled caption or a lead shown twice, and is dropped.
fn may_recur(paragraph: &str) -> bool {
    paragraph.split_whitespace().count() <= 8 && !ends_like_sentence(paragraph)
}

/// True when the paragraph ends with sentence punctuation (possibly followed by a closing quote
/// or bracket).
pub fn ends_like_sentence(paragraph: &str) -> bool {
    let trimmed = paragraph.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '»' | '”' | '’' | ')' | ']' | '“')
    });
    trimmed.ends_with(['.', '!', '?', '؟', '。', '…', ':', '؛'])
}

/// Apply the rules to a sequence of paragraphs in reading order: drop furniture, drop the
/// paragraphs repeating the title or an earlier paragraph, cut the tail after closing furniture
/// (comments, tags, related lists) when no real body text follows it, and drop the short
/// headlines listed under a "read also" heading.
pub fn filter_paragraphs(paragraphs: Vec<String>, title: &str) -> Vec<String> {
    filter_paragraphs_with_items(paragraphs, title, &HashSet::new())
}

/// [`filter_paragraphs`], keeping every occurrence of the paragraphs whose folded text is in
/// `items`: entries the page lays out again under each section of a structured body (the same
/// dish in two meal plans), which the caller found in the page's structure.
pub fn filter_paragraphs_with_items(
    paragraphs: Vec<String>,
    title: &str,
    items: &HashSet<String>,
) -> Vec<String> {
    let title_key = fold_arabic(title);
    let verdicts: Vec<Verdict> = paragraphs.iter().map(|p| classify(p)).collect();
    let mut kept = Vec::with_capacity(paragraphs.len());
    let mut seen = HashSet::new();
    let mut last_kept_key = String::new();
    let mut index = 0;
    while index < paragraphs.len() {
        let paragraph = &paragraphs[index];
        match verdicts[index] {
            Verdict::Keep => {
                let key = fold_arabic(paragraph);
                let repeats_last = !kept.is_empty() && key == last_kept_key;
                let first_time = seen.insert(key.clone());
                if key != title_key
                    && !repeats_last
                    && (first_time || may_recur(paragraph) || items.contains(&key))
                {
                    kept.push(paragraph.clone());
                    last_kept_key = key;
                }
            }
            Verdict::Drop => {}
            Verdict::End => {
                let body_follows = paragraphs[index + 1..]
                    .iter()
                    .zip(&verdicts[index + 1..])
                    .any(|(p, v)| *v == Verdict::Keep && is_substantial(p));
                if !kept.is_empty() && !body_follows {
                    break;
                }
            }
            Verdict::ReadAlso => {
                // A bare "read also" label heads a list of related headlines; a label with
                // its headline in the same paragraph stands alone.
                let bare_label = paragraph.split_whitespace().count() <= 3;
                while bare_label
                    && index + 1 < paragraphs.len()
                    && verdicts[index + 1] == Verdict::Keep
                    && is_headline_like(&paragraphs[index + 1])
                {
                    index += 1;
                }
            }
        }
        index += 1;
    }
    kept
}

/// Drop short paragraphs (fewer than 4 words, no sentence punctuation) at the start and end
/// of a body: labels, kickers and stray menu entries left after the rules.
pub fn trim_edges(mut paragraphs: Vec<String>) -> Vec<String> {
    let is_stray = |p: &str| p.split_whitespace().count() < 4 && !ends_like_sentence(p);
    while paragraphs.last().is_some_and(|p| is_stray(p)) {
        paragraphs.pop();
    }
    let leading = paragraphs.iter().take_while(|p| is_stray(p)).count();
    paragraphs.drain(..leading);
    paragraphs
}

/// The name in a byline paragraph ("كتب: أحمد محمود", "By Jane Doe"), when the paragraph is one.
pub fn byline_name(paragraph: &str) -> Option<String> {
    let words = paragraph.split_whitespace().count();
    let folded = fold_arabic(paragraph);
    if words > 8 || has_sentence_punctuation(&folded) || !BYLINE.is_match(&folded) {
        return None;
    }
    let prefix = BYLINE_PREFIX.find(&folded)?;
    let prefix_words = folded[..prefix.end()].split_whitespace().count();
    let name: Vec<&str> = paragraph
        .split_whitespace()
        .skip(prefix_words)
        .filter(|w| !matches!(*w, ":" | "-" | "–" | "："))
        .collect();
    let name = name.join(" ");
    let name = name
        .trim_start_matches([':', '-', '–', '：', ' '])
        .trim()
        .to_string();
    (!name.is_empty()).then_some(name)
}

/// Short, unpunctuated text: a headline or a menu entry rather than a sentence of the body.
pub fn is_headline_like(paragraph: &str) -> bool {
    let words = paragraph.split_whitespace().count();
    (1..=20).contains(&words) && !paragraph.trim_end().ends_with(['.', '؛', ':'])
}

fn regex(pattern: &str) -> Regex {
    match Regex::new(pattern) {
        Ok(re) => re,
        Err(error) => panic!("invalid built-in pattern {pattern:?}: {error}"),
    }
}

static READ_ALSO: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"^[\[(«]?\s*(",
        r"(اقرا|اقراوا|طالع|طالعوا|شاهد|شاهدوا|اطلع|انظر|راجع)\s*(ايضا|كذلك|المزيد)",
        r"|اقرا في|ربما يهمك|قد يهمك|يهمك ايضا|اخترنا لك|لا يفوتك|مواضيع قد تهمك|للمزيد\s*[:：]",
        r"|(read|see|watch)\s+(also|more)|also read|related\s*[:：]|more on this|recommended for you",
        // Other languages of the public benchmark: pt, es, it, de, ru, id, ja, ko.
        r"|leia (tambem|também|mais)\s*[:：]|veja (tambem|também)|lee también|leggi anche|lesen sie auch|siehe auch",
        r"|читайте также|смотрите также|baca juga|関連記事\s*[:：]|관련 ?기사\s*[:：]",
        r")"
    ))
});

static CLOSING_EXACT: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"^(التعليقات|تعليقات|تعليقات القراء|اراء القراء|التعليقات والآراء",
        r"|(الاخبار|اخبار|مواضيع|موضوعات|مقالات|قصص|روابط) (ذات صله|متعلقه|مشابهه|مرتبطه|اخري)",
        r"|ذات صله|الاكثر (قراءه|مشاهده|تداولا|تعليقا|شعبيه)|الاكثر قراءه اليوم|الاكثر قراءه الان",
        r"|المزيد من \S+( \S+)?|المزيد من الاخبار|اخر الاخبار|احدث الاخبار|قد يعجبك ايضا|قد يعجبك|ننصحك بقراءه",
        r"|comments?|\d+ comments?|leave a (comment|reply)|related( (stories|articles|news|posts|content|coverage|topics))?",
        r"|most (read|popular|viewed|shared)|trending( now)?|more (stories|news|from \S+( \S+)?)|you (may|might) also like|recommended( stories)?",
        r"|latest news|top stories|read next|up next|what to read next|references|visible links|hidden links",
        // Other languages of the public benchmark: pt, es, it, de, ru, id, ja, ko.
        r"|comentários|comentarios|mais (lidas|lidos|vistos|notícias)|notícias relacionadas|últimas notícias",
        r"|lo más leído|noticias relacionadas|commenti|(i )?più letti|articoli correlati",
        r"|kommentare|meistgelesen|mehr zum thema|das könnte sie auch interessieren|weitere artikel",
        r"|комментарии|самое читаемое|популярное|новости по теме|похожие новости|другие новости",
        r"|komentar|terpopuler|berita terkait|artikel terkait|berita lainnya",
        r"|コメント|関連記事|関連ニュース|人気記事|アクセスランキング|댓글|관련 ?기사|많이 본 뉴스|인기 ?기사",
        r")\s*(\(\d+\))?\s*[:：]?$"
    ))
});

static CLOSING_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"^(",
        r"(المصدر|المصادر|مصدر الخبر|source|sources)\s*[:：\-–]",
        r"|(الكلمات المفتاحيه|كلمات مفتاحيه|الكلمات الداله|الوسوم|وسوم|تاجز|الاوسمه|اوسمه|الموضوعات|tags|topics|keywords|filed under)\s*[:：]?",
        r"|(©|\(c\)|copyright\b)",
        r")"
    ))
});

static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(©|جميع الحقوق محفوظه|الحقوق محفوظه ل|all rights reserved|copyright \d{4})")
});

/// A copyright that credits pictures ("photos © Studio X, 2018"): a caption credit inside the
/// article, not the page's closing copyright notice.
static PICTURE_COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"(photo|photos|photograph|photography|image|images|picture|pictures|foto|fotos|bild|bilder",
        r"|تصوير|صوره|الصوره|صور|الصور)\s*[:：]?\s*(©|\(c\)|copyright\b)"
    ))
});

/// An e-mail address.
static EMAIL: LazyLock<Regex> = LazyLock::new(|| regex(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"));

/// Words that invite the reader to write to the newsroom or the author.
static CONTACT: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"(be reached|reach (him|her|them|us|me)|contact|e-?mail|write to|have a tip|tips?\b",
        r"|للتواصل|تواصل معنا|راسلنا|راسلونا|kontakt|contato|contacto|contatti|связаться)"
    ))
});

/// A note telling the reader how to reach the author or the newsroom: an e-mail address and an
/// invitation to use it.
fn is_contact_note(folded: &str) -> bool {
    EMAIL.is_match(folded) && CONTACT.is_match(folded)
}

static COMMENT_PROMPT: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"^((اضف|اكتب|اترك|شارك|ارسل)\s+(تعليق|تعليقا|تعليقك|رايك|براي|برايك)",
        r"|\d+\s+(تعليق|تعليقات)|join the (conversation|discussion)|comments are closed|add (a|your) comment",
        r"|sign in to comment|log in to comment|show comments|view comments|load comments)"
    ))
});

static COMMENT_POLICY: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"(التعليقات.*(سياسه|ارشادات|شروط)|(سياسه|ارشادات|شروط) (نشر )?التعليقات",
        r"|(لا|ولا) (تعبر|يعبر) (بالضروره )?عن (راي|وجهه نظر) (موقع|الموقع|صحيفه|الصحيفه|شبكه|الشبكه|القناه|اداره|هيئه التحرير)",
        r"|مضمون هذا الخبر|هذا الخبر منقول|تم نقل هذا الخبر|تم (كتابته|نشره) بواسطه",
        r"|تعبر عن (راي|اراء|وجهات نظر|وجهه نظر) (اصحابها|كتابها|كاتبها)",
        r"|comment (policy|guidelines)|community guidelines|views expressed .* (do not|don't) (necessarily )?reflect)"
    ))
});

static SHARE_WORDS: &[&str] = &[
    "شارك",
    "شاركوا",
    "مشاركه",
    "المشاركه",
    "شارك الخبر",
    "الخبر",
    "المقال",
    "علي",
    "عبر",
    "في",
    "فيسبوك",
    "فيس",
    "بوك",
    "تويتر",
    "اكس",
    "واتساب",
    "واتس",
    "اب",
    "تلغرام",
    "تليجرام",
    "لينكدين",
    "انستغرام",
    "انستجرام",
    "ماسنجر",
    "طباعه",
    "اطبع",
    "ارسال",
    "ارسل",
    "البريد",
    "الالكتروني",
    "ايميل",
    "نسخ",
    "الرابط",
    "حفظ",
    "share",
    "this",
    "on",
    "via",
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "telegram",
    "linkedin",
    "email",
    "e-mail",
    "print",
    "copy",
    "link",
    "tweet",
    "pinterest",
    "reddit",
    "messenger",
    "article",
    "story",
    "save",
    "and",
    "|",
    "-",
    "/",
    "•",
];

static NEWSLETTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"(^(subscribe|sign up|newsletter)\b|^(اشترك|اشتركوا) (الان|مجانا|في (النشره|نشرتنا|قناتنا|خدمه))",
        r"|النشره البريديه|نشرتنا|القائمه البريديه|newsletter|بريدك الالكتروني|your inbox",
        r"|(حمل|حملوا|نزل|download)\s+(تطبيق|التطبيق|our app|the app))"
    ))
});

/// Calls to action: "لمتابعة آخر الأخبار اضغط هنا", "للاشتراك في قناتنا على تلغرام".
static CALL_TO_ACTION: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"^(لمتابعه|للاشتراك|لمزيد من|للمزيد من|لقراءه المزيد|لمشاهده)\b.*",
        r"(اضغط|انقر|تابعونا|تابعوا|قناه|قناتنا|تطبيق|تليجرام|تلغرام|واتساب|جوجل نيوز|غوغل نيوز|الرابط التالي)"
    ))
});

static FOLLOW_US: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"^(تابعونا|تابعوا|تابعنا|تابع (اخر|اهم|كل|المزيد|قناتنا|صفحتنا|حسابنا)|follow us|join us|انضموا|انضم الي)\b.*",
        r"(فيسبوك|فيس بوك|تويتر|تلغرام|تليجرام|يوتيوب|انستغرام|انستجرام|واتساب|تيك توك",
        r"|جوجل نيوز|غوغل نيوز|google news|twitter|facebook|telegram|whatsapp|instagram|youtube",
        r"|قناتنا|حسابنا|صفحتنا|حساباتنا|منصاتنا)"
    ))
});

static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"((^|\s)(/|\||©|-|–)\s*(reuters|afp|ap|getty( images)?|epa|anadolu|xinhua|shutterstock|رويترز|ا ف ب|فرانس برس|اسوشيتد برس|الاناضول|شينخوا|وام|واس|سبوتنيك|تاس|ريا نوفوستي|ارشيفيه)\s*$",
        r"|^(تصوير|صوره|الصوره|صور|الصور|photo|photograph|photos|image|picture|credit|photo credit|pic)\s*[:：/|]",
        r"|[(\[]\s*(صوره|الصوره|تصوير|صور|photo|image|credit|ارشيفيه|ارشيف|getty|reuters|afp)\b[^)\]]*[)\]]\s*$",
        r"|getty images|^(صوره|الصوره) (ارشيفيه|تعبيريه|من الارشيف)$|^(ارشيفيه|صوره ارشيفيه)$)"
    ))
});

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"^((كتب|كتبت|كتبه|بقلم|by|written by|reporting by|edited by|story by|words by|report by|compiled by)\s*[:：\-–]?",
        r"|(اعداد|تحرير|ترجمه|متابعه)\s*[:：\-–])\s*\S"
    ))
});

static BYLINE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^(كتب|كتبت|كتبه|بقلم|اعداد|تحرير|ترجمه|متابعه|by|written by|reporting by|edited by|story by|words by|report by|compiled by)\b\s*[:：\-–]?",
    )
});

/// A dateline standing alone: "القاهرة - أ ش أ", "دبي - العربية.نت", "عمان – بترا".
static DATELINE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^[^\s،,.:]+( [^\s،,.:]+)?\s+[-–—]\s+[^\s،,:]+( [^\s،,:]+){0,2}$"));

static REUTERS_SIGNOFF: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^\(?(reporting|additional reporting|writing|editing) by\b"));

static TIMESTAMP_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"^(نشر|نشر في|نشرت|تاريخ النشر|اخر تحديث|تم التحديث|تم النشر|تحديث|التاريخ|تاريخ",
        r"|published|updated|last updated|posted|first published|date)\b\s*[:：]?"
    ))
});

static LABEL_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"^(المصدر|التاريخ|الكاتب|المؤلف|القسم|الوسوم|تاريخ النشر|اخر تحديث|مشاركه|شارك",
        r"|source|date|author|section|tags|share)\s*[:：]?$"
    ))
});

static TICKER: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        r"^(\d+\s+(خبر|اخبار|تعليق|مشاهده|مشاهدات|قراءه|news|stories|views|shares)",
        r"|عاجل|مباشر|بث مباشر|الرئيسيه|الصفحه الرئيسيه|اعلان|اعلانات|محتوي مدعوم|محتوي اعلاني|مساحه اعلانيه",
        r"|اين يمكنك متابعتنا|اقسام مهمه|الاقسام|فيديوهات|فيديو|صور|انفوجراف|بودكاست|الطقس|مواقيت الصلاه",
        r"|breaking( news)?|live|home|advertisement|sponsored( content)?|scroll to continue( with content)?",
        // The label over an ad slot, in the languages of the public benchmark.
        r"|advert|advertising|ad|ads|anzeige|werbung|publicidade|publicidad|pubblicità|pubblicita",
        r"|реклама|iklan|広告|スポンサーリンク|광고",
        r"|skip to (main )?content|toggle navigation|menu|search|close|loading\.*|click here|اضغط هنا|انقر هنا",
        r"|للمزيد اضغط هنا|التالي|السابق|next|previous|print|طباعه|المزيد|more|read more|اقرا المزيد)$"
    ))
});

/// Words of a dateline, as [`fold_arabic`] leaves them (no hamza on alef, ة as ه, lower case):
/// Egyptian and Levantine month names, weekdays, English month names and their abbreviations,
/// time words. Not the month tables of `text::dates`: these are folded spellings matched
/// against folded text, and only the variants that datelines use.
static DATE_WORDS: &[&str] = &[
    "يناير",
    "فبراير",
    "مارس",
    "ابريل",
    "مايو",
    "يونيو",
    "يوليو",
    "يوليه",
    "اغسطس",
    "سبتمبر",
    "اكتوبر",
    "نوفمبر",
    "ديسمبر",
    "كانون",
    "شباط",
    "اذار",
    "نيسان",
    "ايار",
    "حزيران",
    "تموز",
    "اب",
    "ايلول",
    "تشرين",
    "الاول",
    "الثاني",
    "الاحد",
    "الاثنين",
    "الثلاثاء",
    "الاربعاء",
    "الخميس",
    "الجمعه",
    "السبت",
    "ص",
    "م",
    "صباحا",
    "مساء",
    "مساءا",
    "اخر",
    "تحديث",
    "بتوقيت",
    "غرينتش",
    "جرينتش",
    "مكه",
    "المكرمه",
    "القاهره",
    "gmt",
    "utc",
    "am",
    "pm",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "updated",
    "published",
    "ago",
    "hours",
    "hour",
    "minutes",
    "ساعه",
    "ساعات",
    "دقيقه",
    "دقائق",
    "منذ",
    "يوم",
    "ايام",
    "هجري",
    "ميلادي",
    "هـ",
    "at",
    "on",
    "في",
    "الساعه",
];

fn is_read_also(folded: &str, words: usize) -> bool {
    words <= 40 && READ_ALSO.is_match(folded)
}

fn is_closing_furniture(folded: &str, words: usize) -> bool {
    (words <= 8 && CLOSING_EXACT.is_match(folded))
        || (words <= 25 && CLOSING_PREFIX.is_match(folded))
        || (words <= 30 && COPYRIGHT.is_match(folded) && !PICTURE_COPYRIGHT.is_match(folded))
}

fn is_furniture(folded: &str, words: usize) -> bool {
    (words <= 15 && COMMENT_PROMPT.is_match(folded))
        || (words <= 90 && COMMENT_POLICY.is_match(folded))
        || (words <= 14 && is_share_row(folded))
        || (words <= 30 && NEWSLETTER.is_match(folded))
        || (words <= 25 && FOLLOW_US.is_match(folded))
        || (words <= 25 && CALL_TO_ACTION.is_match(folded))
        || (words <= 40 && CREDIT.is_match(folded))
        || (words <= 40 && PICTURE_COPYRIGHT.is_match(folded))
        || (words <= 40 && is_contact_note(folded))
        || (words <= 8 && !has_sentence_punctuation(folded) && BYLINE.is_match(folded))
        || (words <= 40 && REUTERS_SIGNOFF.is_match(folded))
        || (words <= 12 && TIMESTAMP_PREFIX.is_match(folded) && is_mostly_date(folded, 4))
        || (words <= 5 && LABEL_ONLY.is_match(folded))
        || (words <= 6 && TICKER.is_match(folded))
        || (words <= 14 && is_mostly_date(folded, 1))
        || (words <= 6 && is_parenthesized(folded))
        || (words <= 6 && DATELINE.is_match(folded))
        || (words <= 20 && is_breadcrumb(folded))
        || is_symbols_only(folded)
}

fn has_sentence_punctuation(folded: &str) -> bool {
    folded.contains(['.', '،', ',', '؟', '?', '!'])
}

fn is_share_row(folded: &str) -> bool {
    folded.split_whitespace().all(|word| {
        SHARE_WORDS.contains(&word.trim_matches(|c: char| !c.is_alphanumeric()))
            || !word.chars().any(char::is_alphanumeric)
    }) && folded.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        matches!(
            w,
            "شارك"
                | "شاركوا"
                | "مشاركه"
                | "المشاركه"
                | "share"
                | "tweet"
                | "print"
                | "طباعه"
                | "email"
                | "فيسبوك"
                | "facebook"
                | "twitter"
                | "تويتر"
                | "whatsapp"
                | "واتساب"
        )
    })
}

/// True when at most `allowed_other` words are not date/time words or numbers, and the text
/// has a date word or at least two numbers: "5 يناير 2020", "12:30 GMT", "2020/01/05", but
/// not a numbered label ("Meal 1", "الجزء 2"), which is a sub-heading of the body.
fn is_mostly_date(folded: &str, allowed_other: usize) -> bool {
    if !folded.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let words: Vec<&str> = folded
        .split(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '،' | ',' | '/' | '-' | '|' | '(' | ')' | ':' | '.' | '+' | '–' | '—'
                )
        })
        .filter(|w| !w.is_empty())
        .collect();
    let is_number = |w: &str| w.chars().all(|c| c.is_ascii_digit());
    let is_date_word = |w: &str| {
        DATE_WORDS.contains(&w)
            || DATE_WORDS.contains(&w.trim_start_matches('و'))
            || w.starts_with("gmt")
    };
    let numbers = words.iter().filter(|w| is_number(w)).count();
    let date_words = words.iter().filter(|w| is_date_word(w)).count();
    let other = words.len() - numbers - date_words;
    other <= allowed_other && (date_words > 0 || numbers >= 2)
}

fn is_parenthesized(folded: &str) -> bool {
    (folded.starts_with('(') && folded.ends_with(')'))
        || (folded.starts_with('[') && folded.ends_with(']'))
}

fn is_breadcrumb(folded: &str) -> bool {
    let separators = folded.matches(['»', '›', '>', '|', '/', '«', '‹']).count();
    separators >= 2
        && folded
            .split(['»', '›', '>', '|', '/', '«', '‹'])
            .all(|part| part.split_whitespace().count() <= 4)
}

fn is_symbols_only(folded: &str) -> bool {
    !folded.chars().any(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_labels_are_sub_headings_not_datelines() {
        let body = "افتتحت البلدية اليوم محطة جديدة لتحلية مياه البحر تكفي نحو مئتي ألف نسمة.";
        let lines = [
            "الجزء 2",
            body,
            "5 يناير 2020",
            "12:30 GMT",
            "Meal 1",
            "2020/01/05",
        ];
        let paragraphs: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        let kept = filter_paragraphs(paragraphs, "عنوان الخبر");
        assert_eq!(kept, vec!["الجزء 2", body, "Meal 1"]);
    }

    #[test]
    fn recurring_sub_headings_stay_but_repeated_sentences_go() {
        let lines = [
            "يبدأ البرنامج صباحا بجلسة افتتاحية يحضرها وزير الثقافة وعدد من الكتاب.",
            "اليوم الأول",
            "الموعد",
            "العاشرة صباحا في القاعة الكبرى، ندوة عن الرواية العربية الجديدة.",
            "اليوم الثاني",
            "الموعد",
            "الخامسة مساء في القاعة الصغرى، أمسية شعرية لشعراء من ثلاثة بلدان.",
            "يبدأ البرنامج صباحا بجلسة افتتاحية يحضرها وزير الثقافة وعدد من الكتاب.",
            "العاشرة صباحا في القاعة الكبرى، ندوة عن الرواية العربية الجديدة.",
            "الخامسة مساء في القاعة الصغرى، أمسية شعرية لشعراء من ثلاثة بلدان.",
            "الخامسة مساء في القاعة الصغرى، أمسية شعرية لشعراء من ثلاثة بلدان.",
        ];
        let paragraphs: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        let kept = filter_paragraphs(paragraphs.clone(), "برنامج معرض الكتاب");
        // The label under each day recurs; every repeated sentence (a pull quote, a lead shown
        // twice, a doubled element) appears once.
        assert_eq!(kept, paragraphs[..7].to_vec());
        // A label repeated back to back is a doubled element, not a structure.
        let doubled = vec![
            "الموعد".to_string(),
            "الموعد".to_string(),
            lines[3].to_string(),
        ];
        assert_eq!(
            filter_paragraphs(doubled, "عنوان"),
            vec!["الموعد", lines[3]]
        );
    }

    #[test]
    fn folding_unifies_spelling_variants() {
        assert_eq!(fold_arabic("إقرأ أيضاً"), "اقرا ايضا");
        assert_eq!(fold_arabic("مدرسةٌ  على\u{00A0}مبنى"), "مدرسه علي مبني");
        assert_eq!(fold_arabic("٢٠٢٠ Reuters"), "2020 reuters");
        assert_eq!(fold_arabic("ﻻ"), "لا");
    }

    #[test]
    fn arabic_furniture_is_recognised() {
        let cases = [
            ("اقرأ أيضا: الكرملين يرد على واشنطن", Verdict::ReadAlso),
            ("إقرأ أيضاً", Verdict::ReadAlso),
            ("شاهد أيضا", Verdict::ReadAlso),
            ("المصدر: \"تاس\" + وكالات", Verdict::End),
            ("التعليقات", Verdict::End),
            ("الأكثر قراءة", Verdict::End),
            ("أخبار ذات صلة", Verdict::End),
            ("الكلمات المفتاحية: روسيا أمريكا", Verdict::End),
            ("جميع الحقوق محفوظة © 2024 البيان", Verdict::End),
            ("35 خبر", Verdict::Drop),
            ("مباشر", Verdict::Drop),
            ("اضف تعليقاً واقرأ تعليقات القراء", Verdict::Drop),
            ("الرئيس الروسي في جنيف يوم 16 يونيو 2021. / Mikhail Metzel / Reuters", Verdict::Drop),
            ("تصوير: محمد علي", Verdict::Drop),
            ("جانب من الاجتماع (صورة: وام)", Verdict::Drop),
            ("كتب: أحمد محمود", Verdict::Drop),
            ("بقلم أحمد محمود", Verdict::Drop),
            ("03 يونيو 2020", Verdict::Drop),
            ("الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00 (GMT+0400)", Verdict::Drop),
            ("نشر في: 12 مارس 2024 - 10:30 ص", Verdict::Drop),
            ("(أبوظبي - البيان)", Verdict::Drop),
            ("القاهرة - أ ش أ", Verdict::Drop),
            ("دبي - العربية.نت", Verdict::Drop),
            ("المصدر:", Verdict::End),
            ("التاريخ:", Verdict::Drop),
            ("تابعوا أخبار الإمارات من البيان عبر غوغل نيوز", Verdict::Drop),
            ("لمتابعة آخر الأخبار اشترك في قناتنا على تليجرام", Verdict::Drop),
            ("ملحوظة: مضمون هذا الخبر تم كتابته بواسطة موقع آخر ولا يعبر عن وجهة نظر الموقع", Verdict::Drop),
            ("اشترك في النشرة البريدية ليصلك كل جديد", Verdict::Drop),
            ("شارك الخبر على فيسبوك تويتر واتساب", Verdict::Drop),
            ("الرئيسية » أخبار » عربي ودولي", Verdict::Drop),
            ("ترحب شبكة CNN بالنقاش الحيوي والمفيد، وكي لا نضطر إلى مراجعة التعليقات قبل نشرها. ننصحك بمراجعة إرشادات الاستخدام", Verdict::Drop),
            ("الآراء الواردة أدناه لا تعبر عن رأي موقع CNN بالعربية، بل تعكس وجهات نظر أصحابها فقط.", Verdict::Drop),
        ];
        for (text, expected) in cases {
            assert_eq!(classify(text), expected, "{text}");
        }
    }

    #[test]
    fn english_furniture_is_recognised() {
        let cases = [
            ("Read more: Markets fall again", Verdict::ReadAlso),
            ("Related stories", Verdict::End),
            ("Comments", Verdict::End),
            ("Sign up for our daily newsletter", Verdict::Drop),
            ("Follow us on Twitter and Facebook", Verdict::Drop),
            ("Share this article", Verdict::Drop),
            ("Photo: John Smith/AFP", Verdict::Drop),
            ("A protester in Paris. (Getty Images)", Verdict::Drop),
            ("By Jane Doe", Verdict::Drop),
            ("Updated: March 3, 2024 10:15 am", Verdict::Drop),
            (
                "Reporting by Jane Doe; Editing by John Smith",
                Verdict::Drop,
            ),
            ("© 2024 Example News. All rights reserved.", Verdict::End),
            ("Advertisement", Verdict::Drop),
            ("Advert", Verdict::Drop),
            (
                "Installation views, photos © Studio North, 2018",
                Verdict::Drop,
            ),
            (
                "Have a tip? Jane Doe may be reached at jdoe@example.com. Follow her on Twitter.",
                Verdict::Drop,
            ),
            ("Anzeige", Verdict::Drop),
            ("Publicidade", Verdict::Drop),
            ("Реклама", Verdict::Drop),
        ];
        for (text, expected) in cases {
            assert_eq!(classify(text), expected, "{text}");
        }
    }

    #[test]
    fn body_sentences_are_kept() {
        let cases = [
            "وقال المتحدث باسم الكرملين، دميتري بيسكوف، إن المحادثات مستمرة.",
            "كتب الرئيس على حسابه في تويتر أن الاتفاق سيوقع الأسبوع المقبل، مضيفا أن الوفدين سيلتقيان في جنيف.",
            "وأكدت وكالة فرانس برس أن الاجتماع عقد يوم 3 يونيو 2020 في العاصمة بحضور عدد من الوزراء.",
            "تابع الرئيس تطورات الأزمة مع رئيس الوزراء.",
            "وقال البيان:",
            "The minister said on Monday that talks would resume in June.",
            "سجل الاقتصاد نموا بنسبة 3 في المئة",
            "أعداد كبيرة من المواطنين في الشوارع",
            "اشترك في الاجتماع ممثلون عن عشر دول",
            "رفضت الوزارة التعليق على التعليقات التي نشرها الموقع",
            "وقال إن هذه التصريحات لا تعبر عن رأي الحكومة.",
            "تابع الرئيس عبر تويتر تطورات الأزمة",
            "وناقش المؤتمر قانون حقوق النشر الجديد",
            "خلفية",
            "Shares of the company rose 5% on Tuesday after the announcement.",
        ];
        for text in cases {
            assert_eq!(classify(text), Verdict::Keep, "{text}");
        }
    }

    #[test]
    fn filter_cuts_the_tail_and_read_also_lists() {
        let paragraphs: Vec<String> = [
            "العنوان الرئيسي للخبر",
            "الفقرة الأولى من الخبر وفيها تفاصيل كثيرة عن الحدث، وما قاله المسؤولون في المؤتمر الصحفي اليوم.",
            "اقرأ أيضا",
            "عنوان خبر آخر ذي صلة",
            "الفقرة الثانية من الخبر وفيها تفاصيل أخرى عن الحدث، وردود الفعل الدولية عليه.",
            "المصدر: وكالات",
            "التعليقات",
            "عنوان خبر ثالث لا علاقة له",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let kept = filter_paragraphs(paragraphs.clone(), "العنوان الرئيسي للخبر");
        assert_eq!(kept, vec![paragraphs[1].clone(), paragraphs[4].clone()]);
    }
}
