//! User pronunciation lexicon: written form → spoken form, whole words only.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Largest lexicon file accepted, in bytes.
pub const MAX_LEXICON_BYTES: u64 = 4 * 1024 * 1024;
/// Longest entry (written form) in words.
const MAX_ENTRY_WORDS: usize = 8;

/// Errors loading a pronunciation lexicon.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// The file could not be read.
    #[error("cannot read lexicon {path}: {source}")]
    Io {
        /// File path.
        path: PathBuf,
        /// Underlying error.
        source: std::io::Error,
    },
    /// The file is larger than `MAX_LEXICON_BYTES`.
    #[error("lexicon {path} is larger than {MAX_LEXICON_BYTES} bytes")]
    TooLarge {
        /// File path.
        path: PathBuf,
    },
    /// A TSV line is malformed.
    #[error("lexicon line {line}: expected written<TAB>spoken")]
    Tsv {
        /// 1-based line number.
        line: usize,
    },
    /// The TOML is invalid or lacks a `[words]` table of strings.
    #[error("lexicon TOML: {0}")]
    Toml(String),
}

/// Whole-word replacements applied to normalized text before verbalization.
#[derive(Debug, Clone, Default)]
pub struct PronunciationLexicon {
    /// Written form (one or more words) → spoken form.
    entries: HashMap<String, String>,
    longest: usize,
}

#[derive(serde::Deserialize)]
struct TomlLexicon {
    words: HashMap<String, String>,
}

impl PronunciationLexicon {
    /// Loads a `.toml` file (a `[words]` table) or any other file as TSV (`written<TAB>spoken`).
    pub fn load(path: &Path) -> Result<Self, LexiconError> {
        let size = std::fs::metadata(path)
            .map_err(|source| LexiconError::Io {
                path: path.to_path_buf(),
                source,
            })?
            .len();
        if size > MAX_LEXICON_BYTES {
            return Err(LexiconError::TooLarge {
                path: path.to_path_buf(),
            });
        }
        let text = std::fs::read_to_string(path).map_err(|source| LexiconError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
        {
            Self::from_toml(&text)
        } else {
            Self::from_tsv(&text)
        }
    }

    /// Parses TSV text; blank lines and `#` comments are skipped.
    pub fn from_tsv(text: &str) -> Result<Self, LexiconError> {
        let mut lexicon = Self::default();
        for (number, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let (written, spoken) = line
                .split_once('\t')
                .ok_or(LexiconError::Tsv { line: number + 1 })?;
            lexicon.insert(written, spoken);
        }
        Ok(lexicon)
    }

    /// Parses TOML text with a `[words]` table.
    pub fn from_toml(text: &str) -> Result<Self, LexiconError> {
        let parsed: TomlLexicon =
            toml::from_str(text).map_err(|e| LexiconError::Toml(e.to_string()))?;
        let mut lexicon = Self::default();
        for (written, spoken) in &parsed.words {
            lexicon.insert(written, spoken);
        }
        Ok(lexicon)
    }

    /// Adds one entry (whitespace is normalized; empty or over-long entries are ignored).
    pub fn insert(&mut self, written: &str, spoken: &str) {
        let written = super::normalize::normalize(written);
        let spoken = super::normalize::normalize(spoken);
        let words = written.split_whitespace().count();
        if words == 0 || words > MAX_ENTRY_WORDS {
            return;
        }
        self.longest = self.longest.max(words);
        self.entries.insert(written, spoken);
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Replaces whole words (longest match first); punctuation around a word is kept.
    pub fn apply(&self, text: &str) -> String {
        if self.entries.is_empty() {
            return text.to_string();
        }
        text.split('\n')
            .map(|line| self.apply_line(line))
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn apply_line(&self, line: &str) -> String {
        let tokens: Vec<&str> = line.split(' ').collect();
        let mut out: Vec<String> = Vec::with_capacity(tokens.len());
        let mut i = 0;
        while i < tokens.len() {
            match self.match_at(&tokens[i..]) {
                Some((replacement, used)) => {
                    out.push(replacement);
                    i += used;
                }
                None => {
                    out.push(tokens[i].to_string());
                    i += 1;
                }
            }
        }
        out.join(" ")
    }

    fn match_at(&self, tokens: &[&str]) -> Option<(String, usize)> {
        for length in (1..=self.longest.min(tokens.len())).rev() {
            let phrase = tokens[..length].join(" ");
            let (lead, core, trail) = split_punctuation(&phrase);
            if let Some(spoken) = self.entries.get(core) {
                return Some((format!("{lead}{spoken}{trail}"), length));
            }
        }
        None
    }
}

/// Splits leading and trailing punctuation from a token.
pub(crate) fn split_punctuation(token: &str) -> (&str, &str, &str) {
    let is_punct = |c: char| {
        matches!(
            c,
            '"' | '\''
                | '('
                | ')'
                | '['
                | ']'
                | '،'
                | '؛'
                | '؟'
                | '?'
                | '!'
                | '.'
                | ','
                | ':'
                | ';'
                | '«'
                | '»'
        )
    };
    let core_start = token.find(|c: char| !is_punct(c)).unwrap_or(token.len());
    let core_end = token
        .char_indices()
        .rev()
        .find(|(_, c)| !is_punct(*c))
        .map_or(core_start, |(i, c)| i + c.len_utf8());
    let core_end = core_end.max(core_start);
    (
        &token[..core_start],
        &token[core_start..core_end],
        &token[core_end..],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_words_from_tsv() {
        let lexicon =
            PronunciationLexicon::from_tsv("# names\nبايدن\tبايْدن\nالأمم المتحدة\tالأمم المتّحدة\n")
                .unwrap();
        assert_eq!(
            lexicon.apply("قال بايدن، إن الأمم المتحدة."),
            "قال بايْدن، إن الأمم المتّحدة."
        );
        assert_eq!(lexicon.apply("بايدنز"), "بايدنز");
    }

    #[test]
    fn loads_toml_and_rejects_bad_input() {
        let lexicon = PronunciationLexicon::from_toml("[words]\n\"ترمب\" = \"ترامب\"\n").unwrap();
        assert_eq!(lexicon.apply("ترمب"), "ترامب");
        assert!(PronunciationLexicon::from_tsv("no tab here").is_err());
        assert!(PronunciationLexicon::from_toml("words = 3").is_err());
    }

    #[test]
    fn loads_files_by_extension() {
        let dir = std::env::temp_dir().join(format!("nashra-lex-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("lex.toml");
        std::fs::write(&path, "[words]\nCNN = \"سي إن إن\"\n").unwrap();
        let lexicon = PronunciationLexicon::load(&path).unwrap();
        assert_eq!(lexicon.apply("قالت CNN"), "قالت سي إن إن");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn splits_punctuation() {
        assert_eq!(split_punctuation("(كلمة)،"), ("(", "كلمة", ")،"));
        assert_eq!(split_punctuation("..."), ("...", "", ""));
    }
}
