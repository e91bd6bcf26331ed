use crate::source::http::sleep;
use wasm_bindgen::JsCast;

/// Offers a document to the user as a file, taking it from `parts` one part
/// at a time with a pause between: the page keeps answering while a long
/// export is written, and each part leaves wasm memory, which never
/// shrinks, as soon as it is made.
pub async fn download_in_parts(file_name: &str, mime: &str, parts: impl Iterator<Item = String>) {
    // Bytes, not strings: a string part would be decoded to UTF-16 on its
    // way into JavaScript and encoded back to UTF-8 by the Blob.
    let blob_parts = js_sys::Array::new();
    for part in parts {
        blob_parts.push(&js_sys::Uint8Array::from(part.as_bytes()));
        sleep(0).await;
    }
    offer(file_name, mime, &blob_parts);
}

fn offer(file_name: &str, mime: &str, blob_parts: &js_sys::Array) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(blob_parts, &options)
    else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(link) = document
        .create_element("a")
        .ok()
        .and_then(|element| element.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        link.set_href(&url);
        link.set_download(file_name);
        link.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
