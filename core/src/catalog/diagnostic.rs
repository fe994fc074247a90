//! Problems found in a catalog (目录问题), each with its file, line and column and a message a
//! bureau clerk understands, in Chinese and English.

use std::fmt;

use serde::Serialize;

use crate::catalog::FieldKind;
use crate::cond::{caret, line_column, ConditionError, Span};
use crate::text::{zh_en, Lang};

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The catalog must not ship with it.
    Error,
    /// Probably a mistake; the shipped catalog has none either.
    Warning,
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// Occurs when a file's bytes are not a text at all; nothing else is said of that file.
    NotText(super::load::NotText),
    /// Stands last for a file with more than [`super::load::MAX_PROBLEMS_PER_FILE`] problems:
    /// how many more there are (an error when any of them is).
    MoreProblems { count: usize },
    /// Occurs when the file is not valid TOML.
    Syntax { detail: String },
    /// Occurs on a key the format does not know (often a typo).
    UnknownKey { key: String, known: &'static [&'static str] },
    /// Occurs when a required key is absent.
    MissingKey { key: &'static str },
    /// Occurs when a value has the wrong shape ("a number", "a list of texts" …).
    WrongType { key: String, expected: &'static str },
    /// Occurs when a text lacks its Chinese or English version.
    MissingTranslation { key: String, lang: Lang },
    /// Occurs when two entries of the same kind share an id.
    DuplicateId { kind: &'static str, id: String, first_line: usize },
    /// Occurs when the same field id is declared with two different kinds.
    ConflictingFieldKind { id: String, first: FieldKind, second: FieldKind },
    /// Occurs when an id names something the catalog does not define.
    UnknownReference { kind: &'static str, id: String },
    /// Occurs when a value is not one of the allowed words (`kind = "idnumber"`).
    UnknownValue { key: String, value: String, allowed: &'static [&'static str] },
    /// Occurs when a date, a bound or a range cannot be read.
    BadValue { key: String, value: String, expected: &'static str },
    /// Occurs when a condition does not parse or does not type-check.
    Condition(ConditionError),
    /// Occurs when a bundle has no items.
    BundleWithoutItems { bundle: String },
    /// Occurs when the files define no bundle at all (an empty file, or only fields): the home
    /// page would offer nothing.
    NoBundles,
    /// Occurs when a key material (主要材料) is also marked waivable (容缺).
    KeyMaterialWaivable { item: String, material: String },
    /// Occurs when a situation question is not a yes/no or one-of field.
    QuestionNotAChoice { field: String },
    /// Occurs when a one-of or many-of field has no options.
    ChoiceWithoutOptions { field: String },
    /// Occurs when the promised time is longer than the legal one.
    PromisedOverLegal { item: String, promised: u16, legal: u16 },
    /// Occurs when the calendar skips a year between its first and last.
    CalendarGap { year: u16 },
    /// Occurs when a calendar date lies outside the year it is listed under.
    CalendarDateOutsideYear { year: u16, date: String },
    /// Occurs when a derived field's source is not a resident ID number.
    DerivedFromNonId { field: String, from: String },
    /// Occurs when a bundle has no pinyin, so searching by pinyin cannot find it (warning).
    NoPinyin { bundle: String },
    /// Occurs when a bundle has no search words, so everyday words cannot find it (warning).
    NoSearchWords { bundle: String },
    /// Occurs when a bundle's pinyin is not one lower-case, toneless syllable per character.
    PinyinMismatch { bundle: String, syllables: usize, characters: usize },
    /// Occurs when a field, material or item is defined but never used (warning).
    Unused { kind: &'static str, id: String },
    /// Occurs when something in a bundle depends on a field the bundle never asks (neither a
    /// situation question nor a field of its items' forms): it would stay pending forever.
    ConditionReadsUnasked { bundle: String, field: String, read_by: String },
}

/// One problem, where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: String,
    pub span: Span,
    pub problem: Problem,
}

fn kind_name(kind: &str, lang: Lang) -> &'static str {
    let (zh, en) = match kind {
        "field" => ("字段", "field"),
        "material" => ("材料", "material"),
        "item" => ("事项", "item"),
        "bundle" => ("一件事", "bundle"),
        "section" => ("分区", "section"),
        "calendar year" => ("节假日年份", "calendar year"),
        _ => ("条目", "entry"),
    };
    lang.pick(zh, en)
}

impl Problem {
    pub fn message(&self, lang: Lang) -> String {
        use Problem as P;
        match self {
            P::NotText(super::load::NotText::NotUtf8 { offset }) => zh_en!(
                lang,
                format!(
                "这不是 UTF-8 编码的文本文件（从第 {} 个字节起无法读出）。目录文件应为 UTF-8 编码的 TOML 文本；如果它是用 GBK 等编码保存的，请另存为 UTF-8",
                offset.saturating_add(1)
            ),
                format!(
                "this is not a UTF-8 text file (unreadable from byte {} on). A catalog file is TOML text in UTF-8; if it was saved in another encoding such as GBK, save it again as UTF-8",
                offset.saturating_add(1)
            )
            ),
            P::NotText(super::load::NotText::Binary) => lang.pick("这不是文本文件（像是图片、表格或压缩包等二进制文件）。请选择 .toml 目录文件", "this is not a text file (it looks like an image, a spreadsheet, an archive or another binary file). Choose the catalog's .toml files").to_owned(),
            P::MoreProblems { count } => zh_en!(
                lang,
                format!("这个文件还有 {count} 个问题未列出：请先改正上面的问题，再检查一次"),
                format!("this file has {count} more problems, not listed: correct those above first, then check again")
            ),
            P::Syntax { detail } => zh_en!(
                lang,
                format!("TOML 格式错误：{detail}"),
                format!("not valid TOML: {detail}")
            ),
            P::UnknownKey { key, known } => zh_en!(
                lang,
                format!("不认识的键“{key}”（是否拼错？可用的键：{}）", known.join("、")),
                format!("unknown key “{key}” (a typo? the keys are {})", known.join(", "))
            ),
            P::MissingKey { key } => zh_en!(
                lang,
                format!("缺少必填的键“{key}”"),
                format!("the key “{key}” is required")
            ),
            P::WrongType { key, expected } => zh_en!(
                lang,
                format!("“{key}”的值应为{}", zh_shape(expected)),
                format!("“{key}” must be {expected}")
            ),
            P::MissingTranslation { key, lang: missing } => zh_en!(
                lang,
                format!("“{key}”缺少{}文本", missing.pick("中文", "英文")),
                format!("“{key}” has no {} text", missing.pick("Chinese", "English"))
            ),
            P::DuplicateId { kind, id, first_line } => zh_en!(
                lang,
                format!("{}编号“{id}”重复，第 {first_line} 行已定义过", kind_name(kind, lang)),
                format!("the {} id “{id}” is already defined on line {first_line}", kind_name(kind, lang))
            ),
            P::ConflictingFieldKind { id, first, second } => zh_en!(
                lang,
                format!("字段“{id}”被定义了两种类型：{first:?} 和 {second:?}"),
                format!("field “{id}” is declared with two kinds: {first:?} and {second:?}")
            ),
            P::UnknownReference { kind, id } => zh_en!(
                lang,
                format!("没有编号为“{id}”的{}", kind_name(kind, lang)),
                format!("there is no {} “{id}”", kind_name(kind, lang))
            ),
            P::UnknownValue { key, value, allowed } => zh_en!(
                lang,
                format!("“{key}”不能是“{value}”，可选：{}", allowed.join("、")),
                format!("“{key}” cannot be “{value}”; choose one of {}", allowed.join(", "))
            ),
            P::BadValue { key, value, expected } => zh_en!(
                lang,
                format!("“{key}”的值“{value}”无法识别，应为{}", zh_shape(expected)),
                format!("“{key}” = “{value}” is not {expected}")
            ),
            P::Condition(error) => match lang {
                Lang::Zh => format!("条件有误：{}", error.message(lang)),
                Lang::En => format!("condition: {}", error.message(lang)),
            },
            P::NoBundles => lang.pick("目录中没有任何一件事（[[bundle]]）：申请人的首页将无事可办。请同时选择定义一件事的文件", "the catalog defines no bundle ([[bundle]]): the applicants' home page would offer nothing. Choose the files that define the bundles too").to_owned(),
            P::BundleWithoutItems { bundle } => zh_en!(
                lang,
                format!("一件事“{bundle}”没有任何事项"),
                format!("bundle “{bundle}” has no items")
            ),
            P::KeyMaterialWaivable { item, material } => zh_en!(
                lang,
                format!("事项“{item}”的材料“{material}”是主要材料，不能设为可容缺"),
                format!("in item “{item}”, material “{material}” is key and so cannot be waivable")
            ),
            P::QuestionNotAChoice { field } => zh_en!(
                lang,
                format!("情形问题“{field}”应为是/否或单选字段"),
                format!("situation question “{field}” must be a yes_no or one_of field")
            ),
            P::ChoiceWithoutOptions { field } => zh_en!(
                lang,
                format!("选择字段“{field}”没有任何选项"),
                format!("choice field “{field}” has no options")
            ),
            P::PromisedOverLegal { item, promised, legal } => zh_en!(
                lang,
                format!("事项“{item}”的承诺时限 {promised} 天长于法定时限 {legal} 天"),
                format!("item “{item}” promises {promised} days, more than its legal {legal}")
            ),
            P::CalendarGap { year } => zh_en!(
                lang,
                format!("节假日安排缺少 {year} 年"),
                format!("the holiday calendar has no entry for {year}")
            ),
            P::CalendarDateOutsideYear { year, date } => zh_en!(
                lang,
                format!("{date} 不属于 {year} 年"),
                format!("{date} is not in {year}")
            ),
            P::DerivedFromNonId { field, from } => zh_en!(
                lang,
                format!("字段“{field}”的派生来源“{from}”不是身份证号码字段"),
                format!("field “{field}” is derived from “{from}”, which is not an ID number field")
            ),
            P::ConditionReadsUnasked { bundle, field, read_by } => zh_en!(
                lang,
                format!(
                "一件事“{bundle}”中，“{read_by}”的条件读取字段“{field}”，但这个一件事既没有把它列为情形问题，\
                 也没有在表单中询问它，相关内容会一直处于待定状态"
            ),
                format!(
                "in bundle “{bundle}”, the condition of “{read_by}” reads field “{field}”, which the bundle \
                 asks neither as a situation question nor in its form, so what depends on it stays pending"
            )
            ),
            P::NoPinyin { bundle } => zh_en!(
                lang,
                format!("一件事“{bundle}”没有拼音（pinyin），用拼音搜索找不到它"),
                format!("bundle “{bundle}” has no pinyin, so a pinyin search cannot find it")
            ),
            P::NoSearchWords { bundle } => zh_en!(
                lang,
                format!("一件事“{bundle}”没有搜索词（search），用“饭店”“上户口”这样的日常说法搜索找不到它"),
                format!("bundle “{bundle}” has no search words, so everyday words such as “饭店” cannot find it")
            ),
            P::PinyinMismatch { bundle, syllables, characters } => zh_en!(
                lang,
                format!(
                "一件事“{bundle}”的拼音应为每个汉字一个小写、不带声调的音节：名称有 {characters} 个汉字，拼音有 {syllables} 个音节"
            ),
                format!(
                "the pinyin of bundle “{bundle}” must be one lower-case syllable without tones per character: the name has {characters} characters, the pinyin {syllables} syllables"
            )
            ),
            P::Unused { kind, id } => zh_en!(
                lang,
                format!("{}“{id}”没有被任何地方使用", kind_name(kind, lang)),
                format!("{} “{id}” is not used anywhere", kind_name(kind, lang))
            ),
        }
    }
}

fn zh_shape(expected: &str) -> &'static str {
    match expected {
        "a text" => "文字",
        "a whole number" => "整数",
        "true or false" => "true 或 false",
        "a list" => "列表",
        "a table" => "表",
        "a table with zh and en" => "包含 zh 和 en 的表",
        "a list of texts" => "文字列表",
        "a date (2026-01-31) or a range (2026-10-01..2026-10-08)" => {
            "日期（2026-01-31）或日期范围（2026-10-01..2026-10-08）"
        }
        "a number, a date or \"today\"" => "数字、日期或“today”",
        "a field id or a table with field and label" => "字段编号，或含 field 和 label 的表",
        "a regular expression" => "正则表达式",
        _ => "正确的格式",
    }
}

impl Diagnostic {
    /// `file:line:column: error: message`, the source line and a caret.
    pub fn render(&self, source: &str, lang: Lang) -> String {
        let (line, column) = line_column(source, self.span.start);
        let severity = match self.severity {
            Severity::Error => zh_en!(lang, "错误", "error"),
            Severity::Warning => zh_en!(lang, "警告", "warning"),
        };
        format!(
            "{}:{line}:{column}: {severity}: {}\n{}",
            self.file,
            self.problem.message(lang),
            caret(source, self.span)
        )
    }

    /// One line of JSON for machines.
    pub fn to_json(&self, source: &str) -> serde_json::Value {
        let (line, column) = line_column(source, self.span.start);
        serde_json::json!({
            "severity": self.severity,
            "file": self.file,
            "line": line,
            "column": column,
            "message": { "zh": self.problem.message(Lang::Zh), "en": self.problem.message(Lang::En) },
        })
    }
}

/// How many problems a check found: "N 个错误，N 个警告" / "N errors, N warnings".
pub fn problem_counts(lang: Lang, errors: usize, warnings: usize) -> String {
    match lang {
        Lang::Zh => format!("{errors} 个错误，{warnings} 个警告"),
        Lang::En => format!("{errors} errors, {warnings} warnings"),
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.problem.message(Lang::En))
    }
}
