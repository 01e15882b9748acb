//! The `nashra` binary's edge: parses the command line, reads the environment and the config
//! file, lowers them into the library's options, runs the command and prints what it did.
mod args;
mod bars;
mod brief;
mod config;
mod lower;
mod publish;
mod speak;
mod summary;
mod text;
mod voices;

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

use args::{Cli, Command, FeedCommand};
use nashra::tts::{self, Catalog, ModelLayout, VoiceStore};

/// Exit code: the command could not do its job.
const EXIT_FAILURE: u8 = 1;
/// Exit code: none of the inputs could be used (nothing was written).
const EXIT_NO_INPUT: u8 = 3;

/// Set to any non-empty value to run Piper models exactly as shipped.
const MODEL_AS_SHIPPED_ENV: &str = "NASHRA_MODEL_AS_SHIPPED";

/// Parse the command line, run the command and turn its outcome into the exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let env = Environment::from_process();
    match run(cli, &env) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            eprintln!("nashra: error: {}", error_line(&error));
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// What the binary takes from environment variables, read once at the start.
#[derive(Debug, Clone, PartialEq)]
pub struct Environment {
    /// Where voices and caches live: `$NASHRA_HOME`, else the platform's data folder.
    pub home: PathBuf,
    /// `$HF_ENDPOINT`: the Hugging Face Hub to look unpinned checksums up on.
    pub hf_endpoint: Option<String>,
    /// How neural models are run: as shipped when `$NASHRA_MODEL_AS_SHIPPED` is set.
    pub model_layout: ModelLayout,
}

impl Environment {
    /// The environment of this process.
    fn from_process() -> Self {
        Self::from_vars(|name| std::env::var_os(name))
    }

    /// The environment `var` gives (a function so tests need not touch the process's).
    fn from_vars(var: impl Fn(&str) -> Option<OsString>) -> Self {
        let set = |name: &str| var(name).filter(|value| !value.is_empty());
        Self {
            home: set("NASHRA_HOME")
                .map(PathBuf::from)
                .unwrap_or_else(tts::default_home),
            hf_endpoint: var("HF_ENDPOINT").and_then(|v| v.into_string().ok()),
            model_layout: match set(MODEL_AS_SHIPPED_ENV) {
                Some(_) => ModelLayout::AsShipped(format!("{MODEL_AS_SHIPPED_ENV} is set")),
                None => ModelLayout::Decoder2d,
            },
        }
    }

    /// The voice store under the home folder.
    fn store(&self) -> VoiceStore {
        let store = VoiceStore::new(&self.home);
        match &self.hf_endpoint {
            Some(endpoint) => store.with_hf_endpoint(endpoint.clone()),
            None => store,
        }
    }

    /// The voice catalog: the built-in manifests and the user's own.
    fn catalog(&self) -> Result<Catalog> {
        Ok(Catalog::load(&self.home)?)
    }
}

/// Run one parsed command; the exit code on success.
fn run(cli: Cli, env: &Environment) -> Result<u8> {
    let quiet = cli.quiet;
    let ok = |()| 0;
    match cli.command {
        Command::Brief(args) => brief::brief(args, env, quiet),
        Command::Extract(args) => text::extract(args),
        Command::Normalize(args) => text::normalize(args).map(ok),
        Command::Say(args) => speak::say(args, env, quiet).map(ok),
        Command::Read(args) => speak::read(args, env, quiet),
        Command::Voices(command) => voices::voices(command, env, quiet).map(ok),
        Command::Feed(FeedCommand::Build(args)) => publish::feed_build(&args, None, quiet).map(ok),
        Command::Feed(FeedCommand::Validate { file, root }) => publish::feed_validate(&file, root),
        Command::Serve(args) => publish::serve(args, quiet).map(ok),
        Command::Bench(args) => brief::bench(args, env, quiet).map(ok),
    }
}

/// Resolve the voice id: the one asked for, or the default with its warning printed.
fn choose_voice(
    asked: Option<String>,
    catalog: &Catalog,
    store: &VoiceStore,
    quiet: bool,
) -> String {
    if let Some(id) = asked {
        return id;
    }
    let (id, warning) = tts::default_voice_id(catalog, store);
    if let (Some(warning), false) = (warning, quiet) {
        eprintln!("nashra: warning: {warning}");
    }
    id
}

/// The error and its causes on one line, `: `-separated, leaving out a cause whose text the
/// line already holds (library errors often repeat their source in their own message).
fn error_line(error: &anyhow::Error) -> String {
    let mut line = error.to_string();
    for cause in error.chain().skip(1) {
        let text = cause.to_string();
        if !line.contains(&text) {
            line.push_str(": ");
            line.push_str(&text);
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cause_already_in_the_message_is_not_repeated() {
        let inner = std::io::Error::other("malformed stream");
        #[derive(Debug, thiserror::Error)]
        #[error("cannot decode a.mp3: malformed stream")]
        struct Decode(#[source] std::io::Error);
        let error = anyhow::Error::new(Decode(inner)).context("intro music");
        assert_eq!(
            error_line(&error),
            "intro music: cannot decode a.mp3: malformed stream"
        );
        let plain = anyhow::Error::new(std::io::Error::other("disk full")).context("cannot write");
        assert_eq!(error_line(&plain), "cannot write: disk full");
        assert_eq!(error_line(&anyhow::anyhow!("alone")), "alone");
    }

    #[test]
    fn the_environment_gives_home_endpoint_and_layout() {
        let vars = |name: &str| match name {
            "NASHRA_HOME" => Some(OsString::from("/srv/nashra")),
            "HF_ENDPOINT" => Some(OsString::from("http://mirror")),
            "NASHRA_MODEL_AS_SHIPPED" => Some(OsString::from("1")),
            _ => None,
        };
        let env = Environment::from_vars(vars);
        assert_eq!(env.home, PathBuf::from("/srv/nashra"));
        assert_eq!(env.hf_endpoint.as_deref(), Some("http://mirror"));
        assert_eq!(
            env.model_layout,
            ModelLayout::AsShipped("NASHRA_MODEL_AS_SHIPPED is set".into())
        );
        let empty = |name: &str| match name {
            "NASHRA_HOME" | "NASHRA_MODEL_AS_SHIPPED" => Some(OsString::new()),
            _ => None,
        };
        let env = Environment::from_vars(empty);
        assert_eq!(env.home, tts::default_home());
        assert_eq!(env.hf_endpoint, None);
        assert_eq!(env.model_layout, ModelLayout::Decoder2d);
    }
}
