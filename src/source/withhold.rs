//! The configuration's headers stay with the backend it names.
//!
//! A next-page address comes from the backend's answer, and may point at
//! another origin. Headers such as `X-Api-Key` or `Authorization` often carry
//! a key, so a request there keeps only the headers any page may send
//! anywhere (CORS-safelisted) and drops the rest: an answer cannot send the
//! key where the configuration never named.

use super::token::same_origin;

/// Headers that name the body's format and language, never a key (the Fetch
/// standard's CORS-safelisted names; `Content-Type` only for some values).
const SAFELISTED: [&str; 4] = [
    "accept",
    "accept-language",
    "content-language",
    "content-type",
];

/// Where a resource's first page went: the address asked, which may be
/// relative (the page's own origin), and the absolute one that answered it
/// without a redirect.
#[derive(Debug, Clone, Default)]
pub struct Home {
    asked: String,
    answered: Option<String>,
    first_answered: bool,
}

impl Home {
    pub fn new(asked: &str) -> Self {
        Home {
            asked: asked.to_owned(),
            answered: None,
            first_answered: false,
        }
    }

    /// Notes the address that answered a page; only the first page's counts,
    /// and only where it was not `redirected`: a redirect to another origin
    /// must not make that origin home to the keys.
    pub fn answered(&mut self, url: &str, redirected: bool) {
        if !std::mem::replace(&mut self.first_answered, true) && !redirected {
            self.answered = Some(url.to_owned());
        }
    }

    /// Whether `url` is the first page's address (whatever its text) or
    /// surely shares its origin. One the browser could read differently
    /// from its text does not.
    fn holds(&self, url: &str) -> bool {
        url == self.asked
            || std::iter::once(&self.asked)
                .chain(&self.answered)
                .any(|home| same_origin(url, home))
    }

    /// Drops from `headers` every header that is not safelisted when `url`
    /// is elsewhere. Returns the names dropped, for a message should the
    /// request be refused.
    pub fn withhold_elsewhere(
        &self,
        headers: &mut Vec<(String, String)>,
        url: &str,
    ) -> Vec<String> {
        if self.holds(url) {
            return Vec::new();
        }
        let mut withheld = Vec::new();
        headers.retain(|(name, _)| {
            let keep = SAFELISTED
                .iter()
                .any(|safe| name.eq_ignore_ascii_case(safe));
            if !keep {
                withheld.push(name.clone());
            }
            keep
        });
        withheld
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers() -> Vec<(String, String)> {
        [
            ("Accept", "application/json"),
            ("X-Api-Key", "k-123"),
            ("authorization", "Bearer s"),
        ]
        .map(|(name, value)| (name.to_owned(), value.to_owned()))
        .to_vec()
    }

    fn withheld(home: &Home, url: &str) -> (Vec<String>, Vec<(String, String)>) {
        let mut sent = headers();
        let withheld = home.withhold_elsewhere(&mut sent, url);
        (withheld, sent)
    }

    #[test]
    fn another_origin_gets_only_the_safelisted_headers() {
        let home = Home::new("https://pm.example.com/api/jobs");
        let (dropped, sent) = withheld(&home, "https://evil.test/steal");
        assert_eq!(dropped, ["X-Api-Key", "authorization"]);
        assert_eq!(sent, [("Accept".to_owned(), "application/json".to_owned())]);
    }

    #[test]
    fn the_same_origin_keeps_every_header() {
        let home = Home::new("https://pm.example.com/api/jobs");
        let (dropped, sent) = withheld(&home, "https://PM.example.com:443/api/jobs?page=2");
        assert!(dropped.is_empty());
        assert_eq!(sent, headers());
    }

    #[test]
    fn another_port_or_scheme_or_an_unsure_address_is_elsewhere() {
        let home = Home::new("https://pm.example.com/api/jobs");
        for url in [
            "https://pm.example.com:8443/api/jobs",
            "http://pm.example.com/api/jobs",
            "https://pm.example.com\\@evil.test/jobs",
            "//evil.test/jobs",
        ] {
            assert_eq!(withheld(&home, url).0.len(), 2, "{url}");
        }
    }

    #[test]
    fn a_relative_first_address_is_home_to_relative_links_and_to_the_origin_that_answered() {
        let mut home = Home::new("/api/jobs");
        assert!(withheld(&home, "/api/jobs?page=2").0.is_empty());
        let portal = "https://portal.example.com/api/jobs?page=2";
        assert_eq!(withheld(&home, portal).0.len(), 2, "not known yet");
        home.answered("https://portal.example.com/api/jobs", false);
        home.answered("https://evil.test/jobs", false);
        assert!(withheld(&home, portal).0.is_empty());
        let evil = "https://evil.test/jobs?page=3";
        assert_eq!(
            withheld(&home, evil).0.len(),
            2,
            "only the first answer counts"
        );
    }

    #[test]
    fn a_first_page_redirected_elsewhere_does_not_make_that_origin_home() {
        let mut home = Home::new("https://api.example.com/jobs");
        home.answered("https://evil.test/jobs", true);
        home.answered("https://evil.test/jobs?page=2", false);
        assert_eq!(withheld(&home, "https://evil.test/jobs?page=3").0.len(), 2);
        assert!(withheld(&home, "https://api.example.com/jobs?page=3")
            .0
            .is_empty());
    }

    #[test]
    fn the_first_address_keeps_its_headers_even_where_its_origin_cannot_be_told() {
        let home = Home::new("https://api.example.com/jobs list");
        assert!(withheld(&home, "https://api.example.com/jobs list")
            .0
            .is_empty());
        assert_eq!(
            withheld(&home, "https://api.example.com/jobs list?page=2")
                .0
                .len(),
            2
        );
    }
}
