//! The page composed of the views in `crate::web::components`: each gets the fields it reads
//! and callbacks that send the app's messages.

use super::state::{Msg, State, Tab};
use super::App;
use crate::model::Report;
use crate::web::components::card::ReportCard;
use crate::web::components::compare::CompareTable;
use crate::web::components::drawer::Drawer;
use crate::web::components::{chart, figures, header, messages, metrics, results};
use crate::web::components::{review, sidebar, summary, text_pane};
use crate::web::entry::{entry_title, facts_of};
use crate::web::i18n::t;
use crate::web::labels::metric_label;
use crate::web::{browser, files, genre};
use yew::html::Scope;
use yew::prelude::*;

/// The whole page: drag and drop and Escape on the outermost element.
pub fn page(app: &App, link: &Scope<App>) -> Html {
    let s = &app.state;
    let lang = s.lang;
    let ondragover = link.callback(|e: DragEvent| {
        e.prevent_default();
        Msg::Dragging(true)
    });
    let ondragleave = link.callback(|_e: DragEvent| Msg::Dragging(false));
    let ondrop = link.callback(|e: DragEvent| {
        e.prevent_default();
        let Some(dt) = e.data_transfer() else {
            return Msg::Dragging(false);
        };
        // folders only come through the drop's entries; plain files through either
        let entries = files::entries_of_drop(&dt);
        if entries.length() > 0 {
            return Msg::Dropped(entries);
        }
        let files = browser::files_of(dt.files());
        if files.is_empty() {
            Msg::Dragging(false)
        } else {
            Msg::Files(files)
        }
    });
    let onkeydown =
        link.batch_callback(|e: KeyboardEvent| (e.key() == "Escape").then_some(Msg::Escape));
    html! {
        <div class={classes!("app", s.dragging.then_some("dragging"))} lang={lang.code()}
             {ondragover} {ondragleave} {ondrop} {onkeydown} data-testid="app">
            <a class="skip" href="#results" data-testid="skip-link">{ t(lang, "skip_to_results") }</a>
            { header::header(&header::HeaderProps {
                lang,
                on_example: &link.callback(|_| Msg::Example),
                on_lang: &link.callback(|_| Msg::ToggleLang),
            }) }
            { messages(s, link) }
            <main class={classes!("layout", s.fold.then_some("wide"), s.sheet.then_some("sheet-open"))}>
                { sidebar(s, link) }
                { text_pane(app, link) }
                { results(s, link) }
            </main>
            { drawer(s, link) }
            { header::footer(lang, s.last_ms, app.extraction.has_worker()) }
        </div>
    }
}

fn messages(s: &State, link: &Scope<App>) -> Html {
    messages::view(&messages::MessagesProps {
        lang: s.lang,
        progress: s.batch_progress(),
        on_cancel: &link.callback(|_| Msg::Cancel),
        errors: &s.errors,
        notice: s.notice.as_deref(),
        storage_ok: s.storage_ok,
        trash: &s.trash,
        no_entries: s.entries.is_empty(),
        skipped: &s.skipped,
        on_dismiss_errors: &link.callback(|_| Msg::DismissErrors),
        on_dismiss_storage: &link.callback(|_| Msg::DismissStorage),
        on_undo: &link.callback(|_| Msg::Undo),
        on_dismiss_undo: &link.callback(|_| Msg::DismissUndo),
    })
}

fn sidebar(s: &State, link: &Scope<App>) -> Html {
    sidebar::view(&sidebar::SidebarProps {
        lang: s.lang,
        entries: &s.entries,
        current: s.current,
        dragging: s.dragging,
        on_files: &link.callback(Msg::Files),
        on_select: &link.callback(Msg::Select),
        on_remove: &link.callback(Msg::Remove),
        on_new: &link.callback(|_| Msg::NewDoc),
        on_clear: &link.callback(|_| Msg::ClearAll),
    })
}

fn text_pane(app: &App, link: &Scope<App>) -> Html {
    let s = &app.state;
    text_pane::view(&text_pane::TextPaneProps {
        lang: s.lang,
        pane: s.pane,
        text: s.source_text(),
        highlight: &s.highlight,
        textarea: &app.textarea,
        on_edit: &link.callback(Msg::Edit),
        on_pane: &link.callback(Msg::SetPane),
        on_sheet: &link.callback(Msg::Sheet),
    })
}

/// The card of the open report (none above the comparison and the charts: they are about
/// every report).
fn card(s: &State, link: &Scope<App>) -> Html {
    let lang = s.lang;
    match (s.entry(), s.report()) {
        _ if matches!(s.tab, Tab::Compare | Tab::Charts) => html! {},
        (Some(e), Some(r)) => {
            let (g, months) = s.open_genre();
            html! {
                <ReportCard lang={lang} meta={r.meta.clone()} found={e.found.clone().unwrap_or_else(|| r.meta.clone())}
                    source={r.source.clone()} warnings={r.warnings.clone()} edit={e.edit.clone()}
                    genre={g.map(|g| genre::genre_label(lang, g).to_string()).unwrap_or_default()}
                    coverage={genre::coverage_label(lang, months)} partial={months.is_some()}
                    on_save={link.callback(Msg::SaveEdit)} />
            }
        }
        _ => html! {},
    }
}

/// The active tab's body.
fn tab_body(s: &State, link: &Scope<App>) -> Html {
    let lang = s.lang;
    let on_jump = &link.callback(|(spans, fact)| Msg::Jump(spans, fact));
    let on_chart_metric = &link.callback(Msg::ChartMetric);
    match s.tab {
        Tab::Compare => html! {
            <CompareTable lang={lang} rows={s.rows.clone()} generation={s.generation} current={s.current}
                sort={s.sort} filters={s.filters.clone()}
                on_sort={link.callback(Msg::SortBy)} on_select={link.callback(Msg::Select)}
                on_cell={link.callback(|(i, id)| Msg::OpenCell(i, id))} on_filter={link.callback(Msg::SetFilters)} />
        },
        Tab::Charts => {
            let reports: Vec<&Report> = s
                .entries
                .iter()
                .filter_map(|e| e.report.as_deref())
                .collect();
            chart::view(&chart::ChartProps {
                lang,
                reports: &reports,
                current: s.report(),
                chart_metric: s.chart_metric.as_deref(),
                on_chart_metric,
                on_export: &link.callback(Msg::Export),
            })
        }
        _ => match s.report() {
            None => html! { <p class="empty" data-testid="empty">{ t(lang, "no_report") }</p> },
            Some(report) => match s.tab {
                Tab::Metrics => metrics::view(&metrics::MetricsProps {
                    lang,
                    report,
                    selected: s.selected,
                    open_alts: &s.open_alts,
                    on_jump,
                    on_toggle_alts: &link.callback(Msg::ToggleAlts),
                }),
                Tab::Summary => summary::view(&summary::SummaryProps {
                    lang,
                    report,
                    genre: s.open_genre(),
                    doc_kind: &s.doc_kind,
                    on_jump,
                    on_doc_kind: &link.callback(Msg::DocKind),
                }),
                Tab::Review => review::view(&review::ReviewProps {
                    lang,
                    report,
                    all: &review::with_series(s.reports()),
                    chart_metric: s.chart_metric.as_deref(),
                    on_jump,
                    on_chart_metric,
                }),
                _ => figures::view(&figures::FiguresProps {
                    lang,
                    report,
                    on_jump,
                }),
            },
        },
    }
}

fn results(s: &State, link: &Scope<App>) -> Html {
    results::view(results::ResultsProps {
        lang: s.lang,
        tab: s.tab,
        fold: s.fold,
        card: card(s, link),
        body: tab_body(s, link),
        has_report: s.report().is_some(),
        has_entries: !s.entries.is_empty(),
        on_tab: &link.callback(Msg::SetTab),
        on_tab_key: &link.callback(Msg::TabKey),
        on_fold: &link.callback(|_| Msg::ToggleFold),
        on_sheet: &link.callback(Msg::Sheet),
        on_export: &link.callback(Msg::Export),
        on_copy: &link.callback(|_| Msg::Copy),
    })
}

/// The detail drawer of a comparison cell, when one is open.
fn drawer(s: &State, link: &Scope<App>) -> Html {
    let lang = s.lang;
    let Some((i, id)) = &s.drawer else {
        return html! {};
    };
    let Some(r) = s.entries.get(*i).and_then(|e| e.report.as_deref()) else {
        return html! {};
    };
    let facts: Vec<crate::model::Fact> = facts_of(r, id)
        .into_iter()
        .map(|(_, f)| f.clone())
        .collect();
    let weak: Vec<bool> = facts.iter().map(|f| f.weak).collect();
    let metric = crate::data::catalog::defs()
        .get(id)
        .map(|m| metric_label(lang, m))
        .unwrap_or_else(|| id.clone());
    html! {
        <Drawer lang={lang} report={entry_title(r)} metric={metric} facts={facts} weak={weak}
            on_close={link.callback(|_| Msg::CloseDrawer)} on_source={link.callback(Msg::DrawerSource)} />
    }
}
