//! The words for statistics in Polish, Greek, Romanian, Hungarian, Czech, Slovak, Slovenian,
//! Serbian, Bulgarian, Ukrainian, Lithuanian, Latvian, Estonian, Icelandic, Afrikaans,
//! Vietnamese, Thai, Persian, Arabic, Hebrew, Turkish,
//! Swedish, Danish, Norwegian, Finnish, Russian, Japanese, Chinese and Korean, read in
//! English:
//! tables in these languages declare their numbers as English ones do (`średnia (SD)`,
//! `Μέση τιμή (ΤΑ)`, `átlag ± szórás`, `中央値（範囲）`), each word the standard term of
//! its language's statistics. German, French, Spanish, Italian, Portuguese and Dutch words
//! and the two-letter abbreviations that are also ordinary words (`ET`, `DE`, `SS`, `ΤΑ`)
//! are read where the declaration and label readers read them (`declare::normalise`,
//! `labels::read_stat_label`), in their places only.
//!
//! Words of alphabetic scripts are replaced whole (no letter before or after); Japanese
//! and Chinese words, which have no spaces around them, wherever they occur, the longest
//! first (`幾何平均` before `平均`). `平均` alone is not among them: it opens the mean
//! residence time (`平均滞留時間`) too.

use std::borrow::Cow;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

/// A language's statistic word, lower case, and its English.
const WORDS: &[(&str, &str)] = &[
    // Geometric means.
    ("geometrický priemer", "geometric mean"),
    ("geometrično povprečje", "geometric mean"),
    ("geometrijska sredina", "geometric mean"),
    ("geometrinis vidurkis", "geometric mean"),
    ("ģeometriskais vidējais", "geometric mean"),
    ("geomeetriline keskmine", "geometric mean"),
    ("rúmfræðilegt meðaltal", "geometric mean"),
    ("meetkundige gemiddeld", "geometric mean"),
    ("meetkundige gemiddelde", "geometric mean"),
    ("trung bình nhân", "geometric mean"),
    ("ค่าเฉลี่ยเรขาคณิต", "geometric mean"),
    ("середнє геометричне", "geometric mean"),
    ("средно геометрично", "geometric mean"),
    ("میانگین هندسی", "geometric mean"),
    ("المتوسط الهندسي", "geometric mean"),
    ("ממוצע גאומטרי", "geometric mean"),
    ("średnia geometryczna", "geometric mean"),
    ("średnią geometryczną", "geometric mean"),
    ("średnie geometryczne", "geometric mean"),
    ("γεωμετρικός μέσος", "geometric mean"),
    ("γεωμετρική μέση τιμή", "geometric mean"),
    ("media geometrică", "geometric mean"),
    ("medie geometrică", "geometric mean"),
    ("mértani átlag", "geometric mean"),
    ("geometriai átlag", "geometric mean"),
    ("geometrický průměr", "geometric mean"),
    ("geometrik ortalama", "geometric mean"),
    ("geometriskt medelvärde", "geometric mean"),
    ("geometrisk gennemsnit", "geometric mean"),
    ("geometrisk gjennomsnitt", "geometric mean"),
    ("geometrinen keskiarvo", "geometric mean"),
    ("среднее геометрическое", "geometric mean"),
    ("기하평균", "geometric mean"),
    ("幾何平均値", "geometric mean"),
    ("幾何平均", "geometric mean"),
    ("几何平均值", "geometric mean"),
    ("几何平均数", "geometric mean"),
    ("几何均值", "geometric mean"),
    // Arithmetic means.
    ("priemer", "mean"),
    ("povprečje", "mean"),
    ("povprečna vrednost", "mean"),
    ("vidurkis", "mean"),
    ("vidējais", "mean"),
    ("vidējā vērtība", "mean"),
    ("keskmine", "mean"),
    ("meðaltal", "mean"),
    ("gemiddeld", "mean"),
    ("trung bình", "mean"),
    ("tb ± đlc", "mean ± sd"),
    ("tb±đlc", "mean±sd"),
    ("ค่าเฉลี่ย", "mean"),
    ("середнє арифметичне", "mean"),
    ("середнє значення", "mean"),
    ("середнє", "mean"),
    ("средна стойност", "mean"),
    ("srednja vrednost", "mean"),
    ("aritmetička sredina", "mean"),
    ("میانگین", "mean"),
    ("المتوسط", "mean"),
    ("ממוצע", "mean"),
    ("średnia arytmetyczna", "mean"),
    ("średnią", "mean"),
    ("μέση τιμή", "mean"),
    ("μέσες τιμές", "mean"),
    ("μέσος όρος", "mean"),
    ("media aritmetică", "mean"),
    ("valoarea medie", "mean"),
    ("medie", "mean"),
    ("számtani átlag", "mean"),
    ("átlagérték", "mean"),
    ("átlag", "mean"),
    ("aritmetický průměr", "mean"),
    ("medelvärden", "mean"),
    ("middelværdi", "mean"),
    ("middelverdi", "mean"),
    ("keskiarvo", "mean"),
    ("среднее", "mean"),
    ("среднее арифметическое", "mean"),
    // (Korean `평균` before its spread only: it opens the MRT too, `평균체류시간`.)
    ("평균 ±", "mean ±"),
    ("평균±", "mean ±"),
    ("평균 (", "mean ("),
    ("평균(", "mean ("),
    ("평균값", "mean"),
    ("平均値", "mean"),
    ("平均值", "mean"),
    ("均值", "mean"),
    // Medians.
    ("medián", "median"),
    ("mediana", "median"),
    ("mediāna", "median"),
    ("mediaan", "median"),
    ("miðgildi", "median"),
    ("trung vị", "median"),
    ("ค่ามัธยฐาน", "median"),
    ("มัธยฐาน", "median"),
    ("медіана", "median"),
    ("medijana", "median"),
    ("میانه", "median"),
    ("الوسيط", "median"),
    ("חציון", "median"),
    ("διάμεση τιμή", "median"),
    ("διάμεσος", "median"),
    ("διάμεσο", "median"),
    ("medyan", "median"),
    ("ortanca", "median"),
    ("mediaani", "median"),
    ("медиана", "median"),
    ("중앙값", "median"),
    ("中央値", "median"),
    ("中位数", "median"),
    ("中位值", "median"),
    // Standard deviations and errors.
    ("smerodajná odchýlka", "sd"),
    ("standardni odklon", "sd"),
    ("standartinis nuokrypis", "sd"),
    ("standartnovirze", "sd"),
    ("standardhälve", "sd"),
    ("staðalfrávik", "sd"),
    ("standaardafwyking", "sd"),
    ("độ lệch chuẩn", "sd"),
    ("đlc", "sd"),
    ("ส่วนเบี่ยงเบนมาตรฐาน", "sd"),
    ("стандартне відхилення", "sd"),
    ("стандартно отклонение", "sd"),
    ("standardna devijacija", "sd"),
    ("انحراف معیار", "sd"),
    ("الانحراف المعياري", "sd"),
    ("סטיית תקן", "sd"),
    ("стандартна похибка середнього", "se"),
    ("стандартна похибка", "se"),
    ("стандартна грешка", "se"),
    ("standardna greška", "se"),
    ("standardna napaka", "se"),
    ("sai số chuẩn", "se"),
    ("خطای معیار", "se"),
    ("الخطأ المعياري", "se"),
    ("טעות תקן", "se"),
    ("odchylenie standardowe", "sd"),
    ("odchylenia standardowego", "sd"),
    ("błąd standardowy", "se"),
    ("τυπική απόκλιση", "sd"),
    ("τυπικό σφάλμα", "se"),
    ("deviația standard", "sd"),
    ("deviație standard", "sd"),
    ("abaterea standard", "sd"),
    ("abatere standard", "sd"),
    ("szórás", "sd"),
    ("standard deviáció", "sd"),
    ("standard hiba", "se"),
    ("směrodatná odchylka", "sd"),
    ("směrodatné odchylky", "sd"),
    ("standart sapma", "sd"),
    ("standart hata", "se"),
    ("standardavvikelse", "sd"),
    ("standardavvikelsen", "sd"),
    ("standardafvigelse", "sd"),
    ("standardavvik", "sd"),
    ("keskihajonta", "sd"),
    ("стандартное отклонение", "sd"),
    ("표준편차", "sd"),
    ("표준오차", "se"),
    ("標準偏差", "sd"),
    ("標準誤差", "se"),
    ("标准差", "sd"),
    ("标准误", "se"),
    // Coefficients of variation.
    ("geometrinis variacijos koeficientas", "geometric cv"),
    ("variačný koeficient", "cv"),
    ("koeficient variacije", "cv"),
    ("variacijos koeficientas", "cv"),
    ("variācijas koeficients", "cv"),
    ("variatsioonikordaja", "cv"),
    ("breytileikastuðull", "cv"),
    ("variasiekoëffisiënt", "cv"),
    ("hệ số biến thiên", "cv"),
    ("สัมประสิทธิ์การแปรผัน", "cv"),
    ("коефіцієнт варіації", "cv"),
    ("коефициент на вариация", "cv"),
    ("ضریب تغییرات", "cv"),
    ("معامل الاختلاف", "cv"),
    ("מקדם שונות", "cv"),
    ("współczynnik zmienności", "cv"),
    ("συντελεστής μεταβλητότητας", "cv"),
    ("coeficient de variație", "cv"),
    ("coeficientul de variație", "cv"),
    ("variációs koefficiens", "cv"),
    ("variační koeficient", "cv"),
    ("varyasyon katsayısı", "cv"),
    ("variationskoefficient", "cv"),
    ("коэффициент вариации", "cv"),
    // (Russian `КВ`, коэффициент вариации, before its percent: `(КВ, %)`.)
    ("кв, %", "cv, %"),
    ("кв %", "cv %"),
    ("변동계수", "cv"),
    ("変動係数", "cv"),
    ("变异系数", "cv"),
    // Interquartile ranges.
    ("interkvartilové rozpätie", "iqr"),
    ("interkvartilni razpon", "iqr"),
    ("kvartilių intervalas", "iqr"),
    ("starpkvartiļu diapazons", "iqr"),
    ("kvartiilide vahe", "iqr"),
    ("fjórðungsbil", "iqr"),
    ("interkwartielomvang", "iqr"),
    ("khoảng tứ phân vị", "iqr"),
    ("พิสัยระหว่างควอไทล์", "iqr"),
    ("міжквартильний розмах", "iqr"),
    ("интерквартилен размах", "iqr"),
    ("interkvartilni raspon", "iqr"),
    ("دامنه میان‌چارکی", "iqr"),
    ("المدى الربيعي", "iqr"),
    ("rozstęp międzykwartylowy", "iqr"),
    ("ενδοτεταρτημοριακό εύρος", "iqr"),
    ("interval intercuartilic", "iqr"),
    ("intervalul intercuartilic", "iqr"),
    ("interkvartilis tartomány", "iqr"),
    ("mezikvartilové rozpětí", "iqr"),
    ("çeyrekler arası aralık", "iqr"),
    ("interkvartilavstånd", "iqr"),
    ("kvartilavstånd", "iqr"),
    ("interkvartilafstand", "iqr"),
    ("interkvartilbredde", "iqr"),
    ("kvartilavstand", "iqr"),
    ("kvartiiliväli", "iqr"),
    ("межквартильный размах", "iqr"),
    ("사분위범위", "iqr"),
    ("四分位範囲", "iqr"),
    ("四分位数间距", "iqr"),
    ("四分位距", "iqr"),
    // Ranges and their ends.
    ("мін.–макс.", "min–max"),
    ("мін.-макс.", "min-max"),
    ("ต่ำสุด–สูงสุด", "min–max"),
    ("ต่ำสุด-สูงสุด", "min-max"),
    ("rozsah", "range"),
    ("razpon", "range"),
    ("diapazons", "range"),
    ("vahemik", "range"),
    ("spönn", "range"),
    ("omvang", "range"),
    ("(khoảng)", "(range)"),
    ("діапазон", "range"),
    ("розмах", "range"),
    ("opseg", "range"),
    ("دامنه", "range"),
    ("المدى", "range"),
    ("טווח", "range"),
    ("мин.–макс.", "min–max"),
    ("мин.-макс.", "min-max"),
    ("мин–макс", "min–max"),
    ("min.–maks.", "min–max"),
    ("min.-maks.", "min-max"),
    ("min–maks", "min–max"),
    ("min-maks", "min-max"),
    ("rozstęp", "range"),
    ("εύρος", "range"),
    ("tartomány", "range"),
    ("terjedelem", "range"),
    ("rozpětí", "range"),
    ("rozmezí", "range"),
    ("variationsvidd", "range"),
    ("spændvidde", "range"),
    ("variasjonsbredde", "range"),
    ("vaihteluväli", "range"),
    ("размах", "range"),
    ("диапазон", "range"),
    ("最小値–最大値", "min–max"),
    ("最小値-最大値", "min-max"),
    ("最小值–最大值", "min–max"),
    ("最小值-最大值", "min-max"),
    // (The range in brackets only: `治疗范围`, `定量範囲` are a therapeutic and an assay's
    // range.)
    ("(범위)", "(range)"),
    ("（범위）", "(range)"),
    ("(範囲)", "(range)"),
    ("（範囲）", "(range)"),
    ("(范围)", "(range)"),
    ("（范围）", "(range)"),
    // Confidence intervals.
    ("interval spoľahlivosti", "confidence interval"),
    ("interval zaupanja", "confidence interval"),
    ("pasikliautinasis intervalas", "confidence interval"),
    ("ticamības intervāls", "confidence interval"),
    ("usaldusvahemik", "confidence interval"),
    ("öryggisbil", "confidence interval"),
    ("vertrouensinterval", "confidence interval"),
    ("khoảng tin cậy", "confidence interval"),
    ("ช่วงความเชื่อมั่น", "confidence interval"),
    ("довірчий інтервал", "confidence interval"),
    ("доверителен интервал", "confidence interval"),
    ("interval poverenja", "confidence interval"),
    ("فاصله اطمینان", "confidence interval"),
    ("فترة الثقة", "confidence interval"),
    ("רווח סמך", "confidence interval"),
    ("przedział ufności", "confidence interval"),
    ("διάστημα εμπιστοσύνης", "confidence interval"),
    ("interval de încredere", "confidence interval"),
    ("konfidenciaintervallum", "confidence interval"),
    ("interval spolehlivosti", "confidence interval"),
    ("güven aralığı", "confidence interval"),
    ("konfidensintervall", "confidence interval"),
    ("konfidensinterval", "confidence interval"),
    ("luottamusväli", "confidence interval"),
    ("доверительный интервал", "confidence interval"),
    ("신뢰구간", "confidence interval"),
    ("信頼区間", "confidence interval"),
    ("置信区间", "confidence interval"),
    // `except`: a declaration's exception (`z wyjątkiem tmax`, `kromě tmax`).
    ("z wyjątkiem", "except"),
    ("cu excepția", "except"),
    ("εκτός από", "except"),
    ("kromě", "except"),
    ("kivéve", "except"),
    ("utom", "except"),
    ("undtagen", "except"),
    ("unntatt", "except"),
    ("okrem", "except"),
    ("razen", "except"),
    ("išskyrus", "except"),
    ("izņemot", "except"),
    ("välja arvatud", "except"),
    ("behalwe", "except"),
    ("ngoại trừ", "except"),
    ("ยกเว้น", "except"),
    ("крім", "except"),
    ("освен", "except"),
    ("osim", "except"),
    ("به جز", "except"),
    ("باستثناء", "except"),
    ("למעט", "except"),
];

static AUTOMATON: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(WORDS.iter().map(|(word, _)| word))
        .expect("invariant: a vocabulary of short words builds an automaton")
});

/// Whether `c` is a Japanese, Chinese or Korean character (kana, CJK ideographs, Hangul
/// syllables), written without spaces around words.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}')
}

/// `lower` (lower case) with the statistic words of [`WORDS`] in English; Japanese and
/// Chinese ones with a space each side (`平均値（標準偏差）` reads ` mean （ sd ）`).
pub(crate) fn in_english(lower: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut last = 0;
    for m in AUTOMATON.find_iter(lower) {
        let (start, end) = (m.start(), m.end());
        let (word, english) = WORDS[m.pattern().as_usize()];
        // (Thai, too, sets no space between words.)
        let cjk = word.chars().any(|c| is_cjk(c) || ('\u{e00}'..='\u{e7f}').contains(&c));
        let whole = cjk
            || lower[..start].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
                && lower[end..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        if !whole {
            continue;
        }
        out.push_str(&lower[last..start]);
        if cjk {
            out.push(' ');
            out.push_str(english);
            out.push(' ');
        } else {
            out.push_str(english);
        }
        last = end;
    }
    if last == 0 {
        return Cow::Borrowed(lower);
    }
    out.push_str(&lower[last..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::in_english;

    #[test]
    fn statistic_words_of_other_languages_read_in_english() {
        for (printed, read) in [
            ("dane przedstawiono jako średnią (sd)", "dane przedstawiono jako mean (sd)"),
            ("μέση τιμή (τα)", "mean (τα)"),
            ("διάμεσος (εύρος)", "median (range)"),
            ("átlag ± szórás", "mean ± sd"),
            ("medián (terjedelem)", "median (range)"),
            ("průměr ± směrodatná odchylka", "průměr ± sd"),
            ("medyan (min–maks)", "median (min–max)"),
            ("median (kvartilavstånd)", "median (iqr)"),
            ("geometrisk gennemsnit (cv%)", "geometric mean (cv%)"),
            ("keskiarvo ± keskihajonta", "mean ± sd"),
            ("平均値（標準偏差）", " mean （ sd ）"),
            ("幾何平均（変動係数）", " geometric mean （ cv ）"),
            ("中位数（范围）", " median  (range) "),
            ("治疗范围", "治疗范围"),
            ("z wyjątkiem tmax", "except tmax"),
            ("среднее геометрическое (кв, %)", "geometric mean (cv, %)"),
            ("медиана (мин.–макс.)", "median (min–max)"),
            ("평균 ± 표준편차", " mean ±   sd "),
            ("중앙값 (범위)", " median   (range) "),
            ("평균체류시간", "평균체류시간"),
            // Slovak, Slovenian, Lithuanian, Latvian, Estonian, Icelandic, Afrikaans,
            // Vietnamese, Thai, Ukrainian, Bulgarian, Serbian, Persian, Arabic, Hebrew.
            ("priemer ± smerodajná odchýlka", "mean ± sd"),
            ("mediana (razpon)", "median (range)"),
            ("geometrinis vidurkis (geometrinis variacijos koeficientas, %)", "geometric mean (geometric cv, %)"),
            ("meðaltal ± staðalfrávik", "mean ± sd"),
            ("gemiddeld ± standaardafwyking", "mean ± sd"),
            ("tb ± đlc", "mean ± sd"),
            ("trung vị (khoảng)", "median (range)"),
            ("ค่าเฉลี่ย ± ส่วนเบี่ยงเบนมาตรฐาน", " mean  ±  sd "),
            ("середнє арифметичне ± стандартна похибка середнього", "mean ± se"),
            ("средна стойност ± стандартно отклонение", "mean ± sd"),
            ("میانگین ± انحراف معیار", "mean ± sd"),
            ("الوسيط (المدى)", "median (range)"),
            ("חציון (טווח)", "median (range)"),
        ] {
            assert_eq!(in_english(printed), read, "{printed}");
        }
    }

    #[test]
    fn words_inside_other_words_and_the_mean_residence_time_stay() {
        // `medie` inside `intermedier`, `utom` inside `automatic`; `平均滞留時間` (MRT).
        for text in ["intermedier dose", "automatic sampler", "平均滞留時間 (h)", "cmax (ng/ml)", "mean ± sd"] {
            assert_eq!(in_english(text), text);
        }
    }
}
