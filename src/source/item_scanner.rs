//! Finds the items array of a body object while the body is still arriving.
//!
//! A body `{…, "key": [item, item, …], …}` comes in parts. The scanner
//! reads the members around the items, each byte once across parts, and
//! says where the array opens; whoever reads the items says where it closes,
//! and the scanner goes on from there.
//!
//! It sees the body through an [`Arrived`] window: the bytes from where it
//! still needs them to the end of what has come, so that the bytes behind
//! it can be let go.
//!
//! It only tracks strings and nesting, it does not validate: whoever parses
//! the rest of the body does. Anything it cannot be sure of (no object, the
//! key written with escapes or given twice, the member not an array) stops
//! it, and the caller reads the whole body instead.

use super::body_text::{without_byte_order_mark, BYTE_ORDER_MARK};
use memchr::memchr2;
use std::ops::Range;

/// The bytes of a body from `start` on, as far as they have arrived;
/// positions are the body's own.
#[derive(Debug, Clone, Copy)]
pub struct Arrived<'a> {
    pub start: usize,
    pub bytes: &'a [u8],
}

impl<'a> Arrived<'a> {
    pub fn end(&self) -> usize {
        self.start + self.bytes.len()
    }

    /// The bytes from `at` on.
    pub fn from(&self, at: usize) -> &'a [u8] {
        &self.bytes[at - self.start..]
    }

    fn byte(&self, at: usize) -> u8 {
        self.bytes[at - self.start]
    }

    fn span(&self, range: Range<usize>) -> &'a [u8] {
        &self.bytes[range.start - self.start..range.end - self.start]
    }
}

#[derive(Debug)]
pub struct ItemScanner {
    key: Box<str>,
    /// The next byte to read.
    at: usize,
    /// Nesting: 1 inside the body object, 2 directly inside the items array.
    depth: u32,
    string: Option<Text>,
    /// At depth 1, the next string is a member name.
    expect_name: bool,
    items: Items,
    opened: bool,
    stopped: bool,
}

/// Inside a string: where it started, and whether the last byte was a backslash.
#[derive(Debug, Clone, Copy)]
struct Text {
    start: usize,
    escaped: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Items {
    NotFound,
    /// The member's name was read; its value comes after the colon.
    Named,
    /// Its colon was read; the next byte that is not white space opens the array.
    Next,
    /// Inside the array, which opened at `open`.
    Open {
        open: usize,
    },
    Closed {
        open: usize,
        close: usize,
    },
}

impl ItemScanner {
    pub fn new(key: &str) -> Self {
        ItemScanner {
            key: key.into(),
            at: 0,
            depth: 0,
            string: None,
            expect_name: false,
            items: Items::NotFound,
            opened: false,
            stopped: false,
        }
    }

    /// Reads what has arrived of `body` since the last call; `body` starts no
    /// later than [`Self::needs_from`]. When it reaches the items array, it
    /// pauses and gives the position just after the opening bracket; the
    /// items are then the caller's until it calls [`Self::items_closed`].
    pub fn scan(&mut self, body: Arrived) -> Option<usize> {
        if self.at == 0 {
            let bytes = body.bytes;
            if bytes.len() < BYTE_ORDER_MARK.len() && BYTE_ORDER_MARK.starts_with(bytes) {
                return None;
            }
            self.at = bytes.len() - without_byte_order_mark(bytes).len();
        }
        while self.at < body.end() && !self.stopped && !matches!(self.items, Items::Open { .. }) {
            if let Some(text) = self.string {
                self.read_string(body, text);
                continue;
            }
            let at = self.at;
            self.at += 1;
            match body.byte(at) {
                byte if is_space(byte) => {}
                byte if self.depth == 0 => self.open_body(byte),
                b'"' => {
                    self.value_starts(b'"');
                    self.string = Some(Text {
                        start: at,
                        escaped: false,
                    });
                }
                open @ (b'{' | b'[') => self.open(open, at),
                b'}' | b']' => self.depth -= 1,
                b',' if self.depth == 1 => self.expect_name = true,
                b':' if self.depth == 1 && self.items == Items::Named => self.items = Items::Next,
                other => self.value_starts(other),
            }
        }
        match self.items {
            Items::Open { .. } if !self.stopped => Some(self.at),
            _ => None,
        }
    }

    /// The items array closed with the `]` at `close`; the scan goes on after it.
    pub fn items_closed(&mut self, close: usize) {
        if let Items::Open { open } = self.items {
            self.items = Items::Closed { open, close };
            self.at = close + 1;
            self.depth = 1;
        }
    }

    /// Where the bytes the scan still needs start: the string it is in, or
    /// the next byte.
    pub fn needs_from(&self) -> usize {
        self.string.map_or(self.at, |text| text.start)
    }

    /// The body's member holding the items.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The items could not be read: the stream ends here.
    pub fn stop(&mut self) {
        self.stopped = true;
    }

    pub fn stopped(&self) -> bool {
        self.stopped
    }

    /// The span of the items array, `[` to `]` inclusive, once the whole
    /// body, `len` bytes, has been scanned and closed as expected; `None` if
    /// the scanner stopped or the body ended early.
    pub fn finish(&self, len: usize) -> Option<Range<usize>> {
        match self.items {
            Items::Closed { open, close } if !self.stopped && self.at == len && self.depth == 0 => {
                Some(open..close + 1)
            }
            _ => None,
        }
    }

    /// Only white space before the body object, and nothing after it.
    fn open_body(&mut self, byte: u8) {
        if byte == b'{' && !self.opened {
            self.opened = true;
            self.depth = 1;
            self.expect_name = true;
        } else {
            self.stop();
        }
    }

    /// Any value but an array right after the items' colon stops the scan.
    fn value_starts(&mut self, byte: u8) {
        if self.items == Items::Next && byte != b'[' {
            self.stop();
        }
    }

    fn read_string(&mut self, body: Arrived, mut text: Text) {
        if text.escaped {
            self.at += 1;
            text.escaped = false;
            self.string = Some(text);
            return;
        }
        let Some(offset) = memchr2(b'"', b'\\', body.from(self.at)) else {
            self.at = body.end();
            return;
        };
        let at = self.at + offset;
        self.at = at + 1;
        if body.byte(at) == b'\\' {
            self.string = Some(Text {
                escaped: true,
                ..text
            });
            return;
        }
        self.string = None;
        if self.depth == 1 && self.expect_name {
            self.expect_name = false;
            self.read_name(body.span(text.start + 1..at));
        }
    }

    fn read_name(&mut self, name: &[u8]) {
        if name.contains(&b'\\') {
            // It may spell the key with escapes; only serde can tell.
            self.stop();
        } else if name == self.key.as_bytes() {
            match self.items {
                Items::NotFound => self.items = Items::Named,
                _ => self.stop(),
            }
        }
    }

    fn open(&mut self, byte: u8, at: usize) {
        self.value_starts(byte);
        if self.items == Items::Next {
            self.items = Items::Open { open: at };
        }
        self.depth += 1;
    }
}

/// White space as JSON has it (not form feed or vertical tab).
pub fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r')
}
