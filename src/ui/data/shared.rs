use crate::source::http::sleep;
use leptos::task::spawn_local;
use std::ops::Deref;
use std::sync::Arc;

/// Shared, immutable data compared by identity: a memo holding 100,000 rows
/// must not compare them element by element to learn that they changed.
#[derive(Debug)]
pub struct Shared<T>(Arc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Self {
        Shared(Arc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Lets `value` go in a task of its own. The data a refresh replaces is
/// 100,000 records and their rows: freeing them took 15–20 ms of the task
/// that derives, sorts and paints the new ones, which the page can paint
/// without waiting for.
pub fn release_later<T: 'static>(value: T) {
    spawn_local(async move {
        sleep(0).await;
        drop(value);
    });
}
