//! Components shared by both pages: the same badge, counter, chart, table and
//! panel everywhere, so one meaning always looks the same.

mod badge;
mod banner;
mod counter;
mod detail_panel;
mod stacked_bar;
mod virtual_table;

pub use badge::{Badge, Tone};
pub use banner::Banner;
pub use counter::Counter;
pub use detail_panel::DetailPanel;
pub use stacked_bar::{Segment, StackedBar};
pub use virtual_table::{Column, VirtualTable};
