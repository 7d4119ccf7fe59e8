//! Unit enums read back from their JSON names by one shared routine.
//!
//! serde's derive writes a visitor per enum: about 1.2 KB of wasm each, and the page reads
//! seventeen of them from the worker's JSON. Here an enum lists its variants with their
//! names ([`read_by_name!`], which also gives it `as_str`); reading takes the string and
//! looks it up. Writing stays
//! serde's derive (and the schema schemars'), so a test checks that both name every
//! variant alike, and the macro's exhaustive match that the list misses none.

use serde::de::{Deserializer, Error};
use serde::Deserialize;

/// A unit enum with its variants' JSON names.
pub(crate) trait Named: Copy + 'static {
    /// Every variant with the name serde writes for it.
    const NAMES: &'static [(Self, &'static str)];
}

/// Reads a [`Named`] enum from its name.
pub(crate) fn deserialize<'de, D: Deserializer<'de>, T: Named>(d: D) -> Result<T, D::Error> {
    let name = String::deserialize(d)?;
    match T::NAMES.iter().find(|(_, n)| *n == name) {
        Some(&(variant, _)) => Ok(variant),
        None => Err(D::Error::unknown_variant(&name, &[])),
    }
}

/// `read_by_name!(Type { Variant => "name", … })`: [`Named`], `Deserialize` and `as_str` for
/// `Type`: the one place its names are written besides serde's `rename_all`. The list must
/// name every variant (checked at compile time).
macro_rules! read_by_name {
    ($ty:ident { $($variant:ident => $name:literal),* $(,)? }) => {
        impl crate::names::Named for $ty {
            const NAMES: &'static [(Self, &'static str)] = &[$(($ty::$variant, $name)),*];
        }
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                crate::names::deserialize(d)
            }
        }
        impl $ty {
            /// The name the JSON summary and the CSV exports give it (as serde writes it).
            pub fn as_str(self) -> &'static str {
                // Exhaustive: fails to compile when a variant is missing from the list.
                match self {
                    $($ty::$variant => $name),*
                }
            }
        }
    };
}
pub(crate) use read_by_name;

#[cfg(test)]
mod tests {
    use super::Named;

    /// Every variant reads back from what serde writes for it, and nothing else reads.
    fn reads_back<T: Named + serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug>() {
        for &(variant, name) in T::NAMES {
            assert_eq!(serde_json::to_value(variant).unwrap(), serde_json::Value::from(name), "{variant:?}");
            assert_eq!(serde_json::from_str::<T>(&format!("\"{name}\"")).unwrap(), variant);
        }
        assert!(serde_json::from_str::<T>("\"no such variant\"").is_err());
        assert!(serde_json::from_str::<T>("1").is_err());
    }

    #[test]
    fn every_named_enum_reads_back_what_serde_writes() {
        use crate::{decode, findings, forms, frame, grids, input, kinds, levels, metrics, sections};
        reads_back::<kinds::PartId>();
        reads_back::<kinds::RuleId>();
        reads_back::<kinds::KindBasis>();
        reads_back::<kinds::KindId>();
        reads_back::<input::InputKind>();
        reads_back::<input::Format>();
        reads_back::<frame::FieldSource>();
        reads_back::<frame::CorrectedField>();
        reads_back::<frame::Script>();
        reads_back::<levels::Level>();
        reads_back::<decode::Encoding>();
        reads_back::<grids::CellRead>();
        reads_back::<metrics::Approx>();
        reads_back::<sections::Status>();
        reads_back::<forms::TableId>();
        reads_back::<forms::FormId>();
        reads_back::<findings::DateKind>();
    }
}
