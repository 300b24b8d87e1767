//! A headless Chromium driven over the Chrome DevTools Protocol, for the review page's
//! browser check and benchmark.
//!
//! Chromium runs with `--remote-debugging-pipe`: it reads protocol messages from file
//! descriptor 3 and writes them to 4, each a JSON object ended by a NUL byte. A shell
//! moves our pipes there (`3<&0 4>&1`), so no websocket stack and no unsafe code are
//! needed. Input goes through `Input.dispatchKeyEvent` and `Input.dispatchMouseEvent`:
//! the page sees the events a person's keyboard and mouse make.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use serde_json::{Value, json};

/// The Chromium to drive: `$HYSIM_CHROMIUM`, else the first of the usual names on `PATH`.
pub(crate) fn find_chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("HYSIM_CHROMIUM").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|p| p.is_file())
}

/// A running headless Chromium with one page attached.
pub(crate) struct Browser {
    child: Child,
    input: ChildStdin,
    messages: Receiver<Value>,
    next_id: u64,
    session: Option<String>,
    /// Events received while waiting for responses, oldest first.
    pub(crate) events: Vec<Value>,
}

impl Browser {
    /// Starts Chromium headless with a fresh profile in `profile` and opens a blank page.
    pub(crate) fn launch(chromium: &Path, profile: &Path) -> Result<Self> {
        std::fs::create_dir_all(profile)?;
        let log = std::fs::File::create(profile.join("chromium.log"))?;
        let mut child = Command::new("sh")
            .arg("-c")
            .arg("exec \"$0\" \"$@\" 3<&0 4>&1 </dev/null >&2")
            .arg(chromium)
            .args([
                "--headless",
                "--remote-debugging-pipe",
                // Root in a container has no user namespace sandbox to drop into.
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-extensions",
                "--disable-background-networking",
                "--window-size=1440,900",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg("about:blank")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .with_context(|| format!("cannot start {}", chromium.display()))?;
        let input = child.stdin.take().context("no pipe to chromium")?;
        let output = child.stdout.take().context("no pipe from chromium")?;
        let (tx, messages) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(output);
            let mut buf = Vec::new();
            while reader.read_until(0, &mut buf).is_ok_and(|n| n > 0) {
                if buf.last() == Some(&0) {
                    buf.pop();
                }
                if let Ok(value) = serde_json::from_slice::<Value>(&buf)
                    && tx.send(value).is_err()
                {
                    break;
                }
                buf.clear();
            }
        });
        let mut browser = Self { child, input, messages, next_id: 0, session: None, events: Vec::new() };
        let target = browser.send("Target.createTarget", json!({"url": "about:blank"}), false)?;
        let target_id = target["targetId"].as_str().context("no targetId")?.to_owned();
        let attached = browser.send("Target.attachToTarget", json!({"targetId": target_id, "flatten": true}), false)?;
        browser.session = Some(attached["sessionId"].as_str().context("no sessionId")?.to_owned());
        for domain in ["Page.enable", "Runtime.enable", "Network.enable", "Log.enable"] {
            browser.call(domain, json!({}))?;
        }
        Ok(browser)
    }

    fn send(&mut self, method: &str, params: Value, on_page: bool) -> Result<Value> {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({"id": id, "method": method, "params": params});
        if on_page && let Some(session) = &self.session {
            message["sessionId"] = json!(session);
        }
        let mut bytes = serde_json::to_vec(&message)?;
        bytes.push(0);
        self.input.write_all(&bytes).context("chromium closed its pipe")?;
        self.input.flush()?;
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.messages.recv_timeout(left) {
                Ok(message) if message["id"].as_u64() == Some(id) => {
                    if let Some(error) = message.get("error") {
                        bail!("{method}: {error}");
                    }
                    return Ok(message["result"].clone());
                }
                Ok(event) => self.events.push(event),
                Err(RecvTimeoutError::Timeout) => bail!("{method}: no answer from chromium in 60 s"),
                Err(RecvTimeoutError::Disconnected) => bail!("{method}: chromium exited"),
            }
        }
    }

    /// Sends a command to the browser (not the page): `Browser.*`.
    pub(crate) fn browser_call(&mut self, method: &str, params: Value) -> Result<Value> {
        self.send(method, params, false)
    }

    /// Sends a command to the page.
    pub(crate) fn call(&mut self, method: &str, params: Value) -> Result<Value> {
        self.send(method, params, true)
    }

    /// Collects the events that arrived without a command waiting.
    fn drain(&mut self) {
        while let Ok(event) = self.messages.try_recv() {
            self.events.push(event);
        }
    }

    /// Evaluates `expression` in the page (awaiting a promise) and returns its value.
    pub(crate) fn eval(&mut self, expression: &str) -> Result<Value> {
        let result = self
            .call("Runtime.evaluate", json!({"expression": expression, "returnByValue": true, "awaitPromise": true}))?;
        if let Some(details) = result.get("exceptionDetails") {
            let text = details["exception"]["description"].as_str().or(details["text"].as_str()).unwrap_or("?");
            bail!("the page threw evaluating `{expression}`: {text}");
        }
        Ok(result["result"]["value"].clone())
    }

    /// Polls `expression` until it is true, for at most `timeout`.
    pub(crate) fn wait_for(&mut self, expression: &str, timeout: Duration) -> Result<()> {
        let deadline = Instant::now() + timeout;
        loop {
            // An evaluation that lands while a document is replaced fails: ask again.
            match self.eval(expression) {
                Ok(Value::Bool(true)) => return Ok(()),
                Ok(_) => {}
                Err(e) if Instant::now() > deadline => return Err(e),
                Err(_) => {}
            }
            if Instant::now() > deadline {
                bail!("`{expression}` still false after {timeout:?}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Opens `url` and waits until `ready` (an expression) is true.
    pub(crate) fn open(&mut self, url: &str, ready: &str) -> Result<()> {
        self.call("Page.navigate", json!({"url": url}))?;
        self.wait_for(ready, Duration::from_secs(30))
    }

    /// Presses and releases one key (`a`, `Enter`, `Escape`, ...), as a keyboard would.
    pub(crate) fn key(&mut self, key: &str) -> Result<()> {
        let (code, text, vk) = match key {
            "Enter" => ("Enter".to_owned(), "\r".to_owned(), 13),
            "Escape" => ("Escape".to_owned(), String::new(), 27),
            k if k.len() == 1 => {
                let c = k.chars().next().unwrap_or('a');
                (format!("Key{}", c.to_ascii_uppercase()), k.to_owned(), c.to_ascii_uppercase() as u32)
            }
            other => bail!("no key code for {other}"),
        };
        let mut down = json!({"type": "keyDown", "key": key, "code": code, "windowsVirtualKeyCode": vk});
        if !text.is_empty() {
            down["text"] = json!(text);
        }
        self.call("Input.dispatchKeyEvent", down)?;
        self.call(
            "Input.dispatchKeyEvent",
            json!({"type": "keyUp", "key": key, "code": code, "windowsVirtualKeyCode": vk}),
        )?;
        Ok(())
    }

    /// Types `text` into the focused element.
    pub(crate) fn type_text(&mut self, text: &str) -> Result<()> {
        self.call("Input.insertText", json!({"text": text}))?;
        Ok(())
    }

    /// Clicks the middle of the first element matching `selector`, scrolled into view.
    pub(crate) fn click(&mut self, selector: &str) -> Result<()> {
        let selector_js = serde_json::to_string(selector)?;
        let rect = self.eval(&format!(
            "(() => {{ const e = document.querySelector({selector_js}); if (!e) return null; \
             e.scrollIntoView({{block: 'center', inline: 'center'}}); const r = e.getBoundingClientRect(); \
             return [r.x + r.width / 2, r.y + r.height / 2]; }})()"
        ))?;
        let (Some(x), Some(y)) = (rect[0].as_f64(), rect[1].as_f64()) else {
            bail!("no element matches {selector}");
        };
        for kind in ["mousePressed", "mouseReleased"] {
            self.call(
                "Input.dispatchMouseEvent",
                json!({"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1}),
            )?;
        }
        Ok(())
    }

    /// The page's uncaught exceptions, error-level console messages and browser log
    /// errors (a Content-Security-Policy violation is one) so far.
    pub(crate) fn page_errors(&mut self) -> Vec<String> {
        self.drain();
        self.events
            .iter()
            .filter_map(|e| match e["method"].as_str() {
                Some("Runtime.exceptionThrown") => Some(e["params"]["exceptionDetails"].to_string()),
                Some("Runtime.consoleAPICalled") if e["params"]["type"] == "error" => Some(e["params"].to_string()),
                Some("Log.entryAdded") if e["params"]["entry"]["level"] == "error" => Some(e["params"].to_string()),
                _ => None,
            })
            .collect()
    }

    /// The URLs the page requested so far.
    pub(crate) fn requests(&mut self) -> Vec<String> {
        self.drain();
        self.events
            .iter()
            .filter(|e| e["method"] == "Network.requestWillBeSent")
            .filter_map(|e| e["params"]["request"]["url"].as_str().map(str::to_owned))
            .collect()
    }

    /// Saves a PNG of the viewport.
    pub(crate) fn screenshot(&mut self, path: &Path) -> Result<()> {
        let shot = self.call("Page.captureScreenshot", json!({"format": "png"}))?;
        let data = shot["data"].as_str().context("no screenshot data")?;
        std::fs::write(path, decode_base64(data)?).with_context(|| format!("cannot write {}", path.display()))
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.send("Browser.close", json!({}), false);
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Standard base64 (with padding), as the protocol sends screenshots.
fn decode_base64(text: &str) -> Result<Vec<u8>> {
    let value = |c: u8| -> Result<u32> {
        Ok(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => bail!("not base64: {:?}", c as char),
        } as u32)
    };
    let bytes: Vec<u8> = text.bytes().filter(|c| !c.is_ascii_whitespace()).collect();
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    for chunk in bytes.chunks(4) {
        let pad = chunk.iter().filter(|&&c| c == b'=').count();
        let mut n = 0u32;
        for &c in chunk {
            n = (n << 6) | if c == b'=' { 0 } else { value(c)? };
        }
        n <<= 6 * (4 - chunk.len() as u32);
        let decoded = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&decoded[..3 - pad.min(2)]);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_decodes_with_and_without_padding() {
        assert_eq!(decode_base64("aGVsbG8=").unwrap(), b"hello");
        assert_eq!(decode_base64("aGk=").unwrap(), b"hi");
        assert_eq!(decode_base64("YWJj").unwrap(), b"abc");
        assert!(decode_base64("a$==").is_err());
    }
}
