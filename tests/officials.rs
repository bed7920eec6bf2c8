//! Officials: the seed article, one table per pattern, negative cases.

use khabar::{Extraction, Extractor};

const SEED: &str = include_str!("../data/sample/mehr-qom-70-projects.txt");

fn canon(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace() && *c != '\u{200C}').collect()
}

fn run(input: &str) -> Extraction {
    let out = Extractor::new().extract(input);
    for p in &out.officials {
        for m in &p.mentions {
            assert_eq!(&input[m.start..m.end], m.text, "span of {}", p.name);
        }
    }
    out
}

#[test]
fn seed_article() {
    let out = run(SEED);
    assert_eq!(out.officials.len(), 1, "{:?}", out.officials);
    let p = &out.officials[0];
    assert_eq!(p.name, "سیدمحمد حجار حسینی");
    assert_eq!(p.honorifics, vec!["سید".to_string()]);
    assert_eq!(canon(p.role.as_deref().unwrap()), canon("سرپرست اداره کل ارتباطات و امور بین‌الملل"));
    assert_eq!(p.organization.as_deref(), Some("شهرداری قم"));
    let texts: Vec<&str> = p.mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts.iter().filter(|t| **t == "سیدمحمد حجار حسینی").count(), 1, "{texts:?}");
    assert_eq!(texts.iter().filter(|t| **t == "حجار حسینی").count(), 2, "{texts:?}");
    assert_eq!(texts.iter().filter(|t| **t == "سرپرست اداره کل ارتباطات شهرداری قم").count(), 1, "{texts:?}");
    assert_eq!(texts.iter().filter(|t| **t == "وی").count(), 3, "{texts:?}");
    assert_eq!(texts.len(), 7, "{texts:?}");
}

/// (sentence, name, role, organization)
const TABLE: &[(&str, &str, Option<&str>, Option<&str>)] = &[
    // NAME، ROLE ORG
    ("علی رضایی، شهردار تبریز گفت: کار آغاز شد.", "علی رضایی", Some("شهردار"), Some("شهرداری تبریز")),
    ("مهدی کریمی، مدیرکل راه و شهرسازی استان یزد اظهار کرد: جاده باز است.", "مهدی کریمی", Some("مدیرکل"), Some("اداره کل راه و شهرسازی استان یزد")),
    // NAME ROLE ORG
    ("حسن نیک‌نام رئیس سازمان برنامه و بودجه در این جلسه حضور داشت.", "حسن نیک‌نام", Some("رئیس"), Some("سازمان برنامه و بودجه")),
    ("سید جواد موسوی سخنگوی سازمان تعزیرات حکومتی گفت: پرونده بسته شد.", "سید جواد موسوی", Some("سخنگو"), Some("سازمان تعزیرات حکومتی")),
    // ROLE ORG NAME
    ("وزیر نیرو رضا اردکانیان از سد بازدید کرد.", "رضا اردکانیان", Some("وزیر"), Some("وزارت نیرو")),
    ("استاندار فارس محمد هادی‌پور امروز به شیراز آمد.", "محمد هادی‌پور", Some("استاندار"), Some("استانداری فارس")),
    // modifiers and a title inside the role
    ("احمد صالحی معاون مالی شهردار مشهد گفت: بودجه کافی است.", "احمد صالحی", Some("معاون مالی"), Some("شهرداری مشهد")),
    ("اسحاق نوری معاون اول رئیس‌جمهور گفت: دولت آماده است.", "اسحاق نوری", Some("معاون اول رئیس‌جمهور"), None),
    ("علی نیکویی، معاون سیاسی و امنیتی استاندار فارس گفت: جلسه برگزار شد.", "علی نیکویی", Some("معاون سیاسی و امنیتی"), Some("استانداری فارس")),
    ("محمد شریفی معاون اجرایی رئیس‌جمهور در این سفر حضور داشت.", "محمد شریفی", Some("معاون اجرایی رئیس‌جمهور"), None),
    // a department of a body: the department goes to the role
    (
        "مریم احمدی، مدیر روابط عمومی شهرداری کرج گفت: جشن برگزار می‌شود.",
        "مریم احمدی",
        Some("مدیر روابط عمومی"),
        Some("شهرداری کرج"),
    ),
    // a role stated alone, the name later in the article
    (
        "رئیس سازمان جهاد کشاورزی استان سمنان گفت: برداشت آغاز شد.\n\nبه گزارش خبرگزاری ایسنا، هوشنگ فلاحی صبح امروز در جمع خبرنگاران اظهار کرد: گندم خریداری شد.",
        "هوشنگ فلاحی",
        Some("رئیس"),
        Some("سازمان جهاد کشاورزی استان سمنان"),
    ),
    // a description between the name and the role
    (
        "اکبر حیدری کارشناس ارشد آب و رئیس اداره آب شهرستان نیشابور گفت: سد پر شد.",
        "اکبر حیدری",
        Some("رئیس"),
        Some("اداره آب شهرستان نیشابور"),
    ),
    // the surname alone before a role with its body
    ("در جلسه‌ای که ملکوتی رئیس سازمان حفاظت محیط زیست حضور داشت، طرح تصویب شد.", "ملکوتی", Some("رئیس"), Some("سازمان حفاظت محیط زیست")),
    // the lead states the role, the body names the person after an agency header
    (
        "خبرگزاری فارس: سخنگوی شورای شهر کرج گفت: طرح تصویب شد.\n\nبه گزارش خبرنگار فارس، فرهاد نیک‌سیرت ظهر امروز در جمع خبرنگاران گفت: بودجه کافی است.",
        "فرهاد نیک‌سیرت",
        Some("سخنگو"),
        Some("شورای شهر کرج"),
    ),
    ("دکتر علی لاریجانی رئیس مجلس امروز گفت: لایحه تصویب شد.", "علی لاریجانی", Some("رئیس"), Some("مجلس شورای اسلامی")),
    ("سردار حسین رحیمی فرمانده نیروی انتظامی گفت: امنیت برقرار است.", "حسین رحیمی", Some("فرمانده"), Some("نیروی انتظامی")),
    ("محمدباقر نوبخت سخنگوی دولت در نشست خبری گفت: بودجه بسته شد.", "محمدباقر نوبخت", Some("سخنگو"), None),
    // honorifics, glued or not
    ("به گزارش ایسنا، میر جواد کاظمی امروز در جمع خبرنگاران گفت: کار تمام شد.", "میر جواد کاظمی", None, None),
    ("حجت‌الاسلام والمسلمین سیدعلی هاشمی در این مراسم سخنرانی کرد.", "سیدعلی هاشمی", None, None),
    // a name with a reporting verb and no role
    ("به گزارش خبرگزاری مهر، جواد بهرامی صبح امروز در جمع خبرنگاران گفت: کار تمام شد.", "جواد بهرامی", None, None),
    // a title whose body no lexicon knows, in a person's slot
    ("نرگس طاهری، رئیس هیأت شنای استان یزد در این مسابقات گفت: تیم آماده است.", "نرگس طاهری", Some("رئیس"), Some("هیأت شنای استان یزد")),
    ("کامران یگانه، دبیر کانون نویسندگان جوان گفت: کتاب چاپ شد.", "کامران یگانه", Some("دبیر"), Some("کانون نویسندگان جوان")),
    ("فرشته حیدری، عضو هیئت علمی دانشکده کشاورزی در این نشست گفت: بذر رسید.", "فرشته حیدری", Some("عضو"), Some("هیئت علمی دانشکده کشاورزی")),
    ("رسول کاظمی مدیرعامل تعاونی مرغداران شمال در جمع خبرنگاران گفت: قیمت ثابت است.", "رسول کاظمی", Some("مدیرعامل"), Some("تعاونی مرغداران شمال")),
    // ... but not elsewhere
    ("به گزارش مهر، جواد بهرامی صبح امروز در دیدار با مسئول هیأت شنای استان گفت: استخر باز است.", "جواد بهرامی", None, None),
    // ... and as the lead's subject, the name in the next paragraph
    (
        "خبرگزاری ایسنا: مسئول شبکه بهداشت دام شهرستان نایین گفت: واکسن رسید.\n\nکاوه نیک‌پی امروز در گفت‌وگو با خبرنگار ایسنا اظهار داشت: دام‌ها واکسینه شدند.",
        "کاوه نیک‌پی",
        Some("مسئول"),
        Some("شبکه بهداشت دام شهرستان نایین"),
    ),
    (
        "مدیرعامل اتحادیه باغداران استان کرمان گفت: پسته صادر شد.\n\nبهزاد کرمانی در گفت‌وگو با خبرنگار فارس اظهار کرد: بازار خوب است.",
        "بهزاد کرمانی",
        Some("مدیرعامل"),
        Some("اتحادیه باغداران استان کرمان"),
    ),
    // a religious title stated alone, the name later
    (
        "امام جمعه بندر گناوه گفت: مردم آمدند.\n\nبه گزارش فارس، حجت‌الاسلام مرتضی جعفری در خطبه‌های نماز جمعه افزود: امنیت برقرار است.",
        "مرتضی جعفری",
        Some("امام جمعه"),
        None,
    ),
    // a name of unknown first name at a clause start, before «که»
    (
        "به گزارش خبرنگار ایرنا، یوهانس بریگل که در نشست خبری سخن می‌گفت، اظهار داشت: قرارداد امضا شد.",
        "یوهانس بریگل",
        None,
        None,
    ),
    // a body's name with a comma inside the reporting header
    (
        "به گزارش ایسنا به نقل از روابط عمومی سازمان صنعت، معدن و تجارت استان قم، شیرین فاضلی از صادرات کالا خبر داد.",
        "شیرین فاضلی",
        None,
        None,
    ),
    // a title of no body with its place, the name later
    (
        "دادستان شهرستان بوشهر گفت: پرونده تشکیل شد.\n\nبه گزارش ایرنا، مجید کاوسی ظهر امروز در جمع خبرنگاران اظهار کرد: متهمان دستگیر شدند.",
        "مجید کاوسی",
        Some("دادستان"),
        None,
    ),
    // a name in guillemets before its role
    (
        "در این دیدار «هانس مولر» وزیر اقتصاد آلمان گفت: تجارت رشد می‌کند.",
        "هانس مولر",
        Some("وزیر"),
        Some("وزارت اقتصاد آلمان"),
    ),
    // a well-known holder named by surname alone, the role stated twice without a name
    (
        "رضا توانا سخنگوی شورای شهر کرج گفت: بر اساس توضیحات شهردار کرج طرح اجرا می‌شود.\n\nوی افزود: آقای کمالی گفتند که بودجه هست. از شهردار کرج بپرسید.",
        "کمالی",
        Some("شهردار"),
        Some("شهرداری کرج"),
    ),
    // a name in guillemets, a comma, a role of no body
    ("به گزارش ایسنا، «ماریو دراگی»، نخست‌وزیر ایتالیا امروز گفت: بودجه تصویب شد.", "ماریو دراگی", Some("نخست‌وزیر"), None),
    // a surname alone as the speaker of a statement
    ("مدیر ورزش شهرداری منطقه 4 گفت: زمین‌ها شناسایی شد.\n\nطاهرخانی اظهار داشت: سالن‌ها ساخته می‌شود.", "طاهرخانی", Some("مدیر ورزش"), Some("شهرداری منطقه 4")),
    // a deputy's unit speaks for its head in the lead
    (
        "خبرگزاری فارس: معاونت فنی و عمرانی شهرداری کرمان از احداث 5 پارک خبر داد.\n\nمهدی نادری امروز در گفت‌وگو با خبرنگار فارس افزود: پارک‌ها ساخته می‌شود.",
        "مهدی نادری",
        Some("معاونت فنی و عمرانی"),
        Some("شهرداری کرمان"),
    ),
    // titles of the judiciary, diplomacy and foreign states
    ("کامران نوری بازپرس شعبه دوم دادسرای کرج گفت: متهم آزاد شد.", "کامران نوری", Some("بازپرس"), None),
    ("به گزارش ایرنا، رضا امینی سرکنسول ایران در هرات گفت: مرز باز است.", "رضا امینی", Some("سرکنسول"), None),
    ("در این دیدار «جان اسمیت» سناتور ایالت اوهایو گفت: تحریم ادامه دارد.", "جان اسمیت", Some("سناتور"), None),
    // the name after «به نقل از ...،»
    (
        "فرماندار نطنز گفت: سد آبگیری شد.\n\nبه گزارش ایرنا، به نقل از روابط عمومی فرمانداری نطنز، سعید بهاری در جمع کشاورزان اظهار کرد: آب کافی است.",
        "سعید بهاری",
        Some("فرماندار"),
        Some("فرمانداری نطنز"),
    ),
];

#[test]
fn table() {
    for (input, name, role, org) in TABLE {
        let out = run(input);
        let p = out
            .officials
            .iter()
            .find(|p| canon(&p.name) == canon(name))
            .unwrap_or_else(|| panic!("{name} not found in {input}: {:?}", out.officials));
        assert_eq!(p.role.as_deref().map(canon), role.map(canon), "role in {input}");
        assert_eq!(p.organization.as_deref().map(canon), org.map(canon), "organization in {input}");
    }
}

#[test]
fn role_inside_a_statement_is_not_the_speaker() {
    let input = "به گزارش خبرگزاری مهر، حمید شکوهی صبح امروز گفت: شهردار تهران باید پاسخ بدهد و استاندار تهران گفت که کار تمام شد.";
    let out = run(input);
    assert_eq!(out.officials.len(), 1, "{:?}", out.officials);
    assert_eq!(out.officials[0].role, None);
}

#[test]
fn surname_and_pronoun_mentions() {
    let input =
        "علی رضایی، شهردار تبریز گفت: کار آغاز شد.\nوی افزود: پروژه تمام می‌شود.\nرضایی گفت: بودجه کافی است.";
    let out = run(input);
    assert_eq!(out.officials.len(), 1, "{:?}", out.officials);
    let texts: Vec<&str> = out.officials[0].mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, vec!["علی رضایی", "وی", "رضایی"]);
}

/// Nothing here names a person with a role.
const NEGATIVE: &[&str] = &[
    // a title with no name
    "شهردار تهران گفت: طرح اجرا می‌شود.",
    "مسئول شبکه بهداشت دام شهرستان نایین گفت: واکسن رسید.",
    // a pronoun, a place or an everyday word before «گفت:» is no surname
    "وی افزود: کار تمام شد. ایشان گفت: خوب است.",
    "پسرک گفت: سلام.",
    "معاونت فنی و عمرانی شهرداری کرمان از احداث 5 پارک خبر داد.",
    "وزیر نیرو از سد بازدید کرد.",
    "رئیس سازمان برنامه و بودجه در جلسه حضور داشت.",
    // streets and facilities named after people
    "خیابان شهید بهشتی تا پایان هفته بسته است.",
    "پیاده‌راه آیت‌الله طالقانی افتتاح شد.",
    "بیمارستان امام رضا در بلوار شهید رجایی قرار دارد.",
    // common words that are also given names
    "امید اجتماعی در بین مردم افزایش یافت.",
    "طرح هادی روستایی در ده روستا اجرا شد.",
    // everyday words where a name may stand (a clause start, an honorific)
    "ترکیب هیئت منصفه گفت: رای صادر شد.",
    "به گزارش خبرگزاری مهر، بدنه کارشناسی دولت اعلام کرد: طرح اجرا نشد.",
    "خانم معلم گفت: درس تمام شد.",
    "به گزارش ایرنا، واحد تحقیقات بازار اعلام کرد: فروش افزایش یافت.",
    // an adverb before a role
    "او که قبلا فرماندار بود، اکنون بازنشسته است.",
    "نهایتا سخنگوی وزارت بهداشت گفت: واکسن رسید.",
    // a role or descriptor noun is no name, nor its plural
    "سرمربی تیم فولاد خوزستان گفت: بازی سختی بود.",
    "سرکنسول ایران در هرات گفت: مرز باز است.",
    "کارشناس اقتصادی در این برنامه گفت: تورم کاهش می‌یابد.",
    "کتابداران تهرانی در این همایش گفتند: کتاب‌ها رسید.",
    // a title glued to its body
    "به گزارش خبرگزاری ایسنا، مدیرفرودگاه کرمان گفت: پرواز لغو شد.",
    // a word of a compound verb after a form of address
    "این ساختمان در موقوفه فاطمه خانم قرار دارد.",
    "با حاج خانم آشنا شدید؟",
    // a place (X آباد) is no name
    "حسن آباد یزد در این طرح گفت: آب رسید.",
    // شهید after a noun names a thing after the martyr
    "گروه جهادی شهید رضا کاظمی به روستا رفت.",
    "سالن شهید حسین فهمیده میزبان مسابقات است.",
    "",
];

/// A name ends before a word that belongs to the verb or phrase after it.
#[test]
fn name_ends_before_everyday_words() {
    let cases: &[(&str, &str)] = &[
        ("آقای مهدی نامداری ملاحظه کرد که کار تمام شده است.", "مهدی نامداری"),
        ("سردار علی پاکزاد سپس به محل حادثه رفت.", "علی پاکزاد"),
        // a role noun after the name
        ("به گزارش ایسنا، نسرین کاویانی مجری این برنامه گفت: برنامه پخش شد.", "نسرین کاویانی"),
        ("حجت‌الاسلام حسن توکلی شناخته شد و به سمت امام جمعه رسید.", "حسن توکلی"),
        // a surname piece or a nisba is kept
        ("رضا مرادی نژاد، مدیرکل بهزیستی استان یزد گفت: طرح آغاز شد.", "رضا مرادی نژاد"),
        ("جواد کاشانی همدانی در جمع خبرنگاران گفت: کار تمام شد.", "جواد کاشانی همدانی"),
    ];
    for (input, name) in cases {
        let out = run(input);
        let names: Vec<String> = out.officials.iter().map(|p| canon(&p.name)).collect();
        assert_eq!(names, vec![canon(name)], "{input}");
    }
}

/// شهید and مرحوم are honorifics: the name is given without them.
#[test]
fn martyr_and_late_are_honorifics() {
    let cases: &[(&str, &str, &str)] = &[
        ("به یاد شهید مهدی باکری، مراسمی برگزار شد. شهید مهدی باکری فرمانده لشکر بود.", "مهدی باکری", "شهید"),
        (
            "مرحوم علی‌اکبر داوری در این شهر زندگی می‌کرد و مرحوم علی‌اکبر داوری خدمات زیادی داشت.",
            "علی‌اکبر داوری",
            "مرحوم",
        ),
    ];
    for (input, name, hon) in cases {
        let out = run(input);
        let p = out.officials.iter().find(|p| p.name == *name);
        assert!(p.is_some_and(|p| p.honorifics.iter().any(|h| h == hon)), "{input}: {:?}", out.officials);
    }
}

#[test]
fn negative() {
    for input in NEGATIVE {
        let out = run(input);
        assert!(out.officials.is_empty(), "{input}: {:?}", out.officials);
    }
}

#[test]
fn roles_in_the_same_province_are_different_bodies() {
    // Both bodies end with the province; the second role belongs to the
    // second person, not to the first as a restatement.
    let input = "مدیر زراعت سازمان جهاد کشاورزی گیلان گفت: کشت برنج امسال بیشتر شد.\n\n\
به گزارش خبرگزاری فارس، حسن رضایی افزود: بارش خوب بود.\n\n\
مدیر شرکت توسعه کشت دانه‌های روغنی گیلان نیز به خبرنگار فارس گفت: خرید آغاز شده است.\n\n\
کیوان احمدی با بیان اینکه قیمت خرید بالا است، افزود: کشاورزان راضی هستند.";
    let out = run(input);
    let got: Vec<(String, Option<String>)> =
        out.officials.iter().map(|o| (canon(&o.name), o.organization.as_deref().map(canon))).collect();
    assert_eq!(
        got,
        vec![
            (canon("حسن رضایی"), Some(canon("سازمان جهاد کشاورزی گیلان"))),
            (canon("کیوان احمدی"), Some(canon("شرکت توسعه کشت دانه‌های روغنی گیلان"))),
        ]
    );
}

#[test]
fn name_after_the_attribution_takes_the_lead_role() {
    let input = "قائم مقام مدیرعامل گروه شرکت‌های پارس آوا گفت: بازار رشد کرد.\n\n\
به گزارش خبرگزاری فارس، نادر کریمیان در نشستی که با حضور مدیران برگزار شد، به آمار پرداخت.";
    let out = run(input);
    assert_eq!(out.officials.len(), 1, "{:?}", out.officials);
    let o = &out.officials[0];
    assert_eq!(canon(&o.name), canon("نادر کریمیان"));
    assert_eq!(o.role.as_deref().map(canon), Some(canon("قائم مقام مدیرعامل")));
    assert_eq!(o.organization.as_deref().map(canon), Some(canon("گروه شرکت‌های پارس آوا")));
    // No name after the attribution: nobody.
    assert!(run("به گزارش خبرگزاری فارس، نشست مدیران برگزار شد.").officials.is_empty());
}

#[test]
fn quoted_foreign_name_before_its_role() {
    for input in [
        "«جان اسمیت» سفیر انگلیس در تهران گفت: روابط خوب است.",
        "\"جان اسمیت\" سفیر انگلیس در تهران گفت: روابط خوب است.",
    ] {
        let out = run(input);
        let names: Vec<String> = out.officials.iter().map(|o| canon(&o.name)).collect();
        assert_eq!(names, vec![canon("جان اسمیت")], "{input}");
        assert_eq!(out.officials[0].role.as_deref(), Some("سفیر"), "{input}");
    }
}
