//! Backend text as it is safe to show. A bidi override reorders what follows
//! it, the app's own words included, and a zero-width space takes no room, so
//! "HOST-0001" with either inside could pass for another host's name on
//! screen, in an export or in a message. Each record's texts are made visible
//! as it arrives ([`ShowHidden`]): each such character becomes a visible mark,
//! which searches leave out (see [`crate::domain::table::TextQuery`]).
//!
//! The zero-width joiner and non-joiner are among them only between ASCII
//! characters (or at an end of the text): scripts such as Persian and
//! Devanagari, and emoji, need them, but no ASCII word does.

use super::asset::AssetResult;
use super::endpoint::Endpoint;
use super::job::{Job, JobRun};
use std::borrow::Cow;

/// What stands for a hidden character on screen.
pub const MARK: char = '\u{FFFD}';

/// Whether `c` reorders text or takes no room without being part of a word:
/// the bidi controls, and the characters that draw nothing (soft hyphen,
/// fillers, invisible operators and separators, tags).
pub fn is_hidden_control(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180E}'
            | '\u{200B}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E007F}'
    )
}

/// The zero-width non-joiner and joiner.
fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}')
}

/// A tag character: hidden, except in the tag sequence of a subdivision
/// flag (🏴 and its tags: England's, Scotland's, Wales').
fn is_tag(c: char) -> bool {
    ('\u{E0020}'..='\u{E007F}').contains(&c)
}

/// Whether the character at `at` of `chars` hides. A joiner joins nothing
/// where the nearest characters that show on either side (past other
/// joiners and hidden characters) are ASCII, or are not there.
fn hides(chars: &[char], at: usize) -> bool {
    let c = chars[at];
    if is_tag(c) {
        return chars[..at].iter().rev().find(|&&before| !is_tag(before)) != Some(&'\u{1F3F4}');
    }
    if !is_joiner(c) {
        return is_hidden_control(c);
    }
    let shows = |other: &&char| !is_joiner(**other) && !is_hidden_control(**other);
    let before = chars[..at].iter().rev().find(shows);
    let after = chars[at + 1..].iter().find(shows);
    before.is_none_or(char::is_ascii) && after.is_none_or(char::is_ascii)
}

/// `text` with each hidden control character shown as [`MARK`].
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.contains(|c| is_hidden_control(c) || is_joiner(c)) {
        return Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let shown: String = (0..chars.len())
        .map(|at| if hides(&chars, at) { MARK } else { chars[at] })
        .collect();
    if shown == text {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(shown)
    }
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
