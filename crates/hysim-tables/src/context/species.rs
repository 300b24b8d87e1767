//! The species a caption or title names.

use super::words::has_word;

pub(crate) fn species_of(text: &str) -> Option<&'static str> {
    const SPECIES: &[(&[&str], &str)] = &[
        (&["dog", "dogs", "beagle", "beagles", "canine"], "dog"),
        (&["cat", "cats", "feline"], "cat"),
        (&["cattle", "cow", "cows", "calves", "calf", "bovine"], "cattle"),
        (&["pig", "pigs", "swine", "piglets", "porcine"], "pig"),
        (&["horse", "horses", "equine", "ponies"], "horse"),
        (&["sheep", "ewes", "lambs", "ovine"], "sheep"),
        (&["goat", "goats", "caprine"], "goat"),
        (&["chicken", "chickens", "broilers", "hens"], "chicken"),
        (&["rat", "rats"], "rat"),
        (&["mouse", "mice"], "mouse"),
        (&["rabbit", "rabbits"], "rabbit"),
        (
            &[
                "human",
                "humans",
                "patients",
                "volunteers",
                "subjects",
                "children",
                "women",
                "men",
                "infants",
                "adults",
                "parturients",
                "neonates",
            ],
            "human",
        ),
    ];
    let lower = crate::fold::lower(text);
    SPECIES.iter().find(|(words, _)| has_word(&lower, words)).map(|(_, s)| *s)
}
