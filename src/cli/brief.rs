//! `nashra brief` (with `--publish`) and `nashra bench`.
use anyhow::Result;

use nashra::pipeline::brief::BriefError;

use super::args::{BenchArgs, BriefArgs};
use super::bars::Bars;
use super::config::Config;
use super::{choose_voice, lower, publish, summary, Environment, EXIT_NO_INPUT};

/// Make the day's briefing; with `--publish`, rebuild the feed after it.
pub fn brief(args: BriefArgs, env: &Environment, quiet: bool) -> Result<u8> {
    let config = Config::discover(args.config.as_deref())?;
    let today = chrono::Local::now().date_naive();
    let options = lower::brief_options(&args, &config, env, today)?;
    let progress = Bars::new(quiet || args.json);
    let outcome = match nashra::pipeline::brief::run(&options, &progress) {
        Ok(outcome) => outcome,
        Err(BriefError::NoUsableInput(report)) => {
            progress.clear();
            for input in report.failed_inputs() {
                eprintln!("nashra: {}", input.error.as_deref().unwrap_or("failed"));
            }
            eprintln!("nashra: error: no usable input; nothing was written");
            return Ok(EXIT_NO_INPUT);
        }
        Err(error) => return Err(error.into()),
    };
    progress.clear();
    if args.json {
        println!("{}", serde_json::to_string_pretty(&outcome.report)?);
    } else if !quiet {
        summary::print_summary(&outcome);
    }
    if args.publish {
        let feed_args = lower::publish_args(&args, options.out_dir.clone());
        publish::feed_build(&feed_args, Some(&config), quiet || args.json)?;
    }
    Ok(0)
}

/// Measure speed on the samples and print the figures (a table, or JSON).
pub fn bench(args: BenchArgs, env: &Environment, quiet: bool) -> Result<()> {
    let catalog = env.catalog()?;
    let voice = choose_voice(args.voice, &catalog, &env.store(), quiet);
    let date = chrono::Local::now().date_naive();
    let figures =
        nashra::pipeline::bench::run(&args.samples, &voice, &env.home, date, &env.model_layout)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&figures)?);
        return Ok(());
    }
    println!(
        "nashra bench — voice {voice}, samples {}",
        args.samples.display()
    );
    for figure in figures {
        println!(
            "  {:<62} {:>12.3} {}",
            figure.name, figure.value, figure.unit
        );
    }
    Ok(())
}
