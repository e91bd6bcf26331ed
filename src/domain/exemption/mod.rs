//! The JetPatch endpoint exemptions and the Low Disk Space warning: what each
//! means, how badly it blocks patching, and how an operator clears it.
//!
//! Names and impacts are the vendor's; every meaning and fix is written by us.
//! Entries where the vendor text was incomplete say so in
//! [`CatalogueEntry::completed_by_us`].

mod catalogue;
mod kind;
mod name;
mod set;

pub use catalogue::{CatalogueEntry, UNKNOWN_FIX, UNKNOWN_MEANING};
pub use kind::{ExemptionKind, Impact, Warning};
pub use name::{is_blank, name_key, same_name, CatalogueName, Spellings};
pub use set::ExemptionSet;
