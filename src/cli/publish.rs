//! `nashra feed build`, `nashra feed validate` and `nashra serve`: the podcast side.
use std::path::{Path, PathBuf};

use anyhow::Result;

use nashra::publish;

use super::args::{FeedBuildArgs, ServeArgs};
use super::config::Config;
use super::{lower, EXIT_FAILURE};

/// Write the feed over the archive, refresh the listener pages, prune when asked.
pub fn feed_build(args: &FeedBuildArgs, config: Option<&Config>, quiet: bool) -> Result<()> {
    let loaded;
    let config = match config {
        Some(config) => config,
        None => {
            loaded = Config::discover(args.config.as_deref())?;
            &loaded
        }
    };
    let lower::FeedPlan {
        out,
        settings,
        base_url_known,
    } = lower::feed_plan(args, config);
    if !base_url_known {
        eprintln!(
            "nashra: warning: no --base-url (or [feed] base_url): using {}",
            settings.base_url
        );
    }
    let outcome = publish::build_feed(&out, &settings)?;
    for warning in &outcome.warnings {
        eprintln!("nashra: {warning}");
    }
    let pruned = if args.prune {
        publish::prune(&out, settings.keep_days)?
    } else {
        Vec::new()
    };
    // The listener pages show the feed's address only when it is known, else the page's own.
    let known_url = base_url_known.then_some(outcome.feed_url.as_str());
    for warning in publish::refresh_pages(&out, known_url).warnings {
        eprintln!("nashra: {warning}");
    }
    if !quiet {
        println!(
            "{}: {} episodes ({} older left out{}), served at {}",
            outcome.feed_path.display(),
            outcome.episodes.len(),
            outcome.dropped.len(),
            if args.prune {
                format!(", {} pruned", pruned.len())
            } else {
                String::new()
            },
            outcome.feed_url
        );
    }
    Ok(())
}

/// Check a feed file; exit 1 when it has problems.
pub fn feed_validate(file: &Path, root: Option<PathBuf>) -> Result<u8> {
    let root = root.or_else(|| file.parent().map(Path::to_path_buf));
    let problems = publish::validate_feed(file, root.as_deref());
    for problem in &problems {
        println!("{}: {problem}", file.display());
    }
    for warning in publish::feed_warnings(file) {
        eprintln!("{}: warning: {warning}", file.display());
    }
    if problems.is_empty() {
        eprintln!("{}: valid", file.display());
        Ok(0)
    } else {
        Ok(EXIT_FAILURE)
    }
}

/// Serve the archive over HTTP until stopped.
pub fn serve(args: ServeArgs, quiet: bool) -> Result<()> {
    let server =
        publish::ArchiveServer::bind(&args.dir, std::net::SocketAddr::new(args.bind, args.port))?;
    if !quiet {
        eprintln!(
            "serving {} on http://{} (page: /, feed: /feed.xml); Ctrl-C stops",
            args.dir.display(),
            server.local_addr()
        );
    }
    server.run(None)?;
    Ok(())
}
