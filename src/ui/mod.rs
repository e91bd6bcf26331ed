//! Leptos pages and components.

/// Mounts the app. Placeholder until the shell lands.
pub fn start() {}
