//! Rewrites made on a whole line before numbers are read: abbreviated titles (د. → الدكتور),
//! dual month names written with a spaced slash (حزيران / يونيو → حزيران/يونيو).

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use super::alphabet::is_arabic_letter;
use super::dates;
use super::diacritize::strip_vowel_marks;
use super::slot::without_conjunction;

/// Abbreviated titles before a name, without their final dot: (written, spoken, vowelled).
/// The vowelled form has no case ending: the case of a title depends on the sentence.
const TITLES: &[(&str, &str, &str)] = &[
    ("أ.د", "الأستاذ الدكتور", "الْأُسْتَاذ الدُّكْتُور"),
    ("ا.د", "الأستاذ الدكتور", "الْأُسْتَاذ الدُّكْتُور"),
    ("أ.م.د", "الأستاذ المساعد الدكتور", "الْأُسْتَاذ الْمُسَاعِد الدُّكْتُور"),
    ("ا.م.د", "الأستاذ المساعد الدكتور", "الْأُسْتَاذ الْمُسَاعِد الدُّكْتُور"),
    ("د.م", "الدكتور المهندس", "الدُّكْتُور الْمُهَنْدِس"),
    ("د.ة", "الدكتورة", "الدُّكْتُورَة"),
    ("د", "الدكتور", "الدُّكْتُور"),
    ("أ", "الأستاذ", "الْأُسْتَاذ"),
    ("م", "المهندس", "الْمُهَنْدِس"),
    ("ج", "جامعة", "جَامِعَة"),
    // An address's street (ش. الجمهورية), written like a title before its name.
    ("ش", "شارع", "شَارِع"),
];

/// A lone Arabic letter, a slash and digits: a lettered code (م/45).
static LETTERED_CODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(^|[\s(])([\u0621-\u064A])/([0-9]+)").expect("static regex"));

/// Two month names of the two calendars joined by a slash with spaces around it.
static SPACED_DUAL_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    let mut names = dates::gregorian_month_names();
    names.sort_by_key(|name| std::cmp::Reverse(name.chars().count()));
    let alternation = names
        .iter()
        .map(|name| regex::escape(name))
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&format!(
        r"(^|[\s(])({alternation})(?: +/ *| */ +)({alternation})($|[\s.,،؛:)])"
    ))
    .expect("static regex")
});

/// The letters that mark list items (أ- … ب) …), with their spoken names: (written, spoken,
/// vowelled in the pause form). س is left out: "س-" opens an interview's question (سؤال).
const LETTER_NAMES: &[(&str, &str, &str)] = &[
    ("أ", "ألف", "أَلِفْ"),
    ("ا", "ألف", "أَلِفْ"),
    ("ب", "باء", "بَاءْ"),
    ("ت", "تاء", "تَاءْ"),
    ("ث", "ثاء", "ثَاءْ"),
    ("ج", "جيم", "جِيمْ"),
    ("ح", "حاء", "حَاءْ"),
    ("خ", "خاء", "خَاءْ"),
    ("د", "دال", "دَالْ"),
    ("ذ", "ذال", "ذَالْ"),
    ("ر", "راء", "رَاءْ"),
    ("ز", "زاي", "زَايْ"),
    ("ش", "شين", "شِينْ"),
    ("ص", "صاد", "صَادْ"),
    ("ض", "ضاد", "ضَادْ"),
    ("ط", "طاء", "طَاءْ"),
    ("ظ", "ظاء", "ظَاءْ"),
    ("ع", "عين", "عَيْنْ"),
    ("غ", "غين", "غَيْنْ"),
    ("ف", "فاء", "فَاءْ"),
    ("ق", "قاف", "قَافْ"),
    ("ك", "كاف", "كَافْ"),
    ("ل", "لام", "لَامْ"),
    ("م", "ميم", "مِيمْ"),
    ("ن", "نون", "نُونْ"),
    ("ه", "هاء", "هَاءْ"),
    ("و", "واو", "وَاوْ"),
    ("ي", "ياء", "يَاءْ"),
];

/// Applies every line rewrite; text without a dot or slash is returned as is.
pub fn expand(line: &str) -> Cow<'_, str> {
    expand_with(line, false)
}

/// Like [`expand`], with the titles written vowelled (الدُّكْتُور), so the diacritizer keeps
/// them; stripping the marks gives [`expand`]'s output.
pub fn expand_vowelled(line: &str) -> Cow<'_, str> {
    expand_with(line, true)
}

/// Abbreviations read as their words wherever they stand, bare or with trailing
/// punctuation: (written, spoken, vowelled).
const WORD_ABBREVIATIONS: &[(&str, &str, &str)] = &[
    ("إلخ", "إلى آخره", "إِلَى آخِرِهِ"),
    ("الخ", "إلى آخره", "إِلَى آخِرِهِ"),
    ("ص.ب", "صندوق بريد", "صُنْدُوق بَرِيد"),
    ("ص.ب.", "صندوق بريد", "صُنْدُوق بَرِيد"),
    // Company forms and names written by their initials.
    ("ذ.م.م", "ذات مسؤولية محدودة", "ذَاتُ مَسْؤُولِيَّةٍ مَحْدُودَةٍ"),
    ("ش.م.ع", "شركة مساهمة عامة", "شَرِكَة مُسَاهَمَةٍ عَامَّة"),
    ("ش.م.م", "شركة مساهمة مصرية", "شَرِكَة مُسَاهَمَةٍ مِصْرِيَّة"),
    ("ش.م.خ", "شركة مساهمة خاصة", "شَرِكَة مُسَاهَمَةٍ خَاصَّة"),
    (
        "ش.ذ.م.م",
        "شركة ذات مسؤولية محدودة",
        "شَرِكَة ذَاتُ مَسْؤُولِيَّةٍ مَحْدُودَةٍ",
    ),
    ("ش.م.ب", "شركة مساهمة بحرينية", "شَرِكَة مُسَاهَمَةٍ بَحْرَيْنِيَّة"),
    ("ش.م.ك", "شركة مساهمة كويتية", "شَرِكَة مُسَاهَمَةٍ كُوَيْتِيَّة"),
    ("ش.م.ق", "شركة مساهمة قطرية", "شَرِكَة مُسَاهَمَةٍ قَطَرِيَّة"),
    ("ش.م.ل", "شركة مساهمة لبنانية", "شَرِكَة مُسَاهَمَةٍ لُبْنَانِيَّة"),
    ("ش.م.س", "شركة مساهمة سعودية", "شَرِكَة مُسَاهَمَةٍ سُعُودِيَّة"),
    (
        "ش.م.ع.ع",
        "شركة مساهمة عمانية عامة",
        "شَرِكَة مُسَاهَمَةٍ عُمَانِيَّةٍ عَامَّة",
    ),
    (
        "م.ت.ف",
        "منظمة التحرير الفلسطينية",
        "مُنَظَّمَة التَّحْرِيرِ الْفِلَسْطِينِيَّةِ",
    ),
    ("ج.م.ع", "جمهورية مصر العربية", "جُمْهُورِيَّة مِصْرَ الْعَرَبِيَّةِ"),
];

/// "ص. ب." written with a space between its letters.
static SPACED_PO_BOX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(^|\s)ص\. ب\.").expect("static regex"));

/// The letter of a contact line before a telephone number (ت: or ت/), and the word it
/// stands for, plain and vowelled: هاتف، فاكس، جوال.
const PHONE_MARKS: &[(char, &str, &str)] = &[
    ('ت', "هاتف", "هَاتِف"),
    ('ف', "فاكس", "فَاكْس"),
    ('ج', "جوال", "جَوَّال"),
];

/// ص before a page number is صفحة.
const PAGE_MARK: (&str, &str) = ("صفحة", "صَفْحَة");

/// News agencies abbreviated letter by letter in a dateline, said by their names:
/// (written forms, spoken, vowelled).
const AGENCIES: &[(&[&str], &str, &str)] = &[
    (
        &["أ ف ب", "ا ف ب", "أ.ف.ب", "ا.ف.ب"],
        "وكالة الصحافة الفرنسية",
        "وَكَالَة الصَّحَافَةِ الْفَرَنْسِيَّةِ",
    ),
    (
        &["أ ش أ", "أ.ش.أ"],
        "وكالة أنباء الشرق الأوسط",
        "وَكَالَة أَنْبَاءِ الشَّرْقِ الْأَوْسَطِ",
    ),
    (
        &["د ب أ", "د.ب.أ"],
        "وكالة الأنباء الألمانية",
        "وَكَالَة الْأَنْبَاءِ الْأَلْمَانِيَّةِ",
    ),
    (
        &["و م ع", "و.م.ع"],
        "وكالة المغرب العربي للأنباء",
        "وَكَالَة الْمَغْرِبِ الْعَرَبِيِّ لِلْأَنْبَاءِ",
    ),
];

/// An agency's abbreviation standing alone: between brackets, dashes, a colon or the ends of
/// the line (أ ف ب، و.م.ع).
static AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    let forms: Vec<String> = AGENCIES
        .iter()
        .flat_map(|(forms, _, _)| forms.iter().map(|form| regex::escape(form)))
        .collect();
    Regex::new(&format!(
        r#"(^|[\s(\-–—"«])([وفبل]{{0,2}})({})($|[\s)\-–—:،,."»])"#,
        forms.join("|")
    ))
    .expect("static regex")
});

fn expand_with(line: &str, vowelled: bool) -> Cow<'_, str> {
    let named = interview_turn_named(line, vowelled).or_else(|| list_letter_named(line, vowelled));
    let mut text = match named {
        Some(named) => Cow::Owned(named),
        None => Cow::Borrowed(line),
    };
    if text.contains(['ب', 'أ', 'ع']) && AGENCY.is_match(&text) {
        text = Cow::Owned(agencies_named(&text, vowelled));
    }
    if let Some(expanded) = expand_words(&text, vowelled) {
        text = Cow::Owned(expanded);
    }
    if let Some(named) = letter_labels_named(&text, vowelled) {
        text = Cow::Owned(named);
    }
    if text.contains('/') {
        text = join_dual_months(&text).into_owned().into();
        if let Some(named) = lettered_codes_named(&text, vowelled) {
            text = Cow::Owned(named);
        }
    }
    if text.contains('.') {
        if let Some(expanded) = expand_titles(&text, vowelled) {
            text = Cow::Owned(expanded);
        }
    }
    text
}

/// An interview turn opened by its letter ("س: ما رأيك؟"، "ج/ نعم") read as an anchor reads
/// it: سؤال، جواب. ج takes a colon or a slash only: with a dash or a bracket it letters a list.
fn interview_turn_named(line: &str, vowelled: bool) -> Option<String> {
    const TURNS: &[(&str, &[char], &str, &str)] = &[
        ("س", &[':', '-', '–', '/'], "سؤال", "سُؤَالْ"),
        ("ج", &[':', '/'], "جواب", "جَوَابْ"),
    ];
    let (letter, marks, spoken, with_vowels) =
        TURNS.iter().find(|turn| line.starts_with(turn.0))?;
    let text = line[letter.len()..]
        .trim_start()
        .strip_prefix(*marks)?
        .trim_start();
    let name = if vowelled { with_vowels } else { spoken };
    text.starts_with(is_arabic_letter)
        .then(|| format!("{name}: {text}"))
}

/// A letter, a slash and a number (المرسوم الملكي رقم م/45، القرار أ/12): the code is
/// read with the letter's name (ميم 45), not as a quantity per a letter.
fn lettered_codes_named(text: &str, vowelled: bool) -> Option<String> {
    let named = LETTERED_CODE.replace_all(text, |caps: &regex::Captures| {
        match letter_name(&caps[2], vowelled) {
            Some(name) => format!("{}{name} {}", &caps[1], &caps[3]),
            None => caps[0].to_string(),
        }
    });
    match named {
        Cow::Owned(named) => Some(named),
        Cow::Borrowed(_) => None,
    }
}

/// Blessings written in brackets by their letters after a name (محمد (ص)، علي (ع)).
const HONORIFICS: &[(&str, &str, &str)] = &[
    ("ص", "صلى الله عليه وسلم", "صَلَّى اللَّهُ عَلَيْهِ وَسَلَّمَ"),
    ("صلعم", "صلى الله عليه وسلم", "صَلَّى اللَّهُ عَلَيْهِ وَسَلَّمَ"),
    ("ع", "عليه السلام", "عَلَيْهِ السَّلَامُ"),
    ("رض", "رضي الله عنه", "رَضِيَ اللَّهُ عَنْهُ"),
];

/// Nouns a lone letter after them labels (الفقرة ب، فيتامين د، الخطة ب).
const LETTER_LABEL_HEADS: &[&str] = &[
    "الفقرة",
    "فقرة",
    "البند",
    "بند",
    "الملحق",
    "ملحق",
    "المجموعة",
    "مجموعة",
    "الفئة",
    "فئة",
    "الخطة",
    "خطة",
    "فيتامين",
    "النموذج",
    "نموذج",
    "الجدول",
    "الشكل",
    "المبنى",
    "مبنى",
    "الجناح",
    "جناح",
    "البوابة",
    "بوابة",
    "القاعة",
    "قاعة",
    "الصالة",
    "صالة",
    "المستوى",
    "مستوى",
    "الحرف",
    "حرف",
    "القسم",
    "قسم",
    "المنطقة",
    "منطقة",
];

/// A lone letter that labels a thing, in brackets or quotes (الفقرة (ب)، الفئة "أ") or after
/// a noun it labels (فيتامين د، المجموعة هـ), read by its name (باء، دال); `None` when
/// there is none. و alone is the conjunction, never a label.
fn letter_labels_named(text: &str, vowelled: bool) -> Option<String> {
    // Most lines have no candidate at all: nothing is built for them.
    if !text.split(' ').any(may_be_label) {
        return None;
    }
    let tokens: Vec<&str> = text.split(' ').collect();
    // A run of lone letters (ق ل) abbreviates a name, not a label.
    let lone_letter = |t: &&str| {
        let core = t.trim_matches(|c: char| !is_arabic_letter(c));
        core.chars().count() == 1
    };
    let mut changed = false;
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    for (k, token) in tokens.iter().enumerate() {
        let named = (may_be_label(token) && !tokens.get(k + 1).is_some_and(lone_letter))
            .then(|| letter_label(token, k.checked_sub(1).map(|p| tokens[p]), vowelled))
            .flatten();
        changed |= named.is_some();
        out.push(named.unwrap_or_else(|| (*token).to_string()));
    }
    changed.then(|| out.join(" "))
}

/// A cheap first test for [`letter_label`]: a bracketed or quoted token, or one whose first
/// letter has no Arabic letter after it.
fn may_be_label(token: &str) -> bool {
    let mut chars = token.chars();
    match chars.next() {
        Some('(' | '"' | '«' | '“') => true,
        Some(first) => {
            let letter_after = chars
                .next()
                .is_some_and(|c| is_arabic_letter(c) && c != '\u{0640}');
            is_arabic_letter(first) && first != 'و' && !letter_after
        }
        None => false,
    }
}

/// The token with its lone label letter named, as [`letter_labels_named`] reads it.
fn letter_label(token: &str, previous: Option<&str>, vowelled: bool) -> Option<String> {
    const OPENERS: &[char] = &['(', '"', '«', '“'];
    const CLOSERS: &[char] = &[')', '"', '»', '”'];
    let core_start = token.find(|c: char| !OPENERS.contains(&c))?;
    let (lead, rest) = token.split_at(core_start);
    let core_end = rest
        .find(|c: char| !is_arabic_letter(c) && c != '\u{0640}')
        .unwrap_or(rest.len());
    let (letter, trail) = rest.split_at(core_end);
    let letter = letter.trim_end_matches('\u{0640}');
    let bracketed = !lead.is_empty() && trail.starts_with(CLOSERS);
    // The blessings written by their letters after a name: (ص)، (ع)، (رض).
    if let Some(blessing) = HONORIFICS
        .iter()
        .find(|h| h.0 == letter)
        .filter(|_| bracketed)
    {
        let spoken = if vowelled { blessing.2 } else { blessing.1 };
        return Some(format!("{lead}{spoken}{trail}"));
    }
    if letter.chars().count() != 1 || letter == "و" {
        return None;
    }
    // A vitamin's letter and number (فيتامين ب12، د3): the letter named, then the number.
    if previous == Some("فيتامين") && !trail.is_empty() && trail.chars().all(|c| c.is_ascii_digit())
    {
        let name = letter_name(letter, vowelled)?;
        return Some(format!("{lead}{name} {trail}"));
    }
    let after_head = lead.is_empty()
        && previous
            .map(|p| {
                p.strip_prefix('و')
                    .filter(|p| p.starts_with("ال"))
                    .unwrap_or(p)
            })
            .is_some_and(|p| LETTER_LABEL_HEADS.contains(&p));
    let trail_ok =
        trail.is_empty() || trail.starts_with(['،', ',', '.', ':', '؛', ')', '"', '»', '”']);
    if !(bracketed || after_head && trail_ok) {
        return None;
    }
    let name = letter_name(letter, vowelled)?;
    Some(format!("{lead}{name}{trail}"))
}

/// The spoken name of an Arabic letter (م → ميم), vowelled in its pause form if asked.
fn letter_name(letter: &str, vowelled: bool) -> Option<&'static str> {
    let (_, spoken, with_vowels) = LETTER_NAMES.iter().find(|entry| entry.0 == letter)?;
    Some(if vowelled { with_vowels } else { spoken })
}

/// A line lettered as a list item ("أ- تعزيز"، "ب) دعم") read with the letter's name
/// (ألف، باء…), as one reads the list aloud; `None` for any other line.
fn list_letter_named(line: &str, vowelled: bool) -> Option<String> {
    let (marker, text) = line.split_once(' ')?;
    // "(أ) البند" as "أ) البند".
    let marker = marker.strip_prefix('(').unwrap_or(marker);
    let letter = marker.strip_suffix(['-', ')', '–'])?;
    let name = letter_name(letter, vowelled)?;
    let text = text.trim_start();
    text.starts_with(is_arabic_letter)
        .then(|| format!("{name}، {text}"))
}

/// إلخ → إلى آخره, ص.ب → صندوق بريد, and ت:/ف:/ج: before a telephone number → هاتف، فاكس،
/// جوال; `None`
/// when nothing changed.
fn expand_words(text: &str, vowelled: bool) -> Option<String> {
    // Every abbreviation has one of these letters, or .م. (ذ.م.م، ج.م.ع).
    if !text.contains(['خ', 'ص', 'ت', 'ف', 'ج']) && !text.contains(".م.") {
        return None;
    }
    let joined = SPACED_PO_BOX.replace_all(text, "${1}ص.ب.");
    let tokens: Vec<&str> = joined.split(' ').collect();
    let mut changed = matches!(joined, Cow::Owned(_));
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    for (k, token) in tokens.iter().enumerate() {
        let next = tokens.get(k + 1).copied();
        // After a clock hour ص is صباحا (من 8 ص), which the verbalizer reads.
        let after_hour = k > 0 && tokens[k - 1].parse::<u32>().is_ok_and(|hour| hour <= 24);
        let page = page_mark(token, next, vowelled).filter(|_| !after_hour);
        if page.is_some() {
            // "العدد 45 ص 12": a pause keeps صفحة from being counted by the number before it.
            if let Some(previous) = out
                .last_mut()
                .filter(|t| t.ends_with(|c: char| c.is_ascii_digit()))
            {
                previous.push('،');
            }
        }
        let spoken = word_abbreviation(token, vowelled)
            .map(|words| without_repeated_head(&words, out.last()))
            .or_else(|| phone_mark(token, next, vowelled))
            .or(page);
        match spoken {
            Some(spoken) => {
                out.push(spoken);
                changed = true;
            }
            None => out.push((*token).to_string()),
        }
    }
    changed.then(|| out.join(" "))
}

/// An expansion without its first word when the text already says it (منظمة م.ت.ف →
/// منظمة التحرير الفلسطينية, not منظمة منظمة).
fn without_repeated_head(words: &str, previous: Option<&String>) -> String {
    let Some((head, rest)) = words.split_once(' ') else {
        return words.to_string();
    };
    let repeated = previous.is_some_and(|p| strip_vowel_marks(p) == strip_vowel_marks(head));
    if repeated {
        rest.to_string()
    } else {
        words.to_string()
    }
}

/// A token that is one of [`WORD_ABBREVIATIONS`], its punctuation kept ("إلخ." → "إلى آخره.").
fn word_abbreviation(token: &str, vowelled: bool) -> Option<String> {
    let lead_end = token.find(|c: char| !matches!(c, '"' | '(' | '«' | '\'' | '.'))?;
    let (lead, rest) = token.split_at(lead_end);
    WORD_ABBREVIATIONS
        .iter()
        .filter_map(|entry| {
            let trail = rest.strip_prefix(entry.0)?;
            let plain = trail.chars().all(|c| ".,،؛:)\"»!؟".contains(c));
            plain.then_some((entry, trail))
        })
        .max_by_key(|(entry, _)| entry.0.len())
        .map(|((_, spoken, with_vowels), trail)| {
            let spoken = if vowelled { with_vowels } else { spoken };
            format!("{lead}{spoken}{trail}")
        })
}

/// A token's opening bracket, if any, and the rest.
fn split_open_bracket(token: &str) -> (&str, &str) {
    match token.strip_prefix('(') {
        Some(rest) => ("(", rest),
        None => ("", token),
    }
}

/// "ت:" or "ت/" followed by a telephone number (a digit or + next, glued or after a space) →
/// "هاتف:"; "ف:" → "فاكس:"، "ج:" → "جوال:".
fn phone_mark(token: &str, next: Option<&str>, vowelled: bool) -> Option<String> {
    let (lead, rest) = split_open_bracket(token);
    let mut letters = rest.chars();
    let letter = letters.next()?;
    let &(_, plain, with_vowels) = PHONE_MARKS.iter().find(|(l, _, _)| *l == letter)?;
    let after = letters
        .as_str()
        .strip_prefix(':')
        .or_else(|| letters.as_str().strip_prefix('/'))?;
    let number = if after.is_empty() { next? } else { after };
    // The number may end the sentence or a list (ف: 0114567891.).
    let number = number.trim_end_matches(['.', '،', ',', '؛', ';']);
    let digits = number.chars().filter(char::is_ascii_digit).count();
    let phone_like = number.starts_with(|c: char| c.is_ascii_digit() || c == '+')
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || "+-() ".contains(c));
    if !phone_like || digits < 5 {
        return None;
    }
    let word = if vowelled { with_vowels } else { plain };
    let space = if after.is_empty() { "" } else { " " };
    Some(format!("{lead}{word}:{space}{after}"))
}

/// أ ف ب → وكالة الصحافة الفرنسية, and the other agencies of [`AGENCIES`].
/// The abbreviation in brackets right after the agency's name is not said twice (وكالة
/// الأنباء الألمانية (د.ب.أ) → وكالة الأنباء الألمانية), nor وكالة before it (وكالة (أ ش أ) →
/// وكالة أنباء الشرق الأوسط).
fn agencies_named(text: &str, vowelled: bool) -> String {
    let mut dropped = false;
    let named = AGENCY.replace_all(text, |caps: &regex::Captures| {
        let agency = AGENCIES
            .iter()
            .find(|(forms, _, _)| forms.contains(&&caps[3]));
        let Some((_, spoken, with_vowels)) = agency else {
            return caps[0].to_string();
        };
        let (open, clitics, close) = (&caps[1], &caps[2], &caps[4]);
        let start = caps.get(0).map_or(0, |m| m.start());
        let before = strip_vowel_marks(text[..start].trim_end());
        if open == "(" && clitics.is_empty() && close.starts_with(')') && before.ends_with(spoken) {
            dropped = true;
            return close[1..].to_string();
        }
        let name = if vowelled { with_vowels } else { spoken };
        let name = match name.split_once(' ') {
            Some((_, rest)) if before.ends_with("وكالة") && clitics.is_empty() => rest,
            _ => name,
        };
        // Nor its adjective written after the bracket (وكالة (د ب أ) الألمانية).
        let end = caps.get(0).map_or(text.len(), |m| m.end());
        let next_word = text[end..]
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .trim_matches(|c: char| !is_arabic_letter(c));
        let name = match name.rsplit_once(' ') {
            Some((head, last)) if strip_vowel_marks(last) == next_word => head,
            _ => name,
        };
        format!("{open}{}{close}", with_clitics(clitics, name, vowelled))
    });
    if dropped {
        named
            .replace("  ", " ")
            .replace(" .", ".")
            .replace(" ،", "،")
    } else {
        named.into_owned()
    }
}

/// "ص 12" or "ص. 12": a page number → "صفحة 12".
fn page_mark(token: &str, next: Option<&str>, vowelled: bool) -> Option<String> {
    let (lead, rest) = split_open_bracket(token);
    if !matches!(rest, "ص" | "ص.") || !next?.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let word = if vowelled { PAGE_MARK.1 } else { PAGE_MARK.0 };
    Some(format!("{lead}{word}"))
}

/// "15 حزيران / يونيو 2019" → "15 حزيران/يونيو 2019", so the pair reads as one month.
fn join_dual_months(text: &str) -> Cow<'_, str> {
    // Twice: a match consumes the space that the next pair would start from.
    let once = SPACED_DUAL_MONTH.replace_all(text, "$1$2/$3$4");
    match once {
        Cow::Borrowed(_) => once,
        Cow::Owned(joined) => Cow::Owned(
            SPACED_DUAL_MONTH
                .replace_all(&joined, "$1$2/$3$4")
                .into_owned(),
        ),
    }
}

/// Expands "د." and the other titles when a word follows them and no number precedes them
/// (2021 م. is an era, 50 ج. a currency); `None` when nothing changed.
fn expand_titles(text: &str, vowelled: bool) -> Option<String> {
    let tokens: Vec<&str> = text.split(' ').flat_map(split_glued_title).collect();
    let initials = initials_runs(&tokens);
    let mut changed = false;
    let mut out = Vec::with_capacity(tokens.len());
    for (k, token) in tokens.iter().enumerate() {
        if initials[k] {
            out.push(initial_name(token, vowelled));
            changed = true;
            continue;
        }
        let title = title_of(token, vowelled).filter(|_| {
            let next_is_word = tokens
                .get(k + 1)
                .and_then(|t| t.chars().next())
                .is_some_and(is_arabic_letter);
            let after_number = k > 0 && tokens[k - 1].chars().any(|c| c.is_ascii_digit());
            let prev = k.checked_sub(1).and_then(|p| tokens.get(p)).copied();
            next_is_word && !after_number && !is_word_not_title(token, prev)
        });
        let title =
            title.map(|(lead, spoken)| (lead, after_rank_or_person(&tokens, k, spoken, vowelled)));
        match title {
            Some((lead, spoken)) => {
                // Only a person's title agrees with the name (الدكتورة); شارع، جامعة do not.
                let of_person = !["شارع", "جامعة"].contains(&strip_vowel_marks(&spoken).as_str());
                let spoken = match of_person && names_a_woman(&tokens, k) {
                    true => feminine_title(&spoken, vowelled),
                    false => spoken,
                };
                out.push(format!("{lead}{spoken}"));
                changed = true;
            }
            None => out.push((*token).to_string()),
        }
    }
    changed.then(|| out.join(" "))
}

/// Military and police ranks, after which م. is متقاعد (retired): اللواء م. أحمد.
const RANKS: &[&str] = &[
    "اللواء",
    "العميد",
    "العقيد",
    "المقدم",
    "الرائد",
    "النقيب",
    "الملازم",
    "الفريق",
    "المشير",
    "العماد",
    "الركن",
];

/// Words naming a person before a name, after which ج. is the name's initial, not جامعة.
const PERSON_WORDS: &[&str] = &[
    "السيد",
    "السيدة",
    "المستشار",
    "المستشارة",
    "الشيخ",
    "المحامي",
    "القاضي",
    "الكاتب",
    "الكاتبة",
    "الصحفي",
    "الباحث",
    "الباحثة",
    "الفنان",
    "الفنانة",
    "اللاعب",
    "المدرب",
];

/// The title at `k` read in its place: م. after a rank is المتقاعد, ج. after a word naming a
/// person or before عبد or أبو is an initial (المستشار ج. عبد الله → جيم); else `spoken`.
fn after_rank_or_person(tokens: &[&str], k: usize, spoken: String, vowelled: bool) -> String {
    let prev = k
        .checked_sub(1)
        .map(|p| without_conjunction(tokens[p]))
        .unwrap_or_default();
    let plain = strip_vowel_marks(&spoken);
    // The title glued to a clitic (والمهندس) keeps its reading.
    if plain == "المهندس" && RANKS.contains(&prev) {
        return (if vowelled {
            "الْمُتَقَاعِد"
        } else {
            "المتقاعد"
        })
        .to_string();
    }
    let next = tokens.get(k + 1).copied().unwrap_or_default();
    let name_follows = next.starts_with("عبد") || next.starts_with("أبو");
    if plain == "جامعة" && (PERSON_WORDS.contains(&prev) || name_follows) {
        // The bracket or quote before the letter is the caller's lead, written once.
        let letter = tokens[k].trim_start_matches(['"', '(', '«', '\'']);
        return initial_name(letter, vowelled);
    }
    spoken
}

/// A lone Arabic letter and its dot (م.، ع.).
fn initial_letter(token: &str) -> Option<char> {
    let mut chars = token.strip_suffix('.')?.chars();
    let letter = chars.next().filter(|&c| is_arabic_letter(c))?;
    chars.next().is_none().then_some(letter)
}

/// Which tokens are a name's initials: two or more lone letters with their dots in a row
/// before a word (م. ع. الحربي، ج. م. كوتزي), unless every one is a person's title (أ. د.
/// محمد is الأستاذ الدكتور).
fn initials_runs(tokens: &[&str]) -> Vec<bool> {
    let mut marks = vec![false; tokens.len()];
    let mut start = 0;
    while start < tokens.len() {
        let mut end = start;
        while end < tokens.len() && initial_letter(tokens[end]).is_some() {
            end += 1;
        }
        let titles_only = tokens[start..end]
            .iter()
            .filter_map(|t| initial_letter(t))
            .all(|letter| matches!(letter, 'أ' | 'ا' | 'د' | 'م'));
        let before_word = tokens
            .get(end)
            .and_then(|t| t.chars().next())
            .is_some_and(is_arabic_letter);
        if end - start >= 2 && !titles_only && before_word {
            marks[start..end].fill(true);
        }
        start = end.max(start + 1);
    }
    marks
}

/// The spoken name of an initial's letter (ع. → عين).
fn initial_name(token: &str, vowelled: bool) -> String {
    let letter = initial_letter(token).map(String::from).unwrap_or_default();
    match LETTER_NAMES
        .iter()
        .find(|(written, _, _)| *written == letter)
    {
        Some((_, _, with_vowels)) if vowelled => (*with_vowels).to_string(),
        Some((_, spoken, _)) => (*spoken).to_string(),
        None => token.to_string(),
    }
}

/// A person's title glued to the name after it (د.هالة، أ.د.سامي، وم.أحمد) as two tokens;
/// any other token whole. The name has three letters or more, which a currency's or an
/// agency's letters (د.ك، د.ب.أ) never have.
fn split_glued_title(token: &str) -> Vec<&str> {
    let glued = token
        .char_indices()
        .filter(|&(_, c)| c == '.')
        .find_map(|(dot, _)| {
            let (title, name) = token.split_at(dot + 1);
            if is_word_not_title(title, None) {
                return None;
            }
            let spoken = title_of(title, false)?.1;
            let of_person = !spoken.ends_with("شارع") && !spoken.ends_with("جامعة");
            let name_like = name.chars().count() >= 3 && name.chars().all(is_arabic_letter);
            (of_person && name_like).then_some([title, name])
        });
    match glued {
        Some(pair) => pair.to_vec(),
        None => vec![token],
    }
}

/// Masculine given names that end in ة.
const MEN_NAMED_WITH_TA_MARBUTA: &[&str] = &[
    "حمزة",
    "أسامة",
    "اسامة",
    "طلحة",
    "عبيدة",
    "معاوية",
    "عروة",
    "قتيبة",
    "حذيفة",
    "عطية",
    "خليفة",
    "جمعة",
    "عكرمة",
    "ربيعة",
    "زائدة",
    "قتادة",
    "مسلمة",
    "سلامة",
    "عبادة",
    "شعبة",
    "ضمرة",
    "طرفة",
    "عنترة",
    "عتبة",
];

/// Women's given names that do not end in ة.
const WOMEN_NAMES: &[&str] = &[
    "مريم",
    "زينب",
    "سعاد",
    "منى",
    "هدى",
    "سلمى",
    "ليلى",
    "ليلي",
    "هند",
    "أسماء",
    "اسماء",
    "هيفاء",
    "رشا",
    "ريم",
    "دعاء",
    "آلاء",
    "الاء",
    "سناء",
    "وفاء",
    "رحاب",
    "نادين",
    "لينا",
    "رنا",
    "مها",
    "سهى",
    "نجوى",
    "علياء",
    "شيماء",
    "إيمان",
    "ايمان",
    "أمل",
    "امل",
    "بشرى",
    "ياسمين",
    "نوال",
    "ابتسام",
    "انتصار",
    "إلهام",
    "الهام",
    "أحلام",
    "احلام",
    "هيام",
    "وداد",
    "عبير",
    "سوزان",
    "نسرين",
    "شيرين",
    "جيهان",
    "نيفين",
    "دينا",
    "رانيا",
    "لبنى",
    "نهى",
    "رضوى",
    "ندى",
    "سحر",
    "رباب",
    "إسراء",
    "اسراء",
    "آمال",
    "امال",
    "هناء",
    "ثناء",
    "رجاء",
    "صفاء",
    "ولاء",
    "نجلاء",
    "حسناء",
    "عفاف",
    "نور",
    "سمر",
    "روان",
    "جنى",
    "لمى",
    "تغريد",
    "غدير",
    "كوثر",
    "ميسون",
    "سوسن",
    "زينات",
];

/// Feminine past-tense verbs of reporting that announce a woman (قالت د. …).
const WOMEN_VERBS: &[&str] = &[
    "قالت",
    "أكدت",
    "اكدت",
    "أوضحت",
    "اوضحت",
    "صرحت",
    "أشارت",
    "اشارت",
    "كشفت",
    "أضافت",
    "اضافت",
    "ذكرت",
    "اعتبرت",
    "رأت",
    "لفتت",
    "شددت",
    "بينت",
    "أعلنت",
    "اعلنت",
    "طالبت",
    "دعت",
    "حذرت",
    "ترأست",
    "افتتحت",
    "ألقت",
    "القت",
    "قدمت",
    "شاركت",
    "تحدثت",
    "عبرت",
    "أفادت",
    "افادت",
    "نفت",
    "أجابت",
    "اجابت",
    "تقول",
    "ترى",
];

/// Whether the title at `k` in `tokens` stands before a woman's name: her given name is a
/// woman's (ends in ة unless it is one of the men's names that do; or is in the list of
/// women's names), or a feminine verb of reporting comes just before the title.
fn names_a_woman(tokens: &[&str], k: usize) -> bool {
    let bare = |token: &str| strip_vowel_marks(token.trim_matches(|c: char| !is_arabic_letter(c)));
    let name = tokens.get(k + 1).map(|t| bare(t)).unwrap_or_default();
    let woman_by_name = (name.ends_with('ة')
        && !MEN_NAMED_WITH_TA_MARBUTA.contains(&name.as_str()))
        || WOMEN_NAMES.contains(&name.as_str());
    let verb = k
        .checked_sub(1)
        .map(|p| bare(tokens[p]))
        .unwrap_or_default();
    let woman_by_verb = [verb.as_str(), without_conjunction(&verb)]
        .iter()
        .any(|v| WOMEN_VERBS.contains(v));
    woman_by_name || woman_by_verb
}

/// The title for a woman: every word takes ة (الأستاذة الدكتورة، المهندسة); جامعة as it is.
fn feminine_title(spoken: &str, vowelled: bool) -> String {
    if spoken.ends_with('ة') {
        return spoken.to_string();
    }
    let ending = if vowelled { "\u{064E}ة" } else { "ة" };
    spoken
        .split(' ')
        .map(|word| format!("{word}{ending}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Proclitics a title may carry (وم. → والمهندس، لد. → للدكتور), longest first.
const TITLE_CLITICS: &[&str] = &["وب", "ول", "فب", "فل", "و", "ف", "ب", "ل"];

/// A clitic and a title that together spell a common word ending a sentence (لا بد. ، لم.،
/// فم.، حيث ولد.): not read as a title.
const WORDS_NOT_TITLES: &[&str] = &["بد", "لم", "فم", "بم", "ولد"];

/// Whether `token` spells a common word that ends a sentence ([`WORDS_NOT_TITLES`]) rather
/// than a title; بد. is بـ + د. (بالدكتور) unless لا stands before it (لا بد.).
fn is_word_not_title(token: &str, prev: Option<&str>) -> bool {
    let core = token
        .trim_start_matches(['"', '(', '«', '\''])
        .trim_end_matches('.');
    let after_la = prev.is_some_and(|p| matches!(p, "لا" | "ولا" | "فلا"));
    WORDS_NOT_TITLES.contains(&core) && (core != "بد" || after_la || prev.is_none())
}

/// The leading punctuation and the spoken title of a token such as «د.»، "(أ.د.", "أ.د" or "وم.";
/// a proclitic is glued to the title (والدكتور، للدكتور، بالمهندس).
fn title_of(token: &str, vowelled: bool) -> Option<(&str, String)> {
    let core_start = token.find(|c: char| !matches!(c, '"' | '(' | '«' | '\''))?;
    let (lead, rest) = token.split_at(core_start);
    // A title of several letters says it is one by its inner dot (د.ة سارة، أ.د خالد).
    let core = rest
        .strip_suffix('.')
        .or_else(|| rest.contains('.').then_some(rest))?;
    let (clitics, title) = std::iter::once("")
        .chain(TITLE_CLITICS.iter().copied())
        .filter_map(|clitic| Some((clitic, core.strip_prefix(clitic)?)))
        .find_map(|(clitic, bare)| {
            let title = TITLES.iter().find(|(written, _, _)| *written == bare)?;
            Some((clitic, title))
        })?;
    let (_, spoken, with_vowels) = title;
    let spoken = if vowelled { *with_vowels } else { *spoken };
    Some((lead, with_clitics(clitics, spoken, vowelled)))
}

/// Glues proclitics to a spoken title: ل before the article drops its alif (للدكتور).
fn with_clitics(clitics: &str, spoken: &str, vowelled: bool) -> String {
    let marked: String = clitics
        .chars()
        .map(|c| match (vowelled, c) {
            (false, _) => c.to_string(),
            (true, 'ب' | 'ل') => format!("{c}\u{0650}"),
            (true, _) => format!("{c}\u{064E}"),
        })
        .collect();
    match spoken.strip_prefix('ا') {
        Some(after_alif) if clitics.ends_with('ل') && spoken.starts_with("ال") => {
            format!("{marked}{after_alif}")
        }
        _ => format!("{marked}{spoken}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_titles_before_names_only() {
        assert_eq!(expand("قال د. أحمد"), "قال الدكتور أحمد");
        assert_eq!(expand("أ.د. سعاد علي"), "الأستاذة الدكتورة سعاد علي");
        assert_eq!(expand("عام 2021 م. وكان"), "عام 2021 م. وكان");
        assert_eq!(expand("انتهى الأمر د."), "انتهى الأمر د.");
        assert_eq!(expand("قال اللواء م. أحمد"), "قال اللواء المتقاعد أحمد");
        assert_eq!(expand("المستشار ج. عبد الله"), "المستشار جيم عبد الله");
        assert_eq!(expand("في ج. القاهرة"), "في جامعة القاهرة");
        assert_eq!(expand("المستشار (ج. عبد الله)"), "المستشار (جيم عبد الله)");
    }

    #[test]
    fn names_the_letters_of_a_lettered_list() {
        assert_eq!(expand("ب- دعم المشاريع"), "باء، دعم المشاريع");
        assert_eq!(expand("ج) البند الثالث"), "جيم، البند الثالث");
        assert_eq!(expand("(أ) البند الأول"), "ألف، البند الأول");
        assert_eq!(expand_vowelled("أ- تعزيز"), "أَلِفْ، تعزيز");
        // Glued to its word, a letter is not a marker; a title keeps its dot.
        assert_eq!(expand("ب-دعم"), "ب-دعم");
        assert_eq!(expand("س- ما رأيك؟"), "سؤال: ما رأيك؟");
        assert_eq!(expand("د. محمد علي"), "الدكتور محمد علي");
    }

    #[test]
    fn a_title_of_several_letters_needs_no_final_dot() {
        assert_eq!(expand("حضرت د.ة سارة"), "حضرت الدكتورة سارة");
        assert_eq!(expand("قال أ.د خالد"), "قال الأستاذ الدكتور خالد");
        // One letter without its dot is a word or a list marker, not a title.
        assert_eq!(expand("قال د خالد"), "قال د خالد");
    }

    #[test]
    fn names_a_lone_letter_that_labels_a_thing() {
        assert_eq!(expand("الفقرة (ب) من المادة"), "الفقرة (باء) من المادة");
        assert_eq!(expand("الفئة \"أ\""), "الفئة \"ألف\"");
        assert_eq!(expand("فيتامين د ضروري"), "فيتامين دال ضروري");
        assert_eq!(expand("في المجموعة هـ، مع"), "في المجموعة هاء، مع");
        assert_eq!(expand("فيتامين ب12"), "فيتامين باء 12");
        assert_eq!(expand_vowelled("الخطة ب"), "الخطة بَاءْ");
        // و alone is the conjunction; a letter after a noun that labels nothing stays.
        assert_eq!(expand("قال (و) هو"), "قال (و) هو");
        assert_eq!(expand("قال ب هو"), "قال ب هو");
        // A run of lone letters abbreviates a name (فئة ق ل).
        assert_eq!(expand("إلى فئة ق ل."), "إلى فئة ق ل.");
    }

    #[test]
    fn says_the_blessings_written_by_their_letters() {
        assert_eq!(
            expand("قال النبي محمد (ص) إن"),
            "قال النبي محمد (صلى الله عليه وسلم) إن"
        );
        assert_eq!(expand("علي (ع)"), "علي (عليه السلام)");
        assert_eq!(expand("عمر (رض)"), "عمر (رضي الله عنه)");
        // Outside brackets the letters are left to the other rules.
        assert_eq!(expand("ص 12"), "صفحة 12");
    }

    #[test]
    fn names_the_turns_of_an_interview() {
        assert_eq!(expand("س: ما رأيك؟"), "سؤال: ما رأيك؟");
        assert_eq!(expand("ج/ نعم بالتأكيد"), "جواب: نعم بالتأكيد");
        assert_eq!(expand_vowelled("س : هل"), "سُؤَالْ: هل");
        // ج with a dash or a bracket letters a list; a word opening with س is no turn.
        assert_eq!(expand("ج- البند الثالث"), "جيم، البند الثالث");
        assert_eq!(expand("سيارة: حمراء"), "سيارة: حمراء");
    }

    #[test]
    fn names_the_letter_of_a_contact_line_before_its_number() {
        assert_eq!(expand("ت: 0112345678"), "هاتف: 0112345678");
        assert_eq!(expand("ف/0112345679"), "فاكس: 0112345679");
        assert_eq!(expand("ج: 0551234567"), "جوال: 0551234567");
        assert_eq!(expand("ف: 12"), "ف: 12", "too short for a telephone number");
    }

    #[test]
    fn expands_initials_once() {
        assert_eq!(expand("شركة الأمل ذ.م.م"), "شركة الأمل ذات مسؤولية محدودة");
        assert_eq!(expand("منظمة م.ت.ف"), "منظمة التحرير الفلسطينية");
        assert_eq!(expand("شركة ش.م.ع."), "شركة مساهمة عامة.");
    }

    #[test]
    fn says_an_agency_once() {
        assert_eq!(
            expand("ذكرت وكالة الأنباء الألمانية (د.ب.أ) أن"),
            "ذكرت وكالة الأنباء الألمانية أن"
        );
        assert_eq!(
            expand("ذكرت وكالة (أ ش أ) أن"),
            "ذكرت وكالة (أنباء الشرق الأوسط) أن"
        );
        assert_eq!(
            expand("بحسب وكالة (د ب أ) الألمانية"),
            "بحسب وكالة (الأنباء) الألمانية"
        );
        assert_eq!(
            expand("قال مسؤول (لأ ف ب)."),
            "قال مسؤول (لوكالة الصحافة الفرنسية)."
        );
    }

    #[test]
    fn names_agencies_and_pages() {
        assert_eq!(
            expand("باريس (أ ف ب) - قال"),
            "باريس (وكالة الصحافة الفرنسية) - قال"
        );
        assert_eq!(
            expand("الرباط - و.م.ع: أكد"),
            "الرباط - وكالة المغرب العربي للأنباء: أكد"
        );
        assert_eq!(
            expand("قال أ ف بعد"),
            "قال أ ف بعد",
            "only the letters alone"
        );
        assert_eq!(expand("انظر ص. 45"), "انظر صفحة 45");
        assert_eq!(expand("العدد 45 ص 12"), "العدد 45، صفحة 12");
        assert_eq!(expand("قال ص إن"), "قال ص إن");
        assert_eq!(
            expand("من 8 ص 12"),
            "من 8 ص 12",
            "after a clock hour ص is صباحا"
        );
    }

    #[test]
    fn expands_titles_after_a_proclitic() {
        assert_eq!(
            expand("حضر د. أحمد وم. سامي"),
            "حضر الدكتور أحمد والمهندس سامي"
        );
        assert_eq!(expand("قال ود. سامي"), "قال والدكتور سامي");
        assert_eq!(
            expand("التقى أ.د. خالد وأ.د. منى"),
            "التقى الأستاذ الدكتور خالد والأستاذة الدكتورة منى"
        );
        assert_eq!(expand("شكرا لد. أحمد"), "شكرا للدكتور أحمد");
        assert_eq!(expand("ممثلة بأ.د. سامي"), "ممثلة بالأستاذ الدكتور سامي");
        assert_eq!(expand("لا بد. وقال"), "لا بد. وقال");
        // بـ د. glued by the normalizer is a title after any word but لا.
        assert_eq!(expand("التقى بد. أحمد"), "التقى بالدكتور أحمد");
        assert_eq!(expand("كان لا بد. وقال"), "كان لا بد. وقال");
        assert_eq!(expand("حيث ولد. وقال"), "حيث ولد. وقال");
        assert_eq!(
            expand_vowelled("شكرا لد. أحمد وم. علي"),
            "شكرا لِلدُّكْتُور أحمد وَالْمُهَنْدِس علي"
        );
    }

    #[test]
    fn a_title_glued_to_the_name_is_expanded() {
        assert_eq!(expand("وقالت د.هالة سعيد"), "وقالت الدكتورة هالة سعيد");
        assert_eq!(expand("قال أ.د.سامي"), "قال الأستاذ الدكتور سامي");
        assert_eq!(expand("وحضر وم.أحمد"), "وحضر والمهندس أحمد");
        // Currency and agency letters are not names.
        assert_eq!(expand("بسعر 3 د.ك"), "بسعر 3 د.ك");
        assert_eq!(split_glued_title("د.ب.أ"), vec!["د.ب.أ"]);
        assert_eq!(split_glued_title("ش.الجمهورية"), vec!["ش.الجمهورية"]);
    }

    #[test]
    fn a_title_before_a_woman_is_feminine() {
        // By her name: ending in ة (not a man's such as حمزة), or a woman's name.
        assert_eq!(expand("قال د. فاطمة علي"), "قال الدكتورة فاطمة علي");
        assert_eq!(expand("حضرت م. رنا سمير"), "حضرت المهندسة رنا سمير");
        assert_eq!(expand("قال د. حمزة علي"), "قال الدكتور حمزة علي");
        // By the feminine verb of reporting before the title.
        assert_eq!(expand("وأوضحت د. نور الهدى"), "وأوضحت الدكتورة نور الهدى");
        assert_eq!(expand("قالت أ. جود"), "قالت الأستاذة جود");
        assert_eq!(expand("وقت د. سامي"), "وقت الدكتور سامي");
        // جامعة is one word for both.
        assert_eq!(expand("قالت ج. القاهرة"), "قالت جامعة القاهرة");
        assert_eq!(expand_vowelled("قالت د. هدى"), "قالت الدُّكْتُورَة هدى");
    }

    #[test]
    fn vowelled_titles_strip_to_the_plain_ones() {
        assert_eq!(expand_vowelled("قال د. أحمد"), "قال الدُّكْتُور أحمد");
        assert_eq!(
            expand_vowelled("أ.د. سعاد وم. علي"),
            "الْأُسْتَاذَة الدُّكْتُورَة سعاد وَالْمُهَنْدِس علي"
        );
        for (_, spoken, vowelled) in TITLES {
            let stripped: String = vowelled
                .chars()
                .filter(|c| !crate::text::diacritize::is_vowel_mark(*c))
                .collect();
            assert_eq!(&stripped, spoken);
        }
    }

    #[test]
    fn joins_spaced_dual_months() {
        assert_eq!(expand("15 حزيران / يونيو 2019"), "15 حزيران/يونيو 2019");
        assert_eq!(expand("يوم 3 شباط/ فبراير"), "يوم 3 شباط/فبراير");
        assert_eq!(expand("الطرف / الآخر"), "الطرف / الآخر");
    }

    #[test]
    fn names_the_letter_of_a_lettered_code() {
        assert_eq!(
            expand("المرسوم الملكي رقم م/45"),
            "المرسوم الملكي رقم ميم 45"
        );
        assert_eq!(expand("القرار (أ/12)"), "القرار (ألف 12)");
        assert_eq!(expand_vowelled("رقم م/45"), "رقم مِيمْ 45");
        // A word before the slash is a unit, not a letter.
        assert_eq!(expand("6 لتر/100 كم"), "6 لتر/100 كم");
    }

    #[test]
    fn a_run_of_initials_is_read_letter_by_letter() {
        assert_eq!(
            expand("زار م. ع. الحربي الموقع"),
            "زار ميم عين الحربي الموقع"
        );
        assert_eq!(expand("قال ج. م. كوتزي"), "قال جيم ميم كوتزي");
        // Titles in a row stay titles.
        assert_eq!(expand("قال أ. د. محمد"), "قال الأستاذ الدكتور محمد");
    }
}
