//! The test262 runner: finds the suite, reads each test's frontmatter, decides what is in scope,
//! runs the required scenarios in parallel through an [`Executor`], and builds a [`Report`].
//!
//! - [`Suite`] locates `../shared/test262` (beside the crate) or `$TEST262_DIR` and lists tests
//!   (`_FIXTURE` files are module dependencies, never tests).
//! - [`Harness`] reads every `harness/*.js` once and gives each test its prelude in the order
//!   INTERPRETING.md requires (`assert.js`, `sta.js`, `doneprintHandle.js` for `async`, then
//!   `includes:`); it also knows which features `harness/features.yml` ties to an include.
//! - [`Exclusions`] is `tests/test262/excluded-features.txt`, embedded at build time: the one list
//!   of features outside the subset.
//! - [`runner`] holds the scenario logic, the [`Executor`] trait and the parse-only executor.
//! - [`report`] renders the per-directory table, the failing list and the exclusion counts.
//!
//! - [`exec`] is execution mode ([`Execute`]): each scenario in a fresh interpreter with the
//!   harness prelude, `print` and `$262` ([`host`]), a per-scenario timeout.
//! - [`isolate`] runs execution mode in worker processes, so a runaway builtin fails one test
//!   instead of taking the run down.
//! - [`known`] is the committed known-failures list (`tests/test262/known-failures.txt`) that CI
//!   compares execution-mode failures with, and the generated README table.
//!
//! [`ParseOnly`] checks only that each scenario parses (or, for a parse-negative test, fails to
//! parse with the right error type); it executes nothing, and says so in the report header.

pub mod exec;
pub mod host;
pub mod isolate;
pub mod known;
pub mod metadata;
pub mod report;
pub mod runner;

pub use exec::Execute;
pub use metadata::{parse_metadata, Flag, Metadata, Negative, Phase};
pub use report::Report;
pub use runner::{run, Executor, Outcome, ParseOnly, PreludeCache, RunConfig, Scenario, TestCase};

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where the suite lives: a directory holding `harness/` and `test/`.
#[derive(Clone, Debug)]
pub struct Suite {
    pub root: PathBuf,
}

impl Suite {
    /// `$TEST262_DIR` if set, else `../shared/test262` relative to the crate root. Fails (never
    /// silently passes) when the chosen directory does not hold a suite, naming both places.
    pub fn locate() -> Result<Suite, String> {
        let beside = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/test262");
        let env = std::env::var_os("TEST262_DIR").map(PathBuf::from);
        let candidate = env.clone().unwrap_or_else(|| beside.clone());
        if candidate.join("test").is_dir() && candidate.join("harness").is_dir() {
            let root = candidate.canonicalize().unwrap_or(candidate);
            return Ok(Suite { root });
        }
        Err(format!(
            "test262 suite not found: $TEST262_DIR is {} and {} {}; \
             set TEST262_DIR to a test262 checkout (with harness/ and test/) \
             or put it at ../shared/test262 beside the crate",
            match &env {
                Some(p) => format!("{} (no harness/ and test/ there)", p.display()),
                None => "not set".to_string(),
            },
            beside.display(),
            if env.is_some() {
                "was not consulted"
            } else {
                "does not hold harness/ and test/"
            },
        ))
    }

    /// A suite at an explicit path.
    pub fn at(root: impl Into<PathBuf>) -> Result<Suite, String> {
        let root = root.into();
        if root.join("test").is_dir() && root.join("harness").is_dir() {
            Ok(Suite { root })
        } else {
            Err(format!(
                "{} is not a test262 suite (no harness/ and test/)",
                root.display()
            ))
        }
    }

    pub fn test_dir(&self) -> PathBuf {
        self.root.join("test")
    }

    /// Every test file under `roots` (directories or files: as given, or relative to `test/` or
    /// to the suite root; none means all of `test/`), as paths relative to `test/` with `/` separators, sorted.
    /// `filter` keeps the paths that contain it.
    pub fn collect(&self, roots: &[PathBuf], filter: Option<&str>) -> Result<Vec<String>, String> {
        let test_dir = self.test_dir();
        let roots: Vec<PathBuf> = if roots.is_empty() {
            vec![test_dir.clone()]
        } else {
            roots
                .iter()
                .map(|r| {
                    [r.clone(), test_dir.join(r), self.root.join(r)]
                        .into_iter()
                        .find(|p| p.exists())
                        .ok_or_else(|| {
                            format!(
                                "{}: not found as given, under {} or under {}",
                                r.display(),
                                test_dir.display(),
                                self.root.display()
                            )
                        })
                })
                .collect::<Result<_, _>>()?
        };
        let test_dir = test_dir
            .canonicalize()
            .map_err(|e| format!("{}: {e}", test_dir.display()))?;
        let mut out = Vec::new();
        for root in roots {
            let root = root
                .canonicalize()
                .map_err(|e| format!("{}: {e}", root.display()))?;
            let rel_root = root
                .strip_prefix(&test_dir)
                .map_err(|_| format!("{} is not inside {}", root.display(), test_dir.display()))?;
            walk(&root, &mut |path| {
                let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
                if !name.ends_with(".js") || name.contains("_FIXTURE") {
                    return;
                }
                if let Ok(rel) = path.strip_prefix(&test_dir) {
                    let rel = rel.to_string_lossy().replace('\\', "/");
                    if filter.is_none_or(|f| rel.contains(f)) {
                        out.push(rel);
                    }
                }
            })
            .map_err(|e| format!("{}: {e}", rel_root.display()))?;
        }
        out.sort();
        out.dedup();
        Ok(out)
    }
}

fn walk(path: &Path, f: &mut dyn FnMut(&Path)) -> std::io::Result<()> {
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path)?
            .map(|e| e.map(|e| e.path()))
            .collect::<Result<_, _>>()?;
        entries.sort();
        for e in entries {
            walk(&e, f)?;
        }
    } else {
        f(path);
    }
    Ok(())
}

/// The harness files, read once. Execution mode prepends [`Harness::prelude`] to each test (an
/// executor should parse each harness file once and cache the result: the sources are shared
/// `Arc<str>`s keyed by name, so a cache keyed by name is enough).
#[derive(Debug, Default)]
pub struct Harness {
    files: HashMap<String, Arc<str>>,
    /// `harness/features.yml`: include file name → the features that include needs.
    implied: HashMap<String, Vec<String>>,
}

impl Harness {
    /// Read every `harness/*.js` (and `features.yml`) of the suite.
    pub fn load(suite: &Suite) -> Result<Harness, String> {
        let dir = suite.root.join("harness");
        let mut files = HashMap::new();
        let entries =
            std::fs::read_dir(&dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        for entry in entries {
            let path = entry.map_err(|e| e.to_string())?.path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if name.ends_with(".js") && path.is_file() {
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                files.insert(name.to_string(), Arc::from(text));
            }
        }
        let mut implied = HashMap::new();
        let features_yml = dir.join("features.yml");
        if features_yml.is_file() {
            let text = std::fs::read_to_string(&features_yml)
                .map_err(|e| format!("cannot read {}: {e}", features_yml.display()))?;
            let docs = yaml_rust2::YamlLoader::load_from_str(&text)
                .map_err(|e| format!("{}: {e}", features_yml.display()))?;
            if let Some(hash) = docs.first().and_then(|d| d.as_hash()) {
                for (k, v) in hash {
                    let (Some(k), Some(v)) = (k.as_str(), v.as_vec()) else {
                        return Err(format!(
                            "{}: expected `file: [features]`",
                            features_yml.display()
                        ));
                    };
                    let feats = v
                        .iter()
                        .filter_map(|f| f.as_str().map(String::from))
                        .collect();
                    implied.insert(k.trim_end_matches(".js").to_string(), feats);
                }
            }
        }
        for required in ["assert.js", "sta.js", "doneprintHandle.js"] {
            if !files.contains_key(required) {
                return Err(format!("{}: missing {required}", dir.display()));
            }
        }
        Ok(Harness { files, implied })
    }

    /// A harness file's source by name (`"assert.js"`).
    pub fn file(&self, name: &str) -> Option<&Arc<str>> {
        self.files.get(name)
    }

    /// The harness files to evaluate before `meta`'s test, in INTERPRETING.md order: none for
    /// `raw`; else `assert.js`, `sta.js`, `doneprintHandle.js` (for `async`), then `includes`.
    pub fn prelude(&self, meta: &Metadata) -> Result<Vec<(&str, &Arc<str>)>, String> {
        if meta.has_flag(&Flag::Raw) {
            return Ok(Vec::new());
        }
        let mut names: Vec<&str> = vec!["assert.js", "sta.js"];
        if meta.has_flag(&Flag::Async) {
            names.push("doneprintHandle.js");
        }
        names.extend(meta.includes.iter().map(String::as_str));
        names
            .into_iter()
            .map(|n| {
                self.files
                    .get_key_value(n)
                    .map(|(k, v)| (k.as_str(), v))
                    .ok_or_else(|| format!("missing harness file {n}"))
            })
            .collect()
    }

    /// Features the test needs: its own plus those `features.yml` ties to its includes.
    pub fn effective_features<'m>(&'m self, meta: &'m Metadata) -> Vec<&'m str> {
        let mut out: Vec<&str> = meta.features.iter().map(String::as_str).collect();
        for inc in &meta.includes {
            if let Some(feats) = self.implied.get(inc.trim_end_matches(".js")) {
                out.extend(feats.iter().map(String::as_str));
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// One line of the exclusion list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exclusion {
    /// A feature name, or a prefix when it ends with `*`.
    pub pattern: String,
    pub reason: String,
}

/// The features outside the subset (`tests/test262/excluded-features.txt`).
#[derive(Clone, Debug, Default)]
pub struct Exclusions {
    pub entries: Vec<Exclusion>,
}

/// The committed exclusion list, embedded so the library, CLI and tests use the same one.
pub const EXCLUDED_FEATURES: &str = include_str!("../../tests/test262/excluded-features.txt");

impl Exclusions {
    /// The committed list.
    pub fn committed() -> Exclusions {
        Exclusions::parse(EXCLUDED_FEATURES).expect("tests/test262/excluded-features.txt is valid")
    }

    /// `feature  # reason` lines; blank lines and `#` comments are skipped; a feature without a
    /// reason is an error (every exclusion must say why).
    pub fn parse(text: &str) -> Result<Exclusions, String> {
        let mut entries = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (pattern, reason) = line
                .split_once('#')
                .ok_or_else(|| format!("line {}: `{line}` has no `# reason`", i + 1))?;
            let (pattern, reason) = (pattern.trim(), reason.trim());
            if pattern.contains(char::is_whitespace) || pattern.is_empty() || reason.is_empty() {
                return Err(format!("line {}: expected `feature  # reason`", i + 1));
            }
            if entries.iter().any(|e: &Exclusion| e.pattern == pattern) {
                return Err(format!("line {}: `{pattern}` listed twice", i + 1));
            }
            entries.push(Exclusion {
                pattern: pattern.to_string(),
                reason: reason.to_string(),
            });
        }
        Ok(Exclusions { entries })
    }

    /// The entry that excludes `feature`, if any.
    pub fn matching(&self, feature: &str) -> Option<&Exclusion> {
        self.entries
            .iter()
            .find(|e| match e.pattern.strip_suffix('*') {
                Some(prefix) => feature.starts_with(prefix),
                None => feature == e.pattern,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_exclusions_parse_and_match() {
        let ex = Exclusions::committed();
        assert!(ex.matching("ShadowRealm").is_some());
        assert!(ex.matching("Intl.Locale").is_some());
        assert!(ex.matching("class").is_none());
        assert!(ex.matching("Shadow").is_none());
        // Proxy is implemented: its tests are in scope.
        assert!(ex.matching("Proxy").is_none());
    }

    #[test]
    fn exclusions_need_reasons() {
        assert!(Exclusions::parse("Proxy\n").is_err());
        assert!(Exclusions::parse("Proxy # a\nProxy # b\n").is_err());
        assert_eq!(
            Exclusions::parse("# c\n\nA # r\n").unwrap().entries.len(),
            1
        );
    }
}
