//! The closed world a printed document is typeset in: our templates, the
//! data of one document, its portraits and the fonts shipped with the app.
//! Nothing is read from the disk or the network, so a project's content
//! cannot make the typesetter reach anything else, and the same data gives
//! the same pages on every machine.

use std::collections::HashMap;
use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// DejaVu Sans, which covers the scripts of most names people write; the
/// app ships it so that every machine prints alike (licence beside it).
static FONTS: LazyLock<Vec<Font>> = LazyLock::new(|| {
    let files: [&'static [u8]; 3] = [
        include_bytes!("../../assets/fonts/DejaVuSans.ttf"),
        include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf"),
        include_bytes!("../../assets/fonts/DejaVuSans-Oblique.ttf"),
    ];
    files
        .into_iter()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect()
});

static BOOK: LazyLock<LazyHash<FontBook>> =
    LazyLock::new(|| LazyHash::new(FontBook::from_fonts(FONTS.iter())));

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

/// The templates, by the path they import each other by.
const TEMPLATES: [(&str, &str); 4] = [
    ("style.typ", include_str!("style.typ")),
    ("persona.typ", include_str!("persona.typ")),
    ("one-pager.typ", include_str!("one-pager.typ")),
    ("report.typ", include_str!("report.typ")),
];

fn id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(FileId::new(RootedPath::new(VirtualRoot::Project, vpath)))
}

/// One document's world: `main` is one of the templates, `data.json` its
/// data, and `files` the other files it reads (portraits).
pub struct Sheet {
    main: FileId,
    sources: HashMap<FileId, Source>,
    files: HashMap<FileId, Bytes>,
    today: Datetime,
}

impl Sheet {
    /// A world for the template `main` with `data` as `data.json` and
    /// `files` by path; `today` is what the template's `datetime.today()`
    /// says. `None` when a path is not a valid virtual path (a bug).
    pub fn new(
        main: &str,
        data: Vec<u8>,
        files: Vec<(String, Vec<u8>)>,
        today: (u16, u8, u8),
    ) -> Option<Self> {
        let mut sources = HashMap::new();
        for (path, text) in TEMPLATES {
            let file = id(path)?;
            sources.insert(file, Source::new(file, text.to_owned()));
        }
        let mut bytes = HashMap::new();
        bytes.insert(id("data.json")?, Bytes::new(data));
        for (path, content) in files {
            bytes.insert(id(&path)?, Bytes::new(content));
        }
        Some(Sheet {
            main: id(main)?,
            sources,
            files: bytes,
            today: Datetime::from_ymd(i32::from(today.0), today.1, today.2)?,
        })
    }
}

impl World for Sheet {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &BOOK
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.sources
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.get().vpath().get_with_slash().into()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let Some(source) = self.sources.get(&id) {
            return Ok(Bytes::from_string(source.clone()));
        }
        self.files
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.get().vpath().get_with_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
