//! Deserialisation that reads each JSON shape only as itself.
//!
//! serde's derive also reads a struct from an array (by position) and a unit
//! enum variant from `{"Variant": null}`. No backend means either, and the
//! field table that decodes other layouts never reads them so; records must
//! come out the same whichever way they are decoded (`source::native_decode`).
//!
//! A type opts in with `#[serde(remote = "Self")]` next to its derives, which
//! turns the derived code into inherent functions, and one line of
//! [`objects_only!`] or [`strings_only!`], which implements the traits
//! around them ([`from_objects_only!`] for types that are only read).

/// `Serialize` as derived, and `Deserialize` from a JSON object only.
macro_rules! objects_only {
    ($($record:ident),+ $(,)?) => {$(
        crate::domain::strict_serde::from_objects_only!($record);
        crate::domain::strict_serde::serialize_as_derived!($record);
    )+};
}

/// `Deserialize` from a JSON object only, for types read but never written.
macro_rules! from_objects_only {
    ($($record:ident),+ $(,)?) => {$(
        impl<'de> serde::Deserialize<'de> for $record {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Fields;
                impl<'de> serde::de::Visitor<'de> for Fields {
                    type Value = $record;
                    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                        f.write_str(concat!("an object (", stringify!($record), ")"))
                    }
                    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<$record, A::Error> {
                        $record::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    }
                }
                deserializer.deserialize_map(Fields)
            }
        }
    )+};
}

/// `Serialize` as derived, and `Deserialize` of a unit-only enum from a string only.
macro_rules! strings_only {
    ($($word:ident),+ $(,)?) => {$(
        impl<'de> serde::Deserialize<'de> for $word {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Word;
                impl serde::de::Visitor<'_> for Word {
                    type Value = $word;
                    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                        f.write_str(concat!("a string (", stringify!($word), ")"))
                    }
                    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<$word, E> {
                        $word::deserialize(serde::de::value::StrDeserializer::<E>::new(text))
                    }
                }
                deserializer.deserialize_str(Word)
            }
        }
        crate::domain::strict_serde::serialize_as_derived!($word);
    )+};
}

macro_rules! serialize_as_derived {
    ($type:ident) => {
        impl serde::Serialize for $type {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $type::serialize(self, serializer)
            }
        }
    };
}

pub(crate) use {from_objects_only, objects_only, serialize_as_derived, strings_only};
