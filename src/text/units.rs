//! Currencies, measurement units and their abbreviations.

use super::nouns::NounEntry;
use super::numbers::Gender;

/// (written forms, singular, plural, nominative dual, gender) of a currency or unit.
type UnitRow = (
    &'static [&'static str],
    &'static str,
    &'static str,
    &'static str,
    Gender,
);

const M: Gender = Gender::Masculine;
const F: Gender = Gender::Feminine;

const CURRENCIES: &[UnitRow] = &[
    (&["$", "US$", "USD"], "دولار", "دولارات", "دولاران", M),
    (&["€", "EUR"], "يورو", "يورو", "يوروان", M),
    (
        &["£", "GBP"],
        "جنيه إسترليني",
        "جنيهات إسترلينية",
        "جنيهان إسترلينيان",
        M,
    ),
    (&["¥", "JPY"], "ين", "ينات", "ينان", M),
    (&["CNY", "RMB"], "يوان", "يوانات", "يوانان", M),
    (
        &["AED", "د.إ", "د.ا", "درهم.إ"],
        "درهم إماراتي",
        "دراهم إماراتية",
        "درهمان إماراتيان",
        M,
    ),
    (
        &["SAR", "ر.س", "ر.سعودي"],
        "ريال سعودي",
        "ريالات سعودية",
        "ريالان سعوديان",
        M,
    ),
    (
        &["QAR", "ر.ق"],
        "ريال قطري",
        "ريالات قطرية",
        "ريالان قطريان",
        M,
    ),
    (
        &["OMR", "ر.ع"],
        "ريال عماني",
        "ريالات عمانية",
        "ريالان عمانيان",
        M,
    ),
    (&["ج"], "جنيه", "جنيهات", "جنيهان", M),
    (
        &["EGP", "ج.م"],
        "جنيه مصري",
        "جنيهات مصرية",
        "جنيهان مصريان",
        M,
    ),
    (
        &["KWD", "د.ك"],
        "دينار كويتي",
        "دنانير كويتية",
        "ديناران كويتيان",
        M,
    ),
    (
        &["JOD", "د.أ", "د.ا.أ"],
        "دينار أردني",
        "دنانير أردنية",
        "ديناران أردنيان",
        M,
    ),
    (
        &["BHD", "د.ب"],
        "دينار بحريني",
        "دنانير بحرينية",
        "ديناران بحرينيان",
        M,
    ),
    (
        &["IQD", "د.ع"],
        "دينار عراقي",
        "دنانير عراقية",
        "ديناران عراقيان",
        M,
    ),
    (
        &["TND", "د.ت"],
        "دينار تونسي",
        "دنانير تونسية",
        "ديناران تونسيان",
        M,
    ),
    (
        &["DZD", "د.ج", "دج"],
        "دينار جزائري",
        "دنانير جزائرية",
        "ديناران جزائريان",
        M,
    ),
    (
        &["LYD", "د.ل"],
        "دينار ليبي",
        "دنانير ليبية",
        "ديناران ليبيان",
        M,
    ),
    (
        &["MAD", "د.م"],
        "درهم مغربي",
        "دراهم مغربية",
        "درهمان مغربيان",
        M,
    ),
    (
        &["LBP", "ل.ل"],
        "ليرة لبنانية",
        "ليرات لبنانية",
        "ليرتان لبنانيتان",
        F,
    ),
    (
        &["SYP", "ل.س"],
        "ليرة سورية",
        "ليرات سورية",
        "ليرتان سوريتان",
        F,
    ),
    (
        &["TRY", "₺"],
        "ليرة تركية",
        "ليرات تركية",
        "ليرتان تركيتان",
        F,
    ),
    (&["RUB", "₽"], "روبل", "روبلات", "روبلان", M),
    (
        &["CHF"],
        "فرنك سويسري",
        "فرنكات سويسرية",
        "فرنكان سويسريان",
        M,
    ),
    (&["ILS", "₪", "ش.ج"], "شيكل", "شواكل", "شيكلان", M),
    (&["INR", "₹"], "روبية", "روبيات", "روبيتان", F),
    // Written out without the country (بسعر 3.67 درهم): no symbol, so they come last.
    (&[], "درهم", "دراهم", "درهمان", M),
    (&[], "ريال", "ريالات", "ريالان", M),
    (&[], "دينار", "دنانير", "ديناران", M),
    (&[], "جنيه", "جنيهات", "جنيهان", M),
    (&[], "ليرة", "ليرات", "ليرتان", F),
];

const UNITS: &[UnitRow] = &[
    (&["كم", "كلم", "km"], "كيلومتر", "كيلومترات", "كيلومتران", M),
    (
        &["كم2", "كم²", "كلم2", "كلم²", "km2", "km²"],
        "كيلومتر مربع",
        "كيلومترات مربعة",
        "كيلومتران مربعان",
        M,
    ),
    (
        &["م2", "م²", "m2", "m²"],
        "متر مربع",
        "أمتار مربعة",
        "متران مربعان",
        M,
    ),
    (
        &["م3", "م³", "m3", "m³"],
        "متر مكعب",
        "أمتار مكعبة",
        "متران مكعبان",
        M,
    ),
    (
        &["م3/ث", "م³/ث", "م3/ثانية", "م³/ثانية", "m3/s", "m³/s"],
        "متر مكعب في الثانية",
        "أمتار مكعبة في الثانية",
        "متران مكعبان في الثانية",
        M,
    ),
    // A Latin m after a number is the metre; a million needs a currency sign before it.
    (&["m"], "متر", "أمتار", "متران", M),
    (&["سم", "cm"], "سنتيمتر", "سنتيمترات", "سنتيمتران", M),
    (
        &["سم2", "سم²", "cm2", "cm²"],
        "سنتيمتر مربع",
        "سنتيمترات مربعة",
        "سنتيمتران مربعان",
        M,
    ),
    (&["مم", "ملم", "mm"], "مليمتر", "مليمترات", "مليمتران", M),
    // A race time's seconds (9.58 ث); a lone ث after a number is nothing else.
    (&["ث"], "ثانية", "ثوان", "ثانيتان", F),
    (
        &["كغ", "كغم", "كلغ", "كجم", "kg"],
        "كيلوغرام",
        "كيلوغرامات",
        "كيلوغرامان",
        M,
    ),
    (&["غ", "جم", "g"], "غرام", "غرامات", "غرامان", M),
    (&["ط"], "طن", "أطنان", "طنان", M),
    (
        &["مغ", "ملغ", "ملغم", "ملجم", "mg"],
        "مليغرام",
        "مليغرامات",
        "مليغرامان",
        M,
    ),
    (&["ل"], "لتر", "لترات", "لتران", M),
    (&["مل", "ml"], "مليلتر", "مليلترات", "مليلتران", M),
    (&["دسل", "dL", "dl"], "ديسيلتر", "ديسيلترات", "ديسيلتران", M),
    (
        &[
            "كم/س",
            "كم/ساعة",
            "كلم/س",
            "كلم/ساعة",
            "كم/سا",
            "كلم/سا",
            "km/h",
        ],
        "كيلومتر في الساعة",
        "كيلومترات في الساعة",
        "كيلومتران في الساعة",
        M,
    ),
    (&["ميغاواط", "MW"], "ميغاواط", "ميغاواط", "ميغاواط", M),
    (&["كيلوواط", "kW", "KW"], "كيلوواط", "كيلوواط", "كيلوواط", M),
    (&["GW"], "غيغاواط", "غيغاواط", "غيغاواط", M),
    (&["W"], "واط", "واط", "واط", M),
    (
        &["kWh", "KWh", "kwh"],
        "كيلوواط ساعي",
        "كيلوواط ساعي",
        "كيلوواط ساعي",
        M,
    ),
    (&["MWh"], "ميغاواط ساعي", "ميغاواط ساعي", "ميغاواط ساعي", M),
    // Written as a rate, said as the unit of energy it is (كيلوواط ساعة).
    (
        &["كيلوواط/ساعة", "كيلوواط/س", "ك.و.س"],
        "كيلوواط ساعة",
        "كيلوواط ساعة",
        "كيلوواط ساعة",
        M,
    ),
    (
        &["ميغاواط/ساعة", "ميغاواط/س"],
        "ميغاواط ساعة",
        "ميغاواط ساعة",
        "ميغاواط ساعة",
        M,
    ),
    (&["GWh"], "غيغاواط ساعي", "غيغاواط ساعي", "غيغاواط ساعي", M),
    (&["mAh"], "ميلي أمبير", "ميلي أمبير", "ميلي أمبير", M),
    (
        &["mmHg"],
        "مليمتر زئبقي",
        "مليمترات زئبقية",
        "مليمتران زئبقيان",
        M,
    ),
    (&["TB"], "تيرابايت", "تيرابايت", "تيرابايت", M),
    (&["GB", "غيغابايت"], "غيغابايت", "غيغابايت", "غيغابايت", M),
    (&["MB"], "ميغابايت", "ميغابايت", "ميغابايت", M),
    (&["KB", "kB"], "كيلوبايت", "كيلوبايت", "كيلوبايت", M),
    (
        &["Gbps", "Gb/s"],
        "غيغابت في الثانية",
        "غيغابت في الثانية",
        "غيغابت في الثانية",
        M,
    ),
    (
        &["Mbps", "Mb/s"],
        "ميغابت في الثانية",
        "ميغابت في الثانية",
        "ميغابت في الثانية",
        M,
    ),
    (
        &["kbps", "Kbps"],
        "كيلوبت في الثانية",
        "كيلوبت في الثانية",
        "كيلوبت في الثانية",
        M,
    ),
    (&["GHz"], "غيغاهرتز", "غيغاهرتز", "غيغاهرتز", M),
    (&["MHz"], "ميغاهرتز", "ميغاهرتز", "ميغاهرتز", M),
    (&["kHz", "KHz"], "كيلوهرتز", "كيلوهرتز", "كيلوهرتز", M),
    (&["Hz"], "هرتز", "هرتز", "هرتز", M),
    (&["nm"], "نانومتر", "نانومترات", "نانومتران", M),
    (&["µm", "μm"], "ميكرومتر", "ميكرومترات", "ميكرومتران", M),
    (&["dB"], "ديسيبل", "ديسيبل", "ديسيبل", M),
    (
        &["ppm"],
        "جزء في المليون",
        "أجزاء في المليون",
        "جزءان في المليون",
        M,
    ),
    (
        &["mph"],
        "ميل في الساعة",
        "أميال في الساعة",
        "ميلان في الساعة",
        M,
    ),
    (
        &["kcal"],
        "سعرة حرارية",
        "سعرات حرارية",
        "سعرتان حراريتان",
        F,
    ),
    (&["oz"], "أونصة", "أونصات", "أونصتان", F),
    (&["lb", "lbs"], "رطل", "أرطال", "رطلان", M),
    (&["ft"], "قدم", "أقدام", "قدمان", F),
    (
        &["µg", "μg", "mcg"],
        "ميكروغرام",
        "ميكروغرامات",
        "ميكروغرامان",
        M,
    ),
    (
        &["°C", "°م", "م°", "℃"],
        "درجة مئوية",
        "درجات مئوية",
        "درجتان مئويتان",
        F,
    ),
    (
        &["°F", "℉"],
        "درجة فهرنهايت",
        "درجات فهرنهايت",
        "درجتا فهرنهايت",
        F,
    ),
    (&["°"], "درجة", "درجات", "درجتان", F),
];

fn entry(row: &UnitRow) -> NounEntry {
    NounEntry {
        singular: row.1.to_string(),
        plurals: vec![row.2.to_string()],
        dual: row.3.to_string(),
        gender: row.4,
    }
}

fn find(rows: &[UnitRow], token: &str) -> Option<NounEntry> {
    rows.iter().find(|row| row.0.contains(&token)).map(entry)
}

/// A currency written as a symbol or ISO code ($, €, USD, AED…).
pub fn currency(token: &str) -> Option<NounEntry> {
    find(CURRENCIES, token)
}

/// True when `word` (a singular noun) names a currency (دولار، ليرة، شيكل، ين…): after a
/// number its written singular is read in the form the count wants (خمسة دولارات).
pub fn is_currency_name(word: &str) -> bool {
    CURRENCIES
        .iter()
        .any(|row| row.1.split(' ').next() == Some(word))
}

/// A currency written out in its singular after an amount ("جنيه إسترليني", "دولار"): the
/// entry and how many of `words` it took (the two-word name first).
pub fn currency_named(words: &[&str]) -> Option<(NounEntry, usize)> {
    let two = words.get(..2).map(|pair| pair.join(" "));
    let one = words.first()?;
    two.and_then(|two| CURRENCIES.iter().find(|row| row.1 == two))
        .map(|row| (entry(row), 2))
        .or_else(|| {
            CURRENCIES
                .iter()
                .find(|row| row.1 == *one)
                .map(|row| (entry(row), 1))
        })
}

/// A measurement unit abbreviation (كم، كلغ، سم، km، °C…). The ambiguous "م" is not
/// included: the verbalizer decides between متر, مساء and ميلادي by context.
pub fn unit(token: &str) -> Option<NounEntry> {
    find(UNITS, token)
}

/// A unit written out in its singular (كيلومتر، لتر), as against its abbreviation.
pub fn unit_named(word: &str) -> Option<NounEntry> {
    UNITS.iter().find(|row| row.1 == word).map(entry)
}

/// The metre, for "م" after a plain quantity.
pub fn metre() -> NounEntry {
    NounEntry {
        singular: "متر".to_string(),
        plurals: vec!["أمتار".to_string()],
        dual: "متران".to_string(),
        gender: Gender::Masculine,
    }
}

/// Subunit of a currency (its singular) and how many decimal places count it: fils are
/// thousandths of the Gulf and Levantine dinars, cents hundredths of the dollar, dirhams
/// hundredths of the Qatari riyal, baisa thousandths of the Omani riyal.
pub fn subunit(currency_singular: &str) -> Option<(&'static str, usize)> {
    let mut words = currency_singular.split(' ');
    let name = words.next()?;
    let country = words.next().unwrap_or("");
    match (name, country) {
        ("دينار", "تونسي") => Some(("مليم", 3)),
        ("دينار", "ليبي") => Some(("درهم", 3)),
        ("دينار", "جزائري") => Some(("سنتيم", 2)),
        ("دينار", _) => Some(("فلس", 3)),
        ("جنيه", "إسترليني") => Some(("بنس", 2)),
        ("ريال", "عماني") => Some(("بيسة", 3)),
        ("ريال", "قطري") => Some(("درهم", 2)),
        _ => subunit_of(currency_singular).map(|sub| (sub, 2)),
    }
}

/// Subunit of a currency word (for "5 دولارات و50 سنتا" the lexicon already knows سنت، فلس، هللة، قرش).
pub fn subunit_of(currency_singular: &str) -> Option<&'static str> {
    match currency_singular.split(' ').next()? {
        "دولار" | "يورو" => Some("سنت"),
        "درهم" | "دينار" => Some("فلس"),
        "ريال" => Some("هللة"),
        "جنيه" | "ليرة" => Some("قرش"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::numbers::Case;

    #[test]
    fn reads_currency_codes_with_agreement() {
        let dollar = currency("$").unwrap();
        assert_eq!(dollar.counted_phrase(5, Case::Nominative), "خمسة دولارات");
        let pound = currency("GBP").unwrap();
        assert_eq!(
            pound.counted_phrase(20, Case::Nominative),
            "عشرون جنيها إسترلينيا"
        );
        assert_eq!(pound.counted_phrase(2, Case::Oblique), "جنيهين إسترلينيين");
        let lira = currency("LBP").unwrap();
        assert_eq!(
            lira.counted_phrase(3, Case::Nominative),
            "ثلاث ليرات لبنانية"
        );
    }

    #[test]
    fn reads_units() {
        let km = unit("كم").unwrap();
        assert_eq!(km.counted_phrase(15, Case::Nominative), "خمسة عشر كيلومترا");
        assert_eq!(
            unit("°C").unwrap().counted_phrase(35, Case::Nominative),
            "خمس وثلاثون درجة مئوية"
        );
        assert_eq!(subunit_of("ريال سعودي"), Some("هللة"));
        let (pound, words) = currency_named(&["جنيه", "إسترليني", "فقط"]).unwrap();
        assert_eq!((pound.singular.as_str(), words), ("جنيه إسترليني", 2));
        let (dollar, words) = currency_named(&["دولار", "أمريكي"]).unwrap();
        assert_eq!((dollar.singular.as_str(), words), ("دولار", 1));
        assert!(currency_named(&["شخص"]).is_none());
        assert!(unit("م").is_none());
    }
}
