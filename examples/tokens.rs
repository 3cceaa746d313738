//! Print the token stream of a file (debugging aid): kind, span, line-terminator-before flag.
fn main() {
    let path = std::env::args().nth(1).expect("usage: tokens FILE");
    let src = std::fs::read_to_string(&path).expect("readable file");
    match tidejs::lexer::Lexer::tokenize(&src) {
        Ok(ts) => {
            for t in ts {
                println!(
                    "{:>6}..{:<6} {} {:?}",
                    t.start,
                    t.end,
                    if t.nl_before { "nl" } else { "  " },
                    t.tok
                );
            }
        }
        Err(e) => eprintln!("{}", e.render(&path, &src)),
    }
}
