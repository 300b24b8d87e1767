//! Captions and titles in German, French, Spanish, Italian, Portuguese and Dutch (and the
//! commonest words of Swedish, Polish, Czech, Hungarian, Finnish, Romanian, Greek and
//! Russian ones), read in English: journals in these languages print PK tables with the same layouts, while the
//! reader's vocabulary is English. The words of a caption or title that say what the table
//! holds and of whom (`Serumkonzentrationen`, `individuali`, `após`, `valle`, `zwei Hunde`,
//! `Tabelle`) are replaced by their English words, whole words only, before the table is
//! read; a table with none of them is read as it is. A word printed in capitals is an
//! abbreviation (`VAN`, `DA`), never translated; "of" (`de`, `von`, `di`) only after a word
//! it links to what follows (`concentraciones de X`), so that `coeficiente de variación`
//! stays whole. Footnotes, header and body cells stay as printed (the provenance quotes
//! them): the statistic, time, subject and specimen words read there have their own words
//! in these languages (`Mittelwert`, `Día 3`, `Paziente`, `Leite`).

use std::borrow::Cow;
use std::sync::LazyLock;

use hysim_core::Table;

/// Words of the six languages, lower case, and their English.
const WORDS: &[(&str, &str)] = &[
    // Concentrations and levels, alone and in German and Dutch compounds.
    ("konzentration", "concentration"),
    ("konzentrationen", "concentrations"),
    ("serumkonzentration", "serum concentration"),
    ("serumkonzentrationen", "serum concentrations"),
    ("plasmakonzentration", "plasma concentration"),
    ("plasmakonzentrationen", "plasma concentrations"),
    ("blutkonzentrationen", "blood concentrations"),
    ("milchkonzentrationen", "milk concentrations"),
    ("talspiegel", "trough concentrations"),
    ("talkonzentrationen", "trough concentrations"),
    ("spiegel", "levels"),
    ("concentración", "concentration"),
    ("concentraciones", "concentrations"),
    ("concentrazione", "concentration"),
    ("concentrazioni", "concentrations"),
    ("concentração", "concentration"),
    ("concentrações", "concentrations"),
    ("concentratie", "concentration"),
    ("concentraties", "concentrations"),
    ("plasmaconcentraties", "plasma concentrations"),
    ("serumconcentraties", "serum concentrations"),
    ("dalconcentraties", "trough concentrations"),
    ("dalspiegels", "trough concentrations"),
    ("serumconcentratie", "serum concentration"),
    ("plasmaconcentratie", "plasma concentration"),
    // Slovak, Latvian, Lithuanian, Estonian, Icelandic, Ukrainian, Bulgarian, Serbian and
    // Croatian, Slovenian, Afrikaans, Vietnamese, Persian, Arabic.
    ("koncentrácie", "concentrations"),
    ("koncentrácia", "concentration"),
    ("koncentrācija", "concentration"),
    ("koncentrācijas", "concentrations"),
    ("koncentracijos", "concentrations"),
    ("kontsentratsioonid", "concentrations"),
    ("kontsentratsioon", "concentration"),
    ("styrkur", "concentrations"),
    ("концентрації", "concentrations"),
    ("концентрація", "concentration"),
    ("концентрации", "concentrations"),
    ("koncentracije", "concentrations"),
    ("koncentracija", "concentration"),
    ("konsentrasies", "concentrations"),
    ("plasmakonsentrasies", "plasma concentrations"),
    ("غلظت", "concentrations"),
    ("غلظت‌های", "concentrations"),
    ("تركيز", "concentrations"),
    ("تراكيز", "concentrations"),
    ("plazmā", "plasma"),
    ("plazmoje", "plasma"),
    ("plasmas", "plasma"),
    ("plazmi", "plasma"),
    ("plazme", "plasma"),
    ("плазмі", "plasma"),
    ("плазмата", "plasma"),
    ("blóðvökva", "plasma"),
    ("sérum", "serum"),
    ("serumā", "serum"),
    ("сироватці", "serum"),
    ("серума", "serum"),
    ("jednotlivých", "individual"),
    ("individuālās", "individual"),
    ("individualios", "individual"),
    ("individuaalsed", "individual"),
    ("einstakra", "individual"),
    ("індивідуальні", "individual"),
    ("индивидуални", "individual"),
    ("pojedinačne", "individual"),
    ("posamezne", "individual"),
    ("posameznih", "individual"),
    ("individuele", "individual"),
    ("فردی", "individual"),
    ("الفردية", "individual"),
    // Swedish and Polish.
    ("koncentration", "concentration"),
    ("koncentrationer", "concentrations"),
    // Norwegian (and Danish and Swedish, after them).
    ("konsentrasjoner", "concentrations"),
    ("plasmakonsentrasjoner", "plasma concentrations"),
    ("serumkonsentrasjoner", "serum concentrations"),
    ("plasmakoncentrationer", "plasma concentrations"),
    ("serumkoncentrationer", "serum concentrations"),
    ("koncentrace", "concentrations"),
    ("plazmatické", "plasma"),
    ("stężenie", "concentration"),
    ("stężenia", "concentrations"),
    ("stężeń", "concentrations"),
    ("osoczu", "plasma"),
    ("osocza", "plasma"),
    ("surowicy", "serum"),
    ("mleku", "milk"),
    ("tkankach", "tissues"),
    ("tkanek", "tissues"),
    ("tkanki", "tissues"),
    ("indywidualne", "individual"),
    ("poszczególnych", "individual"),
    ("kurcząt", "chickens"),
    ("kurczęta", "chickens"),
    ("brojlerów", "broilers"),
    ("świń", "pigs"),
    ("psów", "dogs"),
    ("pacjentów", "patients"),
    ("individuella", "individual"),
    ("hundar", "dogs"),
    ("hästar", "horses"),
    ("katter", "cats"),
    ("patienter", "patients"),
    ("efter", "after"),
    ("bröstmjölk", "breast milk"),
    // Hungarian, Finnish, Romanian, Greek and Russian.
    ("plazmakoncentrációk", "plasma concentrations"),
    ("plazmakoncentráció", "plasma concentration"),
    ("koncentrációk", "concentrations"),
    ("koncentrációi", "concentrations"),
    ("egyedi", "individual"),
    ("táblázat", "table"),
    ("után", "after"),
    ("pitoisuudet", "concentrations"),
    ("pitoisuus", "concentration"),
    ("plasmassa", "plasma"),
    ("seerumissa", "serum"),
    ("yksittäisillä", "individual"),
    ("yksittäiset", "individual"),
    ("taulukko", "table"),
    ("jälkeen", "after"),
    ("concentrațiile", "concentrations"),
    ("concentrații", "concentrations"),
    ("concentrația", "concentration"),
    ("plasmă", "plasma"),
    ("tabelul", "table"),
    ("după", "after"),
    ("πίνακας", "table"),
    ("συγκεντρώσεις", "concentrations"),
    ("συγκέντρωση", "concentration"),
    ("πλάσμα", "plasma"),
    ("ασθενή", "patient"),
    ("ασθενείς", "patients"),
    ("μετά", "after"),
    ("таблица", "table"),
    ("концентрации", "concentrations"),
    ("концентрация", "concentration"),
    ("плазме", "plasma"),
    ("сыворотке", "serum"),
    ("крови", "blood"),
    ("пациента", "patient"),
    ("после", "after"),
    ("niveaux", "levels"),
    ("niveles", "levels"),
    ("livelli", "levels"),
    ("níveis", "levels"),
    // The table's label, whose number counts nothing.
    ("tabelle", "table"),
    ("tableau", "table"),
    ("tabla", "table"),
    ("tabela", "table"),
    ("tabel", "table"),
    ("tabella", "table"),
    ("tabell", "table"),
    // Of whom and when.
    ("individuelle", "individual"),
    ("individuellen", "individual"),
    ("individuelles", "individual"),
    ("individuel", "individual"),
    ("individuales", "individual"),
    ("individuali", "individual"),
    ("individuais", "individual"),
    ("individuele", "individual"),
    ("nach", "after"),
    ("après", "after"),
    ("después", "after"),
    ("tras", "after"),
    ("dopo", "after"),
    ("após", "after"),
    ("chez", "in"),
    ("nei", "in"),
    ("nelle", "in"),
    ("negli", "in"),
    ("bij", "in"),
    ("mit", "with"),
    ("avec", "with"),
    ("con", "with"),
    // Troughs and peaks.
    ("résiduelle", "trough"),
    ("résiduelles", "trough"),
    ("intramammaria", "intramammary"),
    ("intramammaire", "intramammary"),
    ("intramamaria", "intramammary"),
    ("intramammär", "intramammary"),
    ("intramammäre", "intramammary"),
    ("intramammair", "intramammary"),
    ("valle", "trough"),
    ("vale", "trough"),
    ("pic", "peak"),
    ("pico", "peak"),
    ("picco", "peak"),
    ("piek", "peak"),
    // Specimens' adjectives.
    ("plasmatiques", "plasma"),
    ("plasmatique", "plasma"),
    ("plasmáticos", "plasma"),
    ("plasmatiche", "plasma"),
    // Residues in tissues (residue depletion studies).
    ("rückstände", "residues"),
    ("rückstandskonzentrationen", "residue concentrations"),
    ("résidus", "residues"),
    ("residuos", "residues"),
    ("residuales", "residue"),
    ("residui", "residues"),
    ("resíduos", "residues"),
    ("residuais", "residue"),
    ("residuen", "residues"),
    ("gewebe", "tissues"),
    ("geweben", "tissues"),
    ("tissus", "tissues"),
    ("tejidos", "tissues"),
    ("tessuti", "tissues"),
    ("tecidos", "tissues"),
    ("weefsels", "tissues"),
    ("plasmatici", "plasma"),
    ("plasmáticas", "plasma"),
    ("sériques", "serum"),
    ("sérique", "serum"),
    ("séricas", "serum"),
    ("sieriche", "serum"),
    // Results and doses.
    ("pharmakokinetische", "pharmacokinetic"),
    ("pharmakokinetischen", "pharmacokinetic"),
    ("pharmakokinetik", "pharmacokinetics"),
    ("pharmacocinétiques", "pharmacokinetic"),
    ("pharmacocinétique", "pharmacokinetics"),
    ("farmacocinéticos", "pharmacokinetic"),
    ("farmacocinéticas", "pharmacokinetic"),
    ("farmacocinética", "pharmacokinetics"),
    ("farmacocinetici", "pharmacokinetic"),
    ("farmacocinetica", "pharmacokinetics"),
    ("farmacocinetiche", "pharmacokinetic"),
    ("farmacokinetische", "pharmacokinetic"),
    ("farmacokinetiek", "pharmacokinetics"),
    ("paramètres", "parameters"),
    ("parámetros", "parameters"),
    ("parametri", "parameters"),
    ("parâmetros", "parameters"),
    ("einmalgabe", "single dose"),
    ("einzeldosis", "single dose"),
    ("dosis", "dose"),
    ("dosi", "dose"),
    ("intravenöser", "intravenous"),
    ("intravenöse", "intravenous"),
    ("intraveineuse", "intravenous"),
    ("intravenosa", "intravenous"),
    ("endovenosa", "intravenous"),
    ("intraveneuze", "intravenous"),
    ("intraveneus", "intravenous"),
    ("orale", "oral"),
    ("oraler", "oral"),
    ("intramuskulärer", "intramuscular"),
    ("intramusculaire", "intramuscular"),
    ("intramuscolare", "intramuscular"),
    ("subkutaner", "subcutaneous"),
    ("sous-cutanée", "subcutaneous"),
    ("subcutánea", "subcutaneous"),
    ("sottocutanea", "subcutaneous"),
    ("subcutânea", "subcutaneous"),
    ("subcutane", "subcutaneous"),
    // Subjects and their counts.
    ("patienten", "patients"),
    ("pacientes", "patients"),
    ("pazienti", "patients"),
    ("patiënten", "patients"),
    ("probanden", "volunteers"),
    ("volontaires", "volunteers"),
    ("voluntarios", "volunteers"),
    ("volontari", "volunteers"),
    ("voluntários", "volunteers"),
    ("vrijwilligers", "volunteers"),
    ("kinder", "children"),
    ("kindern", "children"),
    ("enfants", "children"),
    ("niños", "children"),
    ("bambini", "children"),
    ("crianças", "children"),
    ("kinderen", "children"),
    ("neugeborene", "neonates"),
    ("nouveau-nés", "neonates"),
    ("neonati", "neonates"),
    ("hunde", "dogs"),
    ("hunden", "dogs"),
    ("chiens", "dogs"),
    ("perros", "dogs"),
    ("cani", "dogs"),
    ("cães", "dogs"),
    ("honden", "dogs"),
    ("katzen", "cats"),
    ("chats", "cats"),
    ("gatos", "cats"),
    ("gatti", "cats"),
    ("katten", "cats"),
    ("pferde", "horses"),
    ("pferden", "horses"),
    ("chevaux", "horses"),
    ("caballos", "horses"),
    ("cavalli", "horses"),
    ("cavalos", "horses"),
    ("paarden", "horses"),
    ("schafe", "sheep"),
    ("schafen", "sheep"),
    ("moutons", "sheep"),
    ("brebis", "sheep"),
    ("ovejas", "sheep"),
    ("pecore", "sheep"),
    ("ovelhas", "sheep"),
    ("schapen", "sheep"),
    ("kühe", "cows"),
    ("kühen", "cows"),
    ("rinder", "cattle"),
    ("rindern", "cattle"),
    ("vaches", "cows"),
    ("bovins", "cattle"),
    ("vacas", "cows"),
    ("bovinos", "cattle"),
    ("bovini", "cattle"),
    ("koeien", "cows"),
    ("schweine", "pigs"),
    ("schweinen", "pigs"),
    ("porcs", "pigs"),
    ("cerdos", "pigs"),
    ("suini", "pigs"),
    ("suínos", "pigs"),
    ("porcos", "pigs"),
    ("varkens", "pigs"),
    ("ferkel", "piglets"),
    ("ferkeln", "piglets"),
    ("porcelets", "piglets"),
    ("lechones", "piglets"),
    ("suinetti", "piglets"),
    ("leitões", "piglets"),
    ("biggen", "piglets"),
    ("ziegen", "goats"),
    ("chèvres", "goats"),
    ("cabras", "goats"),
    ("capre", "goats"),
    ("geiten", "goats"),
    ("kaninchen", "rabbits"),
    ("lapins", "rabbits"),
    ("conejos", "rabbits"),
    ("conigli", "rabbits"),
    ("coelhos", "rabbits"),
    ("konijnen", "rabbits"),
    ("hühner", "chickens"),
    ("hühnern", "chickens"),
    ("poulets", "chickens"),
    ("pollos", "chickens"),
    ("polli", "chickens"),
    ("frangos", "chickens"),
    ("kippen", "chickens"),
    ("zwei", "two"),
    ("drei", "three"),
    ("vier", "four"),
    ("fünf", "five"),
    ("sechs", "six"),
    ("sieben", "seven"),
    ("acht", "eight"),
    ("neun", "nine"),
    ("zehn", "ten"),
    ("zwölf", "twelve"),
    ("deux", "two"),
    ("trois", "three"),
    ("quatre", "four"),
    ("cinq", "five"),
    ("huit", "eight"),
    ("neuf", "nine"),
    ("dix", "ten"),
    ("douze", "twelve"),
    ("tres", "three"),
    ("cuatro", "four"),
    ("cinco", "five"),
    ("seis", "six"),
    ("siete", "seven"),
    ("ocho", "eight"),
    ("nueve", "nine"),
    ("diez", "ten"),
    ("doce", "twelve"),
    ("tre", "three"),
    ("quattro", "four"),
    ("cinque", "five"),
    ("sei", "six"),
    ("sette", "seven"),
    ("otto", "eight"),
    ("nove", "nine"),
    ("dieci", "ten"),
    ("dodici", "twelve"),
    ("dois", "two"),
    ("duas", "two"),
    ("três", "three"),
    ("quatro", "four"),
    ("sete", "seven"),
    ("oito", "eight"),
    ("dez", "ten"),
    ("doze", "twelve"),
    ("twee", "two"),
    ("drie", "three"),
    ("vijf", "five"),
    ("zes", "six"),
    ("zeven", "seven"),
    ("negen", "nine"),
    ("tien", "ten"),
    ("twaalf", "twelve"),
];

/// "Of" in the six languages (and Danish `af`, Norwegian and Swedish `av`): translated only
/// after a word of [`LINKED`] (`concentraciones de X`, `Serumkonzentrationen von X`,
/// `parametri farmacocinetici di X`).
const OF: &[&str] = &["von", "de", "des", "du", "del", "di", "della", "da", "van", "dos", "af", "av"];

/// English words (as translated) that "of" links to the drug, specimen or subjects after it.
const LINKED: &[&str] = &[
    "concentration",
    "concentrations",
    "serum concentrations",
    "plasma concentrations",
    "blood concentrations",
    "milk concentrations",
    "trough concentrations",
    "levels",
    "individual",
    "pharmacokinetic",
    "pharmacokinetics",
    "parameters",
    "trough",
    "peak",
    "plasma",
    "serum",
];

static ENGLISH: LazyLock<rustc_hash::FxHashMap<&'static str, &'static str>> =
    LazyLock::new(|| WORDS.iter().copied().collect());

/// Whether a label's words in these languages say it holds concentrations
/// (`Serumconcentratie (mg/l)`, `Koncentration (nmol/l)`, `Stężenie (µg/kg)`).
pub(crate) fn says_concentration(lower: &str) -> bool {
    lower
        .split(|c: char| !c.is_alphabetic())
        .any(|w| ENGLISH.get(w).is_some_and(|e| e.contains("concentration") || e.ends_with("levels")))
}

/// `table` with its caption and title in English where they hold words of [`WORDS`]; else
/// `table` itself.
pub(crate) fn in_english(table: &Table) -> Cow<'_, Table> {
    let caption = table.caption.as_deref().and_then(|c| in_words(c, translate));
    let title = table.title.as_deref().and_then(|t| in_words(t, translate));
    if caption.is_none() && title.is_none() {
        return Cow::Borrowed(table);
    }
    let mut english = table.clone();
    english.caption = caption.or(english.caption);
    english.title = title.or(english.title);
    Cow::Owned(english)
}

/// `text` in words, then `translate`d: Japanese and Chinese captions write a drug's Latin
/// name, its dose and its unit among their characters with no space (`单次口服nilvadipril复方片
/// （5 mg）`), so a space is put where a run of those characters meets a letter or a digit,
/// and their full-width brackets are read as brackets. `None` where a text without those
/// characters has nothing to translate.
fn in_words(text: &str, translate: impl Fn(&str) -> Option<String>) -> Option<String> {
    let is_cjk = super::statistic_words::is_cjk;
    if !text.chars().any(is_cjk) {
        return translate(text);
    }
    let mut spaced = String::with_capacity(text.len() + 16);
    let mut previous: Option<char> = None;
    for c in text.chars() {
        let c = match c {
            '（' => '(',
            '）' => ')',
            '，' => ',',
            '：' => ':',
            _ => c,
        };
        if let Some(p) = previous
            && (is_cjk(p) && (c.is_alphanumeric() || c == '(') && !is_cjk(c)
                || is_cjk(c) && (p.is_alphanumeric() || p == ')') && !is_cjk(p))
        {
            spaced.push(' ');
        }
        spaced.push(c);
        previous = Some(c);
    }
    translate(&spaced).or(Some(spaced))
}

/// `text` with each whole word of [`WORDS`] (any case) in English, or `None` where it holds
/// none. A word is a run of letters (hyphens inside it too: `sous-cutanée`).
fn translate(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len() + 16);
    let mut changed = false;
    let mut start: Option<usize> = None;
    // The last word written, as written (lower case where translated).
    let mut last = String::new();
    let mut emit = |out: &mut String, word: &str| {
        let capitals = word.chars().filter(|c| c.is_alphabetic()).count() > 1 && !word.chars().any(char::is_lowercase);
        let lower = word.to_lowercase();
        let english = if capitals {
            None
        } else if OF.contains(&lower.as_str()) {
            LINKED.contains(&last.as_str()).then_some("of")
        } else {
            ENGLISH.get(lower.as_str()).copied()
        };
        // A German compound hyphenated after a name (`Cefaquinarol-Konzentrationen`,
        // `Enrofloxacin-Serumkonzentrationen`): the name, then its last part in English.
        let hyphenated = || {
            let (head, tail) = word.rsplit_once('-')?;
            let english = ENGLISH.get(tail.to_lowercase().as_str())?;
            Some((head, *english))
        };
        match english {
            Some(english) => {
                out.push_str(english);
                changed = true;
                english.clone_into(&mut last);
            }
            None if !capitals && let Some((head, english)) = hyphenated() => {
                out.push_str(head);
                out.push(' ');
                out.push_str(english);
                changed = true;
                english.clone_into(&mut last);
            }
            None => {
                out.push_str(word);
                lower.clone_into(&mut last);
            }
        }
    };
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        // A hyphen between two letters is part of the word.
        let inner_hyphen = c == '-' && start.is_some() && chars.get(k + 1).is_some_and(|(_, n)| n.is_alphabetic());
        if c.is_alphabetic() || inner_hyphen {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            emit(&mut out, &text[s..i]);
        }
        out.push(c);
    }
    if let Some(s) = start {
        emit(&mut out, &text[s..]);
    }
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn foreign_words_become_english_whole_words_only() {
        assert_eq!(
            translate("Tabelle 2: Individuelle Serumkonzentrationen von Nexaprilat (mg/l) nach einer Infusion")
                .as_deref(),
            Some("table 2: individual serum concentrations of Nexaprilat (mg/l) after einer Infusion")
        );
        assert_eq!(
            translate("Tabela 2. Concentrações individuais de tilvaprina no plasma (µg/mL) de quatro ovelhas")
                .as_deref(),
            Some("table 2. concentrations individual of tilvaprina no plasma (µg/mL) de four sheep")
        );
        // Not inside a word, not an abbreviation in capitals, and not where a text holds none.
        assert_eq!(translate("Plasma concentrations of X in dogs (mean ± SD)"), None);
        assert_eq!(translate("Dosimetry of Vonoprazan").as_deref(), None);
        assert_eq!(translate("Trough levels of VAN and DA in ICU patients"), None);
        assert_eq!(translate("nach sous-cutanée Gabe").as_deref(), Some("after subcutaneous Gabe"));
        // A compound hyphenated after a drug's name: the name, then the compound's English.
        assert_eq!(
            translate("Cefaquinarol-Konzentrationen (µg/ml) in der Milch").as_deref(),
            Some("Cefaquinarol concentrations (µg/ml) in der Milch")
        );
        assert_eq!(translate("Anti-Xa activity"), None);
        // "Of" only after what it links: a spread's name stays whole.
        assert_eq!(
            translate("Parámetros farmacocinéticos de X; coeficiente de variación").as_deref(),
            Some("parameters pharmacokinetic of X; coeficiente de variación")
        );
    }

    #[test]
    fn latin_words_among_japanese_and_chinese_characters_are_words() {
        assert_eq!(
            in_words("表2 单次口服nilvadipril/rosuvaprazole复方片（5 mg/10 mg）后的个体药动学参数", |_| None)
                .as_deref(),
            Some("表 2 单次口服 nilvadipril/rosuvaprazole 复方片 (5 mg/10 mg) 后的个体药动学参数")
        );
        assert_eq!(in_words("Plasma concentrations of X in dogs", |_| None), None);
    }

    #[test]
    fn captions_in_hungarian_finnish_romanian_greek_and_russian() {
        assert_eq!(
            translate("1. táblázat. Egyedi tilmorazin plazmakoncentrációk (µg/ml) sertésekben").as_deref(),
            Some("1. table. individual tilmorazin plasma concentrations (µg/ml) sertésekben")
        );
        assert_eq!(
            translate("Πίνακας 2. Συγκεντρώσεις λεβοξαφένης στο πλάσμα (mg/L)").as_deref(),
            Some("table 2. concentrations λεβοξαφένης στο plasma (mg/L)")
        );
        assert_eq!(
            translate("Таблица 2. Концентрации X в сыворотке крови").as_deref(),
            Some("table 2. concentrations X в serum blood")
        );
    }

    #[test]
    fn a_table_without_foreign_words_is_read_as_it_is() {
        let table = Table { caption: Some("Table 1. Plasma concentrations".into()), ..Table::default() };
        assert!(matches!(in_english(&table), Cow::Borrowed(_)));
        let german = Table {
            caption: Some("Tabelle 1. Plasmakonzentrationen".into()),
            footnote: Some("Werte sind Mittelwerte von zwei Hunden.".into()),
            ..Table::default()
        };
        let english = in_english(&german);
        assert_eq!(english.caption.as_deref(), Some("table 1. plasma concentrations"));
        // The footnote as printed: the provenance quotes it.
        assert_eq!(english.footnote, german.footnote);
    }
}
