//! Components shared by both pages: the same badge, counter, chart, table and
//! panel everywhere, so one meaning always looks the same.

mod badge;
mod banner;
mod bar_list;
mod counter;
mod detail_panel;
mod download;
mod export_button;
mod facet_select;
mod flag_filter;
mod live_status;
mod missing_record;
mod our_addition;
mod page_title;
mod relative_time;
mod row_focus;
mod search_box;
mod settled_status;
mod show_all;
mod stacked_bar;
mod table_search;
mod times_ahead;
mod virtual_table;

pub use badge::{Badge, Tone};
pub use banner::Banner;
pub use bar_list::BarList;
pub use counter::{Counter, CounterFilter, CounterGroup};
pub use detail_panel::{is_in_a_panel, DetailPanel};
pub use download::download_in_parts;
pub use export_button::{ExportButton, CSV_RECORDS_PER_PART};
pub use facet_select::FacetFilter;
pub use flag_filter::FlagFilter;
pub use live_status::{DataProblems, RefreshControls};
pub use missing_record::{MissingRecordBanner, UnknownFiltersBanner};
pub use our_addition::OurAddition;
pub use page_title::{PageTitle, TitleSuffix};
pub use relative_time::RelativeTime;
pub use row_focus::scroll_into_view_at;
pub use search_box::SearchBox;
pub use settled_status::SettledStatus;
pub use show_all::{ShortList, ShowAllButton};
pub use stacked_bar::{Segment, StackedBar};
pub use table_search::TableSearch;
pub use times_ahead::TimesAheadBanner;
pub use virtual_table::{record_lookups, Column, FullWidth, Narrowing, VirtualTable};
