//! The species a caption or title names.

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
        // Less common veterinary and zoo species, by their common names.
        (&["camel", "camels", "dromedary", "dromedaries"], "camel"),
        (&["alpaca", "alpacas"], "alpaca"),
        (&["llama", "llamas"], "llama"),
        (&["donkey", "donkeys"], "donkey"),
        (&["deer"], "deer"),
        (&["elephant", "elephants"], "elephant"),
        (&["monkey", "monkeys", "macaque", "macaques"], "monkey"),
        (&["ferret", "ferrets"], "ferret"),
        (&["turkey", "turkeys"], "turkey"),
        (&["duck", "ducks"], "duck"),
        (&["salmon"], "salmon"),
        (&["trout"], "trout"),
        (&["tilapia"], "tilapia"),
        (&["turtle", "turtles", "tortoise", "tortoises"], "turtle"),
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
    // The first species of the list any of whose words is among the text's words (one pass
    // over the text; every word here is a single token, so `has_word`'s phrases never occur).
    let lower = crate::fold::lower(text);
    let first = super::words::tokens(&lower)
        .filter_map(|token| SPECIES.iter().position(|(words, _)| words.contains(&token)))
        .min()?;
    Some(SPECIES[first].1)
}
