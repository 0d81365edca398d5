//! Pictures of the map that the window draws and the user saves: checked
//! here, because they arrive as messages from the web view, and written whole
//! or not at all.

use std::path::Path;

use base64::Engine;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Problem, Problems, Result};

/// The largest picture saved: a 2,000-persona map at print resolution is
/// far below it, and a runaway message is refused before it is decoded.
pub const MAX_IMAGE_BYTES: usize = 64 * 1024 * 1024;

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// The formats a map can be saved in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename_all = "snake_case")]
pub enum ImageFormat {
    /// A bitmap, sent base64-encoded.
    Png,
    /// A vector drawing, sent as its text.
    Svg,
}

impl ImageFormat {
    /// The file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Png => "png",
            ImageFormat::Svg => "svg",
        }
    }

    /// What a person calls it in a file dialog.
    pub fn label(self) -> &'static str {
        match self {
            ImageFormat::Png => "PNG image",
            ImageFormat::Svg => "SVG drawing",
        }
    }
}

fn refused(message: impl Into<String>) -> Error {
    Error::Invalid {
        source_name: "the map picture".to_owned(),
        problems: Problems(vec![Problem {
            path: String::new(),
            message: message.into(),
        }]),
    }
}

/// The bytes of the file to save, once `data` is checked to be a picture in
/// `format`: a base64 PNG, or the text of an SVG drawing with no script in it.
pub fn decode(format: ImageFormat, data: &str) -> Result<Vec<u8>> {
    if data.len() > MAX_IMAGE_BYTES * 4 / 3 + 4 {
        return Err(refused(format!(
            "it is larger than {} MB",
            MAX_IMAGE_BYTES / 1024 / 1024
        )));
    }
    match format {
        ImageFormat::Png => {
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(data.trim())
                .map_err(|e| refused(format!("it is not base64: {e}")))?;
            if !bytes.starts_with(PNG_SIGNATURE) {
                return Err(refused("it is not a PNG image"));
            }
            Ok(bytes)
        }
        ImageFormat::Svg => {
            let text = data.trim_start();
            let start = text.strip_prefix("<?xml").map_or(text, |rest| {
                rest.find("?>").map_or(rest, |i| rest[i + 2..].trim_start())
            });
            if !start.starts_with("<svg") || !text.trim_end().ends_with("</svg>") {
                return Err(refused("it is not an SVG drawing"));
            }
            if text.to_ascii_lowercase().contains("<script") {
                return Err(refused("an SVG drawing of the map has no scripts"));
            }
            Ok(data.as_bytes().to_vec())
        }
    }
}

/// A picture that passed [`decode`]'s checks, ready to be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picture {
    bytes: Vec<u8>,
}

impl Picture {
    /// Checks `data` as [`decode`] does, once.
    pub fn check(format: ImageFormat, data: &str) -> Result<Picture> {
        Ok(Picture {
            bytes: decode(format, data)?,
        })
    }

    /// Writes the picture to `path`; an existing file is replaced only once
    /// the new one is complete.
    pub fn save(&self, path: &Path) -> Result<()> {
        crate::atomic::write_bytes(path, &self.bytes)
    }
}

/// Checks `data` and writes it to `path`; an existing file is replaced only
/// once the new one is complete.
pub fn save(path: &Path, format: ImageFormat, data: &str) -> Result<()> {
    Picture::check(format, data)?.save(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_pictures_of_the_right_format_pass() {
        let png = base64::engine::general_purpose::STANDARD.encode(b"\x89PNG\r\n\x1a\nrest");
        assert!(decode(ImageFormat::Png, &png).is_ok());
        assert!(
            decode(ImageFormat::Png, "bm90IGEgcG5n").is_err(),
            "not a PNG"
        );
        assert!(decode(ImageFormat::Png, "%%%").is_err(), "not base64");
        let svg = r#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>"#;
        assert!(decode(ImageFormat::Svg, svg).is_ok());
        assert!(decode(ImageFormat::Svg, "<html></html>").is_err());
        let script = r#"<svg><SCRIPT>alert(1)</SCRIPT></svg>"#;
        assert!(decode(ImageFormat::Svg, script).is_err(), "no scripts");
    }
}
