//! Chapters of the programme (intro, one per story, outro) and their Podcasting 2.0 JSON form
//! (`chapters.json`, <https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/examples/chapters/jsonChapters.md>).
use serde::{Deserialize, Serialize};

/// Version of the JSON chapters format written.
pub const JSON_CHAPTERS_VERSION: &str = "1.2.0";

/// One chapter of the programme, times in milliseconds from the start of the audio.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Chapter {
    /// Stable identifier, unique in the programme (e.g. `intro`, `story-1`, `outro`); used as
    /// the ID3 CHAP element id.
    pub id: String,
    /// Title shown by players (the headline for a story).
    pub title: String,
    /// Start in milliseconds.
    pub start_ms: u64,
    /// End in milliseconds.
    pub end_ms: u64,
}

/// The Podcasting 2.0 JSON chapters document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JsonChapters {
    /// Format version, [`JSON_CHAPTERS_VERSION`].
    pub version: String,
    /// Chapters in time order.
    pub chapters: Vec<JsonChapter>,
}

/// One chapter in the JSON chapters document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JsonChapter {
    /// Start in seconds (millisecond precision).
    pub start_time: f64,
    /// End in seconds (millisecond precision).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<f64>,
    /// Title.
    pub title: String,
}

impl From<&Chapter> for JsonChapter {
    fn from(chapter: &Chapter) -> Self {
        Self {
            start_time: ms_to_secs(chapter.start_ms),
            end_time: (chapter.end_ms > chapter.start_ms).then(|| ms_to_secs(chapter.end_ms)),
            title: chapter.title.clone(),
        }
    }
}

/// The JSON chapters document for `chapters` (sorted by start time).
pub fn json_chapters(chapters: &[Chapter]) -> JsonChapters {
    let mut sorted: Vec<&Chapter> = chapters.iter().collect();
    sorted.sort_by_key(|c| c.start_ms);
    JsonChapters {
        version: JSON_CHAPTERS_VERSION.to_string(),
        chapters: sorted.into_iter().map(JsonChapter::from).collect(),
    }
}

/// `chapters.json` content for `chapters`: pretty-printed JSON, UTF-8 text kept as is.
pub fn chapters_json(chapters: &[Chapter]) -> String {
    // Serializing plain strings and finite numbers cannot fail.
    serde_json::to_string_pretty(&json_chapters(chapters)).unwrap_or_default()
}

/// Milliseconds as seconds, exact to the millisecond in the printed JSON.
fn ms_to_secs(millis: u64) -> f64 {
    millis as f64 / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<Chapter> {
        vec![
            Chapter {
                id: "story-1".into(),
                title: "الخبر الأول: \"قمة\" & <مؤتمر>".into(),
                start_ms: 12_345,
                end_ms: 70_001,
            },
            Chapter {
                id: "intro".into(),
                title: "المقدمة".into(),
                start_ms: 0,
                end_ms: 12_345,
            },
        ]
    }

    #[test]
    fn json_parses_back_to_the_expected_values() -> Result<(), serde_json::Error> {
        let text = chapters_json(&sample());
        let value: serde_json::Value = serde_json::from_str(&text)?;
        assert_eq!(value["version"], "1.2.0");
        assert_eq!(value["chapters"][0]["startTime"], 0.0);
        assert_eq!(value["chapters"][0]["title"], "المقدمة");
        assert_eq!(value["chapters"][1]["startTime"], 12.345);
        assert_eq!(value["chapters"][1]["endTime"], 70.001);
        assert_eq!(
            value["chapters"][1]["title"],
            "الخبر الأول: \"قمة\" & <مؤتمر>"
        );
        assert!(text.contains("12.345") && text.contains("الخبر الأول"));
        let typed: JsonChapters = serde_json::from_str(&text)?;
        assert_eq!(typed, json_chapters(&sample()));
        Ok(())
    }

    #[test]
    fn empty_end_time_is_left_out() -> Result<(), serde_json::Error> {
        let chapter = Chapter {
            id: "outro".into(),
            title: "الخاتمة".into(),
            start_ms: 5000,
            end_ms: 0,
        };
        let value: serde_json::Value = serde_json::from_str(&chapters_json(&[chapter]))?;
        assert!(value["chapters"][0].get("endTime").is_none());
        assert_eq!(value["chapters"][0]["startTime"], 5.0);
        Ok(())
    }
}
