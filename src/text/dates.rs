//! Month names, dates, years and clock times read in MSA.

use super::numbers::{cardinal_with, ordinal, Case, Gender};

/// Calendar a month name belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Calendar {
    /// الميلادي
    Gregorian,
    /// الهجري
    Hijri,
}

/// A month name found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthMatch {
    /// How the name is said (a combined "حزيران/يونيو" becomes "حزيران يونيو").
    pub spoken: String,
    /// Month number 1–12.
    pub month: u32,
    /// Its calendar.
    pub calendar: Calendar,
    /// Number of whitespace tokens the name used.
    pub tokens: usize,
}

/// Arabic names of the days of the week, Sunday first.
pub const ARABIC_WEEKDAYS: [&str; 7] = [
    "الأحد",
    "الاثنين",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
];

/// Egyptian/Gulf Gregorian month names (used when a numeric date is read).
pub const GREGORIAN_MONTHS: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];

/// Gregorian month names in English, January first (the Hijri ones are
/// [`super::hijri::ENGLISH_MONTHS`]).
pub const ENGLISH_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const GREGORIAN_VARIANTS: &[(&str, u32)] = &[
    ("إبريل", 4),
    ("ابريل", 4),
    ("يونيه", 6),
    ("يوليه", 7),
    ("اغسطس", 8),
    ("أغسطس", 8),
    ("اكتوبر", 10),
    ("جانفي", 1),
    ("فيفري", 2),
    ("أفريل", 4),
    ("ماي", 5),
    ("جوان", 6),
    ("جويلية", 7),
    ("أوت", 8),
    ("يوليوز", 7),
    ("غشت", 8),
    ("شتنبر", 9),
    ("نونبر", 11),
    ("دجنبر", 12),
    ("شباط", 2),
    ("آذار", 3),
    ("اذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("ايار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("آب", 8),
    ("اب", 8),
    ("أيلول", 9),
    ("ايلول", 9),
];

const LEVANTINE_TWO_WORD: &[(&str, &str, u32)] = &[
    ("كانون", "الثاني", 1),
    ("كانون", "الأول", 12),
    ("تشرين", "الأول", 10),
    ("تشرين", "الثاني", 11),
];

/// Hijri month names in order.
pub const HIJRI_MONTHS: [&str; 12] = [
    "محرم",
    "صفر",
    "ربيع الأول",
    "ربيع الآخر",
    "جمادى الأولى",
    "جمادى الآخرة",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "ذي القعدة",
    "ذي الحجة",
];

const HIJRI_VARIANTS: &[(&str, u32)] = &[
    ("ربيع الثاني", 4),
    ("جمادى الأول", 5),
    ("جمادى الثانية", 6),
    ("جمادى الثاني", 6),
    ("ذو القعدة", 11),
    ("ذو الحجة", 12),
    ("ذو القعده", 11),
    ("المحرم", 1),
];

/// Recognizes a month name at the start of `tokens` (whitespace tokens without punctuation),
/// including two-word names (كانون الثاني، ربيع الأول) and combined forms (حزيران/يونيو).
pub fn match_month(tokens: &[&str]) -> Option<MonthMatch> {
    let first = *tokens.first()?;
    let second = tokens.get(1).copied().unwrap_or("");
    if let Some(found) = match_two_words(first, second) {
        return Some(found);
    }
    let (head, tail) = split_combined(first);
    if let (Some(month), Some(tail)) = (single_gregorian(head), tail) {
        if let Some(two) = match_two_words(tail, second) {
            if two.calendar == Calendar::Gregorian && two.month == month {
                return Some(MonthMatch {
                    spoken: format!("{head} {}", two.spoken),
                    month,
                    calendar: Calendar::Gregorian,
                    tokens: 2,
                });
            }
        }
    }
    let month = single_gregorian(head)?;
    if let Some(other) = tail {
        single_gregorian(other)?;
    }
    Some(MonthMatch {
        spoken: first.replace('/', " "),
        month,
        calendar: Calendar::Gregorian,
        tokens: 1,
    })
}

fn split_combined(token: &str) -> (&str, Option<&str>) {
    match token.split_once('/') {
        Some((a, b)) => (a, Some(b)),
        None => (token, None),
    }
}

fn match_two_words(first: &str, second: &str) -> Option<MonthMatch> {
    let (second_head, tail) = split_combined(second);
    for &(a, b, month) in LEVANTINE_TWO_WORD {
        if first == a && second_head == b && tail.is_none_or(|t| single_gregorian(t).is_some()) {
            return Some(MonthMatch {
                spoken: format!("{first} {}", second.replace('/', " ")),
                month,
                calendar: Calendar::Gregorian,
                tokens: 2,
            });
        }
    }
    let pair = format!("{first} {second}");
    let hijri = HIJRI_MONTHS
        .iter()
        .zip(1..)
        .map(|(name, m)| (*name, m))
        .chain(HIJRI_VARIANTS.iter().copied())
        .find(|(name, _)| *name == first || *name == pair);
    hijri.map(|(name, month)| MonthMatch {
        spoken: name.replace("ذو ", "ذي "),
        month,
        calendar: Calendar::Hijri,
        tokens: name.split(' ').count(),
    })
}

fn single_gregorian(word: &str) -> Option<u32> {
    GREGORIAN_MONTHS
        .iter()
        .zip(1..)
        .find(|(name, _)| **name == word)
        .map(|(_, m)| m)
        .or_else(|| {
            GREGORIAN_VARIANTS
                .iter()
                .find(|(n, _)| *n == word)
                .map(|(_, m)| *m)
        })
}

/// Every written Gregorian month name of one word (يونيو، حزيران، جوان…) and the
/// two-word Levantine names (تشرين الأول).
pub fn gregorian_month_names() -> Vec<String> {
    GREGORIAN_MONTHS
        .iter()
        .map(|name| name.to_string())
        .chain(GREGORIAN_VARIANTS.iter().map(|(name, _)| name.to_string()))
        .chain(
            LEVANTINE_TWO_WORD
                .iter()
                .map(|(a, b, _)| format!("{a} {b}")),
        )
        .collect()
}

/// Day of month read as a masculine ordinal (السادس عشر، الحادي والعشرين).
pub fn read_day(day: u64) -> String {
    ordinal(day, Gender::Masculine, Case::Oblique)
}

/// A year read as the broadcast oblique cardinal (ألفين وواحد وعشرين).
pub fn read_year(year: u64) -> String {
    cardinal_with(year, Gender::Masculine, Case::Oblique, false)
}

/// Month name for a numeric date: Hijri names for Hijri dates, else Egyptian/Gulf names.
pub fn month_name(month: u32, calendar: Calendar) -> Option<&'static str> {
    let index = usize::try_from(month).ok()?.checked_sub(1)?;
    match calendar {
        Calendar::Gregorian => GREGORIAN_MONTHS.get(index).copied(),
        Calendar::Hijri => HIJRI_MONTHS.get(index).copied(),
    }
}

/// A full date: "السادس عشر من يونيو عام ألفين وواحد وعشرين".
pub fn read_date(day: u64, month_spoken: &str, year: Option<u64>) -> String {
    read_date_in(day, month_spoken, year, Calendar::Gregorian)
}

/// A full date of `calendar`: a Hijri year follows its month without "عام"
/// (السابع من محرم ألف وأربعمئة وستة وأربعين).
pub fn read_date_in(day: u64, month_spoken: &str, year: Option<u64>, calendar: Calendar) -> String {
    let mut out = format!("{} من {month_spoken}", read_day(day));
    if let Some(year) = year {
        if calendar == Calendar::Gregorian {
            out.push_str(" عام");
        }
        out.push(' ');
        out.push_str(&read_year(year));
    }
    out
}

/// Reads a numeric date d/m/y; Hijri month names when `hijri` (or the year is below 1600).
pub fn read_numeric_date(day: u64, month: u32, year: u64, hijri: bool) -> Option<String> {
    if !(1..=31).contains(&day) {
        return None;
    }
    let calendar = if hijri || year < 1600 {
        Calendar::Hijri
    } else {
        Calendar::Gregorian
    };
    let name = month_name(month, calendar)?;
    Some(read_date_in(day, name, Some(year), calendar))
}

/// Hour of the clock as a feminine ordinal (الواحدة، الثامنة، الرابعة عشرة).
pub fn read_hour(hour: u64) -> String {
    match hour {
        0 | 12 => "الثانية عشرة".to_string(),
        1 => "الواحدة".to_string(),
        h => ordinal(h, Gender::Feminine, Case::Oblique),
    }
}

/// Clock time without "الساعة": 08:30 → "الثامنة والنصف", 08:45 → "التاسعة إلا ربعا".
pub fn read_time(hour: u64, minute: u64) -> Option<String> {
    if hour > 24 || minute > 59 {
        return None;
    }
    if hour == 0 && minute == 0 {
        return Some("الثانية عشرة ليلا".to_string());
    }
    let twelve_hour = (1..=11).contains(&hour);
    let text = match minute {
        0 => read_hour(hour),
        15 => format!("{} والربع", read_hour(hour)),
        20 => format!("{} والثلث", read_hour(hour)),
        30 => format!("{} والنصف", read_hour(hour)),
        40 if twelve_hour => format!("{} إلا ثلثا", read_hour(hour + 1)),
        45 if twelve_hour => format!("{} إلا ربعا", read_hour(hour + 1)),
        m => format!("{} و{}", read_hour(hour), minutes_phrase(m)),
    };
    Some(text)
}

/// Minutes after the hour, in the oblique case: a time is almost always governed by a
/// preposition (في، عند، حتى، منذ) and anchors use that form on air.
fn minutes_phrase(minute: u64) -> String {
    match minute {
        1 => "دقيقة".to_string(),
        2 => "دقيقتين".to_string(),
        m => {
            let noun = match m {
                3..=10 => "دقائق",
                _ => "دقيقة",
            };
            format!(
                "{} {noun}",
                cardinal_with(m, Gender::Feminine, Case::Oblique, true)
            )
        }
    }
}

/// Spoken form of a period marker after a time (ص → صباحا، م → مساء, AM/PM).
pub fn period_word(word: &str) -> Option<&'static str> {
    match word {
        "ص" | "AM" | "am" | "a.m." => Some("صباحا"),
        "م" | "PM" | "pm" | "p.m." => Some("مساء"),
        // Written in full, the verbalizer still writes it, to give it its ending (مَسَاءً).
        _ => ["مساء", "صباحا", "ظهرا", "عصرا", "ليلا", "فجرا"]
            .into_iter()
            .find(|period| *period == word),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_months_are_chronos_names() {
        for (m0, name) in ENGLISH_MONTHS.iter().enumerate() {
            let date = chrono::NaiveDate::from_ymd_opt(2026, m0 as u32 + 1, 1).unwrap();
            assert_eq!(date.format("%B").to_string(), *name);
        }
    }

    #[test]
    fn matches_month_names() {
        assert_eq!(match_month(&["يونيو", "2021"]).unwrap().month, 6);
        let combined = match_month(&["حزيران/يونيو"]).unwrap();
        assert_eq!(combined.spoken, "حزيران يونيو");
        assert_eq!(match_month(&["كانون", "الثاني"]).unwrap().month, 1);
        let hijri = match_month(&["ربيع", "الأول"]).unwrap();
        assert_eq!((hijri.calendar, hijri.tokens), (Calendar::Hijri, 2));
        assert!(match_month(&["قال"]).is_none());
        let split = match_month(&["أكتوبر/تشرين", "الأول"]).unwrap();
        assert_eq!(
            (split.spoken.as_str(), split.tokens),
            ("أكتوبر تشرين الأول", 2)
        );
    }

    #[test]
    fn reads_dates_and_times() {
        assert_eq!(
            read_date(16, "يونيو", Some(2021)),
            "السادس عشر من يونيو عام ألفين وواحد وعشرين"
        );
        assert_eq!(read_time(8, 30).unwrap(), "الثامنة والنصف");
        assert_eq!(read_time(8, 45).unwrap(), "التاسعة إلا ربعا");
        assert_eq!(read_time(14, 0).unwrap(), "الرابعة عشرة");
        assert_eq!(read_time(10, 5).unwrap(), "العاشرة وخمس دقائق");
        assert!(read_time(25, 0).is_none());
    }
}
