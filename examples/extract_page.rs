//! Extract the article from a saved news page and print what a listener would hear.
//!
//!     cargo run --example extract_page -- samples/sahel-desalination-plant.html
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: extract_page PAGE.html");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("extract_page: cannot read {path}: {error}");
            return ExitCode::FAILURE;
        }
    };
    // Pages come in any charset: detect it as `nashra` does for fetched pages.
    let decoded = nashra::sources::decode_text(&bytes, Some("text/html"), None);
    match nashra::extract::extract_html(&decoded.text, Some(&path)) {
        Ok(article) => {
            println!("# {}", article.title);
            for paragraph in &article.paragraphs {
                println!("\n{paragraph}");
            }
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("extract_page: {path}: {error}");
            ExitCode::FAILURE
        }
    }
}
