//! Linear time on adversarial shapes of input (issue 10): for each shape, 4× the input may cost at
//! most 5× the time (the best of five runs each, taken in turns in one process so that machine
//! load falls on both alike; a shape that fails is measured again, up to three times),
//! and 1 MB of the shape finishes in under 1 s natively (a generous bound for a loaded machine).
//! The shapes are written here; none comes from a real report.

use std::time::{Duration, Instant};

/// A named way to grow a text to about `n` figures.
struct Shape {
    name: &'static str,
    make: fn(usize) -> String,
}

fn one_sentence(n: usize) -> String {
    let mut s = String::from("全年办理行政处罚案件");
    for i in 0..n {
        s.push_str(&format!("处罚案件{}件,", i + 1));
    }
    s.push('。');
    s
}

fn one_line_no_punctuation(n: usize) -> String {
    (0..n)
        .map(|i| format!("检查企业{}家次罚款{}万元", i % 97 + 1, i % 13 + 1))
        .collect()
}

fn many_short_lines(n: usize) -> String {
    (0..n)
        .map(|i| format!("出动执法人员{}人次。\n", i % 500 + 1))
        .collect()
}

fn table_rows(n: usize) -> String {
    let mut s = String::from("单位 | 行政处罚 | 罚款金额(万元) | 行政检查 |\n");
    for i in 0..n {
        s.push_str(&format!(
            "第{}执法队 | {} | {}.5 | {} |\n",
            i + 1,
            i % 40,
            i % 9,
            i % 300
        ));
    }
    s
}

fn same_value_everywhere(n: usize) -> String {
    (0..n).map(|_| "立案处罚72起,").collect::<String>() + "。"
}

fn letter_spaced_lines(n: usize) -> String {
    (0..n)
        .map(|i| {
            let line = format!(
                "出动执法人员{}人次,检查企业{}家次,",
                i % 500 + 1,
                i % 97 + 1
            );
            let mut spaced: Vec<String> = line.chars().map(String::from).collect();
            spaced.push("\n".into());
            spaced.join(" ")
        })
        .collect()
}

const SHAPES: &[Shape] = &[
    Shape {
        name: "one sentence of figures",
        make: one_sentence,
    },
    Shape {
        name: "one line without punctuation",
        make: one_line_no_punctuation,
    },
    Shape {
        name: "many short lines",
        make: many_short_lines,
    },
    Shape {
        name: "a statistics table",
        make: table_rows,
    },
    Shape {
        name: "one value stated everywhere",
        make: same_value_everywhere,
    },
    Shape {
        name: "letter-spaced lines (a space after every char)",
        make: letter_spaced_lines,
    },
];

fn best_of_three(text: &str) -> Duration {
    (0..3).map(|_| time_once(text)).min().unwrap_or_default()
}

fn time_once(text: &str) -> Duration {
    let t0 = Instant::now();
    std::hint::black_box(zhibiao::extract(text, "scaling"));
    t0.elapsed()
}

/// The best of five runs of each of `small` and `large`, taken in turns (small, large, small …)
/// so that a burst of load on the machine falls on both alike.
fn best_of_five_in_turns(small: &str, large: &str) -> (Duration, Duration) {
    let (mut t1, mut t4) = (Duration::MAX, Duration::MAX);
    for _ in 0..5 {
        t1 = t1.min(time_once(small));
        t4 = t4.min(time_once(large));
    }
    (t1, t4)
}

/// Whether `t4` is more than five times `t1` (a few milliseconds of slack so that tiny timings
/// do not decide).
fn superlinear(t1: Duration, t4: Duration) -> bool {
    t4 > t1 * 5 + Duration::from_millis(20)
}

#[test]
fn four_times_the_input_costs_at_most_five_times_the_time() {
    let mut bad = Vec::new();
    for shape in SHAPES {
        let small = (shape.make)(4_000);
        let large = (shape.make)(16_000);
        // a superlinear step fails every time; a loaded machine's noise seldom three times
        let mut tries = Vec::new();
        for _ in 0..3 {
            let (t1, t4) = best_of_five_in_turns(&small, &large);
            tries.push((t1, t4));
            if !superlinear(t1, t4) {
                break;
            }
        }
        let &(t1, t4) = tries.last().expect("one try");
        let ratio = t4.as_secs_f64() / t1.as_secs_f64().max(1e-4);
        println!(
            "scaling: {:<32} {:>8} chars {:>9.1?}  ×4 → {:>9.1?}  ratio {ratio:.2} ({} tries)",
            shape.name,
            small.chars().count(),
            t1,
            t4,
            tries.len()
        );
        if superlinear(t1, t4) {
            bad.push(format!(
                "{}: {t1:?} → {t4:?} (ratio {ratio:.1}, {} tries)",
                shape.name,
                tries.len()
            ));
        }
    }
    assert!(bad.is_empty(), "superlinear: {}", bad.join("; "));
}

#[test]
fn one_megabyte_of_any_shape_in_under_a_second() {
    let limit = Duration::from_secs(if cfg!(debug_assertions) { 20 } else { 1 });
    let mut bad = Vec::new();
    for shape in SHAPES {
        let mut n = 1_000;
        let mut text = (shape.make)(n);
        while text.len() < 1 << 20 {
            n *= 2;
            text = (shape.make)(n);
        }
        let t = best_of_three(&text);
        println!(
            "scaling: {:<32} {:>8} bytes in {t:.1?}",
            shape.name,
            text.len()
        );
        if t > limit {
            bad.push(format!("{}: {t:?}", shape.name));
        }
    }
    assert!(bad.is_empty(), "too slow on 1 MB: {}", bad.join("; "));
}

/// `n` reports of `n` agencies (one year each): nothing to compare, but every report is grouped.
fn reports_of_many_agencies(n: usize) -> Vec<zhibiao::Report> {
    (0..n)
        .map(|i| {
            let mut r = zhibiao::Report::default();
            r.meta.agency = Some(format!("第{i}县司法局"));
            r.meta.year = Some(2023);
            r
        })
        .collect()
}

/// Grouping a batch's reports by agency (the CLI's and the page's comparison over thousands of
/// files) is linear in their number too.
#[test]
fn comparing_four_times_the_reports_costs_at_most_five_times_the_time() {
    let time = |n: usize| {
        let reports = reports_of_many_agencies(n);
        (0..3)
            .map(|_| {
                let mut batch = reports.clone();
                let t0 = Instant::now();
                zhibiao::review::series::across(&mut batch);
                std::hint::black_box(batch);
                t0.elapsed()
            })
            .min()
            .unwrap_or_default()
    };
    let (t1, t4) = (time(5_000), time(20_000));
    println!("scaling: across 5,000 reports {t1:.1?}  ×4 → {t4:.1?}");
    assert!(
        t4 <= t1 * 5 + Duration::from_millis(20),
        "superlinear: {t1:?} → {t4:?}"
    );
}
