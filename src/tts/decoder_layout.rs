//! A faster layout for a Piper voice's decoder, with the same arithmetic.
//!
//! Piper's VITS voices end in a HiFi-GAN decoder built from 1-D convolutions. ONNX Runtime's CPU
//! provider runs those through im2col and a matrix multiply. The same convolutions written as
//! 2-D ones over a height of 1 get its blocked (NCHWc) AVX2/AVX-512 kernels instead. On this
//! project's test voice that cuts about a fifth of the synthesis time.
//!
//! [`rewrite_decoder_2d`] makes that change in the model bytes:
//! - every decoder convolution weight gains a unit axis (its data bytes stay as they are);
//! - the convolution attributes gain a leading 1 (0 for pads);
//! - the decoder's inputs are unsqueezed and its outputs squeezed at its edges.
//!
//! Nothing else in the graph changes. When the model is not shaped the way this expects, the
//! rewrite declines with a reason and the caller uses the model as shipped.
use std::collections::{HashMap, HashSet};

use super::protobuf::{self, Field, WireError};

/// The node-name prefix PyTorch's exporter gives the VITS decoder (`dec` in Piper's model).
pub(super) const DECODER_PREFIX: &str = "/dec/";
/// The node-name prefix of the nodes the rewrite adds at the decoder's edges.
pub(super) const REWRITE_PREFIX: &str = "/nashra/";
/// Name of the axis constant the rewrite adds.
const UNIT_AXIS: &str = "nashra/unit_axis";

const CONVOLUTIONS: [&str; 2] = ["Conv", "ConvTranspose"];
/// Element-wise operators that work on any rank once their constants are scalars.
const ELEMENTWISE: [&str; 9] = [
    "Add",
    "Sub",
    "Mul",
    "Div",
    "LeakyRelu",
    "Relu",
    "Tanh",
    "Sigmoid",
    "Neg",
];

// Field numbers from onnx.proto.
const MODEL_IR_VERSION: u32 = 1;
pub(super) const MODEL_GRAPH: u32 = 7;
const MODEL_OPSET_IMPORT: u32 = 8;
const OPSET_DOMAIN: u32 = 1;
const OPSET_VERSION: u32 = 2;
pub(super) const GRAPH_NODE: u32 = 1;
pub(super) const GRAPH_INITIALIZER: u32 = 5;
pub(super) const GRAPH_INPUT: u32 = 11;
pub(super) const GRAPH_OUTPUT: u32 = 12;
pub(super) const GRAPH_VALUE_INFO: u32 = 13;
const NODE_INPUT: u32 = 1;
const NODE_OUTPUT: u32 = 2;
const NODE_NAME: u32 = 3;
const NODE_OP_TYPE: u32 = 4;
const NODE_ATTRIBUTE: u32 = 5;
const NODE_DOMAIN: u32 = 7;
const ATTRIBUTE_NAME: u32 = 1;
const ATTRIBUTE_INTS: u32 = 8;
const ATTRIBUTE_TYPE: u32 = 20;
const ATTRIBUTE_TYPE_GRAPH: u64 = 5;
const ATTRIBUTE_TYPE_INTS: u64 = 7;
const ATTRIBUTE_TYPE_GRAPHS: u64 = 10;
const TENSOR_DIMS: u32 = 1;
const TENSOR_DATA_TYPE: u32 = 2;
pub(super) const TENSOR_NAME: u32 = 8;
const TENSOR_RAW_DATA: u32 = 9;
const TENSOR_INT64: u64 = 7;
pub(super) const VALUE_INFO_NAME: u32 = 1;

/// Why a model was left as shipped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LayoutError {
    /// The bytes are not a readable ONNX protobuf.
    #[error("the model could not be read: {0}")]
    Unreadable(#[from] WireError),
    /// The graph is not shaped the way the rewrite expects.
    #[error("{0}")]
    Unsupported(String),
}

pub(super) fn unsupported(reason: impl Into<String>) -> LayoutError {
    LayoutError::Unsupported(reason.into())
}

/// The model with its decoder's 1-D convolutions written as 2-D ones, or why it was left alone.
pub fn rewrite_decoder_2d(model: &[u8]) -> Result<Vec<u8>, LayoutError> {
    let fields = protobuf::parse(model)?;
    let ir_version = fields
        .iter()
        .find(|f| f.number == MODEL_IR_VERSION)
        .and_then(|f| match f.value {
            protobuf::Value::Varint(v) => Some(v),
            _ => None,
        })
        .unwrap_or(0);
    if ir_version < 4 {
        return Err(unsupported(format!(
            "ONNX IR version {ir_version} is older than 4"
        )));
    }
    let opset = default_opset(&fields)?;
    let graph_at = fields
        .iter()
        .position(|f| f.number == MODEL_GRAPH)
        .ok_or_else(|| unsupported("the model has no graph"))?;
    let graph_bytes = fields[graph_at]
        .payload()
        .ok_or_else(|| unsupported("the model's graph is not a message"))?;
    let graph = protobuf::parse(graph_bytes)?;
    let rewritten = rewrite_graph(&graph, opset)?;
    let mut out = Vec::with_capacity(model.len() + 4096);
    protobuf::encode_into(&fields[..graph_at], &mut out);
    protobuf::encode_message_field(MODEL_GRAPH, &rewritten, &mut out);
    protobuf::encode_into(&fields[graph_at + 1..], &mut out);
    Ok(out)
}

/// The version of the default ("ai.onnx") operator set the model imports.
fn default_opset(model: &[Field<'_>]) -> Result<i64, LayoutError> {
    for field in model.iter().filter(|f| f.number == MODEL_OPSET_IMPORT) {
        let opset = protobuf::parse(field.payload().unwrap_or_default())?;
        let domain = protobuf::string(&opset, OPSET_DOMAIN);
        if domain.is_empty() || domain == "ai.onnx" {
            return protobuf::int64s(&opset, OPSET_VERSION)?
                .first()
                .copied()
                .ok_or_else(|| unsupported("the default operator set has no version"));
        }
    }
    Err(unsupported("the model imports no default operator set"))
}

/// A graph node: its fields as read, and the parts the rewrite looks at.
pub(super) struct Node<'a> {
    pub(super) fields: Vec<Field<'a>>,
    pub(super) name: String,
    pub(super) op_type: String,
    pub(super) inputs: Vec<String>,
    pub(super) outputs: Vec<String>,
    pub(super) has_subgraph: bool,
    pub(super) in_decoder: bool,
}

impl<'a> Node<'a> {
    pub(super) fn parse(bytes: &'a [u8]) -> Result<Self, LayoutError> {
        let fields = protobuf::parse(bytes)?;
        let owned = |number| -> Vec<String> {
            protobuf::strings(&fields, number)
                .into_iter()
                .map(str::to_owned)
                .collect()
        };
        let (inputs, outputs) = (owned(NODE_INPUT), owned(NODE_OUTPUT));
        let count = |number| fields.iter().filter(|f| f.number == number).count();
        if inputs.len() != count(NODE_INPUT) || outputs.len() != count(NODE_OUTPUT) {
            return Err(unsupported("a tensor name is not UTF-8"));
        }
        let name = protobuf::string(&fields, NODE_NAME).to_owned();
        let domain = protobuf::string(&fields, NODE_DOMAIN);
        let in_decoder =
            name.starts_with(DECODER_PREFIX) && (domain.is_empty() || domain == "ai.onnx");
        let mut has_subgraph = false;
        for attribute in fields.iter().filter(|f| f.number == NODE_ATTRIBUTE) {
            let attribute = protobuf::parse(attribute.payload().unwrap_or_default())?;
            let kind = protobuf::int64s(&attribute, ATTRIBUTE_TYPE)?;
            has_subgraph |= kind
                .iter()
                .any(|&k| k as u64 == ATTRIBUTE_TYPE_GRAPH || k as u64 == ATTRIBUTE_TYPE_GRAPHS);
        }
        Ok(Self {
            op_type: protobuf::string(&fields, NODE_OP_TYPE).to_owned(),
            name,
            inputs,
            outputs,
            has_subgraph,
            in_decoder,
            fields,
        })
    }

    fn is_convolution(&self) -> bool {
        CONVOLUTIONS.contains(&self.op_type.as_str())
    }

    /// The node's fields with its inputs renamed through `rename`.
    fn with_inputs(&self, rename: &HashMap<String, String>) -> Vec<Field<'a>> {
        let mut inputs = self.inputs.iter();
        self.fields
            .iter()
            .map(|field| match field.number {
                NODE_INPUT => {
                    let name = inputs.next().map(String::as_str).unwrap_or("");
                    Field::string(NODE_INPUT, rename.get(name).map_or(name, String::as_str))
                }
                _ => field.clone(),
            })
            .collect()
    }
}

/// An initializer's name, dims and place among the graph's fields.
pub(super) struct Initializer {
    pub(super) field_index: usize,
    pub(super) dims: Vec<i64>,
}

/// What the decoder needs changed, found by [`plan`].
struct Plan {
    /// Convolution weights to widen: their place among the graph's fields, and their new
    /// dims ([out, in, k] becomes [out, in, 1, k]; the data is unchanged).
    widened_weights: HashMap<usize, Vec<i64>>,
    /// Tensors from outside the decoder that it reads: unsqueezed, old name -> new.
    entries: HashMap<String, String>,
    /// Decoder tensors read outside it: squeezed, old name -> new.
    exits: HashMap<String, String>,
    /// Every tensor the decoder produces.
    produced: HashSet<String>,
}

fn rewrite_graph<'a>(graph: &'a [Field<'a>], opset: i64) -> Result<Vec<Field<'a>>, LayoutError> {
    let nodes = graph
        .iter()
        .filter(|f| f.number == GRAPH_NODE)
        .map(|f| Node::parse(f.payload().unwrap_or_default()))
        .collect::<Result<Vec<_>, _>>()?;
    let initializers = read_initializers(graph)?;
    let plan = plan(graph, &nodes, &initializers)?;
    let axes_as_input = opset >= 13;
    let new_nodes = rewrite_nodes(&nodes, &plan, axes_as_input)?;

    let mut out = Vec::with_capacity(graph.len() + 8);
    let mut nodes_written = false;
    for (index, field) in graph.iter().enumerate() {
        match field.number {
            GRAPH_NODE if !nodes_written => {
                out.extend(new_nodes.iter().cloned());
                nodes_written = true;
            }
            GRAPH_NODE => {}
            GRAPH_INITIALIZER => match plan.widened_weights.get(&index) {
                Some(dims) => out.push(with_dims(field, dims)?),
                None => out.push(field.clone()),
            },
            GRAPH_VALUE_INFO if describes_any(field, &plan.produced)? => {}
            _ => out.push(field.clone()),
        }
    }
    if axes_as_input {
        out.push(Field::bytes(GRAPH_INITIALIZER, unit_axis_tensor()));
    }
    Ok(out)
}

pub(super) fn read_initializers(
    graph: &[Field<'_>],
) -> Result<HashMap<String, Initializer>, LayoutError> {
    let mut initializers = HashMap::new();
    for (field_index, field) in graph.iter().enumerate() {
        if field.number != GRAPH_INITIALIZER {
            continue;
        }
        let tensor = protobuf::parse(field.payload().unwrap_or_default())?;
        let dims = protobuf::int64s(&tensor, TENSOR_DIMS)?;
        let name = protobuf::string(&tensor, TENSOR_NAME).to_owned();
        initializers.insert(name, Initializer { field_index, dims });
    }
    Ok(initializers)
}

/// Check the decoder is one the rewrite understands and list what must change.
fn plan(
    graph: &[Field<'_>],
    nodes: &[Node<'_>],
    initializers: &HashMap<String, Initializer>,
) -> Result<Plan, LayoutError> {
    let decoder = decoder_nodes(nodes)?;
    let produced: HashSet<String> = decoder.iter().flat_map(|n| n.outputs.clone()).collect();
    let mut uses: HashMap<&str, usize> = HashMap::new();
    for input in nodes.iter().flat_map(|n| &n.inputs) {
        *uses.entry(input.as_str()).or_default() += 1;
    }
    let mut edges = DecoderEdges {
        initializers,
        produced: &produced,
        uses,
        graph_inputs: value_info_names(graph, GRAPH_INPUT)?,
        widened_weights: HashMap::new(),
        entries: Vec::new(),
        entries_read_by_convolutions: HashSet::new(),
    };
    for node in &decoder {
        edges.visit(node)?;
    }
    edges.check_entries_are_3d()?;
    let graph_outputs = value_info_names(graph, GRAPH_OUTPUT)?;
    if let Some(output) = produced.iter().find(|p| graph_outputs.contains(*p)) {
        return Err(unsupported(format!(
            "the decoder's {output} is a graph output"
        )));
    }
    let exits: HashSet<String> = nodes
        .iter()
        .filter(|n| !n.in_decoder)
        .flat_map(|n| n.inputs.iter())
        .filter(|i| produced.contains(*i))
        .cloned()
        .collect();
    let plan = Plan {
        widened_weights: edges.widened_weights,
        entries: edges
            .entries
            .into_iter()
            .map(|e| {
                let wide = format!("{e}/nashra_2d");
                (e, wide)
            })
            .collect(),
        exits: exits
            .into_iter()
            .map(|e| (e.clone(), format!("{e}/nashra_1d")))
            .collect(),
        produced,
    };
    check_new_names_are_free(nodes, initializers, &plan)?;
    Ok(plan)
}

/// The decoder's nodes, when the graph has no subgraphs and the decoder has a convolution.
fn decoder_nodes<'n, 'a>(nodes: &'n [Node<'a>]) -> Result<Vec<&'n Node<'a>>, LayoutError> {
    if nodes.iter().any(|n| n.has_subgraph) {
        return Err(unsupported("the graph has control-flow subgraphs"));
    }
    let decoder: Vec<&Node<'_>> = nodes.iter().filter(|n| n.in_decoder).collect();
    if !decoder.iter().any(|n| n.is_convolution()) {
        return Err(unsupported(
            "no convolutional decoder (nodes named /dec/…) was found",
        ));
    }
    Ok(decoder)
}

/// What the decoder's nodes read and how their weights change, gathered node by node.
struct DecoderEdges<'p> {
    initializers: &'p HashMap<String, Initializer>,
    /// Every tensor the decoder produces.
    produced: &'p HashSet<String>,
    /// How many nodes read each tensor.
    uses: HashMap<&'p str, usize>,
    graph_inputs: HashSet<String>,
    widened_weights: HashMap<usize, Vec<i64>>,
    /// Tensors from outside the decoder that it reads.
    entries: Vec<String>,
    entries_read_by_convolutions: HashSet<String>,
}

impl DecoderEdges<'_> {
    /// Check `node` and note what it needs changed.
    fn visit(&mut self, node: &Node<'_>) -> Result<(), LayoutError> {
        if node.is_convolution() {
            self.convolution(node)
        } else if ELEMENTWISE.contains(&node.op_type.as_str()) {
            self.elementwise(node)
        } else {
            Err(node_unsupported(
                node,
                &format!("is a {} operator", node.op_type),
            ))
        }
    }

    /// A 1-D convolution: its own constant weight is widened; its input, when it comes from
    /// outside the decoder, is an entry.
    fn convolution(&mut self, node: &Node<'_>) -> Result<(), LayoutError> {
        let context = |what: &str| node_unsupported(node, what);
        let weight = node.inputs.get(1).ok_or_else(|| context("has no weight"))?;
        let constant = self.initializers.get(weight).filter(|i| i.dims.len() == 3);
        let constant = constant.ok_or_else(|| context("has no constant 3-D weight"))?;
        if self.uses.get(weight.as_str()) != Some(&1) || self.graph_inputs.contains(weight) {
            return Err(context("shares its weight"));
        }
        let mut dims = constant.dims.clone();
        dims.insert(2, 1);
        self.widened_weights.insert(constant.field_index, dims);
        if let Some(bias) = node.inputs.get(2).filter(|b| !b.is_empty()) {
            if !self.initializers.contains_key(bias) {
                return Err(context("has a computed bias"));
            }
        }
        let input = node.inputs.first().ok_or_else(|| context("has no input"))?;
        if !self.produced.contains(input) {
            if self.initializers.contains_key(input) {
                return Err(context("convolves a constant"));
            }
            self.entries.push(input.clone());
            self.entries_read_by_convolutions.insert(input.clone());
        }
        Ok(())
    }

    /// An elementwise node: scalar constants are fine as they are; other inputs from outside
    /// the decoder are entries.
    fn elementwise(&mut self, node: &Node<'_>) -> Result<(), LayoutError> {
        for input in node.inputs.iter().filter(|i| !i.is_empty()) {
            if self.produced.contains(input) {
                continue;
            }
            match self.initializers.get(input) {
                Some(constant) if constant.dims.iter().all(|&d| d == 1) => {}
                Some(_) => return Err(node_unsupported(node, "broadcasts a non-scalar constant")),
                None => self.entries.push(input.clone()),
            }
        }
        Ok(())
    }

    /// A tensor is known to be 3-D only where a 1-D convolution reads it.
    fn check_entries_are_3d(&self) -> Result<(), LayoutError> {
        match self
            .entries
            .iter()
            .find(|e| !self.entries_read_by_convolutions.contains(*e))
        {
            Some(entry) => Err(unsupported(format!(
                "the decoder reads {entry} of unknown rank"
            ))),
            None => Ok(()),
        }
    }
}

/// The decoder node `node` `what` (something the rewrite does not handle).
fn node_unsupported(node: &Node<'_>, what: &str) -> LayoutError {
    unsupported(format!("decoder node {} {what}", node.name))
}

fn check_new_names_are_free(
    nodes: &[Node<'_>],
    initializers: &HashMap<String, Initializer>,
    plan: &Plan,
) -> Result<(), LayoutError> {
    let taken: HashSet<&str> = nodes
        .iter()
        .flat_map(|n| n.inputs.iter().chain(&n.outputs))
        .map(String::as_str)
        .chain(initializers.keys().map(String::as_str))
        .collect();
    let new_names = plan.entries.values().chain(plan.exits.values());
    match new_names
        .map(String::as_str)
        .chain([UNIT_AXIS])
        .find(|n| taken.contains(n))
    {
        Some(name) => Err(unsupported(format!(
            "the model already has a tensor {name}"
        ))),
        None => Ok(()),
    }
}

pub(super) fn value_info_names(
    graph: &[Field<'_>],
    number: u32,
) -> Result<HashSet<String>, LayoutError> {
    let mut names = HashSet::new();
    for field in graph.iter().filter(|f| f.number == number) {
        let info = protobuf::parse(field.payload().unwrap_or_default())?;
        names.insert(protobuf::string(&info, VALUE_INFO_NAME).to_owned());
    }
    Ok(names)
}

fn describes_any(field: &Field<'_>, names: &HashSet<String>) -> Result<bool, LayoutError> {
    let info = protobuf::parse(field.payload().unwrap_or_default())?;
    Ok(names.contains(protobuf::string(&info, VALUE_INFO_NAME)))
}

/// The graph's nodes in their order, the decoder's rewritten, with the unsqueeze of each entry
/// just before the first node that reads it and the squeeze of each exit right after its
/// producer.
fn rewrite_nodes<'a>(
    nodes: &[Node<'a>],
    plan: &Plan,
    axes_as_input: bool,
) -> Result<Vec<Field<'a>>, LayoutError> {
    let mut out = Vec::with_capacity(nodes.len() + plan.entries.len() + plan.exits.len());
    let mut unsqueezed = HashSet::new();
    for node in nodes {
        if !node.in_decoder {
            out.push(Field::bytes(
                GRAPH_NODE,
                protobuf::encode(&node.with_inputs(&plan.exits)),
            ));
            continue;
        }
        for input in &node.inputs {
            if let Some(wide) = plan.entries.get(input) {
                if unsqueezed.insert(input.clone()) {
                    out.push(axis_node("Unsqueeze", input, wide, axes_as_input));
                }
            }
        }
        let mut fields = node.with_inputs(&plan.entries);
        if node.is_convolution() {
            fields = widen_convolution_attributes(&fields, &node.name)?;
        }
        out.push(Field::bytes(GRAPH_NODE, protobuf::encode(&fields)));
        for output in &node.outputs {
            if let Some(narrow) = plan.exits.get(output) {
                out.push(axis_node("Squeeze", output, narrow, axes_as_input));
            }
        }
    }
    Ok(out)
}

/// The attributes of a 1-D convolution restated for a 2-D one over a height of 1.
fn widen_convolution_attributes<'a>(
    fields: &[Field<'a>],
    node: &str,
) -> Result<Vec<Field<'a>>, LayoutError> {
    fields
        .iter()
        .map(|field| {
            if field.number != NODE_ATTRIBUTE {
                return Ok(field.clone());
            }
            let attribute = protobuf::parse(field.payload().unwrap_or_default())?;
            let name = protobuf::string(&attribute, ATTRIBUTE_NAME);
            let values = protobuf::int64s(&attribute, ATTRIBUTE_INTS)?;
            let widened = match (name, values.as_slice()) {
                ("kernel_shape" | "strides" | "dilations" | "output_shape", [v]) => vec![1, *v],
                ("output_padding", [v]) => vec![0, *v],
                ("pads", [begin, end]) => vec![0, *begin, 0, *end],
                (
                    "kernel_shape" | "strides" | "dilations" | "output_shape" | "output_padding"
                    | "pads",
                    _,
                ) => {
                    return Err(unsupported(format!(
                        "decoder node {node} has a {name} of {} values",
                        values.len()
                    )))
                }
                _ => return Ok(field.clone()),
            };
            let attribute = protobuf::with_int64s(&attribute, ATTRIBUTE_INTS, &widened);
            Ok(Field::bytes(NODE_ATTRIBUTE, protobuf::encode(&attribute)))
        })
        .collect()
}

/// An Unsqueeze or Squeeze of axis 2 from `input` to `output`.
fn axis_node(op_type: &str, input: &str, output: &str, axes_as_input: bool) -> Field<'static> {
    let mut fields = vec![Field::string(NODE_INPUT, input)];
    if axes_as_input {
        fields.push(Field::string(NODE_INPUT, UNIT_AXIS));
    }
    fields.push(Field::string(NODE_OUTPUT, output));
    fields.push(Field::string(
        NODE_NAME,
        &format!("{REWRITE_PREFIX}{op_type}/{input}"),
    ));
    fields.push(Field::string(NODE_OP_TYPE, op_type));
    if !axes_as_input {
        let axes = [
            Field::string(ATTRIBUTE_NAME, "axes"),
            Field::varint(ATTRIBUTE_INTS, 2),
            Field::varint(ATTRIBUTE_TYPE, ATTRIBUTE_TYPE_INTS),
        ];
        fields.push(Field::bytes(NODE_ATTRIBUTE, protobuf::encode(&axes)));
    }
    Field::bytes(GRAPH_NODE, protobuf::encode(&fields))
}

/// The int64 tensor `[2]` that names axis 2 for opset-13 Unsqueeze and Squeeze.
fn unit_axis_tensor() -> Vec<u8> {
    protobuf::encode(&[
        Field::varint(TENSOR_DIMS, 1),
        Field::varint(TENSOR_DATA_TYPE, TENSOR_INT64),
        Field::string(TENSOR_NAME, UNIT_AXIS),
        Field::bytes(TENSOR_RAW_DATA, 2i64.to_le_bytes().to_vec()),
    ])
}

/// The initializer `field` with its dims replaced by `dims`.
fn with_dims<'a>(field: &Field<'a>, dims: &[i64]) -> Result<Field<'a>, LayoutError> {
    let tensor = protobuf::parse(field.payload().unwrap_or_default())?;
    let tensor = protobuf::with_int64s(&tensor, TENSOR_DIMS, dims);
    Ok(Field::bytes(GRAPH_INITIALIZER, protobuf::encode(&tensor)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ort::value::Tensor;

    const FLOAT: u64 = 1;

    fn tensor(name: &str, dims: &[i64], values: &[f32]) -> Field<'static> {
        let mut fields: Vec<Field<'static>> = dims
            .iter()
            .map(|&d| Field::varint(TENSOR_DIMS, d as u64))
            .collect();
        fields.push(Field::varint(TENSOR_DATA_TYPE, FLOAT));
        fields.push(Field::string(TENSOR_NAME, name));
        let raw = values.iter().flat_map(|v| v.to_le_bytes()).collect();
        fields.push(Field::bytes(TENSOR_RAW_DATA, raw));
        Field::bytes(GRAPH_INITIALIZER, protobuf::encode(&fields))
    }

    fn ints(name: &str, values: &[i64]) -> Field<'static> {
        let mut fields = vec![Field::string(ATTRIBUTE_NAME, name)];
        fields.extend(
            values
                .iter()
                .map(|&v| Field::varint(ATTRIBUTE_INTS, v as u64)),
        );
        fields.push(Field::varint(ATTRIBUTE_TYPE, ATTRIBUTE_TYPE_INTS));
        Field::bytes(NODE_ATTRIBUTE, protobuf::encode(&fields))
    }

    fn float(name: &str, value: f32) -> Field<'static> {
        let fields = [
            Field::string(ATTRIBUTE_NAME, name),
            Field {
                number: 2,
                value: protobuf::Value::Fixed32(value.to_le_bytes()),
            },
            Field::varint(ATTRIBUTE_TYPE, 1),
        ];
        Field::bytes(NODE_ATTRIBUTE, protobuf::encode(&fields))
    }

    fn node(
        op: &str,
        name: &str,
        inputs: &[&str],
        output: &str,
        attrs: Vec<Field<'static>>,
    ) -> Field<'static> {
        let mut fields: Vec<Field<'static>> = inputs
            .iter()
            .map(|i| Field::string(NODE_INPUT, i))
            .collect();
        fields.push(Field::string(NODE_OUTPUT, output));
        fields.push(Field::string(NODE_NAME, name));
        fields.push(Field::string(NODE_OP_TYPE, op));
        fields.extend(attrs);
        Field::bytes(GRAPH_NODE, protobuf::encode(&fields))
    }

    fn value_info(number: u32, name: &str, dims: &[i64]) -> Field<'static> {
        let dims: Vec<Field<'static>> = dims
            .iter()
            .map(|&d| Field::bytes(1, protobuf::encode(&[Field::varint(1, d as u64)])))
            .collect();
        let tensor_type = [
            Field::varint(1, FLOAT),
            Field::bytes(2, protobuf::encode(&dims)),
        ];
        let type_proto = [Field::bytes(1, protobuf::encode(&tensor_type))];
        let info = [
            Field::string(VALUE_INFO_NAME, name),
            Field::bytes(2, protobuf::encode(&type_proto)),
        ];
        Field::bytes(number, protobuf::encode(&info))
    }

    fn ramp(n: usize, scale: f32) -> Vec<f32> {
        (0..n)
            .map(|i| ((i * 7 % 13) as f32 - 6.0) * scale)
            .collect()
    }

    /// A tiny VITS-like model: a scaling node, then a decoder of Conv, LeakyRelu,
    /// ConvTranspose, Div and Tanh, then a scaling node outside the decoder again.
    fn tiny_model(extra_decoder_node: Option<Field<'static>>, opset: u64) -> Vec<u8> {
        let mut graph = vec![
            node("Mul", "/enc/Mul", &["x", "two"], "h", vec![]),
            node(
                "Conv",
                "/dec/conv_pre/Conv",
                &["h", "w1", "b1"],
                "/dec/c1",
                vec![
                    ints("kernel_shape", &[3]),
                    ints("pads", &[1, 1]),
                    ints("dilations", &[1]),
                ],
            ),
            node(
                "LeakyRelu",
                "/dec/LeakyRelu",
                &["/dec/c1"],
                "/dec/l1",
                vec![float("alpha", 0.1)],
            ),
            node(
                "ConvTranspose",
                "/dec/ups.0/ConvTranspose",
                &["/dec/l1", "wt", "bt"],
                "/dec/u1",
                vec![
                    ints("kernel_shape", &[4]),
                    ints("strides", &[2]),
                    ints("pads", &[1, 1]),
                ],
            ),
            node("Div", "/dec/Div", &["/dec/u1", "three"], "/dec/d1", vec![]),
            node("Tanh", "/dec/Tanh", &["/dec/d1"], "/dec/t1", vec![]),
            node("Mul", "/Mul_out", &["/dec/t1", "two"], "y", vec![]),
            tensor("two", &[], &[2.0]),
            tensor("three", &[1], &[3.0]),
            tensor("w1", &[16, 4, 3], &ramp(16 * 4 * 3, 0.05)),
            tensor("b1", &[16], &ramp(16, 0.01)),
            tensor("wt", &[16, 16, 4], &ramp(16 * 16 * 4, 0.02)),
            tensor("bt", &[16], &ramp(16, 0.02)),
            value_info(GRAPH_INPUT, "x", &[1, 4, 10]),
            value_info(GRAPH_OUTPUT, "y", &[1, 16, 20]),
            value_info(GRAPH_VALUE_INFO, "/dec/c1", &[1, 16, 10]),
        ];
        if let Some(extra) = extra_decoder_node {
            graph.insert(6, extra);
        }
        let opset_import = [Field::varint(OPSET_VERSION, opset)];
        protobuf::encode(&[
            Field::varint(MODEL_IR_VERSION, 8),
            Field::bytes(MODEL_OPSET_IMPORT, protobuf::encode(&opset_import)),
            Field::bytes(MODEL_GRAPH, protobuf::encode(&graph)),
        ])
    }

    fn run(model: &[u8]) -> Vec<f32> {
        let settings = crate::tts::session::SessionSettings::with_threads(1);
        let mut session =
            crate::tts::session::build_session(std::path::Path::new("test.onnx"), model, &settings)
                .unwrap_or_else(|e| panic!("model does not load: {e}"));
        let input = Tensor::<f32>::from_array(([1usize, 4, 10], ramp(40, 0.3).into_boxed_slice()))
            .unwrap_or_else(|e| panic!("{e}"));
        let outputs = session
            .run(ort::inputs![input])
            .unwrap_or_else(|e| panic!("model does not run: {e}"));
        let (shape, values) = outputs[0]
            .try_extract_tensor::<f32>()
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(shape.to_vec(), vec![1, 16, 20]);
        values.to_vec()
    }

    fn graph_nodes(model: &[u8]) -> Vec<(String, String, Vec<String>)> {
        let fields = protobuf::parse(model).unwrap();
        let graph = fields.iter().find(|f| f.number == MODEL_GRAPH).unwrap();
        let graph = protobuf::parse(graph.payload().unwrap()).unwrap();
        graph
            .iter()
            .filter(|f| f.number == GRAPH_NODE)
            .map(|f| {
                let n = protobuf::parse(f.payload().unwrap()).unwrap();
                let inputs = protobuf::strings(&n, NODE_INPUT)
                    .into_iter()
                    .map(str::to_owned);
                (
                    protobuf::string(&n, NODE_OP_TYPE).to_owned(),
                    protobuf::string(&n, NODE_NAME).to_owned(),
                    inputs.collect(),
                )
            })
            .collect()
    }

    #[test]
    fn the_rewritten_decoder_computes_the_same_output() {
        for opset in [11, 15] {
            let model = tiny_model(None, opset);
            let rewritten = rewrite_decoder_2d(&model).unwrap();
            let (before, after) = (run(&model), run(&rewritten));
            assert_eq!(before.len(), after.len());
            let worst = before
                .iter()
                .zip(&after)
                .map(|(a, b)| (a - b).abs())
                .fold(0.0f32, f32::max);
            assert!(worst < 1e-5, "opset {opset}: outputs differ by {worst}");
            assert!(
                before.iter().any(|v| v.abs() > 0.1),
                "the model computes something"
            );
        }
    }

    #[test]
    fn the_decoder_is_framed_by_one_unsqueeze_and_one_squeeze() {
        let rewritten = rewrite_decoder_2d(&tiny_model(None, 15)).unwrap();
        let ops: Vec<String> = graph_nodes(&rewritten).into_iter().map(|n| n.0).collect();
        assert_eq!(
            ops,
            [
                "Mul",
                "Unsqueeze",
                "Conv",
                "LeakyRelu",
                "ConvTranspose",
                "Div",
                "Tanh",
                "Squeeze",
                "Mul"
            ]
        );
        let nodes = graph_nodes(&rewritten);
        assert_eq!(nodes[2].2[0], "h/nashra_2d");
        assert_eq!(nodes[8].2[0], "/dec/t1/nashra_1d");
    }

    #[test]
    fn a_decoder_it_does_not_understand_is_left_alone() {
        let reshape = node(
            "Reshape",
            "/dec/Reshape",
            &["/dec/t1", "shape"],
            "/dec/r",
            vec![],
        );
        let err = rewrite_decoder_2d(&tiny_model(Some(reshape), 15)).unwrap_err();
        assert!(err.to_string().contains("Reshape"), "{err}");

        let broadcast = node("Add", "/dec/Add", &["/dec/t1", "b1"], "/dec/a", vec![]);
        let err = rewrite_decoder_2d(&tiny_model(Some(broadcast), 15)).unwrap_err();
        assert!(err.to_string().contains("non-scalar"), "{err}");

        let rewritten = rewrite_decoder_2d(&tiny_model(None, 15)).unwrap();
        let err = rewrite_decoder_2d(&rewritten).unwrap_err();
        assert!(
            err.to_string().contains("3-D weight"),
            "a second pass must decline: {err}"
        );
    }

    #[test]
    fn bytes_that_are_not_a_model_are_an_error() {
        let model = tiny_model(None, 15);
        assert!(matches!(
            rewrite_decoder_2d(&model[..model.len() / 2]),
            Err(LayoutError::Unreadable(_))
        ));
        assert!(rewrite_decoder_2d(b"not an onnx model at all").is_err());
        assert!(rewrite_decoder_2d(&[]).is_err());
    }

    /// The test voice with its decoder rewritten to 2-D convolutions speaks the same audio as the
    /// model as shipped (noise off, so both runs are deterministic).
    #[test]
    fn the_rewritten_test_voice_speaks_the_same_audio() {
        use crate::tts::piper::{PiperConfig, PiperVoice, Scales};
        use crate::tts::session::{build_session, SessionSettings};

        let Some((model_path, shipped, config_text)) = crate::tts::test_voice::files() else {
            return;
        };
        let rewritten =
            rewrite_decoder_2d(&shipped).unwrap_or_else(|e| panic!("not rewritten: {e}"));
        let phonemes = crate::tts::espeak::phonemize(
            "The council met on Tuesday, and the vote was close.",
            "en-us",
        )
        .unwrap();
        let speak = |model: &[u8]| {
            let session = build_session(&model_path, model, &SessionSettings::with_threads(1))
                .unwrap_or_else(|e| panic!("{e}"));
            let config = PiperConfig::parse(&config_text, &model_path).unwrap();
            let mut voice = PiperVoice::from_session(config, session, &model_path);
            let noise_off = Scales {
                noise_scale: 0.0,
                length_scale: 1.0,
                noise_w: 0.0,
            };
            voice
                .speak_phonemes(&phonemes, noise_off)
                .unwrap_or_else(|e| panic!("{e}"))
        };
        let (before, after) = (speak(&shipped), speak(&rewritten));
        assert_eq!(before.len(), after.len());
        assert!(before.len() > 22050, "at least a second of speech");
        let worst = before
            .iter()
            .zip(&after)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0f32, f32::max);
        assert!(worst < 1e-4, "samples differ by up to {worst}");
        let rms = (before.iter().map(|s| s * s).sum::<f32>() / before.len() as f32).sqrt();
        assert!(rms > 0.02);
    }
}
