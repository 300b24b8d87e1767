//! `--shard I/N`: one of N processes' share of a corpus, item k of which belongs to shard
//! `k mod N + 1`.

use std::fmt;
use std::str::FromStr;

/// Shard `index` of `count` (1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    index: usize,
    count: usize,
}

impl Shard {
    /// The whole corpus: shard 1 of 1.
    pub const ALL: Shard = Shard { index: 1, count: 1 };

    /// Shard `index` of `count`, when `1 <= index <= count`.
    pub fn new(index: usize, count: usize) -> Option<Self> {
        (count >= 1 && (1..=count).contains(&index)).then_some(Self { index, count })
    }

    /// The 1-based shard number.
    pub fn index(self) -> usize {
        self.index
    }

    /// How many shards there are.
    pub fn count(self) -> usize {
        self.count
    }

    /// Whether item `k` (0-based, in corpus order) belongs to this shard.
    pub fn holds(self, k: usize) -> bool {
        k % self.count == self.index - 1
    }
}

impl Default for Shard {
    fn default() -> Self {
        Self::ALL
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// Why a `--shard` value does not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid shard {0:?}: expected I/N with 1 <= I <= N")]
pub struct ParseShardError(String);

impl FromStr for Shard {
    type Err = ParseShardError;

    fn from_str(spec: &str) -> Result<Self, Self::Err> {
        spec.split_once('/')
            .and_then(|(i, n)| Shard::new(i.trim().parse().ok()?, n.trim().parse().ok()?))
            .ok_or_else(|| ParseShardError(spec.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_read_and_partition() {
        let s: Shard = " 2 / 3".parse().unwrap();
        assert_eq!((s.index(), s.count(), s.to_string()), (2, 3, "2/3".to_owned()));
        let held: Vec<usize> = (0..7).filter(|&k| s.holds(k)).collect();
        assert_eq!(held, [1, 4]);
        for bad in ["0/3", "4/3", "1/0", "x", "1-2"] {
            assert_eq!(
                bad.parse::<Shard>().unwrap_err().to_string(),
                format!("invalid shard {bad:?}: expected I/N with 1 <= I <= N")
            );
        }
        assert!((0..5).all(|k| Shard::ALL.holds(k)));
    }
}
