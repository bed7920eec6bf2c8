//! Projects: kinds and names, lists, phases, statuses, locations, and what
//! is not a project.

use khabar::{extract, Extraction, ProjectStatus};

fn spans_ok(input: &str, out: &Extraction) {
    for p in &out.projects {
        assert_eq!(&input[p.span.start..p.span.end], p.span.text, "span of {}", p.name);
    }
}

fn key(s: &str) -> String {
    s.replace(['\u{200c}', ' ', 'ـ'], "")
}

/// (name, status) of every project found.
fn found(input: &str) -> Vec<(String, Option<ProjectStatus>)> {
    let out = extract(input);
    spans_ok(input, &out);
    out.projects.iter().map(|p| (key(&p.name), p.status)).collect()
}

#[test]
fn seed_article() {
    let input = include_str!("../data/sample/mehr-qom-70-projects.txt");
    let out = extract(input);
    spans_ok(input, &out);
    use ProjectStatus::*;
    let want = [
        ("رمپ حکیم", Opening, None, None),
        ("روکش آسفالت معابر", Opening, None, None),
        ("پیاده‌راه آیت‌الله طالقانی", Opening, None, None),
        ("سالن‌های ورزشی روباز", Opening, None, Some("پردیسان")),
        ("کنارگذر رسالت", Groundbreaking, None, None),
        ("فاز پنجم خضر نبی", Groundbreaking, Some(5), None),
    ];
    assert_eq!(out.projects.len(), want.len(), "{:?}", out.projects);
    for (p, (name, status, phase, loc)) in out.projects.iter().zip(want) {
        assert_eq!(key(&p.name), key(name));
        assert_eq!(p.status, Some(status), "{name}");
        assert_eq!(p.phase, phase, "{name}");
        assert_eq!(p.location.as_deref(), loc, "{name}");
    }
    let locs: Vec<_> = out.locations.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(locs, ["قم", "پردیسان"]);
}

#[test]
fn statuses() {
    use ProjectStatus::*;
    let table: &[(&str, &str, ProjectStatus)] = &[
        ("شهردار اصفهان از افتتاح پل غدیر خبر داد.", "پل غدیر", Opening),
        ("بیمارستان امام رضا به بهره‌برداری رسید.", "بیمارستان امام رضا", Opening),
        ("عملیات اجرایی بزرگراه شهید کاظمی آغاز شد.", "بزرگراه شهید کاظمی", Groundbreaking),
        ("کلنگ ساخت مدرسه شهید فهمیده به زمین زده شد.", "مدرسه شهید فهمیده", Groundbreaking),
        ("بیمارستان امام رضا در دست اجرا است.", "بیمارستان امام رضا", UnderConstruction),
        ("تونل البرز در حال ساخت است.", "تونل البرز", UnderConstruction),
        ("بهسازی جاده کرج به چالوس در دست اجرا است.", "بهسازی جاده کرج به چالوس", UnderConstruction),
        ("ساخت سد کوثر تکمیل شد.", "سد کوثر", Completed),
        ("احداث نیروگاه خورشیدی یزد در برنامه سال آینده قرار دارد.", "نیروگاه خورشیدی یزد", Planned),
    ];
    for (s, name, status) in table {
        let f = found(s);
        assert!(f.contains(&(key(name), Some(*status))), "«{s}»: want {name} {status:?}, got {f:?}");
    }
}

#[test]
fn lists_and_phases() {
    let s = "وی به پروژه‌هایی مانند تونل توحید، پل صدر، زیرگذر امیرکبیر و بلوار ساحلی اشاره کرد که امسال افتتاح می‌شوند.";
    let f = found(s);
    let names: Vec<_> = f.iter().map(|x| x.0.clone()).collect();
    assert_eq!(names, ["تونلتوحید", "پلصدر", "زیرگذرامیرکبیر", "بلوارساحلی"].map(String::from));
    assert!(f.iter().all(|x| x.1 == Some(ProjectStatus::Opening)), "{f:?}");

    let s = "فاز دوم شهرک صنعتی شمس‌آباد افتتاح شد.";
    let out = extract(s);
    spans_ok(s, &out);
    assert_eq!(out.projects.len(), 1, "{:?}", out.projects);
    assert_eq!(out.projects[0].phase, Some(2));
    assert_eq!(out.projects[0].kind.as_deref(), Some("فاز"));
    assert_eq!(out.projects[0].status, Some(ProjectStatus::Opening));

    for (s, phase) in [("کلنگ فاز 3 مترو شیراز زده شد.", 3), ("افتتاح فاز نخست پارک بانوان", 1)]
    {
        let out = extract(s);
        assert_eq!(out.projects.first().and_then(|p| p.phase), Some(phase), "{s}: {:?}", out.projects);
    }
}

#[test]
fn name_forms() {
    let table: &[(&str, &str)] = &[
        ("پروژه آزادراه قزوین-رشت تا پایان سال تکمیل می‌شود.", "آزادراه قزوین-رشت"),
        ("خط ۳ متروی اصفهان هفته آینده افتتاح می‌شود.", "خط 3 متروی اصفهان"),
        ("ساخت ۵۰۰ واحد مسکونی در شهر جدید پرند آغاز شد.", "ساخت 500 واحد مسکونی"),
        ("بزرگ‌ترین نیروگاه خورشیدی کشور به بهره‌برداری رسید.", "بزرگ‌ترین نیروگاه خورشیدی"),
        ("افتتاح ورزشگاه ۱۵ هزار نفری شهید باکری در ارومیه", "ورزشگاه 15 هزار نفری شهید باکری"),
        ("تعمیر و بهسازی مسجد جامع شهر در دست اجرا است.", "تعمیر و بهسازی مسجد جامع شهر"),
        ("کلنگ احداث دومین بیمارستان کودکان تبریز زده شد.", "دومین بیمارستان کودکان تبریز"),
        ("افتتاح پروژه گردشگری تله‌کابین نمک‌آبرود", "تله‌کابین نمک‌آبرود"),
        ("افتتاح ۳۰۰ واحد مسکن ملی در شهرستان بم", "300 واحد مسکن ملی"),
        ("گازرسانی به روستای گلابدره افتتاح شد.", "گازرسانی به روستای گلابدره"),
        // a plant being built is a project, not its company
        ("طرح احداث پالایشگاه بجنورد در دستور کار قرار دارد.", "پالایشگاه بجنورد"),
    ];
    for (s, name) in table {
        let f = found(s);
        assert!(f.iter().any(|x| x.0 == key(name)), "«{s}»: want {name}, got {f:?}");
    }
}

#[test]
fn location_of_a_project() {
    let s = "سالن ورزشی شهید چمران در شهر بم افتتاح شد.";
    let out = extract(s);
    assert_eq!(out.projects.len(), 1, "{:?}", out.projects);
    assert_eq!(out.projects[0].location.as_deref(), Some("بم"));
    let s = "ایستگاه آتش‌نشانی کاشان در حال ساخت است.";
    let out = extract(s);
    assert_eq!(out.projects.first().and_then(|p| p.location.as_deref()), Some("کاشان"));
}

#[test]
fn elided_list_items() {
    let s = "طرح هادی روستای گلابدره با هزینه ۲ میلیارد تومان، کندک با هزینه ۳ میلیارد تومان و روستای سیاه‌کوه با هزینه یک میلیارد تومان افتتاح شد.";
    let f = found(s);
    let names: Vec<_> = f.iter().map(|x| x.0.clone()).collect();
    assert_eq!(
        names,
        ["طرحهادیروستایگلابدره", "طرحهادیروستایکندک", "طرحهادیروستایسیاهکوه"].map(String::from),
        "{f:?}"
    );
}

#[test]
fn not_projects() {
    for s in [
        "امسال ۷۰ پروژه عمرانی افتتاح شد.",
        "شهرداری تهران از برنامه‌های خود گفت.",
        "دفتر وی در خیابان انقلاب قرار دارد.",
        "هزار واحد مسکونی در زلزله آسیب دید.",
        "این پروژه‌ها با هدف بهبود دسترسی‌ها در نظر گرفته شده است.",
        "توسعه شبکه معابر شهر ادامه دارد.",
        "ساخت پل‌ها و تونل‌ها در این استان سال‌ها طول می‌کشد.",
        "مراسم در بیمارستان امام رضا برگزار شد و طرح‌ها افتتاح شد.",
        "بازیکنان به میدان رفتند.",
        "رئیس بیمارستان امام رضا از افتتاح بخش جدید خبر داد.",
        "راه حل‌های زیادی برای راه اندازی کسب‌وکار وجود دارد.",
        "وی به پیاده‌روی خانوادگی در پارک اشاره کرد.",
        "",
    ] {
        let f = found(s);
        assert!(f.is_empty(), "«{s}» gave {f:?}");
    }
}

#[test]
fn many_projects_in_one_document() {
    let names = ["الف", "باران", "نسیم", "کوثر", "سپیده", "مهتاب", "آفتاب", "ستاره"];
    let mut s = String::new();
    for i in 0..400 {
        let a = names[i % names.len()];
        let b = names[(i / names.len()) % names.len()];
        s.push_str(&format!("افتتاح پل {a}{b} و کلنگ‌زنی بیمارستان {b}{a} در روستای {a}، {b} و {a}{b}. "));
    }
    let out = extract(&s);
    spans_ok(&s, &out);
    assert!(!out.projects.is_empty() && out.projects.len() <= 2 * 64 + 2, "{}", out.projects.len());
}

/// Works named by an activity and its object, and the facility kinds of
/// worship, health, lodging, industry and rural services.
#[test]
fn activity_and_facility_classes() {
    use ProjectStatus::*;
    let table: &[(&str, &str, ProjectStatus)] = &[
        // Activity + facility object.
        (
            "آیین افتتاح ساماندهی گلزار شهدای روستای بیدک برگزار شد.",
            "ساماندهی گلزار شهدای روستای بیدک",
            Opening,
        ),
        (
            "پروژه بازسازی و مسقف کردن حسینیه اعظم کاشمر افتتاح شد.",
            "بازسازی و مسقف کردن حسینیه اعظم کاشمر",
            Opening,
        ),
        (
            "مرمت و بهسازی موزه مردم‌شناسی سمنان در دست اجرا است.",
            "مرمت و بهسازی موزه مردم‌شناسی سمنان",
            UnderConstruction,
        ),
        // Road widening written with کردن; both ends joined by a hyphen.
        (
            "افتتاح ده کیلومتر از چهار خطه کردن محور ایلام ـ مهران انجام شد.",
            "چهار خطه کردن محور ایلام ـ مهران",
            Opening,
        ),
        (
            "دوبانده کردن جاده بجنورد به اسفراین در حال اجرا است.",
            "دوبانده کردن جاده بجنورد به اسفراین",
            UnderConstruction,
        ),
        ("برای قطار سریع‌السیر شیراز- اصفهان بودجه اختصاص یافت.", "قطار سریع‌السیر شیراز- اصفهان", Planned),
        // A plan named by its activity; farm works.
        ("طرح آبیاری بارانی روستای کهنوج افتتاح شد.", "طرح آبیاری بارانی روستای کهنوج", Opening),
        ("طرح احیای باغ ملی بیرجند در دستور کار است.", "طرح احیای باغ ملی بیرجند", Planned),
        // Facilities.
        ("نمازخانه بیمارستان شهید مطهری افتتاح شد.", "نمازخانه بیمارستان شهید مطهری", Opening),
        (
            "مصلای بزرگ امام خمینی با پیشرفت فیزیکی ۶۰ درصد در حال ساخت است.",
            "مصلای بزرگ امام خمینی",
            UnderConstruction,
        ),
        ("بهره‌برداری از خانه بهداشت روستای چالشتر انجام شد.", "خانه بهداشت روستای چالشتر", Opening),
        ("پایگاه سلامت محله نارمک افتتاح می‌شود.", "پایگاه سلامت محله نارمک", Opening),
        ("عملیات نصب کوره بلند شماره 4 آغاز شد.", "کوره بلند شماره 4", Groundbreaking),
        ("افتتاح دفتر ICT روستای سیاهکل انجام شد.", "دفتر ICT روستای سیاهکل", Opening),
        ("مینی‌پالایشگاه لاوان در دست مطالعه است.", "مینی‌پالایشگاه لاوان", Planned),
        ("مراسم بهره‌برداری از فیدر شهید چمران برگزار شد.", "فیدر شهید چمران", Opening),
        ("توسعه فرودگاه بین‌المللی کرمان در برنامه است.", "توسعه فرودگاه بین‌المللی کرمان", Planned),
        (
            "بدری از در حال ساخت بودن سه ایستگاه جدید آتش‌نشانی خبر داد.",
            "ایستگاه جدید آتش‌نشانی",
            UnderConstruction,
        ),
    ];
    for (s, name, status) in table {
        let f = found(s);
        assert!(f.iter().any(|(n, st)| *n == key(name) && *st == Some(*status)), "{s}: {f:?}");
    }
}

/// Generic kinds with no name, counted units and comparatives are not
/// projects.
#[test]
fn bare_kinds_are_not_projects() {
    for s in [
        "برای ساخت این راه به یک تونل نیاز است.",
        "سهم قطار شهری در حمل و نقل عمومی ۲۵ درصد است.",
        "افتتاح دو واحد گلخانه در شهرستان انجام شد.",
        "مسئولان بر توسعه واحد‌های تولیدی تاکید کردند.",
        "هر نمایشگاه باید مجوز داشته باشد.",
    ] {
        let f = found(s);
        assert!(
            f.iter().all(|(n, _)| !matches!(n.as_str(), "تونل" | "قطارشهری" | "واحد" | "نمایشگاه")),
            "{s}: {f:?}"
        );
    }
    // «دو واحد گلخانه» names the greenhouse, not a unit.
    let f = found("افتتاح دو واحد گلخانه صیفی‌جات در شهرستان انجام شد.");
    assert!(f.iter().all(|(n, _)| !n.starts_with("واحد")), "{f:?}");
    // A comparative ends the name.
    let f = found("بهسازی جاده سریع‌تر از پیش‌بینی در دست اجرا است.");
    assert!(f.iter().all(|(n, _)| !n.contains("سریع")), "{f:?}");
}

/// A delivery work over a list of villages is one project per village.
#[test]
fn delivery_per_village() {
    let input = "گازرسانی به روستاهای کلاته، باغستان و سرخده افتتاح شد.";
    let out = extract(input);
    spans_ok(input, &out);
    let names: Vec<String> = out.projects.iter().map(|p| key(&p.name)).collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names.contains(&key("گازرسانی به روستای باغستان")), "{names:?}");
    assert!(names.contains(&key("گازرسانی به روستای سرخده")), "{names:?}");
    assert!(out.projects.iter().all(|p| p.status == Some(ProjectStatus::Opening)));
    // در روستای X names the place of a delivery work too.
    let f = found("پروژه برق‌رسانی در روستای کلاته به بهره‌برداری رسید.");
    assert!(f.iter().any(|(n, _)| *n == key("برق‌رسانی در روستای کلاته")), "{f:?}");
}

/// A phase with no project, a kind of building after ساخت, and «یک X
/// ارتباطی» are not projects.
#[test]
fn generic_mentions_are_not_projects() {
    for s in [
        "در یک سال فاز دوم را به بهره‌برداری رساندیم.",
        "ساخت هتل، رستوران و مراکز تجاری در این منطقه لازم است.",
        "این نشریه یک پل ارتباطی میان مردم و مسئولان است که افتتاح شد.",
        // An activity on no facility, a plan of no facility, a plural class.
        "ساماندهی بازار سکه در دستور کار بانک مرکزی قرار دارد.",
        "طرح ساماندهی کشاورزان خرده‌پا در دست اجرا است.",
        "ساخت نیروگاه‌های بادی در برنامه وزارت نیرو است.",
        "مدیرکل آبخیزداری استان یزد از افتتاح طرح‌ها خبر داد.",
        // A bare one-word kind as a list item.
        "این طرح شامل سه بخش سد، نیروگاه و تونل است.",
    ] {
        let f = found(s);
        assert!(f.is_empty(), "{s}: {f:?}");
    }
}

#[test]
fn future_opening_with_a_deadline_is_under_construction() {
    use ProjectStatus::*;
    let table: &[(&str, &str, ProjectStatus)] = &[
        // A deadline: still being built.
        (
            "بیمارستان ۱۲۰ تختخوابی شهر ساوه تا پایان سال به بهره‌برداری می‌رسد.",
            "بیمارستان 120 تختخوابی شهر ساوه",
            UnderConstruction,
        ),
        ("پل شهید همت تا نیمه اول سال آینده افتتاح می‌شود.", "پل شهید همت", UnderConstruction),
        (
            "معاون عمرانی گفت: ورزشگاه شهدای گمنام تا آخر سال‌جاری به بهره برداری خواهد رسید.",
            "ورزشگاه شهدای گمنام",
            UnderConstruction,
        ),
        ("پارک جنگلی چیتگر سال آینده به بهره‌برداری می‌رسد.", "پارک جنگلی چیتگر", UnderConstruction),
        ("تونل امیرکبیر در ماه‌های آینده افتتاح خواهد شد.", "تونل امیرکبیر", UnderConstruction),
        (
            "تصفیه‌خانه فاضلاب شهر نور تا دو سال آینده به بهره‌برداری برسد.",
            "تصفیه‌خانه فاضلاب شهر نور",
            UnderConstruction,
        ),
        (
            "سالن ورزشی شهید بهشتی تا دهه فجر آماده بهره‌برداری می‌شود.",
            "سالن ورزشی شهید بهشتی",
            UnderConstruction,
        ),
        (
            "مجتمع فرهنگی امام علی تا قبل از مهرماه امسال افتتاح می‌شود.",
            "مجتمع فرهنگی امام علی",
            UnderConstruction,
        ),
        // A governing افتتاح with a deadline in its clause.
        ("افتتاح سه پایانه مسافربری تا پایان آبان ماه در شیراز", "پایانه مسافربری", UnderConstruction),
        (
            "افتتاح کتابخانه مرکزی شهر یزد تا پایان سال انجام خواهد شد.",
            "کتابخانه مرکزی شهر یزد",
            UnderConstruction,
        ),
        // A groundbreaking with a deadline: a plan.
        ("عملیات اجرایی بزرگراه شهید لشگری تا پایان سال آغاز می‌شود.", "بزرگراه شهید لشگری", Planned),
        // An event, no deadline: an opening.
        ("همزمان با هفته دولت بیمارستان شهید مطهری به بهره‌برداری می‌رسد.", "بیمارستان شهید مطهری", Opening),
        ("پل غدیر دوشنبه هفته آینده با حضور وزیر افتتاح می‌شود.", "پل غدیر", Opening),
        ("در دهه فجر امسال ورزشگاه شهید کشوری افتتاح خواهد شد.", "ورزشگاه شهید کشوری", Opening),
        (
            "بخش جدید بیمارستان شهید بهشتی قرار است پنجشنبه با حضور وزیر افتتاح شود.",
            "بیمارستان شهید بهشتی",
            Opening,
        ),
        ("پل طبیعت قرار است تا پایان سال به بهره‌برداری برسد.", "پل طبیعت", UnderConstruction),
        // Money spent on a work: done; a work being carried out: being built.
        (
            "برای دوبانده کردن محور یزد به اردکان به طول ۶۰ کیلومتر ۴۰ میلیارد تومان هزینه شد.",
            "دوبانده کردن محور یزد به اردکان",
            Completed,
        ),
        ("طرح جنگل‌کاری حاشیه شهر در ۵۰ هزار هکتار اجرا می‌شود.", "طرح جنگل‌کاری حاشیه شهر", UnderConstruction),
        // An opening hoped for is still being built.
        (
            "انتظار می‌رود امسال شاهد افتتاح فاز دوم قطار شهری شیراز باشیم.",
            "فاز دوم قطار شهری شیراز",
            UnderConstruction,
        ),
        ("امید است ورزشگاه شهید کشوری به زودی افتتاح شود.", "ورزشگاه شهید کشوری", UnderConstruction),
        // A deadline in the past: what happened stays.
        ("سد گتوند تا پایان سال گذشته به بهره‌برداری رسید.", "سد گتوند", Opening),
        ("بیمارستان شهید رجایی تا پایان سال ۱۳۹۸ افتتاح شد.", "بیمارستان شهید رجایی", Opening),
        ("ورزشگاه شهید وطنی سال بعد به بهره‌برداری رسید.", "ورزشگاه شهید وطنی", Opening),
    ];
    for (s, name, status) in table {
        let f = found(s);
        assert!(f.contains(&(key(name), Some(*status))), "«{s}»: want {name} {status:?}, got {f:?}");
    }
}

#[test]
fn parts_done_so_far_and_plans_on_a_tie() {
    use ProjectStatus::*;
    // A count of parts opened so far: the whole is still being built.
    let s = "وی گفت: طرح نوسازی بافت فرسوده شهر بروجرد ادامه دارد. تاکنون ۴۰۰ واحد از آن به بهره‌برداری رسیده است.";
    let f = found(s);
    assert!(f.contains(&(key("طرح نوسازی بافت فرسوده شهر بروجرد"), Some(UnderConstruction))), "{f:?}");
    // A count of projects opened so far is no part of one.
    let s = "تاکنون ۲۰ پروژه از جمله پل کابلی شهر رشت افتتاح شده است.";
    let f = found(s);
    assert!(f.contains(&(key("پل کابلی شهر رشت"), Some(Opening))), "{f:?}");
    // The same project budgeted in one clause and built in another, as
    // directly: the plan gives way.
    let s = "برای احداث بیمارستان امام خمینی شهر بهار اعتبار در نظر گرفته شد. بیمارستان امام خمینی شهر بهار در حال ساخت است.";
    let f = found(s);
    assert!(f.contains(&(key("بیمارستان امام خمینی شهر بهار"), Some(UnderConstruction))), "{f:?}");
}

#[test]
fn progress_and_intentions() {
    use ProjectStatus::*;
    let table: &[(&str, &str, ProjectStatus)] = &[
        (
            "بیمارستان ۹۶ تختخوابی شهر زابل از پیشرفت ۸۵ درصدی برخوردار است.",
            "بیمارستان 96 تختخوابی شهر زابل",
            UnderConstruction,
        ),
        ("پیشرفت فیزیکی سد معشوره ۷۰ درصد است.", "سد معشوره", UnderConstruction),
        (
            "ورزشگاه شهید باهنر پس از ده سال هنوز به بهره‌برداری نرسیده است.",
            "ورزشگاه شهید باهنر",
            UnderConstruction,
        ),
        ("تالار شهر رشت به دلیل کمبود اعتبار افتتاح نمی شود.", "تالار شهر رشت", UnderConstruction),
        (
            "عملیات اجرایی بیمارستان امام حسین از سال گذشته آغاز شده و اکنون ۴۰ درصد پیشرفت دارد.",
            "بیمارستان امام حسین",
            UnderConstruction,
        ),
        ("عملیات اجرایی بیمارستان امام حسین امروز آغاز شد.", "بیمارستان امام حسین", Groundbreaking),
        (
            "کلنگ ساخت بیمارستان امام حسین زده شد که تا سه سال دیگر تکمیل می‌شود.",
            "بیمارستان امام حسین",
            Groundbreaking,
        ),
        (
            "به دلیل انجام عملیات اجرایی زیرگذر شهید صیاد، خیابان بهار بسته است.",
            "زیرگذر شهید صیاد",
            UnderConstruction,
        ),
        ("در نظر است پارک بانوان شهر قزوین احداث شود.", "پارک بانوان شهر قزوین", Planned),
        ("شهرداری در نظر دارد کتابخانه شهید مطهری را بازسازی کند.", "کتابخانه شهید مطهری", Planned),
    ];
    for (s, name, status) in table {
        let f = found(s);
        assert!(f.contains(&(key(name), Some(*status))), "«{s}»: want {name} {status:?}, got {f:?}");
    }
    // پیشرفت alone (progress of a city) is no cue.
    let f = found("پیشرفت شهر یزد مرهون تلاش مردم است و ورزشگاه شهید نصیری افتتاح شد.");
    assert!(f.contains(&(key("ورزشگاه شهید نصیری"), Some(Opening))), "{f:?}");
}
