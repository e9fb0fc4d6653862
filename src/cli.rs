//! The command line: `zhibiao extract [--json|--csv] [--lines] FILE...` (see OUTPUT.md).

/// Run the CLI with `args` (without the program name); returns the exit code.
pub fn run(args: &[String]) -> i32 {
    let _ = args;
    0
}
