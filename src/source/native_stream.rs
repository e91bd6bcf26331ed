//! The native fast path while the body arrives: each item is decoded as
//! soon as it and the comma or bracket after it are in, so decoding overlaps
//! the download instead of following it. The page and the rest of the body
//! are the ones [`NativeItems::decode`] gives for the whole body
//! (`tests/source_native_stream.rs`); when the stream cannot be read that
//! way, [`StreamedItems::finish`] says so and the caller decodes the whole
//! body as before.
//!
//! Only the bytes not yet read are held here: an item cut off where a part
//! ends, and the part after it. The parts themselves stay with the
//! [`Body`], which the whole-body path may still need.

use super::body::Body;
use super::body_text::without_byte_order_mark;
use super::item_scanner::{is_space, Arrived, ItemScanner};
use super::mapping::DecodedPage;
use super::native_decode::{read_body, NativeItems};
use super::record::{ItemFields, NextItem, Record};
use serde_json::value::RawValue;
use serde_json::Value;

/// Bytes of cut-off items parsed again that are never too many, however
/// small the parts a body arrives in.
const REPARSED_ALLOWANCE: usize = 1 << 20;

/// One body's items decoded so far.
#[derive(Debug)]
pub struct StreamedItems<R> {
    stream: ItemStream,
    records: Records<R>,
}

impl<R: Record> StreamedItems<R> {
    pub(super) fn new(native: &NativeItems<R>, fields: &ItemFields) -> Self {
        StreamedItems {
            stream: ItemStream::new(native.key()),
            records: Records {
                next_item: native.next_item_reader(),
                fields: fields.clone(),
                page: DecodedPage::with_capacity(0),
                held: None,
            },
        }
    }

    /// Decodes the items completed by `part`, the body's next bytes.
    pub fn feed(&mut self, part: &[u8]) {
        self.stream.feed(part, &mut self.records);
    }

    /// Rows decoded so far, read or skipped.
    pub fn rows(&self) -> usize {
        self.records.page.items.len() + self.records.page.errors.len()
    }

    /// Bytes of the body held here, not read yet: the rest lives only in the
    /// caller's [`Body`].
    pub fn unread_len(&self) -> usize {
        self.stream.unread.len()
    }

    /// The page and the body without its items, once every part of `body`
    /// has been fed; `None` when it must be decoded whole instead.
    pub fn finish(self, body: &Body) -> Option<(DecodedPage<R>, Value)> {
        let rest = self.stream.finish(body)?;
        Some((self.records.page, rest))
    }
}

/// The record-typed half of the stream, behind a trait object so that
/// [`ItemStream`] is compiled once, not once per record type.
trait ItemReader {
    /// Reads the item at the start of `text`, which goes on with more of the
    /// body, and holds it for [`Self::keep`].
    fn read(&mut self, text: &str) -> ItemEnd;
    /// Keeps the item read last, whose text is `item`, as row `index`;
    /// false if it is not JSON after all.
    fn keep(&mut self, item: &str, index: usize) -> bool;
}

enum ItemEnd {
    /// The item is the text's first bytes, this many.
    At(usize),
    /// Cut off where the text ends: more of the body may complete it.
    Incomplete,
    /// Not JSON.
    Broken,
}

#[derive(Debug)]
struct Records<R> {
    next_item: fn(&str) -> NextItem<R>,
    fields: ItemFields,
    page: DecodedPage<R>,
    /// The record read last; `None` when the field table must read it.
    held: Option<R>,
}

impl<R: Record> ItemReader for Records<R> {
    fn read(&mut self, text: &str) -> ItemEnd {
        let (held, len) = match (self.next_item)(text) {
            NextItem::Taken { record, len } => (Some(record), len),
            NextItem::Refused { len } => (None, len),
            NextItem::Incomplete => return ItemEnd::Incomplete,
            NextItem::Broken => return ItemEnd::Broken,
        };
        self.held = held;
        ItemEnd::At(len)
    }

    fn keep(&mut self, item: &str, index: usize) -> bool {
        if let Some(record) = self.held.take() {
            self.page.items.push(record);
            return true;
        }
        // JSON by construction (serde just read it whole), checked all the same.
        let Ok(item) = serde_json::from_str::<Value>(item) else {
            return false;
        };
        self.page.read(index, &item, &self.fields);
        true
    }
}

/// Where a body's items are and how far they have been read.
#[derive(Debug)]
struct ItemStream {
    scanner: ItemScanner,
    /// The body's bytes from `unread_start` on: those not read yet.
    unread: Vec<u8>,
    unread_start: usize,
    /// Inside the items array: where the next item (or white space) starts.
    next: Option<usize>,
    /// Items read, decoded or not: the row index of the next one.
    read: usize,
    /// Bytes parsed for items that turned out cut off, parsed again later.
    reparsed: usize,
}

/// How far one part of the body took the items.
enum Items {
    /// Wait for more of the body, from this position on.
    Wait(usize),
    /// The array closed with the `]` here.
    Closed(usize),
    /// Not the native layout, or not JSON: the whole body must be read.
    Stop,
}

impl ItemStream {
    fn new(key: &str) -> Self {
        ItemStream {
            scanner: ItemScanner::new(key),
            unread: Vec::new(),
            unread_start: 0,
            next: None,
            read: 0,
            reparsed: 0,
        }
    }

    fn feed(&mut self, part: &[u8], reader: &mut dyn ItemReader) {
        if self.scanner.stopped() {
            return;
        }
        let mut unread = std::mem::take(&mut self.unread);
        unread.extend_from_slice(part);
        let body = Arrived {
            start: self.unread_start,
            bytes: &unread,
        };
        while let Some(at) = self.next.or_else(|| self.scanner.scan(body)) {
            self.next = None;
            match self.read_items(body, at, reader) {
                Items::Wait(at) => {
                    self.next = Some(at);
                    break;
                }
                Items::Closed(close) => self.scanner.items_closed(close),
                Items::Stop => {
                    self.scanner.stop();
                    break;
                }
            }
        }
        let read_up_to = match self.next {
            _ if self.scanner.stopped() => body.end(),
            Some(next) => next,
            None => self.scanner.needs_from(),
        };
        unread.drain(..read_up_to - self.unread_start);
        self.unread = unread;
        self.unread_start = read_up_to;
    }

    /// The body without its items, once all of it has been fed.
    fn finish(&self, body: &Body) -> Option<Value> {
        let items = self.scanner.finish(body.len())?;
        let before = body.bytes(0..items.start);
        let after = body.bytes(items.end..body.len());
        let rest = [without_byte_order_mark(&before), b"[]", &after].concat();
        let rest = std::str::from_utf8(&rest).ok()?;
        let (_, rest) = read_body::<Vec<&RawValue>>(rest, self.scanner.key())?;
        Some(rest)
    }

    /// Reads the items whose end has arrived, from `at` on.
    fn read_items(&mut self, body: Arrived, at: usize, reader: &mut dyn ItemReader) -> Items {
        let Some(text) = utf8_so_far(body.from(at)) else {
            return Items::Stop;
        };
        let mut start = 0;
        loop {
            start = skip_space(text, start);
            if start == text.len() {
                return Items::Wait(at + start);
            }
            if text.as_bytes()[start] == b']' && self.read == 0 {
                return Items::Closed(at + start);
            }
            let item = &text[start..];
            let len = match reader.read(item) {
                ItemEnd::At(len) => len,
                ItemEnd::Broken => return Items::Stop,
                ItemEnd::Incomplete => {
                    // Bounded, for an item that never ends (a stray bracket):
                    // past the body's own size, reading it whole is cheaper.
                    self.reparsed += item.len();
                    if self.reparsed > body.end() + REPARSED_ALLOWANCE {
                        return Items::Stop;
                    }
                    return Items::Wait(at + start);
                }
            };
            let after = skip_space(text, start + len);
            let delimiter = match text.as_bytes().get(after) {
                None => return Items::Wait(at + start),
                Some(&delimiter @ (b',' | b']')) => delimiter,
                Some(_) => return Items::Stop,
            };
            if !reader.keep(&item[..len], self.read) {
                return Items::Stop;
            }
            self.read += 1;
            if delimiter == b']' {
                return Items::Closed(at + after);
            }
            start = after + 1;
        }
    }
}

/// The longest UTF-8 text at the start of `bytes`, which may end inside a
/// character still arriving; `None` if the bytes are not UTF-8.
fn utf8_so_far(bytes: &[u8]) -> Option<&str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(error) if error.error_len().is_none() => {
            std::str::from_utf8(&bytes[..error.valid_up_to()]).ok()
        }
        Err(_) => None,
    }
}

fn skip_space(text: &str, from: usize) -> usize {
    text.as_bytes()[from..]
        .iter()
        .position(|&byte| !is_space(byte))
        .map_or(text.len(), |offset| from + offset)
}
