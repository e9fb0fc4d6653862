//! The review of the five seed reports against `../shared/review/seeds.json`: the status and
//! heading of every required part, and the timeliness.

mod common;

use serde_json::Value;

#[test]
fn seeds_match_review_gold() {
    let shared = common::shared();
    let gold: Value = serde_json::from_str(
        &std::fs::read_to_string(shared.join("review/seeds.json"))
            .expect("../shared/review/seeds.json"),
    )
    .unwrap();
    let gold = gold.as_object().expect("an object");
    assert_eq!(gold.len(), 5);
    let (mut ok_parts, mut n_parts, mut ok_time) = (0, 0, 0);
    let mut fails = Vec::new();
    for (name, g) in gold {
        let text = std::fs::read_to_string(shared.join("corpus").join(name)).expect("seed text");
        let r = zhibiao::extract(&text, name);
        for gp in g["parts"].as_array().unwrap() {
            n_parts += 1;
            let id = gp["id"].as_str().unwrap();
            let p = r.review.parts.iter().find(|p| p.id == id);
            let got = p.map(|p| (p.status.as_str(), p.heading.as_deref()));
            let want = (gp["status"].as_str().unwrap(), gp["heading"].as_str());
            if got == Some(want) {
                ok_parts += 1;
            } else {
                fails.push(format!("{name} {id}: got {got:?}, expected {want:?}"));
            }
        }
        let t = &r.review.timeliness;
        let gt = &g["timeliness"];
        let same = t.year.map(i64::from) == gt["year"].as_i64()
            && t.published.as_deref() == gt["published"].as_str()
            && t.deadline.as_deref() == gt["deadline"].as_str()
            && Some(t.status.as_str()) == gt["status"].as_str();
        if same {
            ok_time += 1;
        } else {
            fails.push(format!("{name} timeliness: got {t:?}, expected {gt}"));
        }
    }
    println!("seeds: parts {ok_parts}/{n_parts}, timeliness {ok_time}/5");
    assert!(fails.is_empty(), "{}", fails.join("\n"));
}
