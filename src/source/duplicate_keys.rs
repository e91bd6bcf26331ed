//! Keys a JSON text names twice in one object. serde_json keeps the last
//! one without a word; in a configuration file edited by hand, a second
//! `"base_url"` more likely means that one of the two is stale, and which
//! one the author meant is theirs to say.

use super::config_read::join;
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// The path of each key given more than once ("resources.jobs.url"), in
/// the order met; empty when there is none or the text is not JSON.
pub fn duplicate_keys(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut reader = serde_json::Deserializer::from_str(text);
    let walk = Walk {
        path: String::new(),
        found: &mut found,
    };
    // Broken JSON is reported by the reader proper.
    if walk.deserialize(&mut reader).is_err() {
        return Vec::new();
    }
    found
}

/// One value of the text, at `path`.
struct Walk<'a> {
    path: String,
    found: &'a mut Vec<String>,
}

impl Walk<'_> {
    fn at(&mut self, path: String) -> Walk<'_> {
        Walk {
            path,
            found: self.found,
        }
    }
}

impl<'de> DeserializeSeed<'de> for Walk<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, reader: D) -> Result<(), D::Error> {
        reader.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Walk<'_> {
    type Value = ();

    fn expecting(&self, out: &mut fmt::Formatter) -> fmt::Result {
        out.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut items: A) -> Result<(), A::Error> {
        let mut index = 0;
        while items
            .next_element_seed(self.at(format!("{}[{index}]", self.path)))?
            .is_some()
        {
            index += 1;
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut members: A) -> Result<(), A::Error> {
        let mut seen: Vec<String> = Vec::new();
        while let Some(key) = members.next_key::<String>()? {
            // Named as the reader names its other problems.
            let path = join(&self.path, &key);
            if !seen.contains(&key) {
                seen.push(key);
            } else if !self.found.contains(&path) {
                self.found.push(path.clone());
            }
            members.next_value_seed(self.at(path))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_each_key_given_twice_by_its_path() {
        let text = r#"{
            "base_url": "https://a.example",
            "resources": {"jobs": {"url": "/jobs", "url": "/v2/jobs", "url": "/v3/jobs"}},
            "base_url": "https://b.example",
            "list": [{"x": 1}, {"x": 1, "x": 2}]
        }"#;
        assert_eq!(
            duplicate_keys(text),
            ["resources.jobs.url", "base_url", "list[1].x"]
        );
    }

    #[test]
    fn the_same_key_in_different_objects_is_no_duplicate() {
        let text = r#"{"a": {"url": 1}, "b": {"url": [true, null, "s", 1.5, -2]}, "url": {}}"#;
        assert!(duplicate_keys(text).is_empty());
    }

    #[test]
    fn text_that_is_not_json_is_left_to_the_reader() {
        assert!(duplicate_keys(r#"{"a": 1, "a": "#).is_empty());
    }
}
