//! The units a number can carry, as data: written form → (kind, normal form, multiplier).
//!
//! The scanner takes the LONGEST unit written right after a number (`家次` over `家`, `场次` over
//! `场`, `个百分点` over `个`). Money is in 元 (`千元` ×1000); a large unit written inside the
//! numeral (`万元`, `万吨`) is applied by the numeral reader, not here.

use super::Kind;

/// One unit: how it is written, its kind, its normal form and the factor to the normal form.
#[derive(Debug, Clone, Copy)]
pub struct Unit {
    /// As written (normalised text).
    pub written: &'static str,
    /// The kind of quantity the unit makes.
    pub kind: Kind,
    /// The normal form reported in `Quantity::unit`.
    pub unit: &'static str,
    /// Multiplier to the normal form's value.
    pub factor: f64,
    /// Only after an Arabic number (`分`, `点` after a Chinese digit are usually words).
    pub arabic_only: bool,
}

const fn u(written: &'static str, kind: Kind, unit: &'static str, factor: f64) -> Unit {
    Unit {
        written,
        kind,
        unit,
        factor,
        arabic_only: false,
    }
}

const fn a(written: &'static str, kind: Kind, unit: &'static str, factor: f64) -> Unit {
    Unit {
        written,
        kind,
        unit,
        factor,
        arabic_only: true,
    }
}

use Kind::{
    Concentration as Conc, Count as C, Measure as M, Money as Y, Percent as P, Points as Pt,
};

/// Every unit the scanner knows.
pub static UNITS: &[Unit] = &[
    // percent and points
    u("%", P, "%", 1.0),
    u("‰", P, "%", 0.1),
    u("个百分点", Pt, "个百分点", 1.0),
    u("個百分點", Pt, "个百分点", 1.0),
    u("百分点", Pt, "个百分点", 1.0),
    // money (元)
    u("元人民币", Y, "元", 1.0),
    u("千元", Y, "元", 1e3),
    u("百元", Y, "元", 1e2),
    u("元", Y, "元", 1.0),
    u("圆", Y, "元", 1.0),
    u("块钱", Y, "元", 1.0),
    u("人民币", Y, "元", 1.0),
    // foreign money: a measure in its own unit
    u("美元", M, "美元", 1.0),
    u("美圆", M, "美元", 1.0),
    u("美金", M, "美元", 1.0),
    u("美分", M, "美分", 1.0),
    u("欧元", M, "欧元", 1.0),
    u("日元", M, "日元", 1.0),
    u("港元", M, "港元", 1.0),
    u("港币", M, "港元", 1.0),
    u("新台币", M, "台币", 1.0),
    u("台币", M, "台币", 1.0),
    u("英镑", M, "英镑", 1.0),
    u("瑞士法郎", M, "瑞士法郎", 1.0),
    u("法郎", M, "法郎", 1.0),
    u("卢布", M, "卢布", 1.0),
    u("韩元", M, "韩元", 1.0),
    u("奈拉", M, "奈拉", 1.0),
    u("比特币", M, "比特币", 1.0),
    // concentration
    u("µg/m3", Conc, "µg/m³", 1.0),
    u("ug/m3", Conc, "µg/m³", 1.0),
    u("微克/立方米", Conc, "µg/m³", 1.0),
    u("微克每立方米", Conc, "µg/m³", 1.0),
    u("µg/m³", Conc, "µg/m³", 1.0),
    u("μg/m3", Conc, "µg/m³", 1.0),
    u("μg/m³", Conc, "µg/m³", 1.0),
    u("微克/m3", Conc, "µg/m³", 1.0),
    u("微克/立方", Conc, "µg/m³", 1.0),
    // a bare 微克 after a PM2.5 figure (`PM2.5浓度达到29微克`)
    u("微克", Conc, "µg/m³", 1.0),
    u("mg/m3", M, "mg/m³", 1.0),
    u("毫克/立方米", M, "mg/m³", 1.0),
    u("mg/L", M, "mg/L", 1.0),
    u("毫克/升", M, "mg/L", 1.0),
    // counts with 次
    u("家次", C, "家次", 1.0),
    u("人次", C, "人次", 1.0),
    u("场次", C, "场次", 1.0),
    u("轮次", C, "轮次", 1.0),
    u("个次", C, "个次", 1.0),
    u("批次", C, "批次", 1.0),
    u("件次", C, "件次", 1.0),
    u("户次", C, "户次", 1.0),
    u("车次", C, "车次", 1.0),
    u("台次", C, "台次", 1.0),
    u("架次", C, "架次", 1.0),
    u("艘次", C, "艘次", 1.0),
    u("班次", C, "班次", 1.0),
    u("期次", C, "期次", 1.0),
    u("处次", C, "处次", 1.0),
    // the 次 in brackets (`检查经营主体3104个(次)`): the same counts
    u("家(次)", C, "家次", 1.0),
    u("个(次)", C, "个次", 1.0),
    u("户(次)", C, "户次", 1.0),
    u("人(次)", C, "人次", 1.0),
    // durations and other measures (before the counts that share a first char)
    u("个工作日", M, "个工作日", 1.0),
    u("个月", M, "个月", 1.0),
    u("個月", M, "个月", 1.0),
    u("周年", M, "周年", 1.0),
    u("周岁", M, "岁", 1.0),
    u("小时", M, "小时", 1.0),
    u("分钟", M, "分钟", 1.0),
    u("年", M, "年", 1.0),
    u("天", M, "天", 1.0),
    u("日", M, "日", 1.0),
    u("周", M, "周", 1.0),
    u("秒", M, "秒", 1.0),
    u("岁", M, "岁", 1.0),
    u("倍", M, "倍", 1.0),
    u("摄氏度", M, "℃", 1.0),
    u("℃", M, "℃", 1.0),
    u("°C", M, "℃", 1.0),
    u("吨", M, "吨", 1.0),
    u("千克", M, "千克", 1.0),
    u("公斤", M, "千克", 1.0),
    u("斤", M, "斤", 1.0),
    u("克", M, "克", 1.0),
    u("平方公里", M, "平方公里", 1.0),
    u("平方千米", M, "平方公里", 1.0),
    u("平方米", M, "平方米", 1.0),
    u("立方米", M, "立方米", 1.0),
    u("公里", M, "公里", 1.0),
    u("千米", M, "公里", 1.0),
    u("厘米", M, "厘米", 1.0),
    u("毫米", M, "毫米", 1.0),
    u("米", M, "米", 1.0),
    u("公顷", M, "公顷", 1.0),
    u("亩", M, "亩", 1.0),
    u("千瓦时", M, "千瓦时", 1.0),
    u("千瓦", M, "千瓦", 1.0),
    u("兆瓦", M, "兆瓦", 1.0),
    u("升", M, "升", 1.0),
    u("km", M, "公里", 1.0),
    u("kg", M, "千克", 1.0),
    u("m2", M, "平方米", 1.0),
    u("m3", M, "立方米", 1.0),
    u("kW", M, "千瓦", 1.0),
    u("MW", M, "兆瓦", 1.0),
    a("分", M, "分", 1.0),
    u("点", M, "点", 1.0),
    // counts
    u("件", C, "件", 1.0),
    u("起", C, "起", 1.0),
    u("宗", C, "宗", 1.0),
    u("次", C, "次", 1.0),
    u("份", C, "份", 1.0),
    u("项", C, "项", 1.0),
    u("個", C, "个", 1.0),
    u("个", C, "个", 1.0),
    u("场", C, "场", 1.0),
    u("期", C, "期", 1.0),
    u("条", C, "条", 1.0),
    u("家", C, "家", 1.0),
    u("人", C, "人", 1.0),
    u("名", C, "名", 1.0),
    u("册", C, "册", 1.0),
    u("轮", C, "轮", 1.0),
    u("批", C, "批", 1.0),
    u("户", C, "户", 1.0),
    u("处", C, "处", 1.0),
    u("篇", C, "篇", 1.0),
    u("稿", C, "稿", 1.0),
    u("本", C, "本", 1.0),
    u("张", C, "张", 1.0),
    u("套", C, "套", 1.0),
    u("台", C, "台", 1.0),
    u("辆", C, "辆", 1.0),
    u("艘", C, "艘", 1.0),
    u("座", C, "座", 1.0),
    u("所", C, "所", 1.0),
    u("例", C, "例", 1.0),
    u("封", C, "封", 1.0),
    u("页", C, "页", 1.0),
    u("部门", C, "部门", 1.0),
    u("部", C, "部", 1.0),
    u("种", C, "种", 1.0),
    u("类", C, "类", 1.0),
    u("只", C, "只", 1.0),
    u("双", C, "双", 1.0),
    u("雙", C, "双", 1.0),
    u("对", C, "对", 1.0),
    u("對", C, "对", 1.0),
    u("块", C, "块", 1.0),
    u("塊", C, "块", 1.0),
    u("章", C, "章", 1.0),
    u("节", C, "节", 1.0),
    u("间", C, "间", 1.0),
    u("栋", C, "栋", 1.0),
    u("株", C, "株", 1.0),
    u("棵", C, "棵", 1.0),
    u("头", C, "头", 1.0),
    u("位", C, "位", 1.0),
    u("支", C, "支", 1.0),
    u("组", C, "组", 1.0),
    u("堂", C, "堂", 1.0),
    u("课", C, "课", 1.0),
    u("门", C, "门", 1.0),
    u("幅", C, "幅", 1.0),
    u("枚", C, "枚", 1.0),
    u("根", C, "根", 1.0),
    u("首", C, "首", 1.0),
    u("集", C, "集", 1.0),
    u("卷", C, "卷", 1.0),
    u("盒", C, "盒", 1.0),
    u("箱", C, "箱", 1.0),
    u("袋", C, "袋", 1.0),
    u("瓶", C, "瓶", 1.0),
    u("口", C, "口", 1.0),
    u("眼", C, "眼", 1.0),
    u("片", C, "片", 1.0),
    u("段", C, "段", 1.0),
    u("道", C, "道", 1.0),
    u("趟", C, "趟", 1.0),
    u("遍", C, "遍", 1.0),
    u("回", C, "回", 1.0),
];

/// The longest unit written at the start of `s` (`arabic`: the number had Arabic digits or
/// more than one Chinese numeral char, so `arabic_only` units such as `分` are allowed).
pub fn unit_at(s: &str, arabic: bool) -> Option<&'static Unit> {
    // only the units written with `s`'s first char can start it (same order as UNITS)
    static BY_FIRST: std::sync::OnceLock<rustc_hash::FxHashMap<char, Vec<&'static Unit>>> =
        std::sync::OnceLock::new();
    let by_first = BY_FIRST.get_or_init(|| {
        let mut m: rustc_hash::FxHashMap<char, Vec<&'static Unit>> = Default::default();
        for un in UNITS {
            if let Some(c) = un.written.chars().next() {
                m.entry(c).or_default().push(un);
            }
        }
        m
    });
    let mut best: Option<&'static Unit> = None;
    let first = s.chars().next().and_then(|c| by_first.get(&c));
    for &un in first.map(Vec::as_slice).unwrap_or(&[]) {
        if un.arabic_only && !arabic {
            continue;
        }
        if super::chars::prefix(s.as_bytes(), un.written.as_bytes())
            && best.is_none_or(|b| un.written.len() > b.written.len())
        {
            best = Some(un);
        }
    }
    best
}
