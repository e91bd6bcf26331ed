//! Configuration, fetching and backend adapters.
