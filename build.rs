//! Build script: generates the LR parser from `grammar/js.lalrpop` with LALRPOP, then makes the
//! generated state machine reachable from `src/parser/driver.rs`, which drives the tables itself
//! (for automatic semicolon insertion) instead of `lalrpop_util`'s own `Parser::drive`.
//!
//! The post-processing is idempotent (LALRPOP skips regeneration when the grammar is unchanged,
//! and the file may be processed twice), and it fails the build loudly if the generated code no
//! longer has the shape the driver relies on (e.g. after a LALRPOP upgrade).

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=grammar/js.lalrpop");
    println!("cargo:rerun-if-changed=build.rs");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    lalrpop::Configuration::new()
        .set_out_dir(&out_dir)
        .emit_rerun_directives(true)
        .process_file("grammar/js.lalrpop")
        .expect("LALRPOP failed on grammar/js.lalrpop");
    let out = out_dir.join("js.rs");
    let code = std::fs::read_to_string(&out).expect("generated parser missing");
    let patched = expose_state_machine(&code);
    if patched != code {
        std::fs::write(&out, patched).expect("cannot write generated parser");
    }
}

/// Make `__parse__Script::__StateMachine` constructible from the rest of the crate.
fn expose_state_machine(code: &str) -> String {
    let mut s = code.to_string();
    // The module holding the tables.
    s = s.replace(
        "\nmod __parse__Script {",
        "\npub(crate) mod __parse__Script {",
    );
    // The state machine struct and its fields.
    s = s.replace(
        "\n    struct __StateMachine<'s>",
        "\n    pub(crate) struct __StateMachine<'s>",
    );
    s = s.replace(
        "\n        src: &'s str,\n        __phantom:",
        "\n        pub(crate) src: &'s str,\n        pub(crate) __phantom:",
    );
    for needle in [
        "pub(crate) mod __parse__Script {",
        "pub(crate) struct __StateMachine<'s>",
        "pub(crate) src: &'s str,",
        "pub(crate) __phantom:",
        "impl<'s> __state_machine::ParserDefinition for __StateMachine<'s>",
        "fn simulate_reduce(",
        "fn reduce(",
    ] {
        assert!(
            s.contains(needle),
            "generated parser no longer contains `{needle}`: src/parser/driver.rs must be updated \
             for this LALRPOP version"
        );
    }
    s
}
