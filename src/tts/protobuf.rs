//! Just enough of the protobuf wire format to edit an ONNX model without compiling its schema:
//! a message reads as its fields in their original order (fields nashra does not know are
//! kept byte for byte) and writes back the same way.
use std::borrow::Cow;

/// Why bytes could not be read as a protobuf message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WireError {
    /// The data ends inside a field.
    #[error("truncated protobuf data")]
    Truncated,
    /// A varint runs over ten bytes.
    #[error("malformed varint")]
    Varint,
    /// Start/end-group fields (long deprecated) or an unknown wire type.
    #[error("unsupported protobuf wire type {0}")]
    WireType(u8),
    /// A field number of zero.
    #[error("protobuf field number 0")]
    FieldZero,
}

/// One field's value as it sits on the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value<'a> {
    /// Wire type 0.
    Varint(u64),
    /// Wire type 1.
    Fixed64([u8; 8]),
    /// Wire type 2: strings, bytes, sub-messages and packed repeated scalars.
    Bytes(Cow<'a, [u8]>),
    /// Wire type 5.
    Fixed32([u8; 4]),
}

/// A field: its number and value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field<'a> {
    /// The field number from the schema.
    pub number: u32,
    /// The value.
    pub value: Value<'a>,
}

impl<'a> Field<'a> {
    /// A varint field (ints, enums, bools).
    pub fn varint(number: u32, value: u64) -> Self {
        Self {
            number,
            value: Value::Varint(value),
        }
    }

    /// A length-delimited field that owns its bytes.
    pub fn bytes(number: u32, bytes: Vec<u8>) -> Self {
        Self {
            number,
            value: Value::Bytes(Cow::Owned(bytes)),
        }
    }

    /// A string field.
    pub fn string(number: u32, text: &str) -> Self {
        Self::bytes(number, text.as_bytes().to_vec())
    }

    /// The payload of a length-delimited field.
    pub fn payload(&self) -> Option<&[u8]> {
        match &self.value {
            Value::Bytes(bytes) => Some(bytes),
            _ => None,
        }
    }
}

/// Read a whole message into its fields.
pub fn parse(data: &[u8]) -> Result<Vec<Field<'_>>, WireError> {
    let mut fields = Vec::new();
    let mut at = 0;
    while at < data.len() {
        let key = read_varint(data, &mut at)?;
        let number = u32::try_from(key >> 3).map_err(|_| WireError::Varint)?;
        if number == 0 {
            return Err(WireError::FieldZero);
        }
        let value = match (key & 7) as u8 {
            0 => Value::Varint(read_varint(data, &mut at)?),
            1 => Value::Fixed64(
                take(data, &mut at, 8)?
                    .try_into()
                    .map_err(|_| WireError::Truncated)?,
            ),
            2 => {
                let len = usize::try_from(read_varint(data, &mut at)?)
                    .map_err(|_| WireError::Truncated)?;
                Value::Bytes(Cow::Borrowed(take(data, &mut at, len)?))
            }
            5 => Value::Fixed32(
                take(data, &mut at, 4)?
                    .try_into()
                    .map_err(|_| WireError::Truncated)?,
            ),
            other => return Err(WireError::WireType(other)),
        };
        fields.push(Field { number, value });
    }
    Ok(fields)
}

/// Write fields as a message.
pub fn encode(fields: &[Field<'_>]) -> Vec<u8> {
    let mut out = Vec::with_capacity(message_len(fields));
    encode_into(fields, &mut out);
    out
}

/// Append fields as a message to `out`.
pub fn encode_into(fields: &[Field<'_>], out: &mut Vec<u8>) {
    for field in fields {
        let wire_type = match field.value {
            Value::Varint(_) => 0,
            Value::Fixed64(_) => 1,
            Value::Bytes(_) => 2,
            Value::Fixed32(_) => 5,
        };
        write_varint(out, (u64::from(field.number) << 3) | wire_type);
        match &field.value {
            Value::Varint(v) => write_varint(out, *v),
            Value::Fixed64(b) => out.extend_from_slice(b),
            Value::Bytes(b) => {
                write_varint(out, b.len() as u64);
                out.extend_from_slice(b);
            }
            Value::Fixed32(b) => out.extend_from_slice(b),
        }
    }
}

/// Append field `number` holding the message `fields` to `out`, without building the
/// message separately first.
pub fn encode_message_field(number: u32, fields: &[Field<'_>], out: &mut Vec<u8>) {
    write_varint(out, (u64::from(number) << 3) | 2);
    write_varint(out, message_len(fields) as u64);
    encode_into(fields, out);
}

/// The encoded size of a message.
pub fn message_len(fields: &[Field<'_>]) -> usize {
    fields.iter().map(encoded_len).sum()
}

fn encoded_len(field: &Field<'_>) -> usize {
    let key = varint_len(u64::from(field.number) << 3);
    key + match &field.value {
        Value::Varint(v) => varint_len(*v),
        Value::Fixed64(_) => 8,
        Value::Bytes(b) => varint_len(b.len() as u64) + b.len(),
        Value::Fixed32(_) => 4,
    }
}

/// The UTF-8 strings of field `number`, in order (invalid UTF-8 is skipped).
pub fn strings<'f>(fields: &'f [Field<'_>], number: u32) -> Vec<&'f str> {
    fields
        .iter()
        .filter(|f| f.number == number)
        .filter_map(|f| f.payload())
        .filter_map(|b| std::str::from_utf8(b).ok())
        .collect()
}

/// The first string of field `number`, or "".
pub fn string<'f>(fields: &'f [Field<'_>], number: u32) -> &'f str {
    strings(fields, number).first().copied().unwrap_or("")
}

/// The repeated int64 field `number`, read from both packed and unpacked encodings.
pub fn int64s(fields: &[Field<'_>], number: u32) -> Result<Vec<i64>, WireError> {
    let mut values = Vec::new();
    for field in fields.iter().filter(|f| f.number == number) {
        match &field.value {
            Value::Varint(v) => values.push(*v as i64),
            Value::Bytes(packed) => {
                let mut at = 0;
                while at < packed.len() {
                    values.push(read_varint(packed, &mut at)? as i64);
                }
            }
            _ => return Err(WireError::WireType(1)),
        }
    }
    Ok(values)
}

/// `fields` with every field `number` replaced by `values` (unpacked, as proto2 writes
/// them), placed where the first of the old ones stood.
pub fn with_int64s<'a>(fields: &[Field<'a>], number: u32, values: &[i64]) -> Vec<Field<'a>> {
    let position = fields
        .iter()
        .position(|f| f.number == number)
        .unwrap_or(fields.len());
    let mut out: Vec<Field<'a>> = fields[..position]
        .iter()
        .filter(|f| f.number != number)
        .cloned()
        .collect();
    out.extend(values.iter().map(|v| Field::varint(number, *v as u64)));
    out.extend(
        fields[position..]
            .iter()
            .filter(|f| f.number != number)
            .cloned(),
    );
    out
}

fn take<'d>(data: &'d [u8], at: &mut usize, len: usize) -> Result<&'d [u8], WireError> {
    let end = at.checked_add(len).ok_or(WireError::Truncated)?;
    let slice = data.get(*at..end).ok_or(WireError::Truncated)?;
    *at = end;
    Ok(slice)
}

fn read_varint(data: &[u8], at: &mut usize) -> Result<u64, WireError> {
    let mut value = 0u64;
    for shift in (0..70).step_by(7) {
        let byte = *data.get(*at).ok_or(WireError::Truncated)?;
        *at += 1;
        if shift == 63 && byte > 1 {
            return Err(WireError::Varint);
        }
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok(value);
        }
    }
    Err(WireError::Varint)
}

fn write_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

fn varint_len(value: u64) -> usize {
    (64 - value.max(1).leading_zeros() as usize).div_ceil(7)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip_including_negative_int64() {
        for value in [
            0u64,
            1,
            127,
            128,
            300,
            u32::MAX as u64,
            (-1i64) as u64,
            u64::MAX,
        ] {
            let mut bytes = Vec::new();
            write_varint(&mut bytes, value);
            assert_eq!(bytes.len(), varint_len(value));
            let mut at = 0;
            assert_eq!(read_varint(&bytes, &mut at), Ok(value));
            assert_eq!(at, bytes.len());
        }
    }

    #[test]
    fn a_message_reads_and_writes_back_byte_for_byte() {
        let message = encode(&[
            Field::string(1, "weight"),
            Field::varint(2, 1),
            Field {
                number: 3,
                value: Value::Fixed32(1.5f32.to_le_bytes()),
            },
            Field {
                number: 4,
                value: Value::Fixed64(7u64.to_le_bytes()),
            },
            Field::bytes(9, vec![0, 1, 2, 255]),
        ]);
        let fields = parse(&message).unwrap();
        assert_eq!(fields.len(), 5);
        assert_eq!(string(&fields, 1), "weight");
        assert_eq!(encode(&fields), message);
    }

    #[test]
    fn repeated_ints_read_packed_and_unpacked() {
        let mut packed = Vec::new();
        for v in [4i64, 192, 5] {
            write_varint(&mut packed, v as u64);
        }
        let fields = vec![
            Field::bytes(1, packed),
            Field::varint(1, (-2i64) as u64),
            Field::string(8, "w"),
        ];
        assert_eq!(int64s(&fields, 1).unwrap(), vec![4, 192, 5, -2]);
        let replaced = with_int64s(&fields, 1, &[1, 2]);
        assert_eq!(int64s(&replaced, 1).unwrap(), vec![1, 2]);
        assert_eq!(replaced.first().map(|f| f.number), Some(1));
        assert_eq!(string(&replaced, 8), "w");
    }

    #[test]
    fn damaged_data_is_an_error_not_a_panic() {
        assert_eq!(parse(&[0x0a, 0x05, b'a']), Err(WireError::Truncated));
        assert_eq!(parse(&[0x08]), Err(WireError::Truncated));
        assert_eq!(parse(&[0x0b]), Err(WireError::WireType(3)));
        assert_eq!(parse(&[0x00]), Err(WireError::FieldZero));
        let mut long = vec![0x08];
        long.extend([0xff; 11]);
        assert_eq!(parse(&long), Err(WireError::Varint));
    }
}
