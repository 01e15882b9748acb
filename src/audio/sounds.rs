//! Dressing the programme: intro music with a lead-in, an earcon in the gap before each story,
//! and outro music that plays out after the last word. Levels are set against the speech's own
//! active level, so a loud or quiet music file sits at the same depth under the voice.
use std::ops::Range;

#[cfg(test)]
use super::assemble::Assembled;
use super::assemble::{active_level_db, Span};
use super::resample::resample;
use super::{AudioError, Clip};

/// Default depth of music under speech, dB.
pub const DEFAULT_MUSIC_BELOW_SPEECH_DB: f32 = 18.0;
/// Default depth of the earcon under speech, dB.
pub const DEFAULT_EARCON_BELOW_SPEECH_DB: f32 = 6.0;
/// Music heard alone before the first word, milliseconds (shorter music: all of it).
pub const INTRO_LEAD_IN_MS: u32 = 3000;
/// Music heard alone after the last word, milliseconds (shorter music: what is left).
pub const OUTRO_TAIL_MS: u32 = 4000;
/// Silence on each side of an earcon, milliseconds.
pub const EARCON_MARGIN_MS: u32 = 300;
/// Depth of music playing alone (lead-in, tail) under the speech level, dB.
const SOLO_MUSIC_BELOW_SPEECH_DB: f32 = 4.0;
/// Music keeps playing this long after the intro before it has faded out, milliseconds.
const INTRO_MUSIC_TAIL_MS: u32 = 1000;
/// Length of the duck from solo to bed level (and back), milliseconds.
const DUCK_MS: u32 = 500;
const MUSIC_FADE_IN_MS: u32 = 500;
const MUSIC_FADE_OUT_MS: u32 = 1500;

/// Sounds laid over the programme (decoded, any rate).
#[derive(Debug, Clone, PartialEq)]
pub struct Sounds {
    /// Music under the intro, with a lead-in before the first word.
    pub intro_music: Option<Clip>,
    /// Music under the outro, playing out after the last word.
    pub outro_music: Option<Clip>,
    /// A short sound in the gap before each story.
    pub earcon: Option<Clip>,
    /// Music depth under speech, dB.
    pub music_below_speech_db: f32,
    /// Earcon depth under speech, dB.
    pub earcon_below_speech_db: f32,
}

impl Default for Sounds {
    fn default() -> Self {
        Self {
            intro_music: None,
            outro_music: None,
            earcon: None,
            music_below_speech_db: DEFAULT_MUSIC_BELOW_SPEECH_DB,
            earcon_below_speech_db: DEFAULT_EARCON_BELOW_SPEECH_DB,
        }
    }
}

impl Sounds {
    /// Whether there is anything to lay over the programme.
    pub fn is_empty(&self) -> bool {
        self.intro_music.is_none() && self.outro_music.is_none() && self.earcon.is_none()
    }

    /// The shortest pause before a story that holds the earcon with its margins, if any.
    pub fn earcon_gap_ms(&self) -> Option<u32> {
        let earcon = self.earcon.as_ref()?;
        let millis = (earcon.duration_secs() * 1000.0).ceil() as u32;
        Some(millis.saturating_add(2 * EARCON_MARGIN_MS))
    }
}

/// Which pieces of the assembled programme are intro, outro and story starts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// Pieces of the intro.
    pub intro: Range<usize>,
    /// Pieces of the outro.
    pub outro: Range<usize>,
    /// The first piece of every story.
    pub story_starts: Vec<usize>,
}

/// A sound laid over the programme: `samples` added from sample `at` on, scaled by a
/// piecewise-linear gain envelope (points of (sample within the sound, linear gain)).
#[derive(Debug, Clone, PartialEq)]
pub struct Overlay {
    /// Where the sound starts in the dressed programme.
    pub at: usize,
    /// The sound, at the programme's rate.
    pub samples: Vec<f32>,
    /// Its gain envelope.
    pub envelope: Vec<(usize, f32)>,
}

/// How a programme is dressed: `lead` samples of silence before it (intro music plays alone
/// there) and sounds laid over the delayed programme, in the order they are mixed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Dressing {
    /// Silence put before the programme, samples.
    pub lead: usize,
    /// Sounds laid over it.
    pub overlays: Vec<Overlay>,
}

impl Dressing {
    /// Length of the dressed programme for a programme of `len` samples (sounds may run past
    /// its end).
    pub fn dressed_len(&self, len: usize) -> usize {
        self.overlays
            .iter()
            .map(|o| o.at.saturating_add(o.samples.len()))
            .fold(len + self.lead, usize::max)
    }

    /// Add the sounds into `block`, which holds the dressed programme from sample `start` on.
    pub fn mix_into(&self, block: &mut [f32], start: usize) {
        let end = start + block.len();
        for overlay in &self.overlays {
            let from = overlay.at.max(start);
            let to = (overlay.at + overlay.samples.len()).min(end);
            for position in from..to {
                let offset = position - overlay.at;
                block[position - start] +=
                    overlay.samples[offset] * gain_at(&overlay.envelope, offset);
            }
        }
    }
}

/// Lay `sounds` over `programme` (whose spans follow `layout`). Intro music delays the speech by
/// its lead-in; every span moves with it. The programme may grow at the end (outro tail).
#[cfg(test)]
pub fn dress(
    programme: Assembled,
    sounds: &Sounds,
    layout: &Layout,
) -> Result<Assembled, AudioError> {
    if sounds.is_empty() {
        return Ok(programme);
    }
    let rate = programme.clip.sample_rate;
    let speech_db = active_level_db(&programme.clip);
    let dressing = plan(&programme.spans, rate, speech_db, sounds, layout)?;
    let mut programme = programme;
    delay(&mut programme, dressing.lead);
    let len = dressing.dressed_len(programme.clip.samples.len() - dressing.lead);
    programme.clip.samples.resize(len, 0.0);
    dressing.mix_into(&mut programme.clip.samples, 0);
    Ok(programme)
}

/// Where and how loud `sounds` go over a programme at `rate` whose pieces lie at `spans`
/// (before any lead-in) following `layout`, with speech at `speech_db` active level (nothing
/// is laid over a silent programme).
pub fn plan(
    spans: &[Span],
    rate: u32,
    speech_db: Option<f64>,
    sounds: &Sounds,
    layout: &Layout,
) -> Result<Dressing, AudioError> {
    let mut dressing = Dressing::default();
    let Some(speech_db) = speech_db.filter(|_| !sounds.is_empty()) else {
        return Ok(dressing);
    };
    let intro_music = match &sounds.intro_music {
        Some(music) => Some(resample(music, rate)?.samples),
        None => None,
    };
    if let Some(music) = &intro_music {
        dressing.lead = ms(INTRO_LEAD_IN_MS, rate).min(music.len());
    }
    let placing = Placing {
        spans: delayed(spans, dressing.lead),
        rate,
        speech_db,
        sounds,
        layout,
    };
    if let Some(music) = intro_music {
        let overlay = placing.intro_music(music, dressing.lead);
        dressing.overlays.push(overlay);
    }
    if let Some(earcon) = &sounds.earcon {
        let earcon = resample(earcon, rate)?.samples;
        dressing.overlays.extend(placing.earcons(&earcon));
    }
    if let Some(music) = &sounds.outro_music {
        let music = resample(music, rate)?.samples;
        dressing.overlays.extend(placing.outro_music(music));
    }
    Ok(dressing)
}

/// `spans` moved `lead` samples later.
fn delayed(spans: &[Span], lead: usize) -> Vec<Span> {
    spans
        .iter()
        .map(|s| Span {
            start_sample: s.start_sample + lead,
            end_sample: s.end_sample + lead,
        })
        .collect()
}

/// What placing the sounds over a programme needs to know.
struct Placing<'a> {
    /// The programme's pieces, after the lead-in.
    spans: Vec<Span>,
    rate: u32,
    /// Active level of the speech, dB.
    speech_db: f64,
    sounds: &'a Sounds,
    layout: &'a Layout,
}

impl Placing<'_> {
    /// The gain that puts `sound` `below` dB under the speech.
    fn gain_below(&self, sound: &[f32], below: f32) -> f32 {
        let sound_db =
            active_level_db(&Clip::new(sound.to_vec(), self.rate)).unwrap_or(self.speech_db);
        db_to_gain((self.speech_db - sound_db) as f32 - below)
    }

    /// Intro music from the start: alone for the `lead` samples of lead-in, then under the
    /// intro, fading out after it.
    fn intro_music(&self, music: Vec<f32>, lead: usize) -> Overlay {
        let rate = self.rate;
        let intro_end = end_of(&self.spans, &self.layout.intro).unwrap_or(lead);
        let end = (intro_end + ms(INTRO_MUSIC_TAIL_MS, rate)).min(music.len());
        let bed = self.gain_below(&music, self.sounds.music_below_speech_db);
        let solo = self.gain_below(&music, SOLO_MUSIC_BELOW_SPEECH_DB);
        let duck_start = lead.saturating_sub(ms(DUCK_MS, rate));
        let envelope = vec![
            (0, 0.0),
            (ms(MUSIC_FADE_IN_MS, rate), solo),
            (duck_start, solo),
            (lead, bed),
            (end.saturating_sub(ms(MUSIC_FADE_OUT_MS, rate)), bed),
            (end, 0.0),
        ];
        let mut samples = music;
        samples.truncate(end);
        Overlay {
            at: 0,
            samples,
            envelope,
        }
    }

    /// The earcon in the middle of the pause before every story.
    fn earcons(&self, earcon: &[f32]) -> Vec<Overlay> {
        let gain = self.gain_below(earcon, self.sounds.earcon_below_speech_db);
        let mut overlays = Vec::new();
        for &story in &self.layout.story_starts {
            let (Some(before), Some(start)) = (
                story.checked_sub(1).and_then(|i| self.spans.get(i)),
                self.spans.get(story),
            ) else {
                continue;
            };
            let gap = start.start_sample.saturating_sub(before.end_sample);
            overlays.push(Overlay {
                at: before.end_sample + gap.saturating_sub(earcon.len()) / 2,
                samples: earcon.to_vec(),
                envelope: vec![(0, gain), (earcon.len(), gain)],
            });
        }
        overlays
    }

    /// Outro music from shortly before the outro, under it, then alone to its end (none
    /// without an outro).
    fn outro_music(&self, music: Vec<f32>) -> Option<Overlay> {
        let (rate, spans, outro) = (self.rate, &self.spans, &self.layout.outro);
        let first = spans.get(outro.start).copied()?;
        let previous_end = outro
            .start
            .checked_sub(1)
            .and_then(|i| spans.get(i))
            .map_or(0, |s| s.end_sample);
        let gap = first.start_sample.saturating_sub(previous_end);
        let start = first.start_sample - ms(1000, rate).min(gap / 2);
        let speech_end = end_of(spans, outro).unwrap_or(first.end_sample) - start;
        let length = music.len().min(speech_end + ms(OUTRO_TAIL_MS, rate));
        let bed = self.gain_below(&music, self.sounds.music_below_speech_db);
        let solo = self.gain_below(&music, SOLO_MUSIC_BELOW_SPEECH_DB);
        let envelope = vec![
            (0, 0.0),
            (ms(MUSIC_FADE_IN_MS, rate), bed),
            (speech_end, bed),
            (speech_end + ms(DUCK_MS, rate), solo),
            (length.saturating_sub(ms(MUSIC_FADE_OUT_MS, rate)), solo),
            (length, 0.0),
        ];
        let mut samples = music;
        samples.truncate(length);
        Some(Overlay {
            at: start,
            samples,
            envelope,
        })
    }
}

fn ms(millis: u32, rate: u32) -> usize {
    (u64::from(millis) * u64::from(rate) / 1000) as usize
}

fn db_to_gain(db: f32) -> f32 {
    10f32.powf(db / 20.0)
}

/// End sample of the last span in `range`.
fn end_of(spans: &[Span], range: &Range<usize>) -> Option<usize> {
    let last = range
        .end
        .checked_sub(1)
        .filter(|last| *last >= range.start)?;
    spans.get(last).map(|s| s.end_sample)
}

/// Prepend `samples` of silence and move every span.
#[cfg(test)]
fn delay(programme: &mut Assembled, samples: usize) {
    if samples == 0 {
        return;
    }
    let mut delayed = vec![0.0; samples];
    delayed.extend_from_slice(&programme.clip.samples);
    programme.clip.samples = delayed;
    for span in &mut programme.spans {
        span.start_sample += samples;
        span.end_sample += samples;
    }
}

fn gain_at(envelope: &[(usize, f32)], position: usize) -> f32 {
    let mut previous = match envelope.first() {
        Some(&first) => first,
        None => return 1.0,
    };
    for &(point, gain) in envelope {
        if position < point {
            let span = (point - previous.0) as f32;
            let t = if span > 0.0 {
                (position - previous.0) as f32 / span
            } else {
                1.0
            };
            return previous.1 + (gain - previous.1) * t;
        }
        previous = (point.max(previous.0), gain);
    }
    previous.1
}

#[cfg(test)]
mod tests {
    use super::*;

    const RATE: u32 = 8000;

    fn tone(seconds: f32, amplitude: f32, frequency: f32) -> Clip {
        let n = (seconds * RATE as f32) as usize;
        let samples = (0..n)
            .map(|i| amplitude * (std::f32::consts::TAU * frequency * i as f32 / RATE as f32).sin())
            .collect();
        Clip::new(samples, RATE)
    }

    fn rms(samples: &[f32]) -> f32 {
        (samples.iter().map(|s| s * s).sum::<f32>() / samples.len().max(1) as f32).sqrt()
    }

    /// Intro (1 s speech), gap, story (1 s), gap, story (1 s), gap, outro (0.5 s).
    fn programme() -> (Assembled, Layout) {
        let speech = tone(1.0, 0.3, 200.0).samples;
        let mut samples = Vec::new();
        let mut spans = Vec::new();
        for (length, pause) in [(8000, 8000), (8000, 8000), (8000, 8000), (4000, 0)] {
            let start = samples.len();
            samples.extend_from_slice(&speech[..length]);
            spans.push(Span {
                start_sample: start,
                end_sample: samples.len(),
            });
            samples.resize(samples.len() + pause, 0.0);
        }
        let layout = Layout {
            intro: 0..1,
            outro: 3..4,
            story_starts: vec![1, 2],
        };
        (
            Assembled {
                clip: Clip::new(samples, RATE),
                spans,
            },
            layout,
        )
    }

    #[test]
    fn nothing_to_lay_leaves_the_programme_alone() -> Result<(), AudioError> {
        let (assembled, layout) = programme();
        let dressed = dress(assembled.clone(), &Sounds::default(), &layout)?;
        assert_eq!(dressed, assembled);
        Ok(())
    }

    #[test]
    fn intro_music_leads_in_then_ducks_under_the_speech() -> Result<(), AudioError> {
        let (assembled, layout) = programme();
        let sounds = Sounds {
            intro_music: Some(tone(10.0, 0.5, 440.0)),
            ..Sounds::default()
        };
        let dressed = dress(assembled.clone(), &sounds, &layout)?;
        let lead = ms(INTRO_LEAD_IN_MS, RATE);
        assert_eq!(dressed.spans[0].start_sample, lead);
        assert_eq!(
            dressed.clip.samples.len(),
            assembled.clip.samples.len() + lead
        );
        // Solo music 4 dB under the speech, then the bed 18 dB under it.
        let solo = rms(&dressed.clip.samples[RATE as usize..2 * RATE as usize]);
        let speech = rms(&assembled.clip.samples[..8000]);
        let solo_db = 20.0 * (solo / speech).log10();
        assert!((solo_db + 4.0).abs() < 0.5, "solo at {solo_db} dB");
        let music_under_speech: Vec<f32> = (2000..3000)
            .map(|i| dressed.clip.samples[lead + i] - assembled.clip.samples[i])
            .collect();
        let bed_db = 20.0 * (rms(&music_under_speech) / speech).log10();
        assert!((bed_db + 18.0).abs() < 0.5, "bed at {bed_db} dB");
        // The music has faded out before the second story.
        let second = dressed.spans[2];
        assert!(rms(&dressed.clip.samples[second.start_sample - 2000..second.start_sample]) < 1e-6);
        Ok(())
    }

    #[test]
    fn earcon_sits_in_the_middle_of_each_story_gap() -> Result<(), AudioError> {
        let (assembled, layout) = programme();
        let sounds = Sounds {
            earcon: Some(tone(0.25, 0.8, 880.0)),
            ..Sounds::default()
        };
        let dressed = dress(assembled.clone(), &sounds, &layout)?;
        assert_eq!(dressed.spans, assembled.spans);
        for &story in &layout.story_starts {
            let gap_start = assembled.spans[story - 1].end_sample;
            let gap_end = assembled.spans[story].start_sample;
            let middle = (gap_start + gap_end) / 2;
            assert!(rms(&dressed.clip.samples[middle - 500..middle + 500]) > 0.05);
            assert!(rms(&dressed.clip.samples[gap_start..gap_start + 200]) < 1e-6);
            assert!(rms(&dressed.clip.samples[gap_end - 200..gap_end]) < 1e-6);
        }
        assert_eq!(sounds.earcon_gap_ms(), Some(250 + 2 * EARCON_MARGIN_MS));
        Ok(())
    }

    #[test]
    fn outro_music_plays_out_after_the_last_word() -> Result<(), AudioError> {
        let (assembled, layout) = programme();
        let sounds = Sounds {
            outro_music: Some(tone(20.0, 0.5, 330.0)),
            ..Sounds::default()
        };
        let dressed = dress(assembled.clone(), &sounds, &layout)?;
        let speech_end = assembled.spans[3].end_sample;
        let tail = ms(OUTRO_TAIL_MS, RATE);
        assert_eq!(dressed.clip.samples.len(), speech_end + tail);
        assert!(rms(&dressed.clip.samples[speech_end + 4000..speech_end + 12000]) > 0.1);
        // It starts in the gap before the outro, not under the last story.
        let story_end = assembled.spans[2].end_sample;
        assert!(rms(&dressed.clip.samples[story_end..story_end + 400]) < 1e-6);
        Ok(())
    }

    #[test]
    fn envelope_interpolates_linearly() {
        let envelope = [(0, 0.0), (10, 1.0), (20, 1.0), (30, 0.0)];
        assert_eq!(gain_at(&envelope, 0), 0.0);
        assert!((gain_at(&envelope, 5) - 0.5).abs() < 1e-6);
        assert_eq!(gain_at(&envelope, 15), 1.0);
        assert!((gain_at(&envelope, 25) - 0.5).abs() < 1e-6);
        assert_eq!(gain_at(&envelope, 40), 0.0);
    }
}
