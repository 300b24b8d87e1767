//! Constrained greedy decoding with a KV cache: at every step the most likely token whose
//! text keeps the answer valid under a grammar (for extraction, each prompt's own
//! `hysim_text::prompt::AnswerGrammar`), so that every output parses; each token's log-probability under
//! the model is kept for confidences.

use hysim_models::llama::{KvCache, Llama};
use hysim_nn::tch::{Device, Kind, Tensor};

/// One generated piece: the token, its text and its log-probability.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    /// Token id.
    pub token: i64,
    /// Its text.
    pub text: String,
    /// `log p(token)` under the model (before masking).
    pub logprob: f64,
}

/// The grammar decoding follows.
pub trait Grammar {
    /// Whether the answer can still become valid.
    fn valid_prefix(&self, answer: &str) -> bool;
    /// Whether the answer may end here.
    fn can_end(&self, answer: &str) -> bool;
}

/// Generates after `prompt` until `end` is chosen, no token fits the grammar, or
/// `max_new` tokens. `texts[id]` is each token's text; `banned` tokens (other special
/// tokens) are never chosen.
#[allow(clippy::too_many_arguments, reason = "model, prompt, vocabulary, grammar and limits are all distinct")]
pub fn generate_constrained(
    model: &Llama,
    prompt: &[i64],
    texts: &[String],
    end: i64,
    banned: &[i64],
    grammar: &dyn Grammar,
    max_new: usize,
    device: Device,
) -> Vec<Piece> {
    // A pass per token: what `generate_drafted` does without a draft.
    generate_drafted(model, prompt, &Draft::default(), texts, end, banned, grammar, max_new, device).pieces
}

/// [`generate_constrained`] for several prompts at once: they are left-padded into one
/// batch ([`Llama::forward_padded_last`]), so each decoding step reads the weights once for all
/// of them; each row follows the grammar on its own and stops on its own, after at most
/// `max_new[row]` tokens, under its own grammar `grammars[row]` (the cells of its own table,
/// say). The result is that of decoding each prompt alone with its own limit and grammar,
/// up to float rounding.
#[allow(clippy::too_many_arguments, reason = "model, prompts, vocabulary, grammar and limits are all distinct")]
pub fn generate_constrained_batch(
    model: &Llama,
    prompts: &[Vec<i64>],
    texts: &[String],
    end: i64,
    banned: &[i64],
    grammars: &[&dyn Grammar],
    max_new: &[usize],
    device: Device,
) -> Vec<Vec<Piece>> {
    let _guard = hysim_nn::tch::no_grad_guard();
    let n = prompts.len();
    assert_eq!(max_new.len(), n, "invariant: one limit per prompt");
    assert_eq!(grammars.len(), n, "invariant: one grammar per prompt");
    let longest = prompts.iter().map(Vec::len).max().unwrap_or(0);
    if n == 0 || longest == 0 {
        return vec![Vec::new(); n];
    }
    let pad: Vec<i64> = prompts.iter().map(|p| (longest - p.len()) as i64).collect();
    let ids: Vec<i64> =
        prompts.iter().flat_map(|p| std::iter::repeat_n(end, longest - p.len()).chain(p.iter().copied())).collect();
    let mut input = Tensor::from_slice(&ids).view([n as i64, longest as i64]).to_device(device);
    let mut cache = KvCache::default();
    let mut pieces: Vec<Vec<Piece>> = vec![Vec::new(); n];
    let mut answers = vec![String::new(); n];
    let mut done: Vec<bool> = max_new.iter().map(|&m| m == 0).collect();
    let choice = Choice { texts, end, banned };
    for _ in 0..max_new.iter().copied().max().unwrap_or(0) {
        if done.iter().all(|d| *d) {
            break;
        }
        let logits = model.forward_padded_last(&input, &pad, Some(&mut cache));
        let steps = Candidates::of(&logits);
        let mut next = vec![end; n];
        for row in 0..n {
            if done[row] {
                continue;
            }
            match choice.pick(grammars[row], &steps, row, &answers[row]) {
                Some((id, logprob)) => {
                    answers[row].push_str(&texts[id]);
                    pieces[row].push(Piece { token: id as i64, text: texts[id].clone(), logprob: f64::from(logprob) });
                    next[row] = id as i64;
                    done[row] = pieces[row].len() >= max_new[row];
                }
                None => done[row] = true,
            }
        }
        input = Tensor::from_slice(&next).view([n as i64, 1]).to_device(device);
    }
    pieces
}

/// The answer a decoder is expected to write, line by line (for extraction: the lines that
/// confirm the reader's readings of the table), for [`generate_drafted`] to propose ahead
/// of the model.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Draft {
    lines: Vec<Vec<i64>>,
    /// Each line's key: its tokens before the first whose text holds a space (for an
    /// answer line, the cell id). A line the model writes follows a draft line once it has
    /// written that line's key.
    keys: Vec<usize>,
}

impl Draft {
    /// The draft of an expected answer's `tokens`, cut into lines after each token whose
    /// text (`texts[id]`) holds a line break.
    pub fn new(tokens: &[i64], texts: &[String]) -> Self {
        let text = |id: i64| usize::try_from(id).ok().and_then(|i| texts.get(i)).map_or("", String::as_str);
        let mut lines: Vec<Vec<i64>> = Vec::new();
        let mut line = Vec::new();
        for &id in tokens {
            line.push(id);
            if text(id).contains('\n') {
                lines.push(std::mem::take(&mut line));
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        let keys =
            lines.iter().map(|l| l.iter().position(|&id| text(id).contains(' ')).unwrap_or(l.len()).max(1)).collect();
        Self { lines, keys }
    }

    /// Whether nothing is expected.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

/// Where decoding stands in a [`Draft`]: the token it expects next (line, offset), if any;
/// the draft line expected at the next line start; and the draft line the line being
/// written follows, if any (confirmed or corrected).
struct Cursor<'d> {
    draft: &'d Draft,
    at: Option<(usize, usize)>,
    expected: usize,
    follows: Option<usize>,
    /// The tokens of the line being written.
    line: Vec<i64>,
}

impl<'d> Cursor<'d> {
    fn new(draft: &'d Draft) -> Self {
        let mut cursor = Self { draft, at: None, expected: 0, follows: None, line: Vec::new() };
        cursor.start_line();
        cursor
    }

    fn start_line(&mut self) {
        self.line.clear();
        self.follows = None;
        self.at = (self.expected < self.draft.lines.len()).then_some((self.expected, 0));
    }

    /// Moves past the token `id` (text `text`) the model wrote.
    fn observe(&mut self, id: i64, text: &str) {
        let draft = self.draft;
        self.line.push(id);
        let written = self.line.len();
        self.at = match self.at {
            Some((j, o)) if draft.lines[j][o] == id => (o + 1 < draft.lines[j].len()).then_some((j, o + 1)),
            _ => {
                // Off the draft (a skipped reading, a line of the model's own): the first
                // draft line from the expected one on that begins as this line does (lines
                // before it were written or passed over).
                (self.expected..draft.lines.len())
                    .find(|&j| draft.lines[j].len() > written && draft.lines[j].starts_with(&self.line))
                    .map(|j| (j, written))
            }
        };
        // The line follows draft line j once it has written j's key (its cell id): a
        // correction of j's code or statistic still follows j.
        // (A line that leaves its draft line within the key follows only a line the search
        // above finds; one that leaves it after the key already follows it.)
        if let Some((j, _)) = self.at
            && written >= draft.keys[j]
        {
            self.follows = Some(j);
        }
        if text.contains('\n') {
            // A new line: after a line that followed the draft's line j, line j + 1 is
            // expected; after a line of the model's own, the line expected before it.
            if let Some(j) = self.follows {
                self.expected = j + 1;
            }
            self.start_line();
        }
    }

    /// At most `most` tokens the draft expects next.
    fn propose(&self, most: usize) -> Vec<i64> {
        let Some((j, o)) = self.at else { return Vec::new() };
        let lines = &self.draft.lines;
        lines[j][o..].iter().chain(lines[j + 1..].iter().flatten()).copied().take(most).collect()
    }
}

/// How many draft tokens one forward pass checks at most: a rejected draft costs the
/// compute of its tokens, an accepted one saves a pass per token.
const DRAFT_MOST: usize = 48;

/// What [`generate_drafted`] wrote, and how.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Drafted {
    /// The answer's tokens.
    pub pieces: Vec<Piece>,
    /// Forward passes of the model (the prompt's included).
    pub passes: usize,
    /// Tokens of the answer that came from the draft (checked in a pass with others).
    pub accepted: usize,
}

/// [`generate_constrained`] with a [`Draft`] of the answer (speculative decoding whose
/// draft comes from the prompt): each forward pass runs the token last chosen followed by
/// the tokens the draft expects next, and keeps those that greedy decoding under the
/// grammar would have chosen itself, and the token it chooses after them. The answer is
/// that of [`generate_constrained`] up to float rounding; where the model confirms the
/// draft, one pass writes a whole run of lines.
#[allow(clippy::too_many_arguments, reason = "model, prompt, draft, vocabulary, grammar and limits are all distinct")]
pub fn generate_drafted(
    model: &Llama,
    prompt: &[i64],
    draft: &Draft,
    texts: &[String],
    end: i64,
    banned: &[i64],
    grammar: &dyn Grammar,
    max_new: usize,
    device: Device,
) -> Drafted {
    let _guard = hysim_nn::tch::no_grad_guard();
    let mut cache = KvCache::default();
    let mut out = Drafted::default();
    let mut answer = String::new();
    let mut cursor = Cursor::new(draft);
    let choice = Choice { texts, end, banned };
    let mut input: Vec<i64> = prompt.to_vec();
    while out.pieces.len() < max_new && !input.is_empty() {
        // Room for the proposal and the token chosen after it.
        let proposal = cursor.propose(DRAFT_MOST.min(max_new - out.pieces.len() - 1));
        let ids = Tensor::from_slice(&[input.as_slice(), proposal.as_slice()].concat()).unsqueeze(0).to_device(device);
        let kept_before = cache.len();
        // The predictions after the last input token and after each proposed one (the
        // head runs on those positions alone).
        let checked = proposal.len() + 1;
        let logits = model.forward_tail(&ids, Some(checked as i64), Some(&mut cache));
        out.passes += 1;
        let steps = Candidates::of(&logits.get(0));
        let mut next = Vec::new();
        let mut confirmed = 0;
        for row in 0..checked {
            let Some((id, logprob)) = choice.pick(grammar, &steps, row, &answer) else { break };
            answer.push_str(&texts[id]);
            out.pieces.push(Piece { token: id as i64, text: texts[id].clone(), logprob: f64::from(logprob) });
            cursor.observe(id as i64, &texts[id]);
            if out.pieces.len() >= max_new {
                break;
            }
            if proposal.get(row) == Some(&(id as i64)) {
                confirmed += 1;
                continue;
            }
            next.push(id as i64);
            break;
        }
        out.accepted += confirmed;
        // The cache keeps the inputs and the confirmed proposal; the next pass starts with
        // the token chosen after them (none: decoding stopped).
        cache.truncate(kept_before + (input.len() + confirmed) as i64);
        input = next;
    }
    out
}

/// How the next token is picked under the grammar.
struct Choice<'a> {
    texts: &'a [String],
    end: i64,
    banned: &'a [i64],
}

/// How many of a step's likeliest tokens leave the device: they usually hold one the
/// grammar allows; a row's whole distribution follows only when they do not.
const HEAD: i64 = 64;

/// One decoding step's next-token log-probabilities, `[rows, vocab]` in float32 on the
/// model's device, and each row's [`HEAD`] likeliest tokens, best first, on the CPU:
/// moving `rows x vocab` floats to the CPU and ranking them there each step cost more
/// than a step of a small model on a GPU.
struct Candidates {
    logprobs: Tensor,
    head: Vec<(usize, f32)>,
    width: usize,
}

impl Candidates {
    /// From logits `[rows, vocab]` (any float kind, any device).
    fn of(logits: &Tensor) -> Self {
        let logprobs = logits.to_kind(Kind::Float).log_softmax(-1, Kind::Float);
        let width = HEAD.min(logprobs.size()[1]);
        let (values, ids) = logprobs.topk(width, -1, true, true);
        let values = Vec::<f32>::try_from(values.reshape([-1]).to_device(Device::Cpu)).expect("invariant: floats");
        let ids = Vec::<i64>::try_from(ids.reshape([-1]).to_device(Device::Cpu)).expect("invariant: ids");
        let mut head: Vec<(usize, f32)> = ids.into_iter().map(|id| id as usize).zip(values).collect();
        // Equal log-probabilities in id order, whatever order `topk` left them in (it
        // differs between devices and versions): greedy decoding picks the same token.
        for row in head.chunks_mut(width.max(1) as usize) {
            row.sort_by(best_first);
        }
        Self { logprobs, head, width: width as usize }
    }

    /// Row `row`'s likeliest tokens, best first.
    fn head(&self, row: usize) -> &[(usize, f32)] {
        &self.head[row * self.width..(row + 1) * self.width]
    }

    /// Row `row`'s tokens outside its head, best first (the whole distribution moves to
    /// the CPU).
    fn rest(&self, row: usize) -> Vec<(usize, f32)> {
        let all = Vec::<f32>::try_from(self.logprobs.get(row as i64).to_device(Device::Cpu))
            .expect("invariant: a 1-D float tensor");
        let head: std::collections::HashSet<usize> = self.head(row).iter().map(|(id, _)| *id).collect();
        let mut rest: Vec<(usize, f32)> = all.into_iter().enumerate().filter(|(id, _)| !head.contains(id)).collect();
        rest.sort_by(best_first);
        rest
    }
}

/// Higher log-probability first, then lower id.
fn best_first(a: &(usize, f32), b: &(usize, f32)) -> std::cmp::Ordering {
    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
}

impl Choice<'_> {
    /// The likeliest token the grammar admits after `answer` in row `row` of `step`, with
    /// its log-probability, or `None` to stop (the end token chosen, or nothing admissible).
    fn pick(&self, grammar: &dyn Grammar, step: &Candidates, row: usize, answer: &str) -> Option<(usize, f32)> {
        let admissible = |id: usize| -> bool {
            let id64 = id as i64;
            if id64 == self.end {
                return grammar.can_end(answer);
            }
            if self.banned.contains(&id64) {
                return false;
            }
            let Some(text) = self.texts.get(id).filter(|t| !t.is_empty()) else { return false };
            grammar.valid_prefix(&format!("{answer}{text}"))
        };
        let chosen = step
            .head(row)
            .iter()
            .copied()
            .find(|&(id, _)| admissible(id))
            .or_else(|| step.rest(row).into_iter().find(|&(id, _)| admissible(id)))?;
        (chosen.0 as i64 != self.end).then_some(chosen)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hysim_models::llama::Config;
    use hysim_nn::tch::nn::VarStore;

    /// Answers made of `a` and `b`, ending only after an even number of letters.
    struct Pairs;
    impl Grammar for Pairs {
        fn valid_prefix(&self, answer: &str) -> bool {
            answer.chars().all(|c| c == 'a' || c == 'b')
        }
        fn can_end(&self, answer: &str) -> bool {
            answer.len().is_multiple_of(2)
        }
    }

    #[test]
    fn a_random_model_still_writes_only_what_the_grammar_allows() {
        let vs = VarStore::new(Device::Cpu);
        let model = hysim_nn::seeded(3, || Llama::new(vs.root(), &Config::tiny())).unwrap();
        let texts: Vec<String> = (0..64).map(|i| ["a", "b", "c", "ab", "<end>"][i % 5].to_owned()).collect();
        let pieces = generate_constrained(&model, &[1, 2, 3], &texts, 4, &[9], &Pairs, 12, Device::Cpu);
        let answer: String = pieces.iter().map(|p| p.text.as_str()).collect();
        assert!(Pairs.valid_prefix(&answer), "{answer}");
        assert!(pieces.len() <= 12);
        assert!(pieces.iter().all(|p| p.logprob <= 0.0 && p.token != 9));
    }

    /// Admits only the answer `z`.
    struct OnlyZ;
    impl Grammar for OnlyZ {
        fn valid_prefix(&self, answer: &str) -> bool {
            answer == "z"
        }
        fn can_end(&self, answer: &str) -> bool {
            answer == "z"
        }
    }

    /// Answers of `c` only, ending anywhere.
    struct OnlyC;
    impl Grammar for OnlyC {
        fn valid_prefix(&self, answer: &str) -> bool {
            answer.chars().all(|c| c == 'c')
        }
        fn can_end(&self, _: &str) -> bool {
            true
        }
    }

    #[test]
    fn a_token_outside_the_likeliest_is_found_in_the_whole_distribution() {
        // 200 tokens whose logits rise with the id: the 64 likeliest are 136..=199.
        let logits = Tensor::arange(200, (Kind::Float, Device::Cpu)).view([1, 200]) / 10.0;
        let step = Candidates::of(&logits);
        assert_eq!(step.head(0).len(), 64);
        assert_eq!(step.head(0)[0].0, 199);
        let mut texts: Vec<String> = vec!["a".to_owned(); 200];
        texts[5] = "z".to_owned();
        let choice = Choice { texts: &texts, end: 0, banned: &[] };
        let (id, logprob) = choice.pick(&OnlyZ, &step, 0, "").expect("token 5 is admissible");
        assert_eq!(id, 5);
        let expected = logits.log_softmax(-1, Kind::Float).double_value(&[0, 5]);
        assert!((f64::from(logprob) - expected).abs() < 1e-6, "{logprob} vs {expected}");
        // After `z` only the end token (0, below the head too) is admissible: decoding stops.
        assert_eq!(choice.pick(&OnlyZ, &step, 0, "z"), None);
        // Equal log-probabilities: the lower id first, in the head and below it.
        let flat = Tensor::zeros([1, 200], (Kind::Float, Device::Cpu));
        let step = Candidates::of(&flat);
        let head: Vec<usize> = step.head(0).iter().map(|(id, _)| *id).collect();
        assert!(head.windows(2).all(|w| w[0] < w[1]), "{head:?}");
        let rest: Vec<usize> = step.rest(0).iter().map(|(id, _)| *id).collect();
        assert!(rest.windows(2).all(|w| w[0] < w[1]) && rest.len() == 136, "{rest:?}");
    }

    #[test]
    fn a_batch_decodes_as_each_prompt_alone() {
        let vs = VarStore::new(Device::Cpu);
        let model = hysim_nn::seeded(5, || Llama::new(vs.root(), &Config::tiny())).unwrap();
        let texts: Vec<String> = (0..64).map(|i| ["a", "b", "c", "ab", "<end>"][i % 5].to_owned()).collect();
        let prompts = vec![vec![1, 2, 3], vec![7], vec![5, 6, 7, 8, 9, 10, 11]];
        let limits = [10, 3, 7];
        // Each row its own grammar.
        let grammars: [&dyn Grammar; 3] = [&Pairs, &OnlyC, &Pairs];
        let batch = generate_constrained_batch(&model, &prompts, &texts, 4, &[9], &grammars, &limits, Device::Cpu);
        assert!(batch[1].iter().all(|p| p.text == "c") && !batch[1].is_empty());
        for (((prompt, got), limit), grammar) in prompts.iter().zip(&batch).zip(limits).zip(grammars) {
            let alone = generate_constrained(&model, prompt, &texts, 4, &[9], grammar, limit, Device::Cpu);
            let tokens = |p: &[Piece]| p.iter().map(|x| x.token).collect::<Vec<_>>();
            assert_eq!(tokens(got), tokens(&alone), "prompt {prompt:?}");
            for (a, b) in got.iter().zip(&alone) {
                assert!((a.logprob - b.logprob).abs() < 1e-4, "{} vs {}", a.logprob, b.logprob);
            }
        }
        assert!(batch.iter().any(|p| p.len() >= 2), "{batch:?}");
        assert!(batch[1].len() <= 3, "{:?}", batch[1]);
        assert!(generate_constrained_batch(&model, &[], &texts, 4, &[9], &[], &[], Device::Cpu).is_empty());
    }

    /// Lines of `a` and `b`, ending after a line break (or before anything).
    struct Lines;
    impl Grammar for Lines {
        fn valid_prefix(&self, answer: &str) -> bool {
            answer.chars().all(|c| matches!(c, 'a' | 'b' | '\n')) && !answer.contains("\n\n")
        }
        fn can_end(&self, answer: &str) -> bool {
            answer.is_empty() || answer.ends_with('\n')
        }
    }

    fn texts_with_lines() -> Vec<String> {
        (0..64).map(|i| ["a", "b", "\n", "ab", "<end>", "b\n", "c", "ba"][i % 8].to_owned()).collect()
    }

    #[test]
    fn a_draft_changes_the_passes_not_the_answer() {
        let vs = VarStore::new(Device::Cpu);
        let model = hysim_nn::seeded(11, || Llama::new(vs.root(), &Config::tiny())).unwrap();
        let texts = texts_with_lines();
        let prompt = [1, 2, 3, 9, 10];
        let plain = generate_constrained(&model, &prompt, &texts, 4, &[12], &Lines, 24, Device::Cpu);
        assert!(plain.len() >= 6, "{plain:?}");
        let tokens = |p: &[Piece]| p.iter().map(|x| x.token).collect::<Vec<_>>();
        let written = tokens(&plain);
        // The answer itself, a wrong draft, the answer with its first line left out, and none.
        let skipped = written.iter().position(|&t| texts[t as usize].contains('\n')).map_or(0, |i| i + 1);
        let drafts = [
            Draft::new(&written, &texts),
            Draft::new(&[0, 2, 1, 1, 2, 0, 0, 2], &texts),
            Draft::new(&written[skipped..], &texts),
            Draft::default(),
        ];
        for draft in &drafts {
            let got = generate_drafted(&model, &prompt, draft, &texts, 4, &[12], &Lines, 24, Device::Cpu);
            assert_eq!(tokens(&got.pieces), written, "draft {draft:?}");
            for (a, b) in got.pieces.iter().zip(&plain) {
                assert!((a.logprob - b.logprob).abs() < 1e-4, "{} vs {}", a.logprob, b.logprob);
            }
            assert!(got.passes <= plain.len() + 1 && got.accepted <= written.len());
        }
        // The whole answer as draft: the prompt's pass checks it all. An answer that ends
        // has every token from the draft and its end chosen after them; one cut at the
        // limit, all but the last, which the pass chooses after them.
        let confirmed = generate_drafted(&model, &prompt, &drafts[0], &texts, 4, &[12], &Lines, 24, Device::Cpu);
        let from_draft = written.len() - usize::from(written.len() == 24);
        assert_eq!((confirmed.passes, confirmed.accepted), (1, from_draft), "{confirmed:?}");
        let none = generate_drafted(&model, &prompt, &drafts[3], &texts, 4, &[12], &Lines, 24, Device::Cpu);
        assert_eq!((none.passes, none.accepted), (written.len() + usize::from(written.len() < 24), 0));
        // A limit inside the draft stops there.
        let short = generate_drafted(&model, &prompt, &drafts[0], &texts, 4, &[12], &Lines, 3, Device::Cpu);
        assert_eq!(tokens(&short.pieces), written[..3]);
    }

    #[test]
    fn the_cursor_follows_the_draft_and_finds_a_skipped_line() {
        // Answer lines "r1 A", "r2 A", "r3 B", each a key (the cell id) and the rest.
        let texts: Vec<String> = ["r", "1", "2", " A", " B", "\n", "3", "4"].iter().map(|t| (*t).to_owned()).collect();
        let draft = Draft::new(&[0, 1, 3, 5, 0, 2, 3, 5, 0, 6, 4, 5], &texts);
        assert_eq!(draft.lines, [vec![0, 1, 3, 5], vec![0, 2, 3, 5], vec![0, 6, 4, 5]]);
        assert_eq!(draft.keys, [2, 2, 2]);
        let write = |cursor: &mut Cursor, ids: &[i64]| {
            for &id in ids {
                cursor.observe(id, &texts[id as usize]);
            }
        };
        let mut cursor = Cursor::new(&draft);
        assert_eq!(cursor.propose(4), [0, 1, 3, 5]);
        // The first line as drafted: the second is expected next.
        write(&mut cursor, &[0, 1, 3, 5]);
        assert_eq!(cursor.propose(10), [0, 2, 3, 5, 0, 6, 4, 5]);
        // The second line skipped: its cell id leads to the third, which follows.
        write(&mut cursor, &[0, 6]);
        assert_eq!(cursor.propose(10), [4, 5]);
        write(&mut cursor, &[4, 5]);
        assert_eq!(cursor.propose(10), Vec::<i64>::new());

        // A line of the model's own (a cell the draft does not hold): nothing proposed in
        // it, and the line expected before it is expected after it.
        let mut cursor = Cursor::new(&draft);
        write(&mut cursor, &[0, 7]);
        assert_eq!(cursor.propose(10), Vec::<i64>::new());
        write(&mut cursor, &[3, 5]);
        assert_eq!(cursor.propose(4), [0, 1, 3, 5]);
        // The first line with its code corrected still counts as that line.
        write(&mut cursor, &[0, 1, 4]);
        assert_eq!(cursor.propose(10), Vec::<i64>::new());
        write(&mut cursor, &[5]);
        assert_eq!(cursor.propose(4), [0, 2, 3, 5]);
    }
}
