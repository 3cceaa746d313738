//! The metadata of one test262 test: the YAML frontmatter between `/*---` and `---*/`.
//!
//! Reads `description`, `includes`, `flags`, `negative` (`phase`, `type`) and `features` with
//! `yaml-rust2`; the frontmatter uses flow lists (`[a, b]`), block lists, nested maps, block
//! scalars (`description: |`) and comments, so a hand-rolled reader would be a second YAML parser.
//! Unknown keys (`esid`, `info`, `author`, `locale`…) are ignored; unknown flags are kept as
//! [`Flag::Other`] so the runner can decide about them.
//!
//! Not here: deciding what to run (that is `runner`), reading harness files (that is `mod.rs`).

use yaml_rust2::{Yaml, YamlLoader};

/// A test262 `flags:` entry.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Flag {
    OnlyStrict,
    NoStrict,
    Raw,
    Async,
    Module,
    CanBlockIsFalse,
    CanBlockIsTrue,
    Generated,
    NonDeterministic,
    Other(String),
}

impl Flag {
    fn from_name(name: &str) -> Flag {
        match name {
            "onlyStrict" => Flag::OnlyStrict,
            "noStrict" => Flag::NoStrict,
            "raw" => Flag::Raw,
            "async" => Flag::Async,
            "module" => Flag::Module,
            "CanBlockIsFalse" => Flag::CanBlockIsFalse,
            "CanBlockIsTrue" => Flag::CanBlockIsTrue,
            "generated" => Flag::Generated,
            "non-deterministic" => Flag::NonDeterministic,
            other => Flag::Other(other.to_string()),
        }
    }
}

/// When a negative test's error must occur.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Phase {
    /// While parsing or checking early errors.
    Parse,
    /// While resolving modules (module tests only).
    Resolution,
    /// While evaluating.
    Runtime,
}

/// The `negative:` entry: the test must throw `error_type` in `phase`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Negative {
    pub phase: Phase,
    /// Constructor name of the expected error, e.g. `SyntaxError`.
    pub error_type: String,
}

/// Everything the runner needs from a test's frontmatter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    pub description: Option<String>,
    /// Harness files (under `harness/`) to evaluate before the test, in order.
    pub includes: Vec<String>,
    pub flags: Vec<Flag>,
    pub negative: Option<Negative>,
    pub features: Vec<String>,
}

impl Metadata {
    pub fn has_flag(&self, flag: &Flag) -> bool {
        self.flags.contains(flag)
    }
}

/// Extract and parse the frontmatter of a test source. A file without frontmatter is an error:
/// every test262 test has one, so its absence means the file is not a test (or is corrupt).
pub fn parse_metadata(source: &str) -> Result<Metadata, String> {
    let start = source
        .find("/*---")
        .ok_or_else(|| "no `/*---` frontmatter".to_string())?;
    let body_start = start + "/*---".len();
    let len = source[body_start..]
        .find("---*/")
        .ok_or_else(|| "unterminated frontmatter (no `---*/`)".to_string())?;
    parse_yaml(&source[body_start..body_start + len])
}

fn parse_yaml(text: &str) -> Result<Metadata, String> {
    let docs = YamlLoader::load_from_str(text).map_err(|e| format!("frontmatter YAML: {e}"))?;
    let Some(doc) = docs.first() else {
        return Ok(Metadata::default());
    };
    if doc.as_hash().is_none() {
        return Err("frontmatter is not a YAML mapping".to_string());
    }
    let description = scalar(&doc["description"]);
    let includes = list(&doc["includes"], "includes")?;
    let flags = list(&doc["flags"], "flags")?
        .iter()
        .map(|f| Flag::from_name(f))
        .collect();
    let features = list(&doc["features"], "features")?;
    let negative = match &doc["negative"] {
        Yaml::BadValue | Yaml::Null => None,
        Yaml::Hash(_) => {
            let neg = &doc["negative"];
            let phase = match scalar(&neg["phase"]).as_deref() {
                Some("parse") => Phase::Parse,
                Some("resolution") => Phase::Resolution,
                Some("runtime") => Phase::Runtime,
                other => return Err(format!("negative.phase: unknown phase {other:?}")),
            };
            let error_type =
                scalar(&neg["type"]).ok_or_else(|| "negative.type is missing".to_string())?;
            Some(Negative { phase, error_type })
        }
        _ => return Err("negative: expected a mapping".to_string()),
    };
    Ok(Metadata {
        description,
        includes,
        flags,
        negative,
        features,
    })
}

/// A scalar as text (YAML may have typed `true` or `1` as non-strings).
fn scalar(y: &Yaml) -> Option<String> {
    match y {
        Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
        Yaml::Integer(i) => Some(i.to_string()),
        Yaml::Boolean(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A list of scalars; a missing key is an empty list, a lone scalar a list of one.
fn list(y: &Yaml, key: &str) -> Result<Vec<String>, String> {
    match y {
        Yaml::BadValue | Yaml::Null => Ok(Vec::new()),
        Yaml::Array(items) => items
            .iter()
            .map(|i| scalar(i).ok_or_else(|| format!("{key}: non-scalar entry {i:?}")))
            .collect(),
        other => scalar(other)
            .map(|s| vec![s])
            .ok_or_else(|| format!("{key}: expected a list")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flow_lists_and_negative() {
        let src = "// Copyright\n/*---\nesid: sec-x\ndescription: >\n  Folded\n  text\nnegative:\n  phase: parse\n  type: SyntaxError\nflags: [onlyStrict, generated]\nfeatures: [class, Symbol.iterator]\nincludes: [compareArray.js]\n---*/\n$DONOTEVALUATE();";
        let m = parse_metadata(src).unwrap();
        assert_eq!(m.description.as_deref(), Some("Folded text\n"));
        assert_eq!(m.flags, vec![Flag::OnlyStrict, Flag::Generated]);
        assert_eq!(m.features, vec!["class", "Symbol.iterator"]);
        assert_eq!(m.includes, vec!["compareArray.js"]);
        assert_eq!(
            m.negative,
            Some(Negative {
                phase: Phase::Parse,
                error_type: "SyntaxError".into()
            })
        );
    }

    #[test]
    fn block_lists_and_comments() {
        let src = "/*---\ninfo: |\n  a: b\n  - c\nfeatures:\n  - let # comment\n  - const\nflags: [module]\n---*/";
        let m = parse_metadata(src).unwrap();
        assert_eq!(m.features, vec!["let", "const"]);
        assert!(m.has_flag(&Flag::Module));
        assert_eq!(m.negative, None);
    }

    #[test]
    fn missing_frontmatter_is_an_error() {
        assert!(parse_metadata("var x;").is_err());
        assert!(parse_metadata("/*--- flags: [raw]").is_err());
        assert!(parse_metadata("/*---\nnegative:\n  phase: later\n  type: E\n---*/").is_err());
    }
}
