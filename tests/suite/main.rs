//! The integration tests, in one test binary: each module drives the `nashra` binary (or the
//! library) on real inputs. One binary links ONNX Runtime, LAME and the rest once instead of
//! once per file, which shortens the test build.
mod common;

mod brief;
mod crash;
mod faults;
mod fuzz_corpus;
mod listener;
mod publish;
mod read;
mod script;
mod sources;
mod speech;
mod voices;
