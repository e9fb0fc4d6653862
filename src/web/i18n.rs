//! The two UI languages and every UI string in both.

/// The language of the user interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// 中文
    Zh,
    /// English
    En,
}

impl Lang {
    /// `zh` or `en` (for storage and the `lang` attribute).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// Parse a stored code or a browser language tag (`zh-CN`, `en-US` …); anything
    /// that is not Chinese is English.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.trim().to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The other language (for the switch button).
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// Pick the Chinese or the English text.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// Every UI string: (key, 中文, English).
const STRINGS: &[(&str, &str, &str)] = &[
    (
        "title",
        "指标 · 法治政府建设年度报告指标提取",
        "zhibiao · metrics from rule-of-law government reports",
    ),
    (
        "tagline",
        "粘贴或拖入报告,即时提取结构化指标。全部在浏览器内完成,不上传。",
        "Paste or drop a report; metrics appear as you type. Everything stays in your browser.",
    ),
    ("input", "输入", "Input"),
    ("source", "原文", "Source"),
    ("paste_here", "在此粘贴报告全文……", "Paste a report here…"),
    ("drop_here", "拖入文件到这里,或", "Drop files here, or"),
    ("pick_files", "选择文件", "choose files"),
    (
        "file_types",
        ".txt(UTF-8/GBK)、.html/.htm、.docx/.doc/.wps、.pdf、.zip",
        ".txt (UTF-8/GBK), .html/.htm, .docx/.doc/.wps, .pdf, .zip",
    ),
    (
        "pick_folder",
        "或选择整个文件夹",
        "or choose a whole folder",
    ),
    ("example", "试试示例", "Try an example"),
    ("new_doc", "新建", "New"),
    ("clear_all", "全部清除", "Clear all"),
    ("reports", "已载入的报告", "Loaded reports"),
    ("remove", "移除", "Remove"),
    ("untitled", "未命名", "untitled"),
    ("pasted", "粘贴文本", "pasted text"),
    ("tab_metrics", "指标", "Metrics"),
    ("tab_summary", "摘要", "Summary"),
    ("tab_figures", "全部数字", "All figures"),
    ("tab_compare", "对比", "Compare"),
    ("tab_review", "审查", "Review"),
    ("rv_parts", "必备内容", "Required parts"),
    ("rv_section", "有专门标题", "has a section"),
    ("rv_mentioned", "仅在正文提及", "mentioned in the text"),
    ("rv_missing", "缺失", "missing"),
    ("rv_reasons", "有原因分析", "causes given"),
    ("rv_no_reasons", "未分析原因", "no causes given"),
    ("rv_deadline", "公开截止日期", "Publication deadline"),
    ("rv_published", "发布日期", "published"),
    ("rv_on_time", "按时公开", "on time"),
    ("rv_late", "逾期公开", "late"),
    (
        "rv_early",
        "年内发布(工作总结,非年度报告)",
        "published within the year (a work summary, not the annual report)",
    ),
    ("rv_unknown", "无法判断", "unknown"),
    ("rv_days", "天", "days"),
    ("rv_flags", "数字核对", "Consistency flags"),
    ("rv_no_flags", "未发现数字矛盾", "No inconsistencies found"),
    ("rv_derived", "派生指标", "Derived indicators"),
    ("rv_indicator", "指标", "Indicator"),
    ("rv_formula", "公式", "Formula"),
    ("rv_density", "各部分的数字", "Numbers per section"),
    ("rv_per_1000", "个数字/千字", "figures per 1,000 chars"),
    (
        "rv_series",
        "历年对比(同一机关)",
        "Over the years (same agency)",
    ),
    ("rv_series_chart", "折线图指标", "Line chart of"),
    ("rv_col_parts", "必备内容", "Parts"),
    ("rv_col_on_time", "按时", "On time"),
    ("rv_col_flags", "核对提示", "Flags"),
    ("tab_charts", "图表", "Charts"),
    ("card_title", "标题", "Title"),
    ("agency", "机关", "Agency"),
    ("region", "地区", "Region"),
    ("province", "省份", "Province"),
    ("level", "层级", "Level"),
    ("year", "年度", "Year"),
    ("published", "发布日期", "Published"),
    ("source_name", "来源", "Source"),
    ("unknown", "—", "—"),
    (
        "no_report",
        "还没有报告。粘贴文本、拖入文件,或点“试试示例”。",
        "No report yet. Paste text, drop files, or press “Try an example”.",
    ),
    (
        "no_metrics",
        "尚未识别到目录中的指标。",
        "No catalog metric found yet.",
    ),
    ("metrics_found", "个指标已识别", "metrics found"),
    ("alternatives", "其他数值", "alternatives"),
    ("hide", "收起", "hide"),
    ("more_than", "余/以上", "more than"),
    ("nearly", "约/近", "about"),
    ("yoy", "同比", "YoY"),
    ("scope", "范围", "scope"),
    ("period", "时间", "period"),
    ("stated_times", "处出现", "mentions"),
    ("value", "数值", "Value"),
    ("unit", "单位", "Unit"),
    ("subject", "对象", "Subject"),
    ("evidence", "原文", "Evidence"),
    ("figures_count", "个数字", "figures"),
    ("narrative", "概述", "Narrative"),
    ("outline", "提纲", "Outline"),
    ("problems", "存在问题", "Problems"),
    ("plans", "下步打算", "Plans"),
    ("documents", "文件", "Documents"),
    ("kind", "类别", "Kind"),
    ("all_kinds", "全部类别", "all kinds"),
    ("cited", "引用次数", "Cited"),
    ("issued", "本年出台", "Issued this year"),
    ("none", "无", "none"),
    ("export", "导出", "Export"),
    ("json_one", "JSON(当前)", "JSON (this report)"),
    ("json_all", "JSON(全部)", "JSON (all)"),
    ("csv_facts", "CSV(逐条指标)", "CSV (facts)"),
    ("csv_compare", "CSV(对比表)", "CSV (comparison)"),
    ("copy_table", "复制摘要表格", "Copy summary table"),
    (
        "copied",
        "已复制,可粘贴到 Excel。",
        "Copied: paste into Excel.",
    ),
    (
        "copy_failed",
        "无法访问剪贴板。",
        "Clipboard not available.",
    ),
    (
        "compare_hint",
        "每行一份报告,每列一个指标(主值)。点击表头排序。",
        "One row per report, one column per metric (primary values). Click a header to sort.",
    ),
    ("report", "报告", "Report"),
    ("metric", "指标", "Metric"),
    ("bar_chart", "各报告对比", "Across reports"),
    (
        "line_chart",
        "同一机关逐年变化",
        "Same agency over the years",
    ),
    (
        "no_line",
        "同一机关有两个以上年度的报告时显示折线图。",
        "A line appears when one agency has reports for two or more years.",
    ),
    (
        "no_chart",
        "载入报告后显示图表。",
        "Load reports to see charts.",
    ),
    ("export_svg", "导出 SVG", "Export SVG"),
    ("export_png", "导出 PNG", "Export PNG"),
    ("extracted_in", "提取耗时", "extracted in"),
    ("working", "正在处理", "Working"),
    ("eta", "约剩", "about"),
    ("eta_s", "秒", "s left"),
    ("cancel_batch", "取消处理", "Cancel"),
    (
        "cancelled",
        "已取消,未处理的文件已移除",
        "Cancelled: the files not yet done were removed",
    ),
    ("page_prev", "上一页", "Previous"),
    (
        "more_reports",
        "份报告见“比较”页",
        "more reports in the Compare tab",
    ),
    ("page_next", "下一页", "Next"),
    ("lang_switch", "English", "中文"),
    ("errors", "无法读取", "Could not read"),
    ("dismiss", "关闭", "Dismiss"),
    ("too_large", "文件太大", "file too large"),
    (
        "bad_type",
        "不支持的文件类型;支持 .txt、.md、.html、.htm、.docx、.doc、.wps、.pdf、.zip",
        "unsupported file type; use .txt, .md, .html, .htm, .docx, .doc, .wps, .pdf or .zip",
    ),
    (
        "storage_full",
        "浏览器存储已满,刷新后文本可能丢失。",
        "Browser storage is full: texts may not survive a reload.",
    ),
    (
        "privacy",
        "数据只保存在本机浏览器中。",
        "Data stays in this browser.",
    ),
    ("warnings", "提示", "Notes"),
    (
        "extract_failed",
        "提取失败(其他报告不受影响)",
        "extraction failed (other reports are not affected)",
    ),
    (
        "engine_failed",
        "提取引擎未能加载,请刷新页面(已粘贴的文本会保留)",
        "the extraction engine did not load — please reload (your texts are kept)",
    ),
    ("edited", "已修改", "edited"),
    (
        "edited_hint",
        "由用户修改,导出中也使用此值",
        "corrected by the user; the exports use it too",
    ),
    (
        "edit_card",
        "修改机关/地区/年度/层级",
        "Edit agency, region, year, level",
    ),
    ("save", "保存", "Save"),
    ("cancel", "取消", "Cancel"),
    ("reset_found", "恢复为识别结果", "Back to what was found"),
    ("genre", "文种", "Genre"),
    ("coverage", "期间", "Period"),
    ("primary", "主值", "primary"),
    (
        "weak_hint",
        "匹配较弱,请核对原文",
        "weak match: check the source",
    ),
    ("weak_short", "待核对", "check"),
    ("show_in_source", "在原文中查看", "Show in the source"),
    ("close", "关闭", "Close"),
    ("not_found", "未找到", "not found"),
    ("department", "部门", "Department"),
    ("all", "全部", "all"),
    (
        "filtered_out",
        "没有符合筛选条件的报告。",
        "No report matches the filters.",
    ),
    ("undo", "撤销", "Undo"),
    ("removed", "已移除", "Removed"),
    ("cleared", "已清除全部报告", "All reports cleared"),
    (
        "duplicates_skipped",
        "已跳过重复的报告(内容相同)",
        "Skipped duplicates (same text)",
    ),
    ("same_as", "同", "same as"),
    ("skip_to_results", "跳到结果", "Skip to the results"),
    ("fold_source", "收起原文", "Hide the text"),
    ("unfold_source", "显示原文", "Show the text"),
    ("open_text", "原文", "Text"),
    (
        "html_converted",
        "已将 HTML 转为文本",
        "HTML converted to text",
    ),
    ("pasted_year", "年度", "year"),
    ("results", "结果", "Results"),
    (
        "not_comparable",
        "其数字不宜直接与全年的法治政府建设年度报告比较。",
        " Its figures are not directly comparable with a full-year rule-of-law annual report.",
    ),
];

/// A UI string in the given language (`?` for an unknown key).
pub fn t(lang: Lang, key: &str) -> &'static str {
    let (zh, en) = STRINGS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map_or(("?", "?"), |(_, zh, en)| (*zh, *en));
    lang.pick(zh, en)
}

/// (unit as the catalog and the text write it, its English word), for numbers shown in English.
pub const UNITS_EN: &[(&str, &str)] = &[
    ("件", "cases"),
    ("次", "times"),
    ("人次", "person-times"),
    ("人", "persons"),
    ("个", "units"),
    ("份", "documents"),
    ("家次", "visits"),
    ("项", "items"),
    ("场", "sessions"),
    ("条", "items"),
    ("元", "yuan"),
    ("万元", "10k yuan"),
    ("亿元", "100m yuan"),
    ("天", "days"),
    ("个工作日", "working days"),
    ("部", "pieces"),
    ("名", "persons"),
    ("家", "bodies"),
    ("所", "offices"),
    ("期", "sessions"),
    ("篇", "articles"),
];

/// A unit in the UI language (units the table does not know stay as written).
pub fn unit_label(lang: Lang, unit: &str) -> &str {
    match lang {
        Lang::Zh => unit,
        Lang::En => UNITS_EN
            .iter()
            .find(|(zh, _)| *zh == unit)
            .map(|(_, en)| *en)
            .unwrap_or(unit),
    }
}

/// (column of the CSV exports, Chinese header): the headers of the exports in the Chinese UI.
pub const CSV_HEADERS_ZH: &[(&str, &str)] = &[
    ("source", "来源"),
    ("agency", "机关"),
    ("region", "地区"),
    ("province", "省份"),
    ("level", "层级"),
    ("year", "年度"),
    ("published", "发布日期"),
    ("id", "指标编号"),
    ("label", "指标"),
    ("value", "数值"),
    ("unit", "单位"),
    ("primary", "主值"),
    ("approx", "约数"),
    ("scope", "范围"),
    ("period", "时间"),
    ("change", "同比"),
    ("raw", "原文"),
    ("evidence_start", "原文起点"),
    ("evidence_end", "原文终点"),
    ("review_parts", "必备内容"),
    ("review_timeliness", "公开时限"),
    ("review_days_late", "逾期天数"),
    ("review_flags", "核对提示"),
];

/// An export's column header in the UI language: the Chinese header for a known column in the
/// Chinese UI; in English the column name, a metric column `label (unit)` in English.
pub fn csv_header(lang: Lang, col: &str) -> String {
    if let Some((_, zh)) = CSV_HEADERS_ZH.iter().find(|(c, _)| *c == col) {
        return lang.pick(zh, col).to_string();
    }
    if lang == Lang::En {
        let cat = crate::data::catalog::defs();
        if let Some(m) = cat
            .metrics
            .iter()
            .find(|m| col == format!("{} ({})", m.label, m.unit))
        {
            return format!("{} ({})", m.label_en, unit_label(lang, &m.unit));
        }
    }
    col.to_string()
}

/// (a phrase of the core's English file messages, its Chinese): the messages naming a file that
/// cannot be read, shown in the Chinese UI with these phrases replaced (longest first).
pub const MESSAGES_ZH: &[(&str, &str)] = &[
    (crate::input::SUPPORTED, "支持:文本(UTF-8、UTF-16、GB18030/GBK、Big5)、HTML 网页、Word .docx/.doc/.wps、有文字层的 PDF,以及包含这些文件的 .zip"),
    ("scanned document: no text to read; paste the text or OCR it first", "扫描件:没有可读的文字;请粘贴文本,或先做文字识别(OCR)"),
    ("not a valid .zip: the archive is incomplete or damaged", "不是有效的 .zip:压缩包不完整或已损坏"),
    ("not a valid .docx: it is not a zip archive", "不是有效的 .docx:它不是 zip 压缩包"),
    ("not a valid .doc: the compound file is damaged", "不是有效的 .doc:复合文件已损坏"),
    ("a zip archive with no report files inside", "zip 压缩包里没有报告文件"),
    ("not a readable PDF (its structure could not be parsed)", "无法读取的 PDF(无法解析其结构)"),
    ("the .doc reader stopped", ".doc 读取器中止"),
    ("the file has no text", "文件里没有文字"),
    ("the file is empty", "文件是空的"),
    ("an empty zip archive", "空的 zip 压缩包"),
    ("not a readable PDF", "无法读取的 PDF"),
    ("not a readable .doc", "无法读取的 .doc"),
    ("not a valid PDF", "不是有效的 PDF"),
    ("not a valid .zip", "不是有效的 .zip"),
    ("cannot be unpacked", "无法解压"),
    ("files of other kinds", "个其他类型的文件"),
    ("file too large", "文件太大"),
    ("this is ", "这是"),
];

/// A message of the core (English) in the UI language: in Chinese, its known phrases replaced
/// by [`MESSAGES_ZH`] (file names and details kept).
pub fn message(lang: Lang, msg: &str) -> String {
    match lang {
        Lang::En => msg.to_string(),
        Lang::Zh => MESSAGES_ZH
            .iter()
            .fold(msg.to_string(), |m, (en, zh)| m.replace(en, zh)),
    }
}
