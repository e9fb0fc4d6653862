//! The app's state transitions (src/web/app/state/): pure, no page needed.

use super::*;

/// A state with the given texts loaded (named `doc-N.txt`), the `current` one open, the engine
/// on the main thread loaded.
fn state_of(texts: &[&str], current: usize) -> State {
    let docs = texts
        .iter()
        .enumerate()
        .map(|(i, text)| storage::SavedDoc {
            name: format!("doc-{i}.txt"),
            text: text.to_string(),
            key: None,
            edit: Default::default(),
        })
        .collect();
    let mut s = State::new(Lang::Zh, storage::Saved { docs, current });
    s.local = Local(engine);
    s
}

fn names(s: &State) -> Vec<String> {
    s.entries.iter().map(|e| e.name.clone()).collect()
}

const THREE: [&str; 3] = ["甲局2021年", "乙局2022年", "丙局2023年"];

#[wasm_bindgen_test]
fn removing_moves_the_open_report_and_undo_puts_it_back() {
    // (entries, open, removed, open after the removal)
    for (n, open, removed, after) in [
        (3, 0, 0, 0),
        (3, 1, 0, 0),
        (3, 2, 0, 1),
        (3, 1, 2, 1),
        (3, 2, 2, 1),
        (1, 0, 0, 0),
    ] {
        let mut s = state_of(&THREE[..n], open);
        let before = names(&s);
        assert!(s.remove(removed));
        let case = format!("{n} entries, open {open}, remove {removed}");
        assert_eq!(s.entries.len(), n - 1, "{case}");
        assert_eq!(s.current, after, "{case}");
        assert_eq!(s.trash.len(), 1, "{case}");
        assert_eq!(s.focus.as_deref(), Some("[data-testid=undo]"), "{case}");
        assert_eq!(s.store, Store::Save, "{case}");
        assert!(s.undo());
        assert_eq!(names(&s), before, "{case}: undo restores the order");
        assert_eq!(s.current, removed, "{case}: the restored one opens");
        assert!(s.trash.is_empty(), "{case}");
    }
    // out of range: nothing happens
    let mut s = state_of(&THREE, 1);
    s.remove(7);
    assert_eq!((s.entries.len(), s.current, s.trash.len()), (3, 1, 0));
}

#[wasm_bindgen_test]
fn clearing_all_is_undone_in_order() {
    let mut s = state_of(&THREE, 2);
    s.errors.push("x".into());
    s.clear_all();
    assert!(s.entries.is_empty());
    assert_eq!(s.store, Store::Clear, "the saved copy goes too");
    assert!(s.errors.is_empty());
    assert_eq!(s.trash.len(), 3);
    s.store = Store::Keep;
    s.undo();
    assert_eq!(names(&s), ["doc-0.txt", "doc-1.txt", "doc-2.txt"]);
    assert_eq!(s.current, 0);
    assert_eq!(s.store, Store::Save);
    assert_eq!(
        s.focus.as_deref(),
        Some("[data-testid=doc-item]:nth-child(1) .doc-open")
    );
}

#[wasm_bindgen_test]
fn new_texts_get_free_pasted_names() {
    // typing into an empty page makes the first entry
    let mut s = state_of(&[], 0);
    assert!(s.edit("罚款5万元".into()), "the new entry is shown");
    assert_eq!(names(&s), ["pasted-1.txt"]);
    assert!(s.entries[0].dirty);
    assert!(!s.edit("罚款6万元".into()), "typing on: no new entry");
    assert_eq!(s.entries[0].text, "罚款6万元");
    // a name already taken is skipped
    s.entries[0].name = "pasted-2.txt".into();
    s.new_doc();
    assert_eq!(names(&s), ["pasted-2.txt", "pasted-3.txt"]);
    assert_eq!(s.current, 1);
    assert_eq!((s.pane, s.sheet, s.fold), (Pane::Edit, true, false));
    assert_eq!(s.focus.as_deref(), Some("[data-testid=input-text]"));
    // the first entry was extracted before the switch
    assert!(!s.entries[0].dirty && s.entries[0].report.is_some());
}

#[wasm_bindgen_test]
fn duplicates_are_skipped_and_batches_keep_the_open_report() {
    let mut s = state_of(&THREE[..1], 0);
    assert_eq!(
        s.push_entry("again.txt".into(), "甲局 2021年\n".into(), Vec::new()),
        None
    );
    assert_eq!(
        s.skipped,
        vec![("again.txt".to_string(), "doc-0.txt".to_string())]
    );
    // one file alone opens
    assert_eq!(
        s.push_entry("b.txt".into(), "乙".into(), Vec::new()),
        Some(1)
    );
    assert_eq!(s.current, 1);
    // a batch of several keeps the open one (and forgets the old skipped list)
    s.begin_batch(2);
    assert!(s.keep_current && s.skipped.is_empty());
    assert_eq!(
        s.push_entry("c.txt".into(), "丙".into(), Vec::new()),
        Some(2)
    );
    assert_eq!(s.current, 1);
    // progress: 2 files, one handed on to a reader, 3 steps end it
    assert_eq!(s.progress, Some((0, 2)));
    s.one_more();
    let mut seen = Vec::new();
    for _ in 0..3 {
        s.step();
        seen.push(s.progress);
    }
    assert_eq!(seen, [Some((1, 3)), Some((2, 3)), None]);
}

#[wasm_bindgen_test]
fn tabs_fold_and_keys_move_the_focus() {
    // (from, key, to, folded after)
    for (from, key, to, fold) in [
        (Tab::Metrics, "ArrowLeft", Tab::Charts, true),
        (Tab::Charts, "ArrowRight", Tab::Metrics, false),
        (Tab::Review, "ArrowRight", Tab::Compare, true),
        (Tab::Compare, "Home", Tab::Metrics, false),
        (Tab::Metrics, "End", Tab::Charts, true),
    ] {
        let mut s = state_of(&[], 0);
        s.set_tab(from);
        s.drawer = Some((0, "fines".into()));
        assert!(s.tab_key(key));
        assert_eq!((s.tab, s.fold), (to, fold), "{from:?} {key}");
        assert_eq!(s.drawer, None, "{from:?} {key}: the drawer closes");
        assert!(s
            .focus
            .as_deref()
            .is_some_and(|f| f.starts_with("[data-testid=tab-")));
    }
    let mut s = state_of(&[], 0);
    assert!(!s.tab_key("x"));
    assert_eq!((s.tab, s.focus.clone()), (Tab::Metrics, None));
    // the same tab again keeps a fold chosen by hand
    s.set_tab(Tab::Compare);
    s.update(Msg::ToggleFold).ok();
    s.set_tab(Tab::Compare);
    assert!(!s.fold);
}

#[wasm_bindgen_test]
fn escape_closes_one_thing_at_a_time() {
    let mut s = state_of(&THREE[..1], 0);
    s.drawer = Some((0, "fines".into()));
    s.sheet = true;
    s.notice = Some("copied".into());
    s.highlight = vec![[1, 2]];
    // (what is still open before the key, its focus after)
    let steps: [(&str, Option<&str>); 4] = [
        (
            "drawer",
            Some("tr[data-entry=\"0\"] td[data-id=\"fines\"] button || .table-box"),
        ),
        ("sheet", Some("#results")),
        ("notice", None),
        ("highlight", None),
    ];
    for (what, focus) in steps {
        s.focus = None;
        assert!(s.escape(), "{what}");
        assert_eq!(s.focus.as_deref(), focus, "{what}");
    }
    assert!(s.drawer.is_none() && !s.sheet && s.notice.is_none() && s.highlight.is_empty());
    assert!(!s.escape(), "nothing left: no render");
}

#[wasm_bindgen_test]
fn jumps_show_the_source_and_sorting_reverses() {
    let mut s = state_of(&THREE[..1], 0);
    s.fold = true;
    s.jump(vec![[0, 2]], Some(3));
    assert_eq!(s.highlight, vec![[0, 2]]);
    assert_eq!(s.selected, Some(3));
    assert_eq!(
        (s.pane, s.fold, s.sheet, s.scroll_pending),
        (Pane::Source, false, true, true)
    );
    let mut sorts = Vec::new();
    for col in [2, 2, 2, 5] {
        s.sort_by(col);
        sorts.push(s.sort);
    }
    assert_eq!(
        sorts,
        [
            Some((2, true)),
            Some((2, false)),
            Some((2, true)),
            Some((5, true))
        ]
    );
}

#[wasm_bindgen_test]
fn worker_answers_are_taken_only_when_current() {
    let mut s = state_of(&THREE[..1], 0);
    // what the worker sends
    let one = zhibiao::engine::answer(THREE[0], "doc-0.txt");
    let uid = s.entries[0].uid;
    s.entries[0].seq = 2;
    s.entries[0].dirty = false;
    assert!(!s.extracted(uid, 1, &one, 5.0), "an older request: dropped");
    assert!(s.entries[0].report.is_none());
    assert!(!s.extracted(uid + 9, 2, &one, 5.0), "no such entry");
    assert!(s.extracted(uid, 2, &one, 5.0));
    assert!(s.entries[0].report.is_some());
    assert_eq!(s.last_ms, Some(5.0));
    // an answer that does not parse: extracted here instead
    s.entries[0].report = None;
    assert!(s.extracted(uid, 2, "not json", 1.0));
    assert!(s.entries[0].report.is_some() && !s.entries[0].dirty);
    // a failure names the file
    s.extract_failed(uid);
    assert!(s.entries[0].report.is_none());
    assert_eq!(s.errors.len(), 1);
    assert!(s.errors[0].starts_with("doc-0.txt: "));
}

#[wasm_bindgen_test]
fn an_extraction_here_waits_for_the_engine_to_load() {
    let mut s = state_of(&["某局2023年办理行政处罚案件12件。"], 0);
    s.local = Local(|_, _| None);
    assert!(!s.extract_current(), "not loaded: nothing extracted");
    assert!(
        s.want_local && s.entries[0].dirty,
        "the engine is asked for, the text kept"
    );
    s.local = Local(engine);
    assert!(s.local_ready(true));
    assert!(s.report().is_some() && !s.entries[0].dirty);
    // the engine could not load: said once, the text stays
    assert!(s.local_ready(false));
    assert_eq!(s.errors.len(), 1);
}

#[wasm_bindgen_test]
fn the_state_handles_only_what_needs_nothing_else() {
    let mut s = state_of(&[], 0);
    // pure messages: handled here
    assert!(matches!(s.update(Msg::SortBy(1)), Ok(true)));
    assert!(matches!(s.update(Msg::Noop), Ok(false)));
    assert!(
        matches!(s.update(Msg::Dragging(false)), Ok(false)),
        "no change"
    );
    assert!(matches!(s.update(Msg::Dragging(true)), Ok(true)));
    // timers, the worker, files, downloads, the clipboard: back to the app
    for msg in [
        Msg::Edit("x".into()),
        Msg::Copy,
        Msg::Extract,
        Msg::Example,
        Msg::ClearAll,
        Msg::ToggleLang,
    ] {
        assert!(s.update(msg).is_err());
    }
}

#[wasm_bindgen_test]
fn corrections_are_laid_over_the_found_card_once() {
    let mut s = state_of(
        &["某局2023年法治政府建设年度报告。办理行政处罚案件12件。"],
        0,
    );
    s.extract_current();
    let edit = |agency: &str| zhibiao::web::edits::MetaEdit {
        agency: Some(agency.into()),
        ..Default::default()
    };
    s.save_edit(edit("甲局"));
    s.save_edit(edit("乙局"));
    let r = s.report().expect("a report");
    assert_eq!(r.meta.agency.as_deref(), Some("乙局"));
    let notes = r
        .warnings
        .iter()
        .filter(|w| w.starts_with(zhibiao::web::edits::EDITED_NOTE))
        .count();
    assert_eq!(notes, 1);
    assert_eq!(s.saved().docs[0].edit, edit("乙局"), "kept with the text");
}

#[wasm_bindgen_test]
fn a_large_collection_keeps_each_text_in_indexeddb_once() {
    let big = "某局2023年办理行政处罚案件12件。".repeat(40_000);
    let mut s = state_of(&["短文本", &big], 0);
    assert!(s.big(), "over localStorage's share");
    let first = s.unstored_texts();
    assert_eq!(first.len(), 2, "every text once");
    assert_eq!(first[1].0, storage::text_key(&big));
    assert!(s.unstored_texts().is_empty(), "not twice");
    let (json, keys) = s.saved_index();
    assert_eq!(keys.len(), 2);
    assert!(
        !json.contains("案件"),
        "the index names the texts, it does not hold them"
    );
    let index: storage::Saved = serde_json::from_str(&json).expect("the index reads back");
    assert_eq!(index.docs[1].key.as_deref(), Some(keys[1].as_str()));
    // an edited text is put again under its new key
    s.edit("改过的短文本".into());
    let again = s.unstored_texts();
    assert_eq!(again.len(), 1);
    assert_eq!(again[0].1, "改过的短文本");
    assert_ne!(
        storage::text_key("ab"),
        storage::text_key("a b"),
        "keys tell whitespace apart"
    );
    // restored from such an index: the texts count as stored already
    let mut docs = index.docs;
    for (d, (_, t)) in docs.iter_mut().zip(&first) {
        d.text = t.clone();
    }
    let r = State::new(Lang::Zh, storage::Saved { docs, current: 0 });
    assert!(r.unstored_texts().is_empty());
}
