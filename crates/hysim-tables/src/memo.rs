//! Per-thread caches of pure functions of a label's text.
//!
//! A table repeats its labels (every cell of a row asks what its row label names), and the
//! tables of one paper repeat their captions' phrases; the reader asks the same questions of
//! the same text many times. [`cached`] answers a repeated question from a per-thread map
//! (FxHash, fast on short keys; a bounded map leaves little to gain from colliding keys),
//! cleared when it reaches [`LIMIT`] entries so that a long run's memory stays bounded.

use std::{cell::RefCell, thread::LocalKey};

use rustc_hash::FxHashMap;

/// A per-thread cache from text to an answer.
pub(crate) type Cache<V> = RefCell<FxHashMap<String, V>>;

/// Entries a cache holds before it starts again.
pub(crate) const LIMIT: usize = 4096;

/// `compute(key)`, from `cache` when the same key was asked before on this thread.
/// `compute` must be a pure function of `key`.
pub(crate) fn cached<V: Clone>(cache: &'static LocalKey<Cache<V>>, key: &str, compute: impl FnOnce(&str) -> V) -> V {
    if let Some(found) = cache.with(|c| c.borrow().get(key).cloned()) {
        return found;
    }
    // Computed with the cache released: `compute` may ask the cache itself.
    let value = compute(key);
    cache.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= LIMIT {
            c.clear();
        }
        c.insert(key.to_owned(), value.clone());
    });
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        static LENGTHS: Cache<usize> = Default::default();
    }

    #[test]
    fn answers_repeats_from_the_cache_and_stays_bounded() {
        let mut calls = 0;
        for _ in 0..3 {
            assert_eq!(
                cached(&LENGTHS, "Cmax", |k| {
                    calls += 1;
                    k.len()
                }),
                4
            );
        }
        assert_eq!(calls, 1);
        for k in 0..LIMIT + 10 {
            cached(&LENGTHS, &k.to_string(), str::len);
        }
        assert!(LENGTHS.with(|c| c.borrow().len()) <= LIMIT);
    }
}
