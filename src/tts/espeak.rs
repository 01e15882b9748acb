//! eSpeak NG, compiled in: phonemization for Piper voices and the built-in `espeak-*` voices.
//!
//! eSpeak NG is one global, non-thread-safe library. Every call goes through [`ESPEAK_LOCK`];
//! ONNX inference (the expensive part) runs outside it.
use std::ffi::{c_int, c_short, c_void, CString};
use std::sync::{Mutex, MutexGuard, Once};

use crate::audio::Clip;

use super::TtsError;

/// Whether a voice of `engine` should get Arabic text with its vowel marks restored.
///
/// Piper's Arabic voices were trained on diacritized text. eSpeak NG's Arabic voice reads a
/// diacritized sentence far closer to its correct pronunciation: on 300 catt-news dev lines,
/// taking eSpeak's phonemes for the gold vowelled text as the reference, its phonemes differ by
/// 26.8 % for the bare text and by 8.1 % for nashra's diacritization (no offline ASR here; the
/// issue's ASR round trip pointed the same way). So both get it.
pub fn reads_diacritized_arabic(engine: super::Engine) -> bool {
    match engine {
        super::Engine::Piper | super::Engine::Espeak => true,
    }
}

/// eSpeak NG's fixed output rate.
pub const ESPEAK_SAMPLE_RATE: u32 = 22050;

static ESPEAK_LOCK: Mutex<()> = Mutex::new(());
static SYNCHRONOUS_OUTPUT: Once = Once::new();

/// Cap on how many samples one synthesis may produce (10 minutes at 22.05 kHz).
const MAX_SAMPLES: usize = ESPEAK_SAMPLE_RATE as usize * 600;

fn lock() -> MutexGuard<'static, ()> {
    // A panic while holding the lock leaves eSpeak in a usable state; keep going.
    ESPEAK_LOCK
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// IPA phonemes of one clause or sentence for the eSpeak NG voice `language`, as Piper
/// models expect them (sentences joined by a space).
pub fn phonemize(text: &str, language: &str) -> Result<String, TtsError> {
    let _guard = lock();
    let sentences = espeak_rs::text_to_phonemes(text, language, None)
        .map_err(|e| TtsError::Espeak(e.to_string()))?;
    Ok(sentences.join(" "))
}

/// Speech rate in words per minute for a Piper-style `length_scale` (1.0 = eSpeak's default 175).
pub fn rate_for_length_scale(length_scale: f32) -> i32 {
    let scale = if length_scale.is_finite() && length_scale > 0.1 {
        length_scale
    } else {
        1.0
    };
    ((175.0 / scale).round() as i32).clamp(80, 450)
}

/// Synthesize `text` with the eSpeak NG voice `voice` at `rate` words per minute.
pub fn synthesize(text: &str, voice: &str, rate: i32) -> Result<Clip, TtsError> {
    let text_c =
        CString::new(text).map_err(|_| TtsError::Espeak("text contains a NUL byte".into()))?;
    let voice_c = CString::new(voice)
        .map_err(|_| TtsError::Espeak("voice name contains a NUL byte".into()))?;
    let _guard = lock();
    ensure_initialized()?;
    let mut sink = SampleSink {
        samples: Vec::new(),
        overflow: false,
    };
    // SAFETY: eSpeak is initialized and used under the global lock; `text_c` and `voice_c` live
    // until the calls return; `sink` outlives the synchronous synthesis that writes to it.
    let status = unsafe {
        if espeak_rs_sys::espeak_SetVoiceByName(voice_c.as_ptr())
            != espeak_rs_sys::espeak_ERROR_EE_OK
        {
            return Err(TtsError::Espeak(format!(
                "unknown eSpeak NG voice `{voice}`"
            )));
        }
        espeak_rs_sys::espeak_SetParameter(espeak_rs_sys::espeak_PARAMETER_espeakRATE, rate, 0);
        espeak_rs_sys::espeak_SetSynthCallback(Some(collect_samples));
        espeak_rs_sys::espeak_Synth(
            text_c.as_ptr() as *const c_void,
            text_c.as_bytes_with_nul().len(),
            0,
            espeak_rs_sys::espeak_POSITION_TYPE_POS_CHARACTER,
            0,
            espeak_rs_sys::espeakCHARS_UTF8,
            std::ptr::null_mut(),
            &mut sink as *mut SampleSink as *mut c_void,
        )
    };
    if status != espeak_rs_sys::espeak_ERROR_EE_OK {
        return Err(TtsError::Espeak(format!(
            "synthesis failed (status {status})"
        )));
    }
    if sink.overflow {
        return Err(TtsError::Espeak(
            "text too long for one synthesis call".into(),
        ));
    }
    let samples = sink
        .samples
        .iter()
        .map(|&s| f32::from(s) / 32768.0)
        .collect();
    Ok(Clip::new(samples, ESPEAK_SAMPLE_RATE))
}

/// Make sure eSpeak NG is initialized (espeak-rs does it once) and writes audio synchronously
/// to our callback. Must be called with the lock held.
fn ensure_initialized() -> Result<(), TtsError> {
    espeak_rs::text_to_phonemes("", "en", None).map_err(|e| TtsError::Espeak(e.to_string()))?;
    SYNCHRONOUS_OUTPUT.call_once(|| {
        // SAFETY: called once, under the lock, after initialization.
        unsafe {
            espeak_rs_sys::espeak_ng_InitializeOutput(
                espeak_rs_sys::espeak_ng_OUTPUT_MODE_ENOUTPUT_MODE_SYNCHRONOUS,
                0,
                std::ptr::null(),
            );
        }
    });
    Ok(())
}

struct SampleSink {
    samples: Vec<i16>,
    overflow: bool,
}

unsafe extern "C" fn collect_samples(
    wav: *mut c_short,
    count: c_int,
    events: *mut espeak_rs_sys::espeak_EVENT,
) -> c_int {
    if events.is_null() {
        return 0;
    }
    // SAFETY: eSpeak passes the `user_data` we gave espeak_Synth in every event, and `wav` holds
    // `count` samples when non-null.
    unsafe {
        let sink = (*events).user_data as *mut SampleSink;
        if sink.is_null() || wav.is_null() || count <= 0 {
            return 0;
        }
        let sink = &mut *sink;
        if sink.samples.len() + count as usize > MAX_SAMPLES {
            sink.overflow = true;
            return 1; // abort synthesis
        }
        sink.samples
            .extend_from_slice(std::slice::from_raw_parts(wav, count as usize));
    }
    0
}
