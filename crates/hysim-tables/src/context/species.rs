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
        // Reptiles, amphibians, small mammals, birds, marine mammals, zoo species, fish and
        // bees of veterinary, zoo and wildlife studies.
        (&["alligator", "alligators"], "alligator"),
        (&["crocodile", "crocodiles"], "crocodile"),
        (&["snake", "snakes", "python", "pythons", "boa", "boas"], "snake"),
        (&["lizard", "lizards", "iguana", "iguanas"], "lizard"),
        (&["frog", "frogs", "toad", "toads"], "frog"),
        (&["hedgehog", "hedgehogs"], "hedgehog"),
        (&["bat", "bats"], "bat"),
        (&["chinchilla", "chinchillas"], "chinchilla"),
        (&["hamster", "hamsters"], "hamster"),
        (&["gerbil", "gerbils"], "gerbil"),
        (&["owl", "owls"], "owl"),
        (&["hawk", "hawks", "falcon", "falcons", "eagle", "eagles"], "raptor"),
        (&["parrot", "parrots", "macaw", "macaws", "cockatiel", "cockatiels"], "parrot"),
        (&["pigeon", "pigeons"], "pigeon"),
        (&["penguin", "penguins"], "penguin"),
        (&["quail", "quails"], "quail"),
        (&["goose", "geese"], "goose"),
        (&["ostrich", "ostriches", "emu", "emus"], "ratite"),
        (&["seal", "seals"], "seal"),
        (&["dolphin", "dolphins"], "dolphin"),
        (&["whale", "whales"], "whale"),
        (&["koala", "koalas"], "koala"),
        (&["kangaroo", "kangaroos", "wallaby", "wallabies"], "kangaroo"),
        (&["rhinoceros", "rhinoceroses", "rhino", "rhinos"], "rhinoceros"),
        (&["giraffe", "giraffes"], "giraffe"),
        (&["zebra", "zebras"], "zebra"),
        (&["marmoset", "marmosets", "baboon", "baboons", "chimpanzee", "chimpanzees"], "monkey"),
        (&["minipig", "minipigs"], "pig"),
        (&["buffalo", "buffaloes", "buffalos", "yak", "yaks"], "buffalo"),
        (&["zebrafish"], "zebrafish"),
        (&["carp"], "carp"),
        (&["catfish"], "catfish"),
        (&["bee", "bees", "honeybee", "honeybees"], "bee"),
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
