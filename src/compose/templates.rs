//! The words around the news: intro, story announcements and outro, in Arabic and English.
//! Every template can be replaced from the config file; `{…}` placeholders are filled here.
use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::text::dates::{ARABIC_WEEKDAYS, ENGLISH_MONTHS, GREGORIAN_MONTHS, HIJRI_MONTHS};
use crate::text::hijri;
use crate::text::numbers::{cardinal_with, ordinal, Case, Gender};

/// Programme templates. Placeholders: `{title}`, `{weekday}`, `{date}`, `{hijri}` (the Hijri
/// date with its lead-in when `hijri` is on, else nothing), `{hijri_date}`, `{count}`,
/// `{ordinal}`, `{total}`, `{source}`.
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
    /// Say the Hijri date after the Gregorian one (`{hijri}`).
    pub hijri: bool,
    /// Days added to the arithmetical Hijri date to follow the local official calendar.
    pub hijri_adjust_days: i32,
    /// What `{hijri}` says before the Hijri date.
    pub hijri_lead_in: String,
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
                "{title} ليوم {weekday}، {date}{hijri}.".into(),
                "في هذه النشرة {count}.".into(),
            ],
            story_intro: "الخبر {ordinal} من {total}".into(),
            story_source: "، عن {source}.".into(),
            outro: vec![
                "كانت هذه {title} ليوم {weekday}، {date}.".into(),
                "شكرا لاستماعكم.".into(),
            ],
            hijri: false,
            hijri_adjust_days: 0,
            hijri_lead_in: "، الموافق ".into(),
        }
    }

    /// English defaults.
    pub fn english() -> Self {
        Self {
            language: "en".into(),
            programme_title: "The news briefing".into(),
            intro: vec![
                "{title} for {weekday}, {date}{hijri}.".into(),
                "In this briefing: {count}.".into(),
            ],
            story_intro: "Story {ordinal} of {total}".into(),
            story_source: ", from {source}.".into(),
            outro: vec![
                "That was {title} for {weekday}, {date}.".into(),
                "Thank you for listening.".into(),
            ],
            hijri: false,
            hijri_adjust_days: 0,
            hijri_lead_in: ", ".into(),
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

    /// Opening sentences for `date` with `stories` stories. A programme of one story has no
    /// rundown: the lines that count the stories (`{count}`) are left out.
    pub fn intro(&self, date: NaiveDate, stories: usize) -> Vec<String> {
        self.intro
            .iter()
            .filter(|t| stories != 1 || !t.contains("{count}"))
            .map(|t| {
                self.fill_date(t, date)
                    .replace("{count}", &self.story_count(stories))
            })
            .collect()
    }

    /// The announcement of story `index` (0-based) of `total`, with its source. The only story
    /// of a programme is not numbered ("story one of one"): it is announced by its source
    /// alone ("From Reuters."), or not at all (an empty line).
    pub fn story_intro(&self, index: usize, total: usize, source: Option<&str>) -> String {
        let source = source.map(str::trim).filter(|s| !s.is_empty());
        if total == 1 {
            return source.map_or_else(String::new, |source| self.source_alone(source));
        }
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
        match source {
            Some(source) => line.push_str(&self.source_line(source)),
            None => line.push('.'),
        }
        line
    }

    /// The source clause said after a story's number (`story_source`, filled).
    fn source_line(&self, source: &str) -> String {
        let spoken = if self.is_arabic() {
            super::source_name::spoken_source_name(source)
        } else {
            source.to_string()
        };
        self.story_source.replace("{source}", &spoken)
    }

    /// The source clause as a sentence of its own: ", from Reuters." → "From Reuters.".
    fn source_alone(&self, source: &str) -> String {
        let line = self.source_line(source);
        let line = line.trim_start_matches(|c: char| c.is_whitespace() || ",،;:".contains(c));
        let mut chars = line.chars();
        chars.next().map_or_else(String::new, |first| {
            first.to_uppercase().chain(chars).collect()
        })
    }

    /// Closing sentences.
    pub fn outro(&self, date: NaiveDate) -> Vec<String> {
        self.outro.iter().map(|t| self.fill_date(t, date)).collect()
    }

    fn fill_date(&self, template: &str, date: NaiveDate) -> String {
        let hijri_date = self.written_hijri_date(date);
        let hijri = if self.hijri {
            format!("{}{hijri_date}", self.hijri_lead_in)
        } else {
            String::new()
        };
        template
            .replace("{title}", &self.programme_title)
            .replace("{weekday}", &self.weekday(date.weekday()))
            .replace("{date}", &self.written_date(date))
            .replace("{hijri_date}", &hijri_date)
            .replace("{hijri}", &hijri)
    }

    /// The Hijri date as written in the transcript ("18 جمادى الآخرة 1448 للهجرة").
    fn written_hijri_date(&self, date: NaiveDate) -> String {
        let h = hijri::to_hijri(date, self.hijri_adjust_days);
        let index = (h.month.clamp(1, 12) - 1) as usize;
        if self.is_arabic() {
            format!("{} {} {} للهجرة", h.day, HIJRI_MONTHS[index], h.year)
        } else {
            format!("{} {} {} AH", h.day, hijri::ENGLISH_MONTHS[index], h.year)
        }
    }

    /// The date as written in the transcript; the text front end speaks it.
    fn written_date(&self, date: NaiveDate) -> String {
        if self.is_arabic() {
            format!(
                "{} {} {}",
                date.day(),
                GREGORIAN_MONTHS[date.month0() as usize],
                date.year()
            )
        } else {
            format!(
                "{} {}, {}",
                ENGLISH_MONTHS[date.month0() as usize],
                date.day(),
                date.format("%Y")
            )
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

/// The `[templates]` section of the config: any field given replaces the default of the voice
/// language (or of `language`, when given).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub struct TemplateOverrides {
    /// Template language (`ar` or `en`); default: the voice language.
    pub language: Option<String>,
    /// Programme name.
    pub programme_title: Option<String>,
    /// Opening sentences.
    pub intro: Option<Vec<String>>,
    /// "Story two of five".
    pub story_intro: Option<String>,
    /// Said after the story announcement when the source is known.
    pub story_source: Option<String>,
    /// Closing sentences.
    pub outro: Option<Vec<String>>,
    /// Say the Hijri date after the Gregorian one.
    pub hijri: Option<bool>,
    /// Days added to the arithmetical Hijri date.
    pub hijri_adjust_days: Option<i32>,
    /// What `{hijri}` says before the Hijri date.
    pub hijri_lead_in: Option<String>,
}

impl TemplateOverrides {
    /// The templates for a voice speaking `voice_language`, with these overrides applied.
    pub fn resolve(&self, voice_language: &str) -> Templates {
        let base = Templates::for_language(self.language.as_deref().unwrap_or(voice_language));
        Templates {
            language: base.language,
            programme_title: self.programme_title.clone().unwrap_or(base.programme_title),
            intro: self.intro.clone().unwrap_or(base.intro),
            story_intro: self.story_intro.clone().unwrap_or(base.story_intro),
            story_source: self.story_source.clone().unwrap_or(base.story_source),
            outro: self.outro.clone().unwrap_or(base.outro),
            hijri: self.hijri.unwrap_or(base.hijri),
            hijri_adjust_days: self.hijri_adjust_days.unwrap_or(base.hijri_adjust_days),
            hijri_lead_in: self.hijri_lead_in.clone().unwrap_or(base.hijri_lead_in),
        }
    }
}

/// A masculine cardinal before its counted noun, nominative ("خمسة" أخبار).
fn counted(n: usize) -> String {
    cardinal_with(n as u64, Gender::Masculine, Case::Nominative, true)
}

const ENGLISH_WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_programme_of_one_story_has_no_rundown_and_no_story_number() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default();
        let arabic = Templates::arabic();
        assert_eq!(
            arabic.intro(date, 1),
            vec!["نشرة الأخبار ليوم الأحد، 29 نوفمبر 2026."]
        );
        assert_eq!(arabic.story_intro(0, 1, Some("رويترز")), "عن رويترز.");
        assert_eq!(arabic.story_intro(0, 1, None), "");
        let english = Templates::english();
        assert_eq!(english.intro(date, 1).len(), 1);
        assert_eq!(english.story_intro(0, 1, Some("CNN")), "From CNN.");
        assert_eq!(english.story_intro(0, 1, Some("  ")), "");
        // Two stories are still counted and numbered.
        assert_eq!(english.intro(date, 2).len(), 2);
        assert_eq!(english.story_intro(1, 2, None), "Story 2 of 2.");
    }

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
        assert_eq!(
            t.story_intro(0, 2, Some("www.theguardian.com")),
            "الخبر الأول من اثنين، عن ذا غارديان."
        );
        assert_eq!(
            Templates::english().story_intro(0, 2, Some("The Guardian")),
            "Story 1 of 2, from The Guardian."
        );
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

    #[test]
    fn hijri_date_follows_the_gregorian_one_when_enabled() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default();
        let mut t = Templates::arabic();
        t.hijri = true;
        assert_eq!(
            t.intro(date, 5)[0],
            "نشرة الأخبار ليوم الأحد، 29 نوفمبر 2026، الموافق 18 جمادى الآخرة 1448 للهجرة."
        );
        t.hijri_adjust_days = 1;
        assert!(t.intro(date, 5)[0].contains("19 جمادى الآخرة"));
        let mut english = Templates::english();
        english.hijri = true;
        assert_eq!(
            english.intro(date, 1)[0],
            "The news briefing for Sunday, November 29, 2026, 18 Jumada al-Akhirah 1448 AH."
        );
        assert!(!Templates::arabic().intro(date, 5)[0].contains("الموافق"));
    }

    #[test]
    fn overrides_apply_over_the_voice_language_defaults() {
        let overrides = TemplateOverrides {
            hijri: Some(true),
            programme_title: Some("Morning news".into()),
            ..TemplateOverrides::default()
        };
        let english = overrides.resolve("en");
        assert_eq!(english.language, "en");
        assert!(english.hijri);
        assert_eq!(english.programme_title, "Morning news");
        assert_eq!(english.outro, Templates::english().outro);
        assert_eq!(
            TemplateOverrides::default().resolve("ar"),
            Templates::arabic()
        );
    }
}
