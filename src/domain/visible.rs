//! Backend text as it is safe to show. A bidi override reorders what follows
//! it, the app's own words included, and a zero-width space takes no room, so
//! "HOST-0001" with either inside could pass for another host's name on
//! screen, in an export or in a message. Each record's texts are made visible
//! as it arrives ([`ShowHidden`]): each such character becomes a visible mark,
//! which searches leave out (see [`crate::domain::table::TextQuery`]).
//!
//! The zero-width joiner and non-joiner are not among them: scripts such as
//! Persian and Devanagari, and emoji, need them.

use super::asset::AssetResult;
use super::endpoint::Endpoint;
use super::job::{Job, JobRun};
use std::borrow::Cow;

/// What stands for a hidden character on screen.
pub const MARK: char = '\u{FFFD}';

/// Whether `c` reorders text or takes no room without being part of a word.
pub fn is_hidden_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// `text` with each hidden control character shown as [`MARK`].
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.contains(is_hidden_control) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if is_hidden_control(c) { MARK } else { c })
            .collect(),
    )
}

/// Shows each hidden control character of `text` as [`MARK`], in place.
/// Most backend text is ASCII, which holds none: checked first, word by word.
pub fn make_visible(text: &mut String) {
    if text.is_ascii() {
        return;
    }
    if let Cow::Owned(shown) = visible(text) {
        *text = shown;
    }
}

/// Backend text in a record, made safe to show once, as it arrives: every
/// screen, search and export then shows what the record holds.
pub trait ShowHidden {
    /// Each of the record's texts through [`make_visible`].
    fn show_hidden(&mut self);
}

fn each<'a>(texts: impl IntoIterator<Item = &'a mut String>) {
    texts.into_iter().for_each(make_visible);
}

impl ShowHidden for AssetResult {
    fn show_hidden(&mut self) {
        each([&mut self.asset_id, &mut self.asset_name, &mut self.os]);
        each(&mut self.status.name);
        each(&mut self.facts.blocking_job);
        each(&mut self.facts.timeout_reason);
        each(
            self.history
                .iter_mut()
                .filter_map(|change| change.status.name.as_mut()),
        );
        each(&mut self.succeeded_patches);
        each(&mut self.failed_patches);
    }
}

impl ShowHidden for Endpoint {
    fn show_hidden(&mut self) {
        each([&mut self.id, &mut self.name, &mut self.os]);
        each(self.maintenance.as_mut().map(|schedule| &mut schedule.name));
        each(&mut self.powershell_policy);
        each(self.drives.iter_mut().map(|drive| &mut drive.name));
        each(&mut self.reported_exemptions);
    }
}

impl ShowHidden for Job {
    fn show_hidden(&mut self) {
        each([&mut self.id, &mut self.name]);
        each(
            [&mut self.platform, &mut self.status, &mut self.schedule]
                .into_iter()
                .flatten(),
        );
    }
}

impl ShowHidden for JobRun {
    fn show_hidden(&mut self) {
        make_visible(&mut self.id);
    }
}
