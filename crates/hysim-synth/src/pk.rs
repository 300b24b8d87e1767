//! Compartmental pharmacokinetics: one subject's concentration-time profile and the
//! non-compartmental parameters a paper reports from it.
//!
//! A subject is a one- or two-compartment model with linear elimination (clearance `CL`,
//! central volume `V1`, inter-compartmental clearance `Q`, peripheral volume `V2`), dosed
//! by an intravenous bolus or by first-order absorption (`ka`, bioavailability `F`). The
//! concentration is a sum of exponentials, so areas are exact integrals and the reported
//! parameters agree with each other by construction: `t1/2 = ln 2 / λz`,
//! `Vz = CL · t1/2 / ln 2`, `AUC0-∞ = F · dose / CL`, `MRT = Vss / CL (+ 1/ka)`.
//! `Cmax` and `Tmax` are read at the sampling times, as a study observes them.
//!
//! A multiple-dose study reports the steady state of a dose every `τ` hours ([`Steady`]):
//! by superposition of infinitely many doses each exponential term is divided by
//! `1 - exp(-rate · τ)`, so `AUCτ` at steady state equals the single dose's `AUC0-∞`,
//! `Cavg = AUCτ / τ`, and the trough is the concentration at `τ` (just before a dose).

use std::f64::consts::LN_2;

/// How the dose is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Route {
    /// Intravenous bolus.
    Iv,
    /// By mouth.
    Oral,
    /// Intramuscular.
    Im,
    /// Subcutaneous.
    Sc,
}

impl Route {
    /// Whether the drug is absorbed (every route but IV).
    pub fn extravascular(self) -> bool {
        self != Route::Iv
    }

    /// The code records use (`context.route`).
    pub fn code(self) -> &'static str {
        match self {
            Route::Iv => "IV",
            Route::Oral => "PO",
            Route::Im => "IM",
            Route::Sc => "SC",
        }
    }
}

/// One subject's model: volumes in L, clearances in L/h, `ka` in 1/h.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Subject {
    /// Body weight, kg.
    pub body_weight: f64,
    /// Clearance.
    pub cl: f64,
    /// Central volume.
    pub v1: f64,
    /// Inter-compartmental clearance (0 for one compartment).
    pub q: f64,
    /// Peripheral volume (0 for one compartment).
    pub v2: f64,
    /// Absorption rate constant.
    pub ka: f64,
    /// Bioavailability of the route (1 for IV).
    pub f: f64,
}

/// The parameters a table reports for one subject (internal units: mg/L, h, mg·h/L, L/h, L).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Nca {
    /// Highest observed concentration (extravascular routes).
    pub cmax: f64,
    /// Sampling time of `cmax`.
    pub tmax: f64,
    /// Area from 0 to the last sampling time.
    pub auc_last: f64,
    /// Area from 0 to infinity.
    pub auc_inf: f64,
    /// Terminal rate constant.
    pub lambda_z: f64,
    /// Terminal half-life.
    pub half_life: f64,
    /// Clearance (`CL/F` for extravascular routes).
    pub cl: f64,
    /// Terminal volume (`Vz/F` for extravascular routes).
    pub vz: f64,
    /// Steady-state volume (`V1 + V2`).
    pub vss: f64,
    /// Mean residence time (including absorption for extravascular routes).
    pub mrt: f64,
    /// Bioavailability, fraction.
    pub f: f64,
    /// Body weight, kg (for per-kg units).
    pub body_weight: f64,
    /// Last sampling time.
    pub t_last: f64,
    /// The dose, mg.
    pub dose: f64,
    /// Fraction of the absorbed dose excreted unchanged in urine (set by the study).
    pub fe: f64,
    /// The steady state, for a study of repeated doses (set by the study).
    pub steady: Option<Steady>,
}

/// The steady state of a dose every `tau` hours, observed over one dosing interval
/// (internal units: mg/L, h, mg·h/L).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Steady {
    /// The dosing interval.
    pub tau: f64,
    /// Highest observed concentration in the interval.
    pub cmax: f64,
    /// Sampling time of `cmax`, after the dose.
    pub tmax: f64,
    /// The trough: the concentration at the end of the interval, before the next dose.
    pub ctrough: f64,
    /// Average concentration over the interval, `AUCτ / τ`.
    pub cavg: f64,
    /// Area over the interval.
    pub auc_tau: f64,
}

/// `C(t) = Σ coef · exp(-rate · t)`, mg/L.
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    /// `(coef, rate)` pairs.
    pub terms: Vec<(f64, f64)>,
}

impl Profile {
    /// The concentration at `t` hours.
    pub fn at(&self, t: f64) -> f64 {
        self.terms.iter().map(|(c, r)| c * (-r * t).exp()).sum()
    }

    /// The exact area from 0 to `t`.
    pub fn auc_to(&self, t: f64) -> f64 {
        self.terms.iter().map(|(c, r)| c * (1.0 - (-r * t).exp()) / r).sum()
    }

    /// The exact area from 0 to infinity.
    pub fn auc_inf(&self) -> f64 {
        self.terms.iter().map(|(c, r)| c / r).sum()
    }

    /// The concentration `t` hours after a dose at steady state, one dose every `tau` hours.
    pub fn steady_at(&self, t: f64, tau: f64) -> f64 {
        self.terms.iter().map(|(c, r)| c * (-r * t).exp() / (1.0 - (-r * tau).exp())).sum()
    }

    /// The steady state of a dose every `tau` hours, sampled at the `times` within the
    /// interval (and at its end, the trough).
    pub fn steady(&self, tau: f64, times: &[f64]) -> Steady {
        let ctrough = self.steady_at(tau, tau);
        let (tmax, cmax) = times
            .iter()
            .filter(|&&t| t > 0.0 && t <= tau)
            .map(|&t| (t, self.steady_at(t, tau)))
            .fold((tau, ctrough), |best, (t, c)| if c > best.1 { (t, c) } else { best });
        // Each term's area over the interval, `c (1 - e^(-r τ)) / r`, divided by the same
        // `1 - e^(-r τ)`: the single dose's area to infinity.
        let auc_tau = self.auc_inf();
        Steady { tau, cmax, tmax, ctrough, cavg: auc_tau / tau, auc_tau }
    }
}

impl Subject {
    /// The disposition rate constants `(α, β)`, `α ≥ β`; one compartment gives `(k, k)`.
    pub fn rates(&self) -> (f64, f64) {
        let k10 = self.cl / self.v1;
        if self.q <= 0.0 || self.v2 <= 0.0 {
            return (k10, k10);
        }
        let k12 = self.q / self.v1;
        let k21 = self.q / self.v2;
        let sum = k10 + k12 + k21;
        let root = (sum * sum - 4.0 * k10 * k21).max(0.0).sqrt();
        ((sum + root) / 2.0, (sum - root) / 2.0)
    }

    /// The concentration profile after `dose` mg by `route`.
    pub fn profile(&self, route: Route, dose: f64) -> Profile {
        let (alpha, beta) = self.rates();
        let two = self.q > 0.0 && self.v2 > 0.0;
        let k21 = if two { self.q / self.v2 } else { 0.0 };
        let terms = match (route.extravascular(), two) {
            (false, false) => vec![(dose / self.v1, alpha)],
            (false, true) => vec![
                (dose / self.v1 * (alpha - k21) / (alpha - beta), alpha),
                (dose / self.v1 * (k21 - beta) / (alpha - beta), beta),
            ],
            (true, false) => {
                let c = self.f * dose * self.ka / (self.v1 * (self.ka - alpha));
                vec![(c, alpha), (-c, self.ka)]
            }
            (true, true) => {
                let ka = self.ka;
                let scale = self.f * dose * ka / self.v1;
                vec![
                    (scale * (k21 - alpha) / ((ka - alpha) * (beta - alpha)), alpha),
                    (scale * (k21 - beta) / ((ka - beta) * (alpha - beta)), beta),
                    (scale * (k21 - ka) / ((alpha - ka) * (beta - ka)), ka),
                ]
            }
        };
        Profile { terms }
    }

    /// Keeps `ka` away from the disposition rates (the closed forms divide by their
    /// differences).
    pub fn separate_ka(&mut self) {
        let (alpha, beta) = self.rates();
        for _ in 0..8 {
            if [alpha, beta].iter().any(|r| (self.ka - r).abs() < 0.05 * r) {
                self.ka *= 1.12;
            }
        }
    }

    /// The terminal rate constant after `route`: the slowest disposition rate, or the
    /// absorption rate when it is slower still (flip-flop kinetics).
    pub fn terminal_rate(&self, route: Route) -> f64 {
        let (alpha, beta) = self.rates();
        let disposition = beta.min(alpha);
        if route.extravascular() { disposition.min(self.ka) } else { disposition }
    }

    /// The parameters a study reports after `dose` mg by `route`, sampled at `times` (h).
    pub fn nca(&self, route: Route, dose: f64, times: &[f64]) -> Nca {
        let profile = self.profile(route, dose);
        let lambda_z = self.terminal_rate(route);
        let (tmax, cmax) = times
            .iter()
            .map(|&t| (t, profile.at(t)))
            .fold((0.0, f64::MIN), |best, (t, c)| if c > best.1 { (t, c) } else { best });
        let t_last = times.last().copied().unwrap_or(24.0);
        let f = if route.extravascular() { self.f } else { 1.0 };
        let auc_inf = profile.auc_inf();
        let cl = dose / auc_inf;
        let vss = self.v1 + self.v2;
        let mrt = vss / self.cl + if route.extravascular() { 1.0 / self.ka } else { 0.0 };
        Nca {
            cmax,
            tmax,
            auc_last: profile.auc_to(t_last),
            auc_inf,
            lambda_z,
            half_life: LN_2 / lambda_z,
            cl,
            vz: cl / lambda_z,
            vss,
            mrt,
            f,
            body_weight: self.body_weight,
            t_last,
            dose,
            fe: 0.0,
            steady: None,
        }
    }
}

/// A sampling schedule that covers about five half-lives (at most a week).
pub fn sampling_times(half_life: f64, extravascular: bool) -> Vec<f64> {
    const GRID: &[f64] = &[
        0.083, 0.167, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 10.0, 12.0, 24.0, 36.0, 48.0, 72.0, 96.0,
        120.0, 144.0, 168.0,
    ];
    let end = (5.0 * half_life).clamp(8.0, 168.0);
    let mut times: Vec<f64> = GRID.iter().copied().filter(|t| *t <= end * 1.0001).collect();
    if let Some(next) = GRID.iter().copied().find(|t| *t > end)
        && times.last().is_some_and(|l| *l < end)
    {
        times.push(next);
    }
    if !extravascular {
        times.retain(|t| *t >= 0.083);
    }
    times
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subject(two: bool) -> Subject {
        Subject {
            body_weight: 70.0,
            cl: 7.0,
            v1: if two { 20.0 } else { 50.0 },
            q: if two { 14.0 } else { 0.0 },
            v2: if two { 30.0 } else { 0.0 },
            ka: 1.3,
            f: 0.7,
        }
    }

    #[test]
    fn areas_and_identities_hold_for_every_model_and_route() {
        for two in [false, true] {
            for route in [Route::Iv, Route::Oral, Route::Sc] {
                let s = subject(two);
                let dose = 500.0;
                let p = s.profile(route, dose);
                let f = if route.extravascular() { s.f } else { 1.0 };
                // AUC0-inf = F·dose/CL, and the concentration starts at D/V1 or at 0.
                assert!((p.auc_inf() - f * dose / s.cl).abs() < 1e-9 * p.auc_inf(), "{two} {route:?}");
                let c0 = if route.extravascular() { 0.0 } else { dose / s.v1 };
                assert!((p.at(0.0) - c0).abs() < 1e-9, "{two} {route:?}: {}", p.at(0.0));
                // A numerical integral agrees with the closed form.
                let n = 200_000;
                let h = 48.0 / n as f64;
                let trapezoid: f64 = (0..n).map(|i| (p.at(i as f64 * h) + p.at((i + 1) as f64 * h)) * h / 2.0).sum();
                assert!((trapezoid - p.auc_to(48.0)).abs() < 1e-6 * trapezoid);
                let nca = s.nca(route, dose, &sampling_times(10.0, route.extravascular()));
                assert!((nca.half_life * nca.lambda_z - LN_2).abs() < 1e-12);
                assert!((nca.vz - nca.cl * nca.half_life / LN_2).abs() < 1e-9 * nca.vz);
                assert!((nca.auc_inf - nca.f * dose / (nca.cl * nca.f)).abs() < 1e-9 * nca.auc_inf);
                assert!(nca.auc_last < nca.auc_inf && nca.cmax > 0.0);
            }
        }
    }

    #[test]
    fn steady_state_is_the_sum_of_every_earlier_dose() {
        for two in [false, true] {
            for route in [Route::Iv, Route::Oral] {
                let p = subject(two).profile(route, 100.0);
                let tau = 12.0;
                // 200 doses every 12 h: the terms have decayed to nothing long before.
                let summed = |t: f64| (0..200).map(|k| p.at(t + k as f64 * tau)).sum::<f64>();
                for t in [0.5, 2.0, 6.0, 12.0] {
                    assert!((p.steady_at(t, tau) - summed(t)).abs() < 1e-9 * summed(t), "{two} {route:?} {t}");
                }
                let s = p.steady(tau, &sampling_times(10.0, route.extravascular()));
                let n = 20_000;
                let h = tau / n as f64;
                let area: f64 = (0..n).map(|i| (summed(i as f64 * h) + summed((i + 1) as f64 * h)) * h / 2.0).sum();
                assert!((s.auc_tau - area).abs() < 1e-5 * area, "{} {area}", s.auc_tau);
                assert!((s.ctrough - summed(tau)).abs() < 1e-9 * s.ctrough);
                assert!(s.ctrough < s.cavg && s.cavg < s.cmax && s.tmax <= tau, "{s:?}");
            }
        }
    }

    #[test]
    fn schedules_cover_the_half_life() {
        assert_eq!(sampling_times(1.0, true).last(), Some(&8.0));
        assert_eq!(sampling_times(10.0, true).last(), Some(&72.0));
        assert_eq!(sampling_times(500.0, false).last(), Some(&168.0));
    }
}
