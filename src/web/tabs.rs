//! The result tabs and the text pane's two modes (shared by the app's state and the views).

/// The result tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// Catalog metrics, grouped.
    Metrics,
    /// Narrative, outline, problems, plans, documents.
    Summary,
    /// Every quantity.
    Figures,
    /// One row per report.
    Compare,
    /// Bar and line charts.
    Charts,
    /// Required parts, deadline, derived rates, flags, density (`components/review.rs`).
    Review,
}

/// The result tabs in their order on the page, with their i18n key and test id.
pub const TABS: [(Tab, &str, &str); 6] = [
    (Tab::Metrics, "tab_metrics", "tab-metrics"),
    (Tab::Summary, "tab_summary", "tab-summary"),
    (Tab::Figures, "tab_figures", "tab-figures"),
    (Tab::Review, "tab_review", "tab-review"),
    (Tab::Compare, "tab_compare", "tab-compare"),
    (Tab::Charts, "tab_charts", "tab-charts"),
];

/// The test id (and element id) of a tab's button.
pub fn tab_id(tab: Tab) -> &'static str {
    TABS.iter()
        .find(|(t, _, _)| *t == tab)
        .map(|x| x.2)
        .unwrap_or("tab-metrics")
}

/// The tab an arrow key moves to (WAI-ARIA tabs: Left/Right wrap, Home/End).
pub fn tab_after_key(tab: Tab, key: &str) -> Option<Tab> {
    let i = TABS.iter().position(|(t, _, _)| *t == tab)?;
    let n = TABS.len();
    let j = match key {
        "ArrowRight" => (i + 1) % n,
        "ArrowLeft" => (i + n - 1) % n,
        "Home" => 0,
        "End" => n - 1,
        _ => return None,
    };
    Some(TABS[j].0)
}

/// What the left pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The editable text area.
    Edit,
    /// The read-only text with highlighted evidence.
    Source,
}
