//! Any bytes as an ONNX model for the decoder layout rewrite: it declines or rewrites, never
//! panics, and what it writes reads back as a model it then declines to rewrite again.
#![no_main]
use libfuzzer_sys::fuzz_target;
use nashra::tts::{decoder_layout, protobuf};

fuzz_target!(|data: &[u8]| {
    if let Ok(rewritten) = decoder_layout::rewrite_decoder_2d(data) {
        assert!(protobuf::parse(&rewritten).is_ok());
        assert!(decoder_layout::rewrite_decoder_2d(&rewritten).is_err());
    }
});
