//! A Piper voice's graph cut in two at its HiFi-GAN decoder, so the decoder can be run on
//! pieces of the latent and the first audio of a stream goes out before the whole sentence
//! is decoded.
//!
//! [`split_at_decoder`] makes two models from the (possibly rewritten, see `decoder_layout`)
//! model bytes:
//! - the **front**: every node but the decoder's, giving the tensors the decoder reads (the
//!   latent `z` `[1, C, frames]` and, for several speakers, the speaker embedding);
//! - the **decoder**: the nodes named `/dec/…` (and those the 2-D rewrite added at its edges)
//!   with their weights, reading those tensors and giving the audio.
//!
//! Nodes after the decoder may only reshape its output (Piper adds an Unsqueeze): the split
//! gives the decoder's own output, the same samples. Any other shape of graph is declined
//! with a reason, and the caller runs the whole model.
use std::collections::{HashMap, HashSet};

use super::decoder_layout::{
    read_initializers, unsupported, Initializer, LayoutError, Node, DECODER_PREFIX,
    GRAPH_INITIALIZER, GRAPH_INPUT, GRAPH_NODE, GRAPH_OUTPUT, GRAPH_VALUE_INFO, MODEL_GRAPH,
    REWRITE_PREFIX, TENSOR_NAME, VALUE_INFO_NAME,
};
use super::protobuf::{self, Field};

/// The version of the cut, part of the cached optimized graphs' names: raise it when the
/// front or decoder graphs change.
pub const FORMAT: u32 = 2;
/// Operators allowed between the decoder and the graph output: they change no sample.
const RESHAPES: [&str; 5] = ["Unsqueeze", "Squeeze", "Reshape", "Identity", "Flatten"];
/// `TensorProto.DataType` FLOAT.
const FLOAT: u64 = 1;
// Field numbers from onnx.proto (ValueInfoProto, TypeProto, TypeProto.Tensor).
const VALUE_INFO_TYPE: u32 = 2;
const TYPE_TENSOR: u32 = 1;
const TENSOR_TYPE_ELEM: u32 = 1;
const TENSOR_TYPE_SHAPE: u32 = 2;
const SHAPE_DIM: u32 = 1;
const DIM_VALUE: u32 = 1;
const DIM_PARAM: u32 = 2;
const NODE_ATTRIBUTE: u32 = 5;
const ATTRIBUTE_NAME: u32 = 1;

/// A model cut at its decoder.
#[derive(Debug, Clone)]
pub struct SplitModel {
    /// Everything before the decoder; its outputs are the tensors the decoder reads (the
    /// latent and, for several speakers, the speaker embedding).
    pub front: Vec<u8>,
    /// The decoder; its inputs are the front's outputs, its one output the audio.
    pub decoder: Vec<u8>,
}

/// The graph's nodes, sorted into the decoder, what follows it, and the rest.
struct Parts<'n, 'a> {
    front: Vec<&'n Node<'a>>,
    decoder: Vec<&'n Node<'a>>,
    entries: Vec<String>,
    /// The channels of each entry a convolution reads (`[1, channels, frames]`), else `None`.
    channels: Vec<Option<i64>>,
    exit: String,
    /// Every tensor made by the decoder or the nodes after it.
    downstream: HashSet<String>,
}

/// Cut `model` at its decoder, or say why it cannot be.
pub fn split_at_decoder(model: &[u8]) -> Result<SplitModel, LayoutError> {
    let fields = protobuf::parse(model)?;
    let graph_at = fields
        .iter()
        .position(|f| f.number == MODEL_GRAPH)
        .ok_or_else(|| unsupported("the model has no graph"))?;
    let graph = protobuf::parse(fields[graph_at].payload().unwrap_or_default())?;
    let nodes = graph
        .iter()
        .filter(|f| f.number == GRAPH_NODE)
        .map(|f| Node::parse(f.payload().unwrap_or_default()))
        .collect::<Result<Vec<_>, _>>()?;
    let outputs = value_infos(&graph, GRAPH_OUTPUT)?;
    let mut parts = sort_nodes(&nodes, &outputs)?;
    parts.channels = entry_channels(&parts, &read_initializers(&graph)?);
    let initializers = initializer_names(&graph)?;
    let front_graph = front_graph(&graph, &parts, &initializers)?;
    let decoder_graph = decoder_graph(&graph, &parts, &initializers)?;
    let model_with = |graph: &[Field<'_>]| {
        let mut out = Vec::new();
        protobuf::encode_into(&fields[..graph_at], &mut out);
        protobuf::encode_message_field(MODEL_GRAPH, graph, &mut out);
        protobuf::encode_into(&fields[graph_at + 1..], &mut out);
        out
    };
    Ok(SplitModel {
        front: model_with(&front_graph),
        decoder: model_with(&decoder_graph),
    })
}

fn is_decoder(node: &Node<'_>) -> bool {
    node.in_decoder || node.name.starts_with(REWRITE_PREFIX)
}

/// Sort the nodes (in their topological order) into the front, the decoder and the reshapes
/// after it, checking the decoder is one block with one output and the graph's one output
/// comes from it.
fn sort_nodes<'n, 'a>(
    nodes: &'n [Node<'a>],
    graph_outputs: &[String],
) -> Result<Parts<'n, 'a>, LayoutError> {
    if nodes.iter().any(|n| n.has_subgraph) {
        return Err(unsupported("the graph has control-flow subgraphs"));
    }
    let decoder: Vec<&Node<'_>> = nodes.iter().filter(|n| is_decoder(n)).collect();
    if !decoder.iter().any(|n| n.name.starts_with(DECODER_PREFIX)) {
        return Err(unsupported("no decoder (nodes named /dec/…) was found"));
    }
    let made_by_decoder: HashSet<String> = decoder.iter().flat_map(|n| n.outputs.clone()).collect();
    let mut downstream = made_by_decoder.clone();
    let (mut front, mut after) = (Vec::new(), Vec::new());
    for node in nodes.iter().filter(|n| !is_decoder(n)) {
        if node.inputs.iter().any(|i| downstream.contains(i)) {
            downstream.extend(node.outputs.iter().cloned());
            after.push(node);
        } else {
            front.push(node);
        }
    }
    let made_after: HashSet<&String> = after.iter().flat_map(|n| &n.outputs).collect();
    if decoder
        .iter()
        .any(|n| n.inputs.iter().any(|i| made_after.contains(i)))
    {
        return Err(unsupported("the decoder reads what follows it"));
    }
    if let Some(node) = after
        .iter()
        .find(|n| !RESHAPES.contains(&n.op_type.as_str()))
    {
        return Err(unsupported(format!(
            "{} after the decoder is a {} operator",
            node.name, node.op_type
        )));
    }
    match graph_outputs {
        [output] if downstream.contains(output) => {}
        _ => {
            return Err(unsupported(
                "the graph's outputs are not the decoder's alone",
            ))
        }
    }
    let exits: HashSet<&String> = after
        .iter()
        .flat_map(|n| &n.inputs)
        .chain(graph_outputs)
        .filter(|t| made_by_decoder.contains(*t))
        .collect();
    let [exit] = exits.into_iter().collect::<Vec<_>>()[..] else {
        return Err(unsupported("the decoder has more than one output"));
    };
    let entries = decoder_entries(&decoder, &front, &made_by_decoder)?;
    Ok(Parts {
        front,
        decoder,
        entries,
        channels: Vec::new(),
        exit: exit.clone(),
        downstream,
    })
}

/// What the decoder reads from the front (constants aside), in order of first use.
fn decoder_entries(
    decoder: &[&Node<'_>],
    front: &[&Node<'_>],
    made_by_decoder: &HashSet<String>,
) -> Result<Vec<String>, LayoutError> {
    let made_by_front: HashSet<&String> = front.iter().flat_map(|n| &n.outputs).collect();
    let mut entries: Vec<String> = Vec::new();
    for input in decoder.iter().flat_map(|n| &n.inputs) {
        if input.is_empty() || made_by_decoder.contains(input) || entries.contains(input) {
            continue;
        }
        if made_by_front.contains(input) {
            entries.push(input.clone());
        }
    }
    if entries.is_empty() {
        return Err(unsupported(
            "the decoder reads nothing from the rest of the graph",
        ));
    }
    Ok(entries)
}

/// The channels of each entry that a decoder convolution reads as its input (directly, or
/// through the unsqueeze the 2-D rewrite adds): the second axis of its weight. ONNX Runtime
/// lays out the decoder's convolutions for its fastest kernels only when it knows their
/// input's rank and channels, as it does inside the whole model.
fn entry_channels(
    parts: &Parts<'_, '_>,
    initializers: &HashMap<String, Initializer>,
) -> Vec<Option<i64>> {
    let convolution_reading = |tensor: &str| {
        parts.decoder.iter().find(|n| {
            n.op_type == "Conv"
                && n.inputs.first().is_some_and(|i| i == tensor)
                && !n.fields.iter().any(|f| is_group_attribute(f))
        })
    };
    let channels_of = |entry: &String| {
        let direct = convolution_reading(entry);
        let widened = || {
            let unsqueeze = parts
                .decoder
                .iter()
                .find(|n| n.op_type == "Unsqueeze" && n.inputs.first() == Some(entry))?;
            convolution_reading(unsqueeze.outputs.first()?)
        };
        let convolution = direct.or_else(widened)?;
        let weight = initializers.get(convolution.inputs.get(1)?)?;
        weight.dims.get(1).copied().filter(|&c| c > 0)
    };
    parts.entries.iter().map(channels_of).collect()
}

/// True for a node's `group` attribute (a grouped convolution's weight does not give its
/// input channels).
fn is_group_attribute(field: &Field<'_>) -> bool {
    field.number == NODE_ATTRIBUTE
        && protobuf::parse(field.payload().unwrap_or_default())
            .is_ok_and(|a| protobuf::string(&a, ATTRIBUTE_NAME) == "group")
}

/// The name of each initializer, by its place among the graph's fields.
fn initializer_names(graph: &[Field<'_>]) -> Result<Vec<Option<String>>, LayoutError> {
    graph
        .iter()
        .map(|field| match field.number {
            GRAPH_INITIALIZER => {
                let tensor = protobuf::parse(field.payload().unwrap_or_default())?;
                Ok(Some(protobuf::string(&tensor, TENSOR_NAME).to_owned()))
            }
            _ => Ok(None),
        })
        .collect()
}

/// The front: the graph without the decoder, the nodes after it, and the constants only the
/// decoder reads; its outputs are the decoder's entries.
fn front_graph<'a>(
    graph: &[Field<'a>],
    parts: &Parts<'_, 'a>,
    initializers: &[Option<String>],
) -> Result<Vec<Field<'a>>, LayoutError> {
    let read_by_front: HashSet<&String> = parts.front.iter().flat_map(|n| &n.inputs).collect();
    let mut out = Vec::with_capacity(graph.len());
    let mut nodes_written = false;
    for (field, initializer) in graph.iter().zip(initializers) {
        match field.number {
            GRAPH_NODE if !nodes_written => {
                nodes_written = true;
                out.extend(parts.front.iter().map(|n| node_field(n)));
            }
            GRAPH_NODE | GRAPH_OUTPUT => {}
            GRAPH_INITIALIZER => {
                if initializer
                    .as_ref()
                    .is_some_and(|n| read_by_front.contains(n))
                {
                    out.push(field.clone());
                }
            }
            GRAPH_VALUE_INFO if describes(field, |n| parts.downstream.contains(n))? => {}
            _ => out.push(field.clone()),
        }
    }
    out.extend(entry_value_infos(parts, GRAPH_OUTPUT));
    Ok(out)
}

/// The decoder: its nodes and constants, reading the entries and giving its exit.
fn decoder_graph<'a>(
    graph: &[Field<'a>],
    parts: &Parts<'_, 'a>,
    initializers: &[Option<String>],
) -> Result<Vec<Field<'a>>, LayoutError> {
    let read: HashSet<&String> = parts.decoder.iter().flat_map(|n| &n.inputs).collect();
    let made: HashSet<&String> = parts.decoder.iter().flat_map(|n| &n.outputs).collect();
    let mut out: Vec<Field<'a>> = parts.decoder.iter().map(|n| node_field(n)).collect();
    for (field, initializer) in graph.iter().zip(initializers) {
        match field.number {
            GRAPH_INITIALIZER if initializer.as_ref().is_some_and(|n| read.contains(n)) => {
                out.push(field.clone());
            }
            GRAPH_VALUE_INFO
                if describes(field, |n| made.contains(&n.to_string()) && n != parts.exit)? =>
            {
                out.push(field.clone());
            }
            _ => {}
        }
    }
    out.extend(entry_value_infos(parts, GRAPH_INPUT));
    out.push(float_value_info(GRAPH_OUTPUT, &parts.exit, None));
    Ok(out)
}

fn node_field<'a>(node: &Node<'a>) -> Field<'a> {
    Field::bytes(GRAPH_NODE, protobuf::encode(&node.fields))
}

/// The names of the graph's inputs or outputs (`number`), in order.
fn value_infos(graph: &[Field<'_>], number: u32) -> Result<Vec<String>, LayoutError> {
    let mut names = Vec::new();
    for field in graph.iter().filter(|f| f.number == number) {
        let info = protobuf::parse(field.payload().unwrap_or_default())?;
        names.push(protobuf::string(&info, VALUE_INFO_NAME).to_owned());
    }
    Ok(names)
}

fn describes(field: &Field<'_>, wanted: impl Fn(&str) -> bool) -> Result<bool, LayoutError> {
    let info = protobuf::parse(field.payload().unwrap_or_default())?;
    Ok(wanted(protobuf::string(&info, VALUE_INFO_NAME)))
}

/// The entries as graph inputs or outputs (`number`).
fn entry_value_infos(parts: &Parts<'_, '_>, number: u32) -> Vec<Field<'static>> {
    let channels = parts
        .channels
        .iter()
        .copied()
        .chain(std::iter::repeat(None));
    parts
        .entries
        .iter()
        .zip(channels)
        .map(|(entry, channels)| float_value_info(number, entry, channels))
        .collect()
}

/// A graph input or output (`number`) named `name`: a float tensor `[1, channels, frames]`
/// when its `channels` are known, else of any shape.
fn float_value_info(number: u32, name: &str, channels: Option<i64>) -> Field<'static> {
    let mut tensor = vec![Field::varint(TENSOR_TYPE_ELEM, FLOAT)];
    if let Some(channels) = channels {
        let dim = |value: Field<'static>| Field::bytes(SHAPE_DIM, protobuf::encode(&[value]));
        let shape = [
            dim(Field::varint(DIM_VALUE, 1)),
            dim(Field::varint(DIM_VALUE, channels as u64)),
            dim(Field::string(DIM_PARAM, "frames")),
        ];
        tensor.push(Field::bytes(TENSOR_TYPE_SHAPE, protobuf::encode(&shape)));
    }
    let type_proto = [Field::bytes(TYPE_TENSOR, protobuf::encode(&tensor))];
    let info = [
        Field::string(VALUE_INFO_NAME, name),
        Field::bytes(VALUE_INFO_TYPE, protobuf::encode(&type_proto)),
    ];
    Field::bytes(number, protobuf::encode(&info))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tts::decoder_layout::rewrite_decoder_2d;
    use crate::tts::piper::{PiperConfig, PiperVoice, Scales, SplitSessions};
    use crate::tts::session::{build_session, SessionSettings};

    fn worst_difference(a: &[f32], b: &[f32]) -> f32 {
        assert_eq!(a.len(), b.len());
        a.iter()
            .zip(b)
            .map(|(x, y)| (x - y).abs())
            .fold(0.0f32, f32::max)
    }

    /// The test voice cut at its decoder (as shipped and rewritten to 2-D) speaks the whole
    /// model's audio, in one decoder call and in windows (noise off, so runs are
    /// deterministic).
    /// The phonemes of one long sentence, spoken by the tests below.
    fn budget_sentence_phonemes() -> String {
        crate::tts::espeak::phonemize(
            "The regional council said on Tuesday that the new budget would cut spending on roads and schools across the whole province over the next five years",
            "en-us",
        )
        .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_sentence_longer_than_one_decoder_call_is_decoded_in_windows_to_the_same_audio() {
        let Some((path, shipped, config_text)) = crate::tts::test_voice::files() else {
            return;
        };
        let phonemes = budget_sentence_phonemes();
        // Slowed down to about 1 500 latent frames: more than one decoder call's worth.
        let slow = Scales {
            noise_scale: 0.0,
            length_scale: 2.0,
            noise_w: 0.0,
        };
        let settings = SessionSettings::with_threads(2);
        let session =
            |bytes: &[u8]| build_session(&path, bytes, &settings).unwrap_or_else(|e| panic!("{e}"));
        let config = || PiperConfig::parse(&config_text, &path).unwrap_or_else(|e| panic!("{e}"));
        let whole = PiperVoice::from_session(config(), session(&shipped), &path)
            .speak_phonemes(&phonemes, slow)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(whole.len() > 256 * crate::tts::chunked::MAX_DECODE_FRAMES);
        let split = split_at_decoder(&shipped).unwrap_or_else(|e| panic!("not split: {e}"));
        let sessions = SplitSessions {
            front: session(&split.front),
            decoder: session(&split.decoder),
        };
        let mut pieces = 0;
        let mut bounded = Vec::new();
        PiperVoice::from_split(config(), sessions, &path)
            .speak_phonemes_into(&phonemes, slow, false, &mut |piece: &[f32]| {
                pieces += 1;
                bounded.extend_from_slice(piece);
                Ok::<(), crate::tts::TtsError>(())
            })
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(pieces >= 2, "decoded in {pieces} call(s)");
        assert_eq!(bounded.len(), whole.len());
        let worst = whole
            .iter()
            .zip(&bounded)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0f32, f32::max);
        assert!(worst < 1e-4, "samples differ by up to {worst}");
    }

    #[test]
    fn the_split_test_voice_speaks_the_same_audio_in_windows() {
        let Some((path, shipped, config_text)) = crate::tts::test_voice::files() else {
            return;
        };
        let phonemes = budget_sentence_phonemes();
        let noise_off = Scales {
            noise_scale: 0.0,
            length_scale: 1.0,
            noise_w: 0.0,
        };
        let settings = SessionSettings::with_threads(2);
        let session =
            |bytes: &[u8]| build_session(&path, bytes, &settings).unwrap_or_else(|e| panic!("{e}"));
        let config = || PiperConfig::parse(&config_text, &path).unwrap_or_else(|e| panic!("{e}"));
        let rewritten = rewrite_decoder_2d(&shipped).unwrap_or_else(|e| panic!("{e}"));
        for model in [&shipped, &rewritten] {
            let whole = PiperVoice::from_session(config(), session(model), &path)
                .speak_phonemes(&phonemes, noise_off)
                .unwrap_or_else(|e| panic!("{e}"));
            let split = split_at_decoder(model).unwrap_or_else(|e| panic!("not split: {e}"));
            let sessions = SplitSessions {
                front: session(&split.front),
                decoder: session(&split.decoder),
            };
            let mut voice = PiperVoice::from_split(config(), sessions, &path);
            let at_once = voice
                .speak_phonemes(&phonemes, noise_off)
                .unwrap_or_else(|e| panic!("{e}"));
            let started = std::time::Instant::now();
            let _ = voice.speak_phonemes(&phonemes, noise_off);
            let split_secs = started.elapsed().as_secs_f64();
            let mut whole_voice = PiperVoice::from_session(config(), session(model), &path);
            let started = std::time::Instant::now();
            let _ = whole_voice.speak_phonemes(&phonemes, noise_off);
            println!(
                "one call: split {split_secs:.3} s, whole {:.3} s",
                started.elapsed().as_secs_f64()
            );
            let mut pieces = Vec::new();
            voice
                .speak_phonemes_into(&phonemes, noise_off, true, &mut |piece: &[f32]| {
                    pieces.push(piece.to_vec());
                    Ok::<(), crate::tts::TtsError>(())
                })
                .unwrap_or_else(|e| panic!("{e}"));
            assert!(pieces.len() >= 3, "decoded in {} windows", pieces.len());
            assert!(
                pieces[0].len() < whole.len() / 4,
                "the first window is small"
            );
            let windowed = pieces.concat();
            assert!(worst_difference(&whole, &at_once) < 1e-4);
            let worst = worst_difference(&whole, &windowed);
            println!(
                "windows {:?}: worst sample difference {worst}",
                pieces.iter().map(Vec::len).collect::<Vec<_>>()
            );
            assert!(worst < 1e-4, "windowed samples differ by up to {worst}");
        }
    }
}
