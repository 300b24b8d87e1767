//! Atomic file writes and JSON Lines input/output.
//!
//! Every artifact is written to a temporary file in the destination folder, flushed,
//! synced and renamed into place, so a reader never sees half a file and an interrupted
//! run never destroys what an earlier run wrote. JSON Lines readers report the file and
//! the 1-based line of the first bad line.

use std::fs::{self, File};
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::{Error, Result};

/// Writes a file atomically: `write` fills a temporary file beside `path`, which is
/// then synced and renamed over `path`. On any error the temporary file is removed
/// and `path` is left as it was.
pub fn atomic_write<F>(path: &Path, write: F) -> Result<()>
where
    F: FnOnce(&mut BufWriter<File>) -> std::io::Result<()>,
{
    let mut file = AtomicFile::create(path)?;
    write(file.writer()).map_err(|source| Error::Write { path: path.to_path_buf(), source })?;
    file.commit()
}

/// A file written a part at a time, atomically: the parts go to a temporary file beside
/// its path, which [`AtomicFile::commit`] syncs and renames over the path. Dropped without
/// a commit (an error on the way), the temporary file is removed and the path is left as
/// it was. For writers that stream, where [`atomic_write`]'s one closure does not fit.
#[derive(Debug)]
pub struct AtomicFile {
    path: PathBuf,
    tmp: PathBuf,
    out: Option<BufWriter<File>>,
}

impl AtomicFile {
    /// Creates the temporary file (and the destination's folder).
    pub fn create(path: &Path) -> Result<Self> {
        let write_err = |source| Error::Write { path: path.to_path_buf(), source };
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&dir).map_err(write_err)?;
        let tmp = temp_path(path);
        let file = File::create(&tmp).map_err(write_err)?;
        Ok(Self { path: path.to_path_buf(), tmp, out: Some(BufWriter::new(file)) })
    }

    /// The file's destination.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The writer of the temporary file.
    pub fn writer(&mut self) -> &mut BufWriter<File> {
        self.out.as_mut().expect("invariant: the writer is taken only by commit, which consumes self")
    }

    /// Appends `bytes`; the error names the destination.
    pub fn write_all(&mut self, bytes: &[u8]) -> Result<()> {
        let path = self.path.clone();
        self.writer().write_all(bytes).map_err(|source| Error::Write { path, source })
    }

    /// Flushes and syncs the temporary file and renames it over the destination.
    pub fn commit(mut self) -> Result<()> {
        let out = self.out.take().expect("invariant: the writer is taken only here");
        let result = (|| {
            let file = out.into_inner().map_err(|e| e.into_error())?;
            file.sync_all()?;
            fs::rename(&self.tmp, &self.path)
        })();
        // On success the temporary file is gone (renamed); on failure `drop` removes it.
        if result.is_ok() {
            self.tmp = PathBuf::new();
        }
        result.map_err(|source| Error::Write { path: self.path.clone(), source })
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        // Best effort: the error that left the file uncommitted is the one worth reporting.
        self.out.take();
        if !self.tmp.as_os_str().is_empty() {
            let _ = fs::remove_file(&self.tmp);
        }
    }
}

/// The temporary name used while `path` is being written: hidden, in the same folder
/// (so the rename stays on one file system) and unique to this process.
fn temp_path(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{name}.tmp-{}", std::process::id()))
}

/// Reads every line of a JSON Lines file into `T`, skipping blank lines.
///
/// The error names the file and the 1-based line of the first line that fails.
pub fn read_jsonl<T: DeserializeOwned>(path: &Path) -> Result<Vec<T>> {
    JsonlReader::open(path)?.collect()
}

/// Streams a JSON Lines file one value at a time, so large inputs need not fit in memory.
#[derive(Debug)]
pub struct JsonlReader<T> {
    path: PathBuf,
    lines: std::io::Lines<BufReader<File>>,
    line: usize,
    _marker: std::marker::PhantomData<fn() -> T>,
}

impl<T: DeserializeOwned> JsonlReader<T> {
    /// Opens `path` for streaming.
    pub fn open(path: &Path) -> Result<Self> {
        let file = File::open(path).map_err(|source| Error::Read { path: path.to_path_buf(), source })?;
        Ok(Self {
            path: path.to_path_buf(),
            lines: BufReader::new(file).lines(),
            line: 0,
            _marker: std::marker::PhantomData,
        })
    }

    /// The 1-based number of the line most recently returned.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The file being read.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl<T: DeserializeOwned> Iterator for JsonlReader<T> {
    type Item = Result<T>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let text = match self.lines.next()? {
                Ok(text) => text,
                Err(source) => return Some(Err(Error::Read { path: self.path.clone(), source })),
            };
            self.line += 1;
            if text.trim().is_empty() {
                continue;
            }
            return Some(serde_json::from_str(&text).map_err(|source| Error::JsonLine {
                path: self.path.clone(),
                line: self.line,
                source,
            }));
        }
    }
}

/// Writes `items` as JSON Lines, atomically.
pub fn write_jsonl<'a, T, I>(path: &Path, items: I) -> Result<()>
where
    T: Serialize + 'a,
    I: IntoIterator<Item = &'a T>,
{
    atomic_write(path, |out| {
        for item in items {
            serde_json::to_writer(&mut *out, item).map_err(std::io::Error::other)?;
            out.write_all(b"\n")?;
        }
        Ok(())
    })
}

/// Reads a whole JSON document into `T`.
pub fn read_json<T: DeserializeOwned>(path: &Path) -> Result<T> {
    let bytes = fs::read(path).map_err(|source| Error::Read { path: path.to_path_buf(), source })?;
    serde_json::from_slice(&bytes).map_err(|source| Error::Json { path: path.to_path_buf(), source })
}

/// Writes `value` as pretty-printed JSON, atomically.
pub fn write_json<T: Serialize>(path: &Path, value: &T) -> Result<()> {
    atomic_write(path, |out| {
        serde_json::to_writer_pretty(&mut *out, value).map_err(std::io::Error::other)?;
        out.write_all(b"\n")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failed_write_keeps_the_old_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        atomic_write(&path, |out| out.write_all(b"first")).unwrap();
        let err = atomic_write(&path, |out| {
            out.write_all(b"half")?;
            Err(std::io::Error::other("interrupted"))
        })
        .unwrap_err();
        assert!(matches!(err, Error::Write { .. }), "{err:?}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "first");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("out.txt")]);
    }

    #[test]
    fn atomic_file_replaces_only_on_commit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        fs::write(&path, "first").unwrap();
        let mut file = AtomicFile::create(&path).unwrap();
        file.write_all(b"second, ").unwrap();
        file.write_all(b"in parts").unwrap();
        // Not committed: dropped as on an error half way.
        drop(file);
        assert_eq!(fs::read_to_string(&path).unwrap(), "first");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "the temporary file is removed");
        let mut file = AtomicFile::create(&path).unwrap();
        file.write_all(b"second, ").unwrap();
        file.write_all(b"in parts").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "first", "nothing replaced before the commit");
        file.commit().unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "second, in parts");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn bad_line_is_reported_with_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("values.jsonl");
        fs::write(&path, "1\n\n2\nnot json\n4\n").unwrap();
        let err = read_jsonl::<u32>(&path).unwrap_err();
        match &err {
            Error::JsonLine { path: p, line, .. } => {
                assert_eq!(p, &path);
                assert_eq!(*line, 4);
            }
            other => panic!("unexpected error {other:?}"),
        }
        assert!(err.to_string().contains("values.jsonl:4: invalid record"), "{err}");
    }

    #[test]
    fn missing_file_is_a_read_error() {
        let err = read_jsonl::<u32>(Path::new("/nonexistent/hysim.jsonl")).unwrap_err();
        assert!(matches!(err, Error::Read { .. }), "{err:?}");
    }
}
