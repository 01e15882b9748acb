//! The `nashra` command line: everything lives in the binary-only [`cli`] module.
mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
