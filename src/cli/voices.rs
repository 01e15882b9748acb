//! `nashra voices`: list, install, add and remove voices.
use std::io::{self, Write};

use anyhow::{bail, Result};

use nashra::tts::{self, Catalog, VoiceStore};

use super::args::VoicesCommand;
use super::bars::download_bar;
use super::Environment;

/// Run one `voices` subcommand.
pub fn voices(command: VoicesCommand, env: &Environment, quiet: bool) -> Result<()> {
    let catalog = env.catalog()?;
    let store = env.store();
    match command {
        VoicesCommand::List { json } => list_voices(&catalog, &store, json),
        VoicesCommand::Install { id, from } => {
            let manifest = catalog.get(&id)?;
            let receipt = match from {
                Some(dir) => store.install_from_dir(manifest, &dir)?,
                None => {
                    let bar = download_bar(quiet);
                    let progress = |name: &str, done: u64, total: Option<u64>| {
                        if let Some(total) = total {
                            bar.set_length(total);
                        }
                        bar.set_message(name.to_string());
                        bar.set_position(done);
                    };
                    let receipt = store.install_from_network(manifest, &progress);
                    bar.finish_and_clear();
                    receipt?
                }
            };
            if !quiet {
                let bytes: u64 = receipt.files.iter().map(|f| f.size).sum();
                println!(
                    "installed {} ({} files, {:.1} MB, checksums verified) in {}",
                    id,
                    receipt.files.len(),
                    bytes as f64 / 1e6,
                    store.voice_dir(&id).display()
                );
            }
            Ok(())
        }
        VoicesCommand::Add { model } => {
            let added = tts::add_local_voice(&env.home, &model, &env.model_layout)?;
            if !quiet {
                let manifest = &added.manifest;
                println!(
                    "added {} ({}, {} Hz, eSpeak voice {}; checksums pinned in {}) to {}",
                    manifest.id,
                    manifest.language,
                    manifest.sample_rate,
                    manifest.espeak_voice.as_deref().unwrap_or("-"),
                    added.manifest_path.display(),
                    store.voice_dir(&manifest.id).display()
                );
            }
            Ok(())
        }
        VoicesCommand::Remove { id } => {
            catalog.get(&id)?;
            if store.remove(&id)? {
                if !quiet {
                    println!("removed {id}");
                }
                Ok(())
            } else {
                bail!("voice `{id}` is not installed")
            }
        }
    }
}

/// Print the catalog with what is installed (a table, or JSON).
fn list_voices(catalog: &Catalog, store: &VoiceStore, json: bool) -> Result<()> {
    let rows: Vec<serde_json::Value> = catalog
        .voices()
        .iter()
        .map(|v| {
            serde_json::json!({
                "id": v.id, "name": v.name, "language": v.language, "engine": v.engine,
                "sample_rate": v.sample_rate, "licence": v.licence,
                "built_in": v.is_built_in(), "installed": store.is_installed(v),
                "speakers": tts::installed_speakers(v, store),
            })
        })
        .collect();
    let mut out = io::stdout().lock();
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&rows)?)?;
        return Ok(());
    }
    writeln!(
        out,
        "{:<22} {:<4} {:<7} {:<10} NAME",
        "ID", "LANG", "ENGINE", "STATUS"
    )?;
    for v in catalog.voices() {
        let status = if v.is_built_in() {
            "built-in"
        } else if store.is_installed(v) {
            "installed"
        } else {
            "-"
        };
        let engine = match v.engine {
            tts::Engine::Piper => "piper",
            tts::Engine::Espeak => "espeak",
        };
        let speakers = tts::installed_speakers(v, store);
        let speakers = match speakers.is_empty() {
            true => String::new(),
            false => format!(" (speakers: {})", speakers.join(", ")),
        };
        writeln!(
            out,
            "{:<22} {:<4} {:<7} {:<10} {}{speakers}",
            v.id, v.language, engine, status, v.name
        )?;
    }
    writeln!(out, "voice store: {}", store.root().display())?;
    Ok(())
}
