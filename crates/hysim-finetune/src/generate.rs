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
    let _guard = hysim_nn::tch::no_grad_guard();
    let mut cache = KvCache::default();
    let mut pieces: Vec<Piece> = Vec::new();
    let mut answer = String::new();
    let mut input = Tensor::from_slice(prompt).unsqueeze(0).to_device(device);
    let choice = Choice { texts, end, banned };
    for _ in 0..max_new {
        let logits = model.forward(&input, Some(&mut cache));
        let steps = Candidates::of(&logits.get(0).get(-1).unsqueeze(0));
        let Some((id, logprob)) = choice.pick(grammar, &steps, 0, &answer) else { break };
        answer.push_str(&texts[id]);
        pieces.push(Piece { token: id as i64, text: texts[id].clone(), logprob: f64::from(logprob) });
        input = Tensor::from_slice(&[id as i64]).unsqueeze(0).to_device(device);
    }
    pieces
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
}
