//! A body fed to the native stream as it would arrive, shared by the stream's
//! proptests (`source_native_stream`) and the fuzz pass (`fuzz_inputs`).

use patchboard::source::body::Body;
use patchboard::source::mapping::DecodedPage;
use patchboard::source::native_stream::StreamedItems;
use patchboard::source::record::Record;
use serde_json::Value;

/// Feeds `body` in parts cut at `cuts` (any numbers: they are taken modulo
/// its length, and may repeat to make empty parts), then finishes the stream.
pub fn fed_in_parts<R: Record>(
    mut stream: StreamedItems<R>,
    body: &[u8],
    cuts: &[usize],
) -> Option<(DecodedPage<R>, Value)> {
    let mut cuts: Vec<usize> = cuts.iter().map(|cut| cut % (body.len() + 1)).collect();
    cuts.push(body.len());
    cuts.sort_unstable();
    let mut parts = Body::default();
    let mut start = 0;
    for cut in cuts {
        stream.feed(&body[start..cut]);
        parts.push(body[start..cut].to_vec());
        start = cut;
    }
    stream.finish(&parts)
}
