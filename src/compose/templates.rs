//! The words around the news: intro, story announcements and outro, in Arabic and English.
//! Every template can be replaced from the config file; `{…}` placeholders are filled here.
use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::text::numbers::{cardinal_with, ordinal, Case, Gender};

/// Programme templates. Placeholders: `{title}`, `{weekday}`, `{date}`, `{count}`, `{ordinal}`,
/// `{total}`, `{source}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Templates {
    /// Template language (`ar` or `en`).
    pub language: String,
    /// Programme name.
    pub programme_title: String,
    /// Opening sentences.
    pub intro: Vec<String>,
    /// "Story two of five".
    pub story_intro: String,
    /// Said after the story announcement when the source is known.
    pub story_source: String,
    /// Closing sentences.
    pub outro: Vec<String>,
}

impl Default for Templates {
    fn default() -> Self {
        Self::arabic()
    }
}

impl Templates {
    /// Arabic defaults (broadcast MSA).
    pub fn arabic() -> Self {
        Self {
            language: "ar".into(),
            programme_title: "نشرة الأخبار".into(),
            intro: vec![
                "{title} ليوم {weekday}، {date}.".into(),
                "في هذه النشرة {count}.".into(),
            ],
            story_intro: "الخبر {ordinal} من {total}".into(),
            story_source: "، عن {source}.".into(),
            outro: vec![
                "كانت هذه {title} ليوم {weekday}، {date}.".into(),
                "شكرا لاستماعكم.".into(),
            ],
        }
    }

    /// English defaults.
    pub fn english() -> Self {
        Self {
            language: "en".into(),
            programme_title: "The news briefing".into(),
            intro: vec![
                "{title} for {weekday}, {date}.".into(),
                "In this briefing: {count}.".into(),
            ],
            story_intro: "Story {ordinal} of {total}".into(),
            story_source: ", from {source}.".into(),
            outro: vec![
                "That was {title} for {weekday}, {date}.".into(),
                "Thank you for listening.".into(),
            ],
        }
    }

    /// The defaults for a voice language.
    pub fn for_language(language: &str) -> Self {
        if language == "ar" {
            Self::arabic()
        } else {
            Self::english()
        }
    }

    fn is_arabic(&self) -> bool {
        self.language == "ar"
    }

    /// Opening sentences for `date` with `stories` stories.
    pub fn intro(&self, date: NaiveDate, stories: usize) -> Vec<String> {
        self.intro
            .iter()
            .map(|t| {
                self.fill_date(t, date)
                    .replace("{count}", &self.story_count(stories))
            })
            .collect()
    }

    /// The announcement of story `index` (0-based) of `total`, with its source.
    pub fn story_intro(&self, index: usize, total: usize, source: Option<&str>) -> String {
        let (ordinal_word, total_word) = if self.is_arabic() {
            (
                ordinal(index as u64 + 1, Gender::Masculine, Case::Nominative),
                cardinal_with(total as u64, Gender::Masculine, Case::Oblique, false),
            )
        } else {
            ((index + 1).to_string(), total.to_string())
        };
        let mut line = self
            .story_intro
            .replace("{ordinal}", &ordinal_word)
            .replace("{total}", &total_word);
        match source.map(str::trim).filter(|s| !s.is_empty()) {
            Some(source) => line.push_str(&self.story_source.replace("{source}", source)),
            None => line.push('.'),
        }
        line
    }

    /// Closing sentences.
    pub fn outro(&self, date: NaiveDate) -> Vec<String> {
        self.outro.iter().map(|t| self.fill_date(t, date)).collect()
    }

    fn fill_date(&self, template: &str, date: NaiveDate) -> String {
        template
            .replace("{title}", &self.programme_title)
            .replace("{weekday}", &self.weekday(date.weekday()))
            .replace("{date}", &self.written_date(date))
    }

    /// The date as written in the transcript; the text front end speaks it.
    fn written_date(&self, date: NaiveDate) -> String {
        if self.is_arabic() {
            format!(
                "{} {} {}",
                date.day(),
                ARABIC_MONTHS[date.month0() as usize],
                date.year()
            )
        } else {
            date.format("%B %-d, %Y").to_string()
        }
    }

    fn weekday(&self, day: Weekday) -> String {
        let i = day.num_days_from_sunday() as usize;
        if self.is_arabic() {
            ARABIC_WEEKDAYS[i]
        } else {
            ENGLISH_WEEKDAYS[i]
        }
        .to_string()
    }

    fn story_count(&self, n: usize) -> String {
        if !self.is_arabic() {
            return match n {
                1 => "one story".into(),
                n => format!("{n} stories"),
            };
        }
        match n {
            1 => "خبر واحد".into(),
            2 => "خبران".into(),
            3..=10 => format!("{} أخبار", counted(n)),
            n if n % 100 >= 3 && n % 100 <= 10 => format!("{} أخبار", counted(n)),
            n if n % 100 >= 11 => format!("{} خبرا", counted(n)),
            n => format!("{} خبر", counted(n)),
        }
    }
}

/// A masculine cardinal before its counted noun, nominative ("خمسة" أخبار).
fn counted(n: usize) -> String {
    cardinal_with(n as u64, Gender::Masculine, Case::Nominative, true)
}

const ARABIC_WEEKDAYS: [&str; 7] = [
    "الأحد",
    "الاثنين",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
];
const ENGLISH_WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
const ARABIC_MONTHS: [&str; 12] = [
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_intro_names_the_day_and_counts_stories() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default();
        let t = Templates::arabic();
        assert_eq!(
            t.intro(date, 5),
            vec![
                "نشرة الأخبار ليوم الأحد، 29 نوفمبر 2026.",
                "في هذه النشرة خمسة أخبار."
            ]
        );
        assert_eq!(t.intro(date, 2)[1], "في هذه النشرة خبران.");
        assert_eq!(t.intro(date, 12)[1], "في هذه النشرة اثنا عشر خبرا.");
        assert_eq!(
            t.story_intro(1, 5, Some("روسيا اليوم")),
            "الخبر الثاني من خمسة، عن روسيا اليوم."
        );
        assert_eq!(t.story_intro(0, 3, None), "الخبر الأول من ثلاثة.");
    }

    #[test]
    fn english_templates_read_naturally() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default();
        let t = Templates::english();
        assert_eq!(
            t.intro(date, 1)[0],
            "The news briefing for Sunday, November 29, 2026."
        );
        assert_eq!(t.story_intro(0, 2, Some("CNN")), "Story 1 of 2, from CNN.");
    }
}
