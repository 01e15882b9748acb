//! The diacritizer's inference engine: libtashkeel's [`InferenceEngine`] interface over one
//! ONNX Runtime session (ort 2.0.0-rc.15), created with the options the voices use.
use std::sync::Mutex;

use libtashkeel_base::{InferenceEngine, LibtashkeelError, LibtashkeelResult};
use ort::session::Session;
use ort::value::Tensor;

use crate::tts::session::{session_builder, SessionSettings};

/// The diacritization model in a session; calls are serialized on it.
pub(crate) struct TashkeelEngine {
    session: Mutex<Session>,
}

impl TashkeelEngine {
    /// Load the model in `bytes` on one thread (the diacritizer runs alongside synthesis).
    pub(crate) fn load(bytes: &[u8]) -> Result<Self, String> {
        let session = session_builder(&SessionSettings::with_threads(1))?
            .commit_from_memory(bytes)
            .map_err(|e| e.to_string())?;
        Ok(Self {
            session: Mutex::new(session),
        })
    }
}

impl InferenceEngine for TashkeelEngine {
    fn infer(
        &self,
        input_ids: Vec<i64>,
        diac_ids: Vec<i64>,
        seq_length: usize,
    ) -> LibtashkeelResult<(Vec<u8>, Vec<f32>)> {
        let fail = |e: ort::Error| LibtashkeelError::InferenceError(e.to_string());
        let input = Tensor::<i64>::from_array(([1usize, seq_length], input_ids.into_boxed_slice()))
            .map_err(fail)?;
        let diacs = Tensor::<i64>::from_array(([1usize, seq_length], diac_ids.into_boxed_slice()))
            .map_err(fail)?;
        let length =
            Tensor::<i64>::from_array(([1usize], vec![seq_length as i64].into_boxed_slice()))
                .map_err(fail)?;
        let mut session = self.session.lock().unwrap_or_else(|p| p.into_inner());
        let outputs = session
            .run(ort::inputs![input, diacs, length])
            .map_err(fail)?;
        let (_, targets) = outputs[0].try_extract_tensor::<u8>().map_err(fail)?;
        let (_, logits) = outputs[1].try_extract_tensor::<f32>().map_err(fail)?;
        Ok((targets.to_vec(), logits.to_vec()))
    }
}
