//! The syntactic slot of a number, and the case it gives the numeral.
//!
//! The words before a number in its clause decide its case:
//! - a preposition or genitive governor (في، نحو، بنسبة…), an indefinite noun in construct
//!   (بأغلبية، قادة) or a verbal noun (مقتل، هطول، بتغريمه) → genitive (oblique);
//! - إنّ/أنّ and their sisters → accusative (the number is their ism);
//! - a verb whose object is a quantity (بلغ، تجاوز، سجل، دفع… in any person, tense or with
//!   و/ف/ل/س glued) → accusative, also with a subject between (بلغت الخسائر 35 مليون);
//! - a verb read with the number as its subject (قتل 3 جنود، أصيب 7، سقط، وصل…) → nominative,
//!   unless a subject already stands between them (قتل الجيش 3 مسلحين → accusative);
//! - the start of a clause, or a topic of definite nouns (عدد القتلى 50) → nominative;
//! - anything else (labels such as إيرباص 320, unknown words) → the oblique form.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::alphabet::is_arabic_letter;
use super::dates;
use super::diacritize::{is_vowel_mark, strip_vowel_marks};
use super::nouns::{self, is_verbal_noun};
use super::numbers::{Case, Gender};
use super::places::is_place_name;

/// How many words back a verb is looked for across its subject.
const MAX_LOOKBACK: usize = 4;

/// Prepositions and nouns after which a number is genitive.
pub(crate) const GENITIVE_GOVERNORS: &[&str] = &[
    "في",
    "من",
    "عن",
    "إلى",
    "على",
    "بعد",
    "قبل",
    "خلال",
    "منذ",
    "حتى",
    "نحو",
    "حوالي",
    "حوالى",
    "قرابة",
    "زهاء",
    "بين",
    "مع",
    "لدى",
    "عند",
    "ضمن",
    "دون",
    "سوى",
    "غير",
    "عبر",
    "طوال",
    "طيلة",
    "إثر",
    "عقب",
    "جراء",
    "بسبب",
    "أمام",
    "حول",
    "ضد",
    "لصالح",
    "كل",
    "أي",
    "بنحو",
    "بحوالي",
    "بقرابة",
    "بنسبة",
    "بمعدل",
    "بقيمة",
    "بمبلغ",
    "بأكثر",
    "بأقل",
    "لنحو",
    "لحوالي",
    "أكثر",
    "أقل",
    "بواقع",
    "لمدة",
    "مدة",
    "بمدة",
    "بقوة",
    "بطول",
    "بعمق",
    "بارتفاع",
    "مقتل",
    "استشهاد",
    "اعتقال",
    "إطلاق",
    "إسقاط",
    "تدمير",
    "نزوح",
    "إجلاء",
    "تسجيل",
    "احتجاز",
    "إعدام",
    "إنقاذ",
    "ترحيل",
    "وصول",
    "برصيد",
    "رصيد",
    "بإجمالي",
    "إجمالي",
    "بمجموع",
    "مجموع",
    "بوزن",
    "بسرعة",
    "بمساحة",
    "بحدود",
    "حدود",
    "لأكثر",
    "لأقل",
    "بمشاركة",
    "بحضور",
    "مقابل",
    "بعمر",
    "بسعر",
    "بتكلفة",
    "بحجم",
    "بعدد",
    "بمقدار",
];

/// إنّ and its sisters: a number right after them is their ism, in the accusative.
const INNA_PARTICLES: &[&str] = &["إن", "أن", "بأن", "لأن", "لكن", "كأن", "لعل", "ليت"];

/// Words after which the number is the subject of a nominal sentence (لديها 40 فرعا).
const NOMINATIVE_OPENERS: &[&str] = &[
    "لديه",
    "لديها",
    "لديهم",
    "لدينا",
    "لديهما",
    "عنده",
    "عندها",
    "عندهم",
    "هناك",
    "ثمة",
    "هنالك",
    // A fronted "among them" (بينهم اثنان من الأطفال): the number is the subject.
    "بينهم",
    "بينهن",
    "بينهما",
    "بينها",
];

/// Verbs whose object is a quantity: (past 3rd masculine singular, present stem). Verbs of
/// two objects are in [`DOUBLE_OBJECT_VERBS`].
const TRANSITIVE_VERBS: &[(&str, &str)] = &[
    ("تبادل", "تبادل"),
    ("تقاسم", "تقاسم"),
    ("بلغ", "بلغ"),
    ("قصف", "قصف"),
    ("داهم", "داهم"),
    ("منع", "منع"),
    ("تجاوز", "تجاوز"),
    ("تخطى", "تخطى"),
    ("تعدى", "تعدى"),
    ("فاق", "فوق"),
    ("سجل", "سجل"),
    ("قضى", "قضي"),
    ("أمضى", "مضي"),
    ("ناهز", "ناهز"),
    ("قارب", "قارب"),
    ("أرسل", "رسل"),
    ("ضبط", "ضبط"),
    ("حقق", "حقق"),
    ("خسر", "خسر"),
    ("دفع", "دفع"),
    ("سدد", "سدد"),
    ("جمع", "جمع"),
    ("ربح", "ربح"),
    ("كسب", "كسب"),
    ("جنى", "جني"),
    ("حصد", "حصد"),
    ("أحرز", "حرز"),
    ("نال", "نال"),
    ("تلقى", "تلقى"),
    ("أنفق", "نفق"),
    ("استقبل", "ستقبل"),
    ("تسلم", "تسلم"),
    ("استلم", "ستلم"),
    ("باع", "بيع"),
    ("اشترى", "شتري"),
    ("استورد", "ستورد"),
    ("أنتج", "نتج"),
    ("وزع", "وزع"),
    ("قدم", "قدم"),
    ("خصص", "خصص"),
    ("رصد", "رصد"),
    ("ضخ", "ضخ"),
    ("اقترض", "قترض"),
    ("استثمر", "ستثمر"),
    ("عادل", "عادل"),
    ("ساوى", "ساوي"),
    ("ضم", "ضم"),
    ("شمل", "شمل"),
    ("تضمن", "تضمن"),
    ("استغرق", "ستغرق"),
    ("تطلب", "تطلب"),
    ("نشر", "نشر"),
    ("استعاد", "ستعيد"),
    ("استهدف", "ستهدف"),
    ("اعترض", "عترض"),
    ("صادر", "صادر"),
    ("حجز", "حجز"),
    ("أضاف", "ضيف"),
    ("وفر", "وفر"),
    ("خفض", "خفض"),
    ("رفع", "رفع"),
    ("قطع", "قطع"),
    // عبر alone is the preposition, which is looked up first (عبر 3 مراحل).
    ("عبر", "عبر"),
    ("اجتاز", "جتاز"),
    ("أنجز", "نجز"),
    ("شيد", "شيد"),
    ("بنى", "بني"),
    ("استخدم", "ستخدم"),
    ("طلب", "طلب"),
    ("حدد", "حدد"),
    ("أعلن", "علن"),
    ("أحصى", "حصي"),
    ("عالج", "عالج"),
    ("أجرى", "جري"),
    ("نفذ", "نفذ"),
    ("شن", "شن"),
    ("ألقى", "لقي"),
    ("أسقط", "أسقط"),
    ("أصاب", "صيب"),
    ("هاجم", "هاجم"),
    ("استضاف", "ستضيف"),
    ("سحب", "سحب"),
    ("حشد", "حشد"),
    ("جند", "جند"),
    ("درب", "درب"),
    ("عين", "عين"),
    ("انتخب", "نتخب"),
    ("أقال", "قيل"),
    ("أفرج", "فرج"),
    ("احتل", "حتل"),
    ("تصدر", "تصدر"),
    ("تابع", "تابع"),
    ("ملك", "ملك"),
    ("امتلك", "متلك"),
    ("حمل", "حمل"),
    ("تقاضى", "تقاضى"),
    ("استهلك", "ستهلك"),
    ("احتوى", "حتوي"),
    ("حوى", "حوي"),
    ("استوعب", "ستوعب"),
    ("استقطب", "ستقطب"),
    ("غطى", "غطي"),
    ("وظف", "وظف"),
    ("لعب", "لعب"),
    ("خاض", "خوض"),
    ("انتظر", "نتظر"),
    ("ألغى", "لغي"),
    ("أنهى", "نهي"),
    ("أخلى", "خلي"),
    ("أبقى", "بقي"),
    ("استدعى", "ستدعي"),
    ("أنشأ", "نشئ"),
    ("أعاد", "عيد"),
    ("افتتح", "فتتح"),
    ("اعتمد", "عتمد"),
    ("أصدر", "صدر"),
    ("نظم", "نظم"),
    ("زرع", "زرع"),
    ("أقر", "قر"),
    ("صنع", "صنع"),
    ("أدار", "دير"),
    ("التقى", "لتقي"),
    ("رفض", "رفض"),
    ("أضاع", "ضيع"),
    ("أهدر", "هدر"),
    ("ترك", "ترك"),
    ("هدم", "هدم"),
    ("أحرق", "حرق"),
    ("اختار", "ختار"),
    ("سرق", "سرق"),
    ("أوقع", "وقع"),
    ("أجلى", "جلي"),
    ("استرد", "سترد"),
    ("أتلف", "تلف"),
    ("أزال", "زيل"),
    ("دشن", "دشن"),
    ("احتسب", "حتسب"),
    ("ناقش", "ناقش"),
    ("استعرض", "ستعرض"),
    ("تناول", "تناول"),
    ("أبرم", "برم"),
    ("فتح", "فتح"),
    ("أحبط", "حبط"),
    ("فكك", "فكك"),
    ("أصلح", "صلح"),
    ("استأنف", "ستأنف"),
    ("أرجأ", "رجئ"),
    ("أودع", "ودع"),
    ("استقدم", "ستقدم"),
    ("طرح", "طرح"),
    ("أدرج", "درج"),
    ("اقتطع", "قتطع"),
    ("أعفى", "عفي"),
    ("أحال", "حيل"),
    ("شهد", "شهد"),
    ("حاز", "حوز"),
    ("قاطع", "قاطع"),
    ("انتقد", "نتقد"),
    ("تكبد", "تكبد"),
    ("تكلف", "تكلف"),
    ("صرف", "صرف"),
    ("فرض", "فرض"),
    ("اجتذب", "جتذب"),
    ("ادخر", "دخر"),
    ("استرجع", "سترجع"),
    // Verbs of an anniversary: تحيي البلاد الذكرى الـ 76، يصادف اليوم الذكرى الـ 50.
    ("أحيا", "حيي"),
    ("صادف", "صادف"),
];

/// Object-taking verbs listed by their present stem only: their past form is as often a noun
/// or a preposition (مثل، شكل، وزن، بعد), their present form is not (تمثل النساء 52%، يزن
/// المولود 3 كغ، تبعد الجزيرة 12 ميلا).
const PRESENT_ONLY_TRANSITIVE_STEMS: &[&str] = &["مثل", "شكل", "زن", "بعد", "شغل", "ضاهي"];

/// Verbs read with the number as their subject: intransitive, or passive as news writes them
/// unvowelled (قتل 3 جنود = قُتل).
const SUBJECT_VERBS: &[(&str, &str)] = &[
    // حل: came, arrived (حلت الذكرى، حل ضيفا، حل في المركز); "dissolved" rarely has a number.
    ("حل", "حل"),
    ("صلى", "صلي"),
    // The passive of أنشأ, told from the active by its hamza's seat (أنشئت 120 مدرسة).
    ("أنشئ", "نشأ"),
    // حكم: ruled, for a time (حكم الملك 40 عاما); a sentence of a court takes على.
    ("حكم", "حكم"),
    // نص: stipulated (نصت المادة 76 على، ينص البند 3 على); its subject is the article.
    ("نص", "نص"),
    ("ذاب", "ذوب"),
    ("هلك", "هلك"),
    ("غاب", "غيب"),
    ("احتج", "حتج"),
    ("أضرب", "ضرب"),
    ("تبرع", "تبرع"),
    ("قتل", "قتل"),
    ("أصيب", "صاب"),
    ("أقيم", "قام"),
    ("هطل", "هطل"),
    ("جرح", "جرح"),
    ("استشهد", "ستشهد"),
    ("سقط", "سقط"),
    ("وصل", "صل"),
    ("توفي", "توفى"),
    ("شارك", "شارك"),
    ("اعتقل", "عتقل"),
    ("أطلق", "طلق"),
    ("دمر", "دمر"),
    ("تضرر", "تضرر"),
    ("فقد", "فقد"),
    ("بقي", "بقى"),
    ("فاز", "فوز"),
    ("ارتفع", "رتفع"),
    ("انخفض", "نخفض"),
    ("نما", "نمو"),
    ("زاد", "زيد"),
    ("تراجع", "تراجع"),
    ("هبط", "هبط"),
    ("صعد", "صعد"),
    ("قفز", "قفز"),
    ("استمر", "ستمر"),
    ("حضر", "حضر"),
    ("نجا", "نجو"),
    ("مات", "موت"),
    ("لقي", "لقى"),
    ("غرق", "غرق"),
    ("نزح", "نزح"),
    ("فر", "فر"),
    ("عاد", "عود"),
    ("انضم", "نضم"),
    ("تقدم", "تقدم"),
    ("ظهر", "ظهر"),
    ("وقع", "قع"),
    ("جاء", "جيء"),
    ("حدث", "حدث"),
    ("أغلق", "غلق"),
    ("خطف", "خطف"),
    ("احتجز", "حتجز"),
    ("هجر", "هجر"),
    ("أنقذ", "نقذ"),
    ("انتشل", "نتشل"),
    ("عاش", "عيش"),
    ("أقام", "قيم"),
    ("عمل", "عمل"),
    ("سكن", "سكن"),
    ("وجد", "وجد"),
    ("تبقى", "تبقى"),
    ("مر", "مر"),
    ("مضى", "مضي"),
    ("انقضى", "نقضي"),
    ("تعرض", "تعرض"),
    ("تمكن", "تمكن"),
    ("تم", "تم"),
    ("جرى", "جري"),
    ("اندلع", "ندلع"),
    ("تأخر", "تأخر"),
    ("دام", "دوم"),
    ("امتد", "متد"),
    ("توقف", "توقف"),
    ("انطلق", "نطلق"),
    ("ولد", "ولد"),
    ("اكتمل", "كتمل"),
    ("انتهى", "نتهي"),
    ("تجمع", "تجمع"),
    ("تظاهر", "تظاهر"),
    ("اجتمع", "جتمع"),
    ("غادر", "غادر"),
    ("هرب", "هرب"),
    ("انسحب", "نسحب"),
    ("تأهل", "تأهل"),
    ("احترق", "حترق"),
    ("انهار", "نهار"),
    ("أعدم", "عدم"),
    ("نفق", "نفق"),
    ("عانى", "عاني"),
    ("احتاج", "حتاج"),
    ("استفاد", "ستفيد"),
    ("قطن", "قطن"),
    ("تواجد", "تواجد"),
    ("نجح", "نجح"),
    ("تخرج", "تخرج"),
    ("رسب", "رسب"),
    ("هاجر", "هاجر"),
    ("لجأ", "لجأ"),
    ("سافر", "سافر"),
    ("توجه", "توجه"),
    ("انتقل", "نتقل"),
    ("استقال", "ستقيل"),
    ("تطوع", "تطوع"),
    ("ترشح", "ترشح"),
    ("اشترك", "شترك"),
    ("التحق", "لتحق"),
    ("دخل", "دخل"),
    ("خرج", "خرج"),
    ("زار", "زور"),
    ("اعتصم", "عتصم"),
    ("احتفل", "حتفل"),
    ("تعافى", "تعافى"),
    ("شفي", "شفى"),
    ("استسلم", "ستسلم"),
    ("تسلل", "تسلل"),
    ("نقل", "نقل"),
    ("أوقف", "وقف"),
    ("اختطف", "ختطف"),
    ("أسعف", "سعف"),
    ("صوت", "صوت"),
    ("امتنع", "متنع"),
    ("حصل", "حصل"),
    ("أدلى", "دلي"),
    ("توافد", "توافد"),
    ("احتشد", "حتشد"),
    ("اختفى", "ختفي"),
    ("تنافس", "تنافس"),
    ("تسابق", "تسابق"),
    ("تسمم", "تسمم"),
    ("اختنق", "ختنق"),
    ("انشق", "نشق"),
    ("تجمهر", "تجمهر"),
    ("تمرد", "تمرد"),
    ("انتحر", "نتحر"),
    ("ساهم", "ساهم"),
    ("وافق", "وافق"),
    ("اعترض", "عترض"),
    ("استعد", "ستعد"),
    ("رسا", "رسو"),
    ("أبحر", "بحر"),
    ("أقلع", "قلع"),
    ("حلق", "حلق"),
    ("تحطم", "تحطم"),
    ("تعطل", "تعطل"),
    ("انتشر", "نتشر"),
    ("تمركز", "تمركز"),
    ("اصطدم", "صطدم"),
    ("تضاعف", "تضاعف"),
    ("تقلص", "تقلص"),
    // Verbs of a vote: the number counts the voters (أيدت 143 دولة القرار، عارضه 9).
    ("أيد", "ؤيد"),
    ("عارض", "عارض"),
    ("صادق", "صادق"),
    ("تغيب", "تغيب"),
];

/// Verbs whose object is a place or an event (حضر المباراة، اقتحم المسجد): when people are
/// counted after that object, the number is the subject, written after it (VOS).
const VISITING_VERBS: &[(&str, &str)] = &[
    ("حضر", "حضر"),
    ("زار", "زور"),
    ("دخل", "دخل"),
    ("غادر", "غادر"),
    ("شهد", "شهد"),
    ("تابع", "تابع"),
    ("شاهد", "شاهد"),
    ("قصد", "قصد"),
    ("ارتاد", "رتاد"),
    ("اقتحم", "قتحم"),
    ("أدى", "ؤدي"),
    ("عبر", "عبر"),
    ("اجتاز", "جتاز"),
];

static VISITING_FORMS: LazyLock<HashSet<String>> =
    LazyLock::new(|| inflected_forms(VISITING_VERBS));

/// Whether a number counting people after `before` is the subject of a visiting verb whose
/// definite object stands between them: "حضر المباراة 200 متفرج"، "اقتحم المسجد الأقصى
/// 1200 مستوطن" (nominative), where the clause is otherwise read verb, subject, object.
pub(crate) fn is_subject_after_object(before: &[&str]) -> bool {
    (1..=2).any(|object_words| {
        let Some(verb_at) = before.len().checked_sub(object_words + 1) else {
            return false;
        };
        let object = &before[verb_at + 1..];
        object.last().is_some_and(|w| is_definite(w))
            && !object.iter().any(|w| is_genitive_governor(w))
            && VISITING_FORMS.contains(without_conjunction(before[verb_at]))
    })
}

/// Whether the definite word just before a number is the subject of an object-taking verb
/// before it ("نظمت الجمعية 2 معرض"): the number is then that verb's object, not a label
/// of the definite word.
pub(crate) fn is_object_after_subject(before: &[&str]) -> bool {
    match before {
        [.., verb, subject] => {
            is_definite(subject) && verb_kind(verb) == Some(VerbKind::Transitive)
        }
        _ => false,
    }
}

/// How a verb relates to a number after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum VerbKind {
    /// The number is its object.
    Transitive,
    /// The number is its subject.
    Subject,
}

/// Verbs taking two objects (منحه جائزتين): with one glued on as a pronoun, the number is
/// still an object.
const DOUBLE_OBJECT_VERBS: &[(&str, &str)] = &[
    ("منح", "منح"),
    ("أعطى", "عطي"),
    ("كلف", "كلف"),
    ("كبد", "كبد"),
    ("غرم", "غرم"),
    ("أهدى", "هدي"),
    ("سلم", "سلم"),
    ("أقرض", "قرض"),
];

static DOUBLE_OBJECT_FORMS: LazyLock<HashSet<String>> =
    LazyLock::new(|| inflected_forms(DOUBLE_OBJECT_VERBS));

/// Whether `word` is a form of a verb of two objects (منح، أعطى), written without a pronoun.
fn is_double_object_verb(word: &str) -> bool {
    verb_candidates(word)
        .into_iter()
        .any(|candidate| DOUBLE_OBJECT_FORMS.contains(candidate))
}

/// The object-taking verbs: those of one object and those of two.
static TRANSITIVE_FORMS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut forms = inflected_forms(TRANSITIVE_VERBS);
    forms.extend(DOUBLE_OBJECT_FORMS.iter().cloned());
    forms.extend(
        PRESENT_ONLY_TRANSITIVE_STEMS
            .iter()
            .flat_map(|stem| present_forms(stem)),
    );
    forms
});
/// Verbs whose number is their subject, and the passives of the object-taking verbs that
/// end in ى, whose written form differs from the active's (ألغت / أُلغيت، أجرى / أُجري): the
/// number after them is the passive's subject (ألغيت 120 رحلة → مئة وعشرون).
static SUBJECT_FORMS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut forms = inflected_forms(SUBJECT_VERBS);
    let object_taking = TRANSITIVE_VERBS.iter().chain(DOUBLE_OBJECT_VERBS);
    forms.extend(
        object_taking
            .clone()
            .flat_map(|(past, _)| weak_passive_forms(past)),
    );
    forms.extend(object_taking.flat_map(|(past, _)| hollow_passive_forms(past)));
    forms
});

/// The passive past of a hollow verb, whose ا turns ي (أُعيد، أُحيلت، اختير، بِيعت): all its
/// forms where the verb has four letters or more; for three (باع، نال) only the feminine
/// بيعت, as بيع is as often the noun "sale".
fn hollow_passive_forms(past: &str) -> Vec<String> {
    let letters: Vec<char> = past.chars().collect();
    let [opening @ .., 'ا', last] = letters.as_slice() else {
        return Vec::new();
    };
    let passive = format!("{}ي{last}", opening.iter().collect::<String>());
    match opening.len() {
        0 => Vec::new(),
        1 => vec![format!("{passive}ت")],
        _ => past_forms(&passive),
    }
}

/// The passive past of a verb ending in ى: أُلغيت، and أُلغي where its stem has three letters
/// or more (بني is also the noun "sons of").
fn weak_passive_forms(past: &str) -> Vec<String> {
    let Some(base) = past.strip_suffix('ى') else {
        return Vec::new();
    };
    let mut forms = vec![format!("{base}يت")];
    if base.chars().count() >= 3 {
        forms.push(format!("{base}ي"));
    }
    forms
}

/// Past forms (بلغ، بلغت، بلغوا، بلغا) and present forms (يبلغ، تبلغ، يبلغون…) of each verb.
fn inflected_forms(verbs: &[(&str, &str)]) -> HashSet<String> {
    let mut forms = HashSet::new();
    for &(past, present) in verbs {
        forms.extend(past_forms(past));
        forms.extend(present_forms(present));
    }
    forms
}

fn past_forms(past: &str) -> Vec<String> {
    if let Some(base) = past.strip_suffix('ى') {
        // Not يت: أجريت is the news's passive (أُجريت), not "I conducted"; ينا is "we" (تلقينا).
        let suffixes = ["ى", "ت", "وا", "يا", "تا", "ينا"];
        return suffixes.iter().map(|s| format!("{base}{s}")).collect();
    }
    if let Some(base) = past.strip_suffix('ا') {
        let suffixes = ["ا", "ت", "وا", "تا"];
        return suffixes.iter().map(|s| format!("{base}{s}")).collect();
    }
    let suffixes = ["", "ت", "وا", "ا", "تا", "ن", "نا"];
    suffixes.iter().map(|s| format!("{past}{s}")).collect()
}

fn present_forms(stem: &str) -> Vec<String> {
    let weak = stem.strip_suffix(['ي', 'ى', 'و']);
    let mut forms = Vec::new();
    // No first person singular: أصيب (I hit) would shadow أصيب (he was hit).
    for prefix in ["ي", "ت", "ن"] {
        forms.push(format!("{prefix}{stem}"));
        let base = weak.unwrap_or(stem);
        for suffix in ["ون", "ان", "ين", "وا", "ا"] {
            forms.push(format!("{prefix}{base}{suffix}"));
        }
    }
    forms
}

/// The word with a glued conjunction (و، ف) removed.
pub(crate) fn without_conjunction(word: &str) -> &str {
    word.strip_prefix('و')
        .or_else(|| word.strip_prefix('ف'))
        .filter(|rest| rest.chars().count() >= 2)
        .unwrap_or(word)
}

/// Whether `word` is a known verb form, allowing glued و/ف and ل/س (ولتبلغ، سيتجاوز).
/// The forms a verb may stand in behind و/ف and the particles ل and س (وليبلغ → يبلغ).
fn verb_candidates(word: &str) -> Vec<&str> {
    let bare = without_conjunction(word);
    let mut candidates = vec![word, bare];
    for particle in ['ل', 'س'] {
        if let Some(rest) = bare.strip_prefix(particle) {
            candidates.push(rest);
        }
    }
    candidates
}

fn verb_kind(word: &str) -> Option<VerbKind> {
    // A writer's vowel marks (صوّت، سُجّل) do not change which verb it is.
    if word.chars().any(is_vowel_mark) {
        return verb_kind(&strip_vowel_marks(word));
    }
    if let Some(kind) = bare_verb_kind(word) {
        return Some(kind);
    }
    // A noun of measure with its pronoun (قدره، وزنه) is no verb with its object.
    if is_measure_with_pronoun(word) {
        return None;
    }
    let bare = without_conjunction(word);
    // With its object glued on as a pronoun (يستخدمه، قتلهم، تابعها) the verb takes the
    // number as its subject, unless it takes a second object (منحه، غرمته).
    // A final ى is written ا before the pronoun (أعطاهم، ألقاها).
    let verb = ["هما", "ها", "هم", "هن", "كم", "ه"]
        .iter()
        .filter_map(|pronoun| bare.strip_suffix(pronoun))
        .flat_map(|stem| {
            let undone = stem.strip_suffix('ا').map(|base| format!("{base}ى"));
            std::iter::once(stem.to_string()).chain(undone)
        })
        .find(|verb| is_verb_before_object_pronoun(verb))?;
    if DOUBLE_OBJECT_FORMS.contains(&verb) {
        Some(VerbKind::Transitive)
    } else {
        Some(VerbKind::Subject)
    }
}

/// Whether `word` is a verb the lists know whose number after it is its subject: a verb
/// without an object (وأصيبت، توفيت) or one with its object glued on (وعارضته).
pub(crate) fn takes_number_as_subject(word: &str) -> bool {
    verb_kind(word) == Some(VerbKind::Subject)
}

/// Whether `word` is a verb form the slot lists know (قتل، وأصيب، سيتجاوز).
pub(crate) fn is_known_verb(word: &str) -> bool {
    verb_kind(word).is_some()
}

/// Whether `word` is a verb the lists know or one of a verb's shapes (حررت، يدير، يرعى).
pub(crate) fn may_be_verb(word: &str) -> bool {
    verb_kind(word).is_some() || looks_like_verb(word).is_some()
}

/// How a verb written without an object pronoun relates to a number after it: a form of
/// the lists, or a past verb of the انفعل form.
fn bare_verb_kind(word: &str) -> Option<VerbKind> {
    // A form of both lists (قدم) is read as the object-taking verb.
    for candidate in verb_candidates(word) {
        if TRANSITIVE_FORMS.contains(candidate) {
            return Some(VerbKind::Transitive);
        }
        if SUBJECT_FORMS.contains(candidate) {
            return Some(VerbKind::Subject);
        }
    }
    verb_candidates(word)
        .into_iter()
        .any(|candidate| is_infaala_past(candidate) || is_fuuila_passive(candidate))
        .then_some(VerbKind::Subject)
}

/// The passive past of a verb of the فاعل form with its ending (صودرت، شوهدت، نوقشت، حوصروا):
/// its subject is the number after it. Without an ending the shape is as often a noun (كوكب،
/// جوهر), and one that opens with ت or أ is an active verb (توقفت، أوقفت).
fn is_fuuila_passive(word: &str) -> bool {
    ["تا", "وا", "ت"].iter().any(|suffix| {
        word.strip_suffix(suffix).is_some_and(|base| {
            let letters: Vec<char> = base.chars().collect();
            letters.len() == 4
                && letters[1] == 'و'
                && !"تأإاآوي".contains(letters[0])
                && is_strong_letter(letters[2])
                && is_strong_letter(letters[3])
        })
    })
}

/// A past verb of the انفعل form (انفجرت، اندلع، انهارت): it takes no object, so a number
/// after it is its subject. The افتعل verbs of a root in ن (انتقد، انتخب) share its
/// opening and do take one; their ت tells them apart.
fn is_infaala_past(word: &str) -> bool {
    ["تا", "وا", "ت", "ا", ""].iter().any(|suffix| {
        word.strip_suffix(suffix).is_some_and(|base| {
            let letters: Vec<char> = base.chars().collect();
            letters.len() == 5
                && base.starts_with("ان")
                && letters[2] != 'ت'
                && !matches!(letters[4], 'ء' | 'ة' | 'ى' | 'ا')
        })
    })
}

/// Whether `stem`, a word with its glued pronoun removed, is a verb form of the lists.
/// A feminine past in ت only when its stem is longer than three letters (أصابته، استهدفتهم):
/// after a bare triliteral, ت with a pronoun is as often a noun in ة (قتلته، دفعته، كلفته).
fn is_verb_before_object_pronoun(stem: &str) -> bool {
    if !is_listed_verb_form(stem) {
        return false;
    }
    match stem.strip_suffix('ت') {
        Some(masculine) => masculine.chars().count() > 3 && is_listed_verb_form(masculine),
        None => true,
    }
}

/// A form of a verb of either list.
fn is_listed_verb_form(form: &str) -> bool {
    TRANSITIVE_FORMS.contains(form) || SUBJECT_FORMS.contains(form)
}

/// كان and its sisters, in the forms news copy uses.
const KANA_SISTERS: &[&str] = &[
    "كان",
    "كانت",
    "كانوا",
    "يكون",
    "تكون",
    "يكونوا",
    "أصبح",
    "أصبحت",
    "اصبح",
    "اصبحت",
    "يصبح",
    "تصبح",
    "صار",
    "صارت",
    "يصير",
    "تصير",
    "بات",
    "باتت",
    "يبات",
    "ظل",
    "ظلت",
    "يظل",
    "تظل",
    "ليس",
    "ليست",
    "مازال",
    "مازالت",
    "لايزال",
    "مايزال",
    "زال",
    "زالت",
    "يزال",
    "تزال",
];

fn is_kana(word: &str) -> bool {
    KANA_SISTERS.contains(&without_conjunction(word))
}

fn is_inna(word: &str) -> bool {
    INNA_PARTICLES.contains(&word) || INNA_PARTICLES.contains(&without_conjunction(word))
}

/// Whether `word` governs a following number in the genitive (في، بنسبة، وخلال).
pub(crate) fn is_genitive_governor(word: &str) -> bool {
    GENITIVE_GOVERNORS.contains(&word) || GENITIVE_GOVERNORS.contains(&without_conjunction(word))
}

/// A definite noun: with the article, or with an attached pronoun (قيمتها، عددهم).
fn is_definite(word: &str) -> bool {
    let bare = without_conjunction(word);
    let article = bare.starts_with("ال") && bare.chars().count() > 3;
    let pronoun = ["ها", "هم", "هن", "هما"].iter().any(|suffix| {
        bare.strip_suffix(suffix)
            .is_some_and(|s| s.chars().count() >= 3)
    });
    // With ه only nouns of measure: many other words end in ه (وجه، تجاه).
    article || pronoun || is_measure_with_pronoun(word)
}

/// Nouns of measure as they stand before a glued ه (قدره، قيمته، عمره 40 عاما).
const MEASURE_NOUNS: &[&str] = &[
    "قدر",
    "قيمت",
    "عدد",
    "حجم",
    "مقدار",
    "طول",
    "وزن",
    "عمر",
    "ارتفاع",
    "مساحت",
    "سعر",
    "عرض",
    "عمق",
    "ثمن",
    "مجموع",
    "إجمالي",
    "اجمالي",
    "رصيد",
    "راتب",
    "دخل",
    "مدت",
    "سعت",
    "قوت",
    "تكلفت",
    "مسافت",
    "نسبت",
    "سرعت",
    "قطر",
    "حمولت",
    "طاقت",
    "قدرت",
    "معدل",
    "متوسط",
    "منسوب",
    "كميت",
    "درجت",
    "حصت",
];

/// The word without a glued preposition (ب، ل), if it had one.
fn without_preposition(word: &str) -> Option<&str> {
    let bare = without_conjunction(word);
    bare.strip_prefix('ب')
        .or_else(|| bare.strip_prefix('ل'))
        .filter(|rest| rest.chars().count() >= 3)
}

/// The word without attached pronoun (تغريمه → تغريم).
pub(crate) fn without_pronoun(word: &str) -> &str {
    ["هما", "هم", "هن", "ها", "ه", "كم", "نا"]
        .iter()
        .find_map(|suffix| {
            word.strip_suffix(suffix)
                .filter(|rest| rest.chars().count() >= 3)
        })
        .unwrap_or(word)
}

/// Indefinite nouns a number names a kind by (ذهب عيار 21، طائرة من طراز 737): a label,
/// whatever verb governs the phrase.
const LABEL_HEADS: &[&str] = &["عيار", "طراز", "موديل", "فئة", "إصدار", "مقاس"];

/// An indefinite noun in construct with the number (بأغلبية، قادة، هطول، عيار), or a noun
/// after a glued preposition (بتغريمه).
fn is_construct_head(word: &str) -> bool {
    if LABEL_HEADS.contains(&without_conjunction(word)) {
        return true;
    }
    if let Some(governed) = without_preposition(word) {
        if !governed.starts_with("ال") && !governed.starts_with('ل') {
            return true;
        }
    }
    if is_definite(word) || without_conjunction(word).starts_with("لل") || is_place_name(word) {
        return false;
    }
    let ends_in_ta = word.ends_with('ة') && word.chars().count() >= 3;
    // A noun of measure governs the number it measures (على طول 1200 كيلومتر).
    ends_in_ta
        || MEASURE_NOUNS.contains(&without_conjunction(word))
        || is_verbal_noun(without_pronoun(without_conjunction(word)))
        || is_plural_in_construct(without_conjunction(word))
}

/// A sound masculine plural that lost its ن in construct (ممثلو، مسؤولو، لاعبو): a
/// participle's shape before the و.
fn is_plural_in_construct(word: &str) -> bool {
    word.strip_suffix('و')
        .is_some_and(|stem| nouns::is_pattern_adjective(stem, Gender::Masculine))
}

/// Time nouns: after an intransitive verb the number counting them is an adverb of time
/// (استمر 20 عاما), accusative.
const TIME_NOUNS: &[&str] = &[
    "عام",
    "عاما",
    "أعوام",
    "سنة",
    "سنوات",
    "سنين",
    "شهر",
    "شهرا",
    "أشهر",
    "شهور",
    "يوم",
    "يوما",
    "أيام",
    "ساعة",
    "ساعات",
    "دقيقة",
    "دقائق",
    "أسبوع",
    "أسبوعا",
    "أسابيع",
    "ليلة",
    "ليال",
    "عقد",
    "عقود",
    // How many times: an adverb too (فاز 21 مرة).
    "مرة",
    "مرات",
];

/// Verbs whose subject is the time itself (مرت 20 عاما، بقي 3 أيام).
const TIME_SUBJECT_VERBS: &[&str] = &[
    "مر",
    "مرت",
    "مضى",
    "مضت",
    "انقضى",
    "انقضت",
    "بقي",
    "بقيت",
    "تبقى",
    "تبقت",
];

/// The words after a number that its slot depends on.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct After<'a> {
    /// The word right after the number.
    pub(crate) word: Option<&'a str>,
    /// Whether the number counts people (12 لاعبا، 120 ألف طالب), as the verbalizer's noun
    /// lexicon tells.
    pub(crate) counts_people: bool,
}

/// The case of a number whose clause has `before` in front of it (nearest word last) and
/// `after` it.
pub(crate) fn case_of_slot(before: &[&str], after: After) -> Case {
    let Some(&prev) = before.last() else {
        return Case::Nominative;
    };
    if is_inna(prev) {
        return Case::Accusative;
    }
    if is_genitive_governor(prev) || is_governed_by_verbal_noun(before) {
        return Case::Oblique;
    }
    match verb_kind(prev) {
        // People counted right after the verb are its subject, active or passive (انتخب 150
        // نائبا، عين 3 وزراء): with no subject between, an object reading needs a pronoun
        // subject, which news copy rarely leaves for a count of people.
        // الجيش اعتقل 30 متظاهرا: with its subject in front, the verb takes the number as
        // its object, whatever it counts.
        Some(_) if has_fronted_subject(before) => return Case::Accusative,
        // A verb of two objects gives people first (منح 30 متفوقا جوائز): they are its object.
        // A feminine verb before men counted (تستقبل 20 مريضا) does not agree with them: they
        // are its object.
        Some(VerbKind::Transitive)
            if after.counts_people && is_feminine_before_men(prev, after) =>
        {
            return Case::Accusative
        }
        Some(VerbKind::Transitive)
            if after.counts_people && !is_amount_verb(prev) && !is_double_object_verb(prev) =>
        {
            return Case::Nominative
        }
        Some(VerbKind::Transitive) if is_vehicle_moving(prev, after.word) => {
            return Case::Nominative
        }
        Some(VerbKind::Transitive) => return Case::Accusative,
        Some(VerbKind::Subject) => return subject_or_time(prev, after.word),
        // People counted right after a verb no list knows are its subject too (يحمل 60% من
        // البالغين).
        None if after.counts_people && is_feminine_before_men(prev, after) => {
            return Case::Accusative
        }
        None if after.counts_people && looks_like_verb(prev).is_some() => return Case::Nominative,
        // A sentence opens with its verb: an indefinite word alone before people counted is
        // one no list knows (أكمل 90 متسابقا السباق).
        None if after.counts_people && before.len() == 1 && opens_with_verb(prev) => {
            return Case::Nominative
        }
        None => {}
    }
    if NOMINATIVE_OPENERS.contains(&without_conjunction(prev)) || is_kana(prev) {
        return Case::Nominative;
    }
    if is_fronted_partitive(before) {
        return Case::Nominative;
    }
    if opens_describing_clause(before) || ends_in_fronted_clause(before) {
        return Case::Nominative;
    }
    if is_construct_head(prev) {
        return Case::Oblique;
    }
    if is_subject_by_agreement(before, after.word) {
        return Case::Nominative;
    }
    case_across_subject(before, after.word)
}

/// Whether a definite head right after the verb that opens its clause is that verb's
/// subject (انعقد المؤتمر، بدأت الدورة، اختتمت الدورة): with no noun in front of a verb that
/// takes no object, the first noun after it is its subject, or after a passive verb the
/// subject's deputy.
pub(crate) fn is_subject_after_opening_verb(before: &[&str], head: &str) -> bool {
    let [verb] = before else {
        return false;
    };
    // A verb that takes an object often has its subject left out (احتل المرتبة 150).
    let intransitive = match verb_kind(verb) {
        Some(kind) => kind == VerbKind::Subject,
        None => is_feminine_past(without_conjunction(verb)) || looks_like_verb(verb).is_some(),
    };
    let head = without_conjunction(head);
    // A feminine head after a masculine verb is not its subject (افتتح الدورة الـ33).
    let disagrees = head.ends_with('ة') && is_masculine_verb(verb);
    is_definite(head) && (intransitive || is_event_opened(verb, head)) && !disagrees
}

/// A verb whose subject is masculine: a past without the feminine ت (افتتح، عقد) or a present
/// in ي (يفتتح).
fn is_masculine_verb(verb: &str) -> bool {
    let bare = without_conjunction(verb);
    let bare = bare
        .strip_prefix('س')
        .filter(|rest| rest.starts_with('ي'))
        .unwrap_or(bare);
    bare.starts_with('ي') || !(bare.ends_with('ت') || bare.starts_with('ت'))
}

/// Verbs that open, close or hold an event (افتتح، اختتم، عقد، نظم), and the events they do
/// it to: with nothing between them the event is the subject, mostly of the passive
/// (افتتحت الدورة الـ57 → افتُتحت الدورةُ السابعةُ والخمسون), and no left-out subject does it.
static EVENT_VERB_FORMS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    inflected_forms(&[
        ("افتتح", "فتتح"),
        ("اختتم", "ختتم"),
        ("عقد", "عقد"),
        ("نظم", "نظم"),
        ("دشن", "دشن"),
        ("أقام", "قيم"),
        ("استأنف", "ستأنف"),
    ])
});

const EVENT_NOUNS: &[&str] = &[
    "دورة",
    "نسخة",
    "قمة",
    "جلسة",
    "جولة",
    "مؤتمر",
    "اجتماع",
    "معرض",
    "مهرجان",
    "بطولة",
    "منتدى",
    "ملتقى",
    "مباراة",
    "ندوة",
    "مسابقة",
    "موسم",
    "حملة",
    "ماراثون",
    "انتخابات",
];

/// Whether `head` (definite) names an event and `verb` opens, closes or holds it.
fn is_event_opened(verb: &str, head: &str) -> bool {
    let noun = head.strip_prefix("ال").unwrap_or(head);
    EVENT_NOUNS.contains(&noun)
        && verb_candidates(verb)
            .into_iter()
            .any(|form| EVENT_VERB_FORMS.contains(form))
}

/// Whether a head with a possessive pronoun (جلسته، دورتها) after an unknown first word and
/// definite words is an object: the clause runs verb, subject, object (عقد المجلس جلسته), for a
/// construct of two nouns takes no predicate that owns a thing of the subject's.
pub(crate) fn is_owned_object_after_subject(before: &[&str], head: &str) -> bool {
    let [verb, subject @ ..] = before else {
        return false;
    };
    if subject.is_empty() || subject.len() > 3 {
        return false;
    }
    let bare = without_conjunction(head);
    let owned = ["ه", "ها", "هم", "هما"]
        .iter()
        .any(|pronoun| bare.ends_with(pronoun))
        && without_pronoun(bare) != bare;
    owned && opens_with_verb(verb) && subject.iter().all(|w| is_definite(without_conjunction(w)))
}

/// Whether a feminine verb of crossing or leaving (عبرت، تقطع، غادرت) is followed by a count
/// of vehicles (40 شاحنة، 3 سفن): they are what moves, its subject, not what it crosses.
fn is_vehicle_moving(verb: &str, counted: Option<&str>) -> bool {
    const MOTION_FORMS: &[&str] = &[
        "عبرت",
        "تعبر",
        "قطعت",
        "تقطع",
        "اجتازت",
        "تجتاز",
        "غادرت",
        "تغادر",
        "سلكت",
        "تسلك",
    ];
    const VEHICLES: &[&str] = &[
        "شاحنة",
        "شاحنات",
        "سيارة",
        "سيارات",
        "حافلة",
        "حافلات",
        "سفينة",
        "سفن",
        "مركبة",
        "مركبات",
        "قافلة",
        "قوافل",
        "طائرة",
        "طائرات",
        "ناقلة",
        "ناقلات",
        "باخرة",
        "بواخر",
    ];
    MOTION_FORMS.contains(&without_conjunction(verb))
        && counted.is_some_and(|w| VEHICLES.contains(&w))
}

/// Whether `verb` is in the feminine (استقبلت، تستقبل) and the people counted after it are
/// men or mixed (مريضا، لاجئا، أشخاص), so that the verb cannot agree with them.
fn is_feminine_before_men(verb: &str, after: After) -> bool {
    let Some(counted) = after.word else {
        return false;
    };
    // "رفضت 2 من الدول": the verb agrees with what the partitive names.
    let partitive = counted == "من" || OF_THEM.contains(&counted);
    let women = counted.ends_with(['ة', 'ى']) || counted.ends_with("ات") || counted == "نساء";
    !partitive && !women && is_feminine_verb(verb)
}

/// A feminine verb: a past in ت no list knows, or a form of a listed object-taking verb in
/// its feminine past or present (استقبلت، تستقبل، وتستقبل).
fn is_feminine_verb(word: &str) -> bool {
    verb_candidates(word)
        .into_iter()
        .any(|form| FEMININE_TRANSITIVE_FORMS.contains(form))
        || verb_kind(word).is_none() && is_feminine_past(without_conjunction(word))
}

/// The feminine singular forms of the object-taking verbs: past in ت, present in تـ. A
/// present of three letters after its ت has the shape of a masculine past (تقدم، تجمع: تجمع
/// 5000 متظاهر is a subject), so it is left out.
static FEMININE_TRANSITIVE_FORMS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    TRANSITIVE_VERBS
        .iter()
        .flat_map(|&(past, present)| {
            let base = past.strip_suffix(['ى', 'ا']).unwrap_or(past);
            let feminine_present = (present.chars().count() != 3).then(|| format!("ت{present}"));
            std::iter::once(format!("{base}ت")).chain(feminine_present)
        })
        .collect()
});

/// A feminine verb no list knows, a definite masculine singular and a number counting a
/// feminine noun (عبرت المعبر 2 شاحنة): the verb agrees with the count, its subject; the
/// definite word is the object.
fn is_subject_by_agreement(before: &[&str], counted: Option<&str>) -> bool {
    let [.., verb, object] = before else {
        return false;
    };
    let verb = without_conjunction(verb);
    let masculine_singular = object.starts_with("ال")
        && !object.ends_with(['ة', 'ى'])
        && !object.ends_with("ات")
        && !object.ends_with("اء");
    let feminine_count = counted.is_some_and(|w| w.ends_with('ة') || w.ends_with("ات"));
    let unlisted_or_moving = verb_kind(verb).is_none() || is_vehicle_moving(verb, counted);
    unlisted_or_moving && is_feminine_past(verb) && masculine_singular && feminine_count
}

/// من with a plural pronoun: "of them".
pub(crate) const OF_THEM: &[&str] = &["منهم", "منها", "منهن", "منهما"];

/// "of them" fronted after a noun (40 شخصا منهم 12 طفلا، 400 سرير منها 60 للعناية): the
/// number after it is the delayed subject. After a verb (أنفق منها 5 ملايين) it is not.
fn is_fronted_partitive(before: &[&str]) -> bool {
    match before {
        [.., head, prev] if OF_THEM.contains(&without_conjunction(prev)) => {
            verb_kind(head).is_none() && looks_like_verb(head).is_none()
        }
        [prev] => OF_THEM.contains(&without_conjunction(prev)),
        _ => false,
    }
}

/// Whether the verb last in `before` has its subject in front of it (الرئيس التقى، قال إن
/// الجيش اعتقل، قائد الجيش اعتقل): a definite noun neither governed by a preposition nor
/// describing a definite noun before it (في الأسبوع الماضي قتل). The verb then takes the
/// number as its object, whatever it counts.
fn has_fronted_subject(before: &[&str]) -> bool {
    let [.., subject, verb] = before else {
        return false;
    };
    let subject = without_conjunction(subject);
    // A day or a time word in front is an adverb, not the subject (الخميس اعتقل 12 ناشطا).
    let time_word = ["اليوم", "الليلة", "الآن"].contains(&subject)
        || super::dates::ARABIC_WEEKDAYS.contains(&subject);
    // A verb with its object glued on (يستخدمه) takes the number as its subject.
    let definite = subject.starts_with("ال") && is_definite(subject);
    if time_word || bare_verb_kind(verb).is_none() || !definite {
        return false;
    }
    match before {
        [.., governor, _, _] => {
            !is_genitive_governor(governor)
                && verb_kind(governor).is_none()
                && !without_conjunction(governor).starts_with("ال")
        }
        _ => true,
    }
}

/// Prepositions no verb follows: a verb's form after them is its verbal noun.
const NOUN_PREPOSITIONS: &[&str] = &[
    "في", "من", "عن", "إلى", "على", "بعد", "قبل", "خلال", "عقب", "إثر", "جراء", "بسبب", "وسط",
    "رغم", "مع", "حول", "ضد", "عبر", "دون", "بفضل",
];

/// Verbs whose subject is a verbal noun (تم نقل، جرى تسليم).
const LIGHT_VERBS: &[&str] = &[
    "تم",
    "تمت",
    "يتم",
    "تتم",
    "سيتم",
    "ستتم",
    "جرى",
    "جرت",
    "يجري",
    "تجري",
    "سيجري",
];

/// A verb's form right after a preposition is its verbal noun in construct, and the number
/// after it genitive (بعد تراجع 5 لاعبين، عقب تظاهر 300 شخص); so is any word after a light
/// verb (تم نقل 20 جريحا، جرى بيع 1.5 مليون).
fn is_governed_by_verbal_noun(before: &[&str]) -> bool {
    let [.., governor, word] = before else {
        return false;
    };
    let governor = without_conjunction(governor);
    let after_light_verb = LIGHT_VERBS.contains(&governor) && !is_definite(word);
    after_light_verb || NOUN_PREPOSITIONS.contains(&governor) && verb_kind(word).is_some()
}

/// Verbs whose object is an amount reached (بلغ 12 مواطنا، تجاوز مليون جندي), whatever it
/// counts.
fn is_amount_verb(word: &str) -> bool {
    static FORMS: LazyLock<HashSet<String>> = LazyLock::new(|| {
        inflected_forms(&[
            ("بلغ", "بلغ"),
            ("تجاوز", "تجاوز"),
            ("تخطى", "تخطى"),
            ("ناهز", "ناهز"),
            ("فاق", "فوق"),
            ("قارب", "قارب"),
            ("تعدى", "تعدى"),
            ("سجل", "سجل"),
            ("شمل", "شمل"),
            ("ضم", "ضم"),
        ])
    });
    verb_candidates(word)
        .into_iter()
        .any(|candidate| FORMS.contains(candidate))
}

fn subject_or_time(verb: &str, next: Option<&str>) -> Case {
    let time = next.is_some_and(|n| TIME_NOUNS.contains(&n));
    if time && !TIME_SUBJECT_VERBS.contains(&without_conjunction(verb)) {
        Case::Accusative
    } else {
        Case::Nominative
    }
}

/// A verb further back: its subject stands between it and the number, so the number is
/// its object (accusative); only prepositional phrases between keep a subject reading.
fn case_across_subject(before: &[&str], next: Option<&str>) -> Case {
    // A connective (بينما تكلفة الإقامة 450، حيث عدد السكان 3 ملايين) opens a new clause:
    // the verbs before it do not reach the number.
    let connective = before.iter().rposition(|w| {
        CLAUSE_CONNECTIVES.contains(w) || CLAUSE_CONNECTIVES.contains(&without_conjunction(w))
    });
    let before = connective.map_or(before, |at| &before[at + 1..]);
    let crossed = &before[before.len().saturating_sub(MAX_LOOKBACK + 1)..];
    for back in 2..=crossed.len() {
        let word = crossed[crossed.len() - back];
        let between = &crossed[crossed.len() - back + 1..];
        if is_genitive_governor(word) {
            continue;
        }
        if let Some(kind) = verb_kind(word).or_else(|| looks_like_verb(word)) {
            let only_phrases = only_prepositional_phrases(between);
            return if kind == VerbKind::Subject && only_phrases {
                subject_or_time(word, next)
            } else {
                Case::Accusative
            };
        }
        if is_inna(word) {
            return Case::Nominative;
        }
        // كان and its sisters: the words between are its subject, the number its predicate
        // (كان عمره 12 عاما → اثني عشر).
        if is_kana(word) && is_topic(between) {
            return Case::Accusative;
        }
    }
    if before.len() <= MAX_LOOKBACK && (is_topic(before) || is_fronted_predicate(before)) {
        return Case::Nominative;
    }
    Case::Oblique
}

/// Whether a clause's first word may be a past verb no list knows: indefinite, of three to
/// five Arabic letters, and neither a particle, a verbal noun (a headline's تكريم 40 طالبا)
/// nor a noun that opens a clause (أكمل، نظم).
fn opens_with_verb(word: &str) -> bool {
    let word = without_conjunction(word);
    let letters = word.chars().count();
    !is_definite(word)
        && (3..=5).contains(&letters)
        && word.chars().all(is_arabic_letter)
        && !word.ends_with(['ة', 'ى', 'ء'])
        && !is_verbal_noun(word)
        && !NOMINATIVE_OPENERS.contains(&word)
        && !is_inna(word)
        && !is_kana(word)
        && !is_genitive_governor(word)
}

/// A word no list knows that has the shape of a verb: of the present, يـ and three letters
/// or more (ينصح، يستقبل) or تـ and three (تسير، تضم), not a noun of that shape (يوم; تقدم is
/// a past verb too); of the past with a feminine subject, as [`is_feminine_past`] knows it
/// (حررت، أوقفت). Its kind is unknown; the subject reading is the safer one.
fn looks_like_verb(word: &str) -> Option<VerbKind> {
    const NOUNS: &[&str] = &[
        "يوم",
        "يومي",
        "يمين",
        "يسار",
        "يورو",
        "يوان",
        "يونيو",
        "يناير",
        "يوليو",
        "يونيه",
        "يوليه",
        "ينبوع",
        "تحت",
        "تلك",
        "تجاه",
        "تقريبا",
        "سيناريو",
        "سيليكون",
    ];
    let whole = without_conjunction(word);
    if NOUNS.contains(&whole) {
        return None;
    }
    // The future's س before a present verb (سيستقبل، ستضم).
    let bare = whole
        .strip_prefix('س')
        .filter(|rest| rest.starts_with(['ي', 'ت']))
        .unwrap_or(whole);
    let letters = bare.chars().count();
    // A present of a root in ى has its shape (يرعى، يسعى), a few names too (يحيى).
    let weak_present = bare.ends_with('ى')
        && letters == 4
        && bare.starts_with('ي')
        && !["يحيى", "يمنى", "يسرى"].contains(&bare);
    let noun_ending =
        (bare.ends_with(['ة', 'ء', 'ا', 'ى']) || bare.ends_with("ات")) && !weak_present;
    let present =
        (bare.starts_with('ي') && letters >= 4) || (bare.starts_with('ت') && letters == 4);
    ((present && !noun_ending) || is_feminine_past(whole) || is_derived_past(whole))
        .then_some(VerbKind::Subject)
}

/// A masculine past of the افتعل or استفعل form (اعتقل، ارتفع، استطاع، استقبل): its shape is
/// a verb's; the nouns of these forms are longer (اعتقال، استقبال).
fn is_derived_past(word: &str) -> bool {
    let letters: Vec<char> = word.chars().collect();
    match letters.as_slice() {
        ['ا', _, 'ت', third, last] => is_strong_letter(*third) && is_strong_letter(*last),
        ['ا', 'س', 'ت', first, _, last] => is_strong_letter(*first) && is_strong_letter(*last),
        _ => false,
    }
}

/// A letter that is neither a long vowel, a hamza nor ة: a root's strong consonant in the
/// shapes of derived verbs.
fn is_strong_letter(c: char) -> bool {
    !"اأإآوىيءئؤة".contains(c)
}

/// The shape of a past verb with a feminine subject: ت after a consonant ending فعلت (حررت),
/// أفعلت، فاعلت (أوقفت، شاركت), تفعّلت، افتعلت (تحولت، اعتقلت) or استفعلت. A name of
/// another shape (روبرت، مايكروسوفت) is left alone.
pub(crate) fn is_feminine_past(word: &str) -> bool {
    let Some(stem) = word.strip_suffix('ت') else {
        return false;
    };
    let letters: Vec<char> = word.chars().collect();
    let Some(&before_ta) = letters.len().checked_sub(2).and_then(|k| letters.get(k)) else {
        return false;
    };
    let consonant = !"اويىةء".contains(before_ta) && is_arabic_letter(before_ta);
    let shaped = match letters.len() {
        4 => true,
        // أفعل، فاعل and تفعّل (أوقفت، شاركت، تعهدت).
        5 => matches!(letters[0], 'أ' | 'ت') || letters[1] == 'ا',
        6 => matches!(letters[0], 'ت' | 'ا' | 'إ'),
        7 => stem.starts_with("است"),
        _ => false,
    };
    consonant && shaped
}

/// Words that join a clause to what came before without governing it.
const CLAUSE_CONNECTIVES: &[&str] = &["بينما", "حيث", "إذ", "كما", "لكن", "بل", "فيما", "حين"];

/// Prepositions that open a clause whose subject comes after them (في المدينة 30 مدرسة).
const FRONTED_PREPOSITIONS: &[&str] = &["في", "لدى", "عند", "أمام", "بين", "على", "مع", "تحت"];

/// A whole clause before the number that is a fronted predicate: a preposition and its noun
/// (في المدينة، لدى الشركة، بين القتلى), a preposition with its pronoun (لديه، أمامه) or a
/// noun with ل (للشركة). The number is the delayed subject, in the nominative.
fn is_fronted_predicate(words: &[&str]) -> bool {
    let Some((first, rest)) = words.split_first() else {
        return false;
    };
    let first = without_conjunction(first);
    let with_noun = FRONTED_PREPOSITIONS.contains(&first) && (1..=2).contains(&rest.len());
    let whole = is_preposition_with_pronoun(first)
        || (first.starts_with("لل") && first.chars().count() > 4);
    let plain_noun = |w: &&str| verb_kind(w).is_none() && !is_genitive_governor(w) && !is_inna(w);
    // An indefinite noun right before the number governs it (في غضون 48 ساعة); after a
    // construct (في مخيم جنين) the name closes the phrase.
    let ends_definite = rest
        .last()
        .is_none_or(|w| is_definite(w) || is_place_name(w))
        || rest.len() == 2;
    (with_noun || (whole && rest.len() <= 1)) && ends_definite && rest.iter().all(plain_noun)
}

/// "وصلت الباخرة وعلى متنها 2000 حاوية": و before a fronted predicate (وعلى متنها، وفي المدينة،
/// ولديه) opens a clause of its own, whose delayed subject is the number. A whole clause of
/// that shape is [`is_fronted_predicate`]'s.
fn ends_in_fronted_clause(before: &[&str]) -> bool {
    let first = before.len().saturating_sub(3).max(1);
    (first..before.len()).any(|k| {
        let word = before[k];
        word.starts_with('و')
            && without_conjunction(word) != word
            && is_fronted_predicate(&before[k..])
    })
}

/// "دفع مبلغا قدره 20 ألفا": a noun of measure with its pronoun after a noun (not after
/// a verb, whose subject it would be: بلغت قيمتها) opens a clause describing that noun, and
/// the number is its predicate.
fn opens_describing_clause(before: &[&str]) -> bool {
    let [.., head, measure] = before else {
        return false;
    };
    is_measure_with_pronoun(measure) && verb_kind(head).is_none() && !is_kana(head)
}

/// A noun of measure with a pronoun glued on (قدره، قيمتها، عددهم).
/// The word is tried whole too: وزنه is the weight, not و with زنه.
fn is_measure_with_pronoun(word: &str) -> bool {
    [word, without_conjunction(word)].iter().any(|bare| {
        ["هما", "هم", "هن", "ها", "ه"]
            .iter()
            .filter_map(|suffix| bare.strip_suffix(suffix))
            .any(|stem| MEASURE_NOUNS.contains(&stem))
    })
}

/// Every word is a preposition, follows one (في الهجوم) or its noun as an adjective (في
/// القطاع الصحي), is one with its pronoun (فيها) or
/// is an adverb of time or manner (أمس، حاليا).
fn only_prepositional_phrases(words: &[&str]) -> bool {
    words.iter().enumerate().all(|(k, word)| {
        is_genitive_governor(word)
            || is_preposition_with_pronoun(word)
            || is_glued_preposition_phrase(word)
            || (k > 0 && is_genitive_governor(words[k - 1]))
            || (k > 1 && is_genitive_governor(words[k - 2]) && is_definite_adjective(word))
            || is_clause_adverb(without_conjunction(word))
    })
}

/// An adjective with the article, describing the noun of a phrase (في القطاع الصحي، في
/// المنطقة الشمالية، في الهجوم الأخير): a nisba in ي or ية, or a participle's pattern.
pub(crate) fn is_definite_adjective(word: &str) -> bool {
    word.strip_prefix("ال").is_some_and(|bare| {
        let nisba = bare.ends_with('ي') && bare.chars().count() >= 3;
        nisba
            || nouns::is_nisba_adjective(bare, Gender::Feminine)
            || [Gender::Masculine, Gender::Feminine]
                .into_iter()
                .any(|gender| nouns::is_pattern_adjective(bare, gender))
    })
}

/// A preposition glued to a definite noun (بالبرنامج، للانتخابات، وبالمدينة).
fn is_glued_preposition_phrase(word: &str) -> bool {
    let bare = without_conjunction(word);
    ["بال", "لل", "كال"].iter().any(|p| {
        bare.strip_prefix(p)
            .is_some_and(|rest| rest.chars().count() >= 2)
    })
}

/// An adverb of time or manner, or a weekday without يوم (تنطلق الأحد النسخة الـ 20).
fn is_clause_adverb(word: &str) -> bool {
    CLAUSE_ADVERBS.contains(&word) || dates::ARABIC_WEEKDAYS.contains(&word)
}

/// Adverbs that may stand between a verb and its subject (وصل أمس 200 حاج).
const CLAUSE_ADVERBS: &[&str] = &[
    "أمس",
    "اليوم",
    "الليلة",
    "حاليا",
    "مؤخرا",
    "أيضا",
    "كذلك",
    "فجرا",
    "صباحا",
    "مساء",
    "ليلا",
    "ظهرا",
    "فقط",
    "تقريبا",
    "بالفعل",
    "الآن",
    "غدا",
    "مجددا",
    "رسميا",
    "عصرا",
];

/// A preposition with its pronoun glued on: فيها، منهم، عليه، إليها، له، بها، لديه.
fn is_preposition_with_pronoun(word: &str) -> bool {
    const PREPOSITION_STEMS: &[&str] = &[
        "في", "من", "عن", "إلي", "علي", "ل", "ب", "مع", "لدي", "عند", "أمام",
    ];
    // Both readings of a leading و/ف: فيها is في with its pronoun, not ف + يها.
    [word, without_conjunction(word)].iter().any(|candidate| {
        ["هما", "ها", "هم", "هن", "كم", "نا", "ه"]
            .iter()
            .filter_map(|pronoun| candidate.strip_suffix(pronoun))
            .any(|stem| PREPOSITION_STEMS.contains(&stem))
    })
}

/// A clause-initial topic of definite nouns (العدد، عدد القتلى): the number is its predicate.
fn is_topic(words: &[&str]) -> bool {
    if words.iter().any(|word| is_verbal_noun_after_bi(word)) {
        return false;
    }
    let definite_chain = words.iter().enumerate().all(|(k, word)| {
        // A nominative plural (المسلمون) ends no construct: the word before it is a verb
        // (صام المسلمون 30 يوما).
        let heads_definite = words
            .get(k + 1)
            .is_some_and(|next| is_definite(next) && !next.ends_with("ون"));
        (is_definite(word) || heads_definite) && !is_genitive_governor(word)
    });
    definite_chain || is_measure_chain(words)
}

/// ب glued to a verbal noun (بخفض، برفع، بتقليص، بإطلاق): the phrase it opens (بخفض الانبعاثات
/// 45%) is no topic, and the amount after it is the verbal noun's.
fn is_verbal_noun_after_bi(word: &str) -> bool {
    without_conjunction(word)
        .strip_prefix('ب')
        .filter(|rest| rest.chars().count() >= 3)
        .is_some_and(|rest| bare_verb_kind(rest).is_some() || nouns::is_verbal_noun(rest))
}

/// A construct chain opened by a noun of measure, ending in a name or any noun (سعر سهم
/// أرامكو، عدد سكان مدينة غزة): a topic whatever its last word.
fn is_measure_chain(words: &[&str]) -> bool {
    let Some(first) = words.first() else {
        return false;
    };
    let bare = without_conjunction(first);
    let stem = bare
        .strip_suffix('ة')
        .map_or(bare.to_string(), |base| format!("{base}ت"));
    // A preposition may close the chain with its noun (نسبة البطالة في البلاد، معدل التضخم
    // في مصر): the number is still the chain's predicate.
    let governor_at = words.iter().position(|word| is_genitive_governor(word));
    let closing_phrase = governor_at.is_none_or(|at| at >= 2 && at + 2 == words.len());
    MEASURE_NOUNS.contains(&stem.as_str()) && words.len() <= MAX_LOOKBACK && closing_phrase
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(text: &str) -> Case {
        let words: Vec<&str> = text.split_whitespace().collect();
        case_of_slot(&words, After::default())
    }

    #[test]
    fn people_counted_after_a_first_word_no_list_knows_are_its_subject() {
        let people = After {
            word: Some("متسابقا"),
            counts_people: true,
        };
        assert_eq!(case_of_slot(&["أكمل"], people), Case::Nominative);
        // A headline's verbal noun or a noun in ء governs them in construct.
        for noun in ["تكريم", "لقاء", "صورة"] {
            assert_ne!(case_of_slot(&[noun], people), Case::Nominative, "{noun}");
        }
        // A verb of two objects gives people first: its object.
        assert_eq!(case_of_slot(&["منح"], people), Case::Accusative);
    }

    #[test]
    fn a_passive_of_the_faala_form_takes_the_number_as_its_subject() {
        for verb in ["صودرت", "وشوهدت", "نوقشتا", "حوصروا"] {
            assert!(takes_number_as_subject(verb), "{verb}");
        }
        for word in ["توقفت", "أوقفت", "كوكب", "دولتا"] {
            assert!(!is_fuuila_passive(word), "{word}");
        }
    }

    #[test]
    fn a_derived_past_is_a_verb_by_its_shape() {
        for verb in ["اعتقل", "ارتفع", "استطاع", "استقبل"] {
            assert!(is_derived_past(verb), "{verb}");
        }
        for noun in ["اعتقال", "استقبال", "استاد", "اتحاد"] {
            assert!(!is_derived_past(noun), "{noun}");
        }
        let people = After {
            word: Some("سجناء"),
            counts_people: true,
        };
        assert_eq!(case_of_slot(&["استطاع"], people), Case::Nominative);
    }

    #[test]
    fn a_measure_noun_in_waw_with_its_pronoun_is_the_topic() {
        // وزنه is the weight with its pronoun, not و glued to زنه.
        assert_eq!(case("وزنه"), Case::Nominative);
        assert_eq!(case("ووزنها"), Case::Nominative);
    }

    #[test]
    fn waw_before_a_fronted_predicate_opens_a_clause() {
        assert_eq!(
            case("وصلت الباخرة إلى الميناء وعلى متنها"),
            Case::Nominative
        );
        assert_eq!(case("قتل الجيش 3 أشخاص وفي المدينة"), Case::Nominative);
        // Without و the phrase belongs to the verb's clause.
        assert_ne!(case("وزعت الجمعية على المدينة"), Case::Nominative);
    }

    #[test]
    fn a_verbal_noun_after_bi_opens_no_topic() {
        assert_ne!(case("تعهدت الدول بخفض الانبعاثات"), Case::Nominative);
        assert_ne!(case("برفع الأسعار"), Case::Nominative);
        // A noun that opens in ب is no preposition (بعثة، برنامج).
        assert_eq!(case("بعثة الأمم المتحدة"), Case::Nominative);
    }

    #[test]
    fn a_present_of_a_root_in_alif_maqsura_has_a_verbs_shape() {
        for verb in ["يرعى", "يسعى", "ويبقى"] {
            assert!(looks_like_verb(verb).is_some(), "{verb}");
        }
        assert!(looks_like_verb("يحيى").is_none());
    }

    #[test]
    fn a_feminine_event_after_a_masculine_verb_is_its_object() {
        assert!(is_subject_after_opening_verb(&["افتتحت"], "الدورة"));
        assert!(!is_subject_after_opening_verb(&["افتتح"], "الدورة"));
        assert!(is_subject_after_opening_verb(&["افتتح"], "المؤتمر"));
    }

    #[test]
    fn a_tafaala_past_with_ta_is_feminine() {
        for verb in ["تعهدت", "تقدمت", "تسلمت"] {
            assert!(is_feminine_past(verb), "{verb}");
        }
    }

    #[test]
    fn a_nominative_plural_ends_no_construct() {
        assert_ne!(case("صام المسلمون"), Case::Nominative);
        assert_eq!(case("عدد المسلمين"), Case::Nominative);
    }

    #[test]
    fn hollow_passives_take_the_number_as_their_subject() {
        for verb in ["أحيل", "أعيدت", "اختير", "استعيدت", "بيعت"] {
            assert_eq!(case(verb), Case::Nominative, "{verb}");
        }
        // The active forms keep their object; بيع alone may be the noun "sale".
        assert_eq!(case("أحال"), Case::Accusative);
        assert_eq!(case("أعادت الشرطة"), Case::Accusative);
        assert_eq!(hollow_passive_forms("باع"), vec!["بيعت".to_string()]);
        assert!(hollow_passive_forms("سجل").is_empty());
    }

    #[test]
    fn a_verb_no_list_knows_takes_the_number_after_its_subject_as_object() {
        assert_eq!(case("ينصح الأطباء بممارسة الرياضة"), Case::Accusative);
        assert_eq!(case("تسير الشركة"), Case::Accusative);
        assert_eq!(case("سيستقبل المستشفى"), Case::Accusative);
        // Only prepositional phrases between: the number is its subject.
        assert_eq!(case("يعيش في المدينة"), Case::Nominative);
        // Nouns of the same shape stay a topic.
        assert_eq!(case("يوم الانتخابات"), Case::Nominative);
        assert_eq!(case("سيارات الشركة"), Case::Nominative);
        // A feminine past verb by its shape; names ending in ت are not.
        assert_eq!(case("حررت الشرطة"), Case::Accusative);
        assert_eq!(case("أوقفت الشرطة"), Case::Accusative);
        assert!(!is_feminine_past("روبرت"));
        assert!(!is_feminine_past("مايكروسوفت"));
        assert!(!is_feminine_past("بيروت"));
        assert!(!is_feminine_past("ت"));
        assert_eq!(looks_like_verb("تسعة"), None);
        assert_eq!(looks_like_verb("سيناريو"), None);
    }

    #[test]
    fn a_feminine_verb_agreeing_with_a_feminine_count_has_it_for_subject() {
        let trucks = After {
            word: Some("شاحنة"),
            counts_people: false,
        };
        assert_eq!(case_of_slot(&["عبرت", "المعبر"], trucks), Case::Nominative);
        // Vehicles after a feminine verb of crossing are what crosses.
        assert_eq!(case_of_slot(&["عبرت"], trucks), Case::Nominative);
        assert_eq!(case_of_slot(&["وغادرت"], trucks), Case::Nominative);
        // A feminine definite word is the subject itself.
        assert_eq!(case_of_slot(&["حررت", "الشرطة"], trucks), Case::Accusative);
        let centres = After {
            word: Some("مراكز"),
            counts_people: false,
        };
        assert_eq!(
            case_of_slot(&["هاجمت", "الحشود"], centres),
            Case::Accusative
        );
        // Verbs whose number is their subject, as a count that leaves its noun out needs.
        assert!(takes_number_as_subject("وأصيبت"));
        assert!(takes_number_as_subject("وعارضته"));
        assert!(!takes_number_as_subject("سجلت"));
        // A writer's marks do not hide the verb.
        assert!(is_known_verb("صوّت"));
        assert!(is_known_verb("سُجّل"));
    }

    #[test]
    fn of_them_fronted_after_a_noun_makes_the_number_its_subject() {
        assert_eq!(case("شخصا منهم"), Case::Nominative);
        assert_eq!(case("سرير منها"), Case::Nominative);
        assert_eq!(case("منهن"), Case::Nominative);
        // After a verb it is a phrase between the verb and its object.
        assert_eq!(case("أنفق منها"), Case::Accusative);
    }

    #[test]
    fn people_counted_right_after_an_object_verb_are_its_subject() {
        let people = After {
            word: Some("ألف"),
            counts_people: true,
        };
        assert_eq!(case_of_slot(&["ينتظر"], people), Case::Nominative);
        assert_eq!(case_of_slot(&["ينتظر"], After::default()), Case::Accusative);
        // A verb of amount takes them as its object (بلغ 12 مواطنا).
        assert_eq!(case_of_slot(&["بلغ"], people), Case::Accusative);
        // A verb no list knows takes them as its subject, as a listed one does.
        assert_eq!(case_of_slot(&["يحمل"], people), Case::Nominative);
    }

    #[test]
    fn a_feminine_verb_with_its_object_pronoun_takes_the_number_as_subject() {
        assert_eq!(case("أصابته"), Case::Nominative);
        assert_eq!(case("استهدفتهم"), Case::Nominative);
        assert_eq!(case("هاجمتها"), Case::Nominative);
        // A triliteral in ت with a pronoun may be a noun in ة (his killers, its cost).
        assert_ne!(case("قتلته"), Case::Accusative);
        assert_ne!(case("كلفته"), Case::Nominative);
    }

    #[test]
    fn a_visiting_verb_with_its_definite_object_leaves_the_subject_slot_open() {
        let words = |text: &'static str| text.split_whitespace().collect::<Vec<_>>();
        assert!(is_subject_after_object(&words("حضر المباراة")));
        assert!(is_subject_after_object(&words("وقد اقتحم المسجد الأقصى")));
        assert!(!is_subject_after_object(&words("حضر في الملعب")));
        assert!(!is_subject_after_object(&words("قتل الهجوم")));
        assert!(!is_subject_after_object(&words("حضر")));
    }

    #[test]
    fn a_fronted_prepositional_predicate_leaves_the_number_its_subject() {
        assert_eq!(case("في المدينة"), Case::Nominative);
        assert_eq!(case("لدى الشركة"), Case::Nominative);
        assert_eq!(case("أمامه"), Case::Nominative);
        assert_eq!(case("للشركة"), Case::Nominative);
        assert_eq!(case("وللشركة"), Case::Nominative);
        assert_ne!(case("في غضون"), Case::Nominative);
        assert_ne!(case("قال في المدينة"), Case::Nominative);
    }

    #[test]
    fn number_words_are_not_taken_for_verb_forms() {
        // يسع (stem سع) would have made تسع and تسعين forms of a verb.
        for word in ["تسع", "تسعين", "تسعون", "سبعين"] {
            assert_eq!(verb_kind(word), None, "{word}");
        }
        use crate::text::numbers::{cardinal_with, ordinal, Gender};
        for n in 1..=1000 {
            for gender in [Gender::Masculine, Gender::Feminine] {
                for case in [Case::Nominative, Case::Accusative, Case::Oblique] {
                    let words =
                        cardinal_with(n, gender, case, false) + " " + &ordinal(n, gender, case);
                    for word in words.split_whitespace() {
                        assert_eq!(verb_kind(word), None, "{word} (from {n})");
                    }
                }
            }
        }
        assert_eq!(case("يزن المولود"), Case::Accusative);
    }

    #[test]
    fn an_infaala_verb_takes_the_number_as_its_subject() {
        for word in ["انفجرت", "اندلع", "انهارت", "وانسحب", "انضموا"] {
            assert_eq!(verb_kind(word), Some(VerbKind::Subject), "{word}");
        }
        for word in ["انتقد", "انتخبت", "انباء"] {
            assert_ne!(verb_kind(word), Some(VerbKind::Subject), "{word}");
        }
    }

    #[test]
    fn a_verb_of_two_objects_keeps_the_number_an_object_after_its_pronoun() {
        assert_eq!(case("منحه"), Case::Accusative);
        assert_eq!(case("أعطاهم"), Case::Accusative);
        assert_eq!(case("يمنحها"), Case::Accusative);
        assert_eq!(case("تابعه"), Case::Nominative);
    }

    #[test]
    fn a_preposition_with_its_pronoun_between_verb_and_number_is_crossed() {
        assert_eq!(case("وشارك فيها"), Case::Nominative);
        assert_eq!(case("حضر إليها"), Case::Nominative);
        assert_eq!(case("قتل منهم"), Case::Nominative);
        assert_eq!(case("دفع لهم"), Case::Accusative);
        assert!(!is_preposition_with_pronoun("فيلم"));
    }

    #[test]
    fn a_measure_noun_after_a_noun_opens_a_clause_whose_predicate_is_the_number() {
        assert_eq!(case("دفع مبلغا قدره"), Case::Nominative);
        assert_eq!(case("وقع عقدا قيمته"), Case::Nominative);
        assert_eq!(case("بمبلغ قدره"), Case::Nominative);
        // After its verb the measure noun is the subject, and the number the object.
        assert_eq!(case("بلغت قيمتها"), Case::Accusative);
        assert_eq!(case("كان عددهم"), Case::Accusative);
    }

    #[test]
    fn inflected_transitive_verbs_take_the_accusative() {
        for verb in [
            "بلغ",
            "بلغت",
            "وبلغت",
            "لتبلغ",
            "سيتجاوز",
            "يناهز",
            "قضوا",
            "تدفع",
        ] {
            assert_eq!(case(verb), Case::Accusative, "{verb}");
        }
        assert_eq!(case("بلغت الخسائر"), Case::Accusative);
        assert_eq!(case("بلغ عدد القتلى"), Case::Accusative);
        assert_eq!(case("قتل الجيش"), Case::Accusative);
        assert_eq!(case("احتل المنتخب"), Case::Accusative);
        assert_eq!(case("احتلت"), Case::Accusative);
    }

    #[test]
    fn subjects_topics_and_openers_are_nominative() {
        assert_eq!(case(""), Case::Nominative);
        assert_eq!(case("قتل"), Case::Nominative);
        assert_eq!(case("وأصيبت"), Case::Nominative);
        assert_eq!(case("قتل في الهجوم"), Case::Nominative);
        assert_eq!(case("عدد القتلى"), Case::Nominative);
        assert_eq!(case("ولديها"), Case::Nominative);
        let words = ["استمرت"];
        let years = After {
            word: Some("عاما"),
            counts_people: false,
        };
        assert_eq!(case_of_slot(&words, years), Case::Accusative);
        assert_eq!(case_of_slot(&["مرت"], years), Case::Nominative);
    }

    #[test]
    fn governors_construct_and_labels_are_oblique() {
        assert_eq!(case("في"), Case::Oblique);
        assert_eq!(case("وخلال"), Case::Oblique);
        assert_eq!(case("هطول"), Case::Oblique);
        assert_eq!(case("قضت المحكمة بتغريمه"), Case::Oblique);
        assert_eq!(case("طائرة إيرباص"), Case::Oblique);
        assert_eq!(case("أكد أن"), Case::Accusative);
    }

    #[test]
    fn a_definite_head_after_an_opening_verb_without_object_is_its_subject() {
        assert!(is_subject_after_opening_verb(&["انعقد"], "المؤتمر"));
        assert!(is_subject_after_opening_verb(&["وبدأت"], "الدورة"));
        assert!(is_subject_after_opening_verb(&["يبدأ"], "الموسم"));
        // A verb that takes an object may have left its subject out.
        assert!(!is_subject_after_opening_verb(&["احتل"], "المرتبة"));
        // A noun in front of the verb is its subject.
        assert!(!is_subject_after_opening_verb(
            &["الشركة", "بدأت"],
            "المرحلة"
        ));
        assert!(!is_subject_after_opening_verb(&["انعقد"], "مؤتمر"));
    }

    #[test]
    fn a_head_owning_a_thing_of_the_subject_is_the_object() {
        assert!(is_subject_after_opening_verb(&["افتتحت"], "الدورة"));
        assert!(is_subject_after_opening_verb(&["وتعقد"], "الجلسة"));
        assert!(!is_subject_after_opening_verb(&["احتلت"], "المرتبة"));
        assert!(!is_subject_after_opening_verb(&["افتتحت"], "المرتبة"));
        assert!(is_owned_object_after_subject(&["عقد", "المجلس"], "جلسته"));
        assert!(is_owned_object_after_subject(
            &["وعقد", "المجلس", "الوطني"],
            "جلسته"
        ));
        // No pronoun, no definite subject, or a first word that is no verb: no object.
        assert!(!is_owned_object_after_subject(&["عقد", "المجلس"], "جلسة"));
        assert!(!is_owned_object_after_subject(&["عقد", "مجلس"], "جلسته"));
        assert!(!is_owned_object_after_subject(
            &["المجلس", "الوطني"],
            "جلسته"
        ));
    }

    #[test]
    fn men_counted_after_a_feminine_verb_are_its_object() {
        let men = After {
            word: Some("مريضا"),
            counts_people: true,
        };
        assert_eq!(case_of_slot(&["تستقبل"], men), Case::Accusative);
        assert_eq!(case_of_slot(&["واستقبلت"], men), Case::Accusative);
        assert_eq!(case_of_slot(&["استقبل"], men), Case::Nominative);
        let women = After {
            word: Some("امرأة"),
            counts_people: true,
        };
        assert_eq!(case_of_slot(&["قتلت"], women), Case::Nominative);
        // تجمع is also a masculine past (تجمع 5000 متظاهر).
        assert!(!is_feminine_verb("تجمع"));
        assert!(is_feminine_verb("تستقبل"));
    }
}
