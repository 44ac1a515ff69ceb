//! A minimal reader of ELF shared libraries: the `DT_SONAME` and the exported
//! dynamic symbols (`.dynsym`) with their kind, size and alignment. Enough to write an
//! import stub (`stub.rs`); it reads section headers only and trusts nothing it reads.

use std::path::Path;

use crate::errors::{Error, Result};

const SHT_DYNAMIC: u32 = 6;
const SHT_DYNSYM: u32 = 11;
const DT_NULL: u64 = 0;
const DT_SONAME: u64 = 14;
const SHN_UNDEF: u16 = 0;
const SHN_LORESERVE: u16 = 0xff00;

/// What an exported symbol is, as far as a linker cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SymbolKind {
    /// Code (`STT_FUNC`, or `STT_GNU_IFUNC`).
    Function,
    /// Data (`STT_OBJECT`, `STT_COMMON`).
    Object,
    /// Thread-local data (`STT_TLS`).
    ThreadLocal,
}

/// One symbol the library defines and exports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ExportedSymbol {
    pub(crate) name: String,
    pub(crate) kind: SymbolKind,
    pub(crate) size: u64,
    /// A power of two the symbol's address is aligned to, capped at 64.
    pub(crate) align: u64,
    pub(crate) weak: bool,
}

/// The parts of a shared library an import stub must reproduce.
#[derive(Debug, Clone, Default)]
pub(crate) struct SharedLibrary {
    pub(crate) soname: Option<String>,
    pub(crate) symbols: Vec<ExportedSymbol>,
}

/// Reads `path` as an ELF shared library.
pub(crate) fn read_shared_library(path: &Path) -> Result<SharedLibrary> {
    let bytes = std::fs::read(path)
        .map_err(|e| Error::with_source(format!("could not read {}", path.display()), e))?;
    parse(&bytes).ok_or_else(|| {
        Error::new(format!(
            "{} is not an ELF shared library this crate can read",
            path.display()
        ))
    })
}

/// Field access for one ELF class (32/64-bit) and byte order.
struct Reader<'a> {
    bytes: &'a [u8],
    wide: bool,
    little: bool,
}

impl Reader<'_> {
    fn uint(&self, offset: u64, len: usize) -> Option<u64> {
        let start = usize::try_from(offset).ok()?;
        let field = self.bytes.get(start..start.checked_add(len)?)?;
        let mut value = 0u64;
        for i in 0..len {
            let byte = if self.little {
                field[len - 1 - i]
            } else {
                field[i]
            };
            value = (value << 8) | u64::from(byte);
        }
        Some(value)
    }

    fn u8(&self, offset: u64) -> Option<u8> {
        self.bytes.get(usize::try_from(offset).ok()?).copied()
    }

    fn u16(&self, offset: u64) -> Option<u16> {
        self.uint(offset, 2).and_then(|v| u16::try_from(v).ok())
    }

    fn u32(&self, offset: u64) -> Option<u32> {
        self.uint(offset, 4).and_then(|v| u32::try_from(v).ok())
    }

    /// An address-sized field: 8 bytes in ELF64, 4 in ELF32.
    fn addr(&self, offset: u64) -> Option<u64> {
        self.uint(offset, if self.wide { 8 } else { 4 })
    }

    fn c_str(&self, offset: u64) -> Option<&str> {
        let start = usize::try_from(offset).ok()?;
        let rest = self.bytes.get(start..)?;
        let end = rest.iter().position(|&b| b == 0)?;
        std::str::from_utf8(&rest[..end]).ok()
    }
}

#[derive(Clone, Copy)]
struct Section {
    kind: u32,
    offset: u64,
    size: u64,
    link: u32,
    align: u64,
    entsize: u64,
}

fn parse(bytes: &[u8]) -> Option<SharedLibrary> {
    if bytes.get(..4)? != b"\x7fELF" {
        return None;
    }
    let wide = match bytes.get(4)? {
        1 => false,
        2 => true,
        _ => return None,
    };
    let little = match bytes.get(5)? {
        1 => true,
        2 => false,
        _ => return None,
    };
    let r = Reader {
        bytes,
        wide,
        little,
    };

    let (shoff, shentsize, shnum) = if wide {
        (r.addr(0x28)?, r.u16(0x3a)?, r.u16(0x3c)?)
    } else {
        (r.addr(0x20)?, r.u16(0x2e)?, r.u16(0x30)?)
    };
    let sections: Vec<Section> = (0..u64::from(shnum))
        .map(|i| {
            let base = shoff.checked_add(i.checked_mul(u64::from(shentsize))?)?;
            let word = if wide { 8 } else { 4 };
            Some(Section {
                kind: r.u32(base + 4)?,
                offset: r.addr(base + 8 + 2 * word)?,
                size: r.addr(base + 8 + 3 * word)?,
                link: r.u32(base + 8 + 4 * word)?,
                align: r.addr(base + 16 + 4 * word)?,
                entsize: r.addr(base + 16 + 5 * word)?,
            })
        })
        .collect::<Option<_>>()?;
    let strings_of = |section: &Section| sections.get(usize::try_from(section.link).ok()?).copied();

    let mut library = SharedLibrary::default();

    if let Some(dynamic) = sections.iter().find(|s| s.kind == SHT_DYNAMIC) {
        let strings = strings_of(dynamic)?;
        let entry = if wide { 16 } else { 8 };
        for i in 0..dynamic.size / entry {
            let base = dynamic.offset + i * entry;
            let tag = r.addr(base)?;
            if tag == DT_NULL {
                break;
            }
            if tag == DT_SONAME {
                let name = r.c_str(strings.offset + r.addr(base + entry / 2)?)?;
                library.soname = Some(name.to_owned());
            }
        }
    }

    let dynsym = sections.iter().find(|s| s.kind == SHT_DYNSYM)?;
    let strings = strings_of(dynsym)?;
    let entry = if dynsym.entsize != 0 {
        dynsym.entsize
    } else if wide {
        24
    } else {
        16
    };
    for i in 0..dynsym.size / entry {
        let base = dynsym.offset + i * entry;
        let (name, info, other, shndx, value, size) = if wide {
            (
                r.u32(base)?,
                r.u8(base + 4)?,
                r.u8(base + 5)?,
                r.u16(base + 6)?,
                r.addr(base + 8)?,
                r.addr(base + 16)?,
            )
        } else {
            (
                r.u32(base)?,
                r.u8(base + 12)?,
                r.u8(base + 13)?,
                r.u16(base + 14)?,
                r.addr(base + 4)?,
                r.addr(base + 8)?,
            )
        };
        let binding = info >> 4;
        let weak = match binding {
            1 | 10 => false, // STB_GLOBAL, STB_GNU_UNIQUE
            2 => true,       // STB_WEAK
            _ => continue,   // local
        };
        // Hidden and internal symbols are not visible to other objects.
        if matches!(other & 3, 1 | 2) || shndx == SHN_UNDEF || shndx >= SHN_LORESERVE {
            continue;
        }
        let kind = match info & 0xf {
            2 | 10 => SymbolKind::Function,
            1 | 5 => SymbolKind::Object,
            6 => SymbolKind::ThreadLocal,
            _ => continue,
        };
        let section_align = sections
            .get(usize::from(shndx))
            .map_or(1, |s| s.align.max(1));
        let value_align = if value == 0 {
            64
        } else {
            1 << value.trailing_zeros().min(6)
        };
        let name = r.c_str(strings.offset + u64::from(name))?;
        if name.is_empty() {
            continue;
        }
        library.symbols.push(ExportedSymbol {
            name: name.to_owned(),
            kind,
            size,
            align: section_align.min(value_align).min(64),
            weak,
        });
    }
    Some(library)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_non_elf() {
        assert!(parse(b"#!/bin/sh\n").is_none());
        assert!(parse(b"\x7fELF").is_none());
        assert!(parse(&[]).is_none());
    }

    /// Reads a library that every Linux machine with a C toolchain has.
    #[test]
    #[cfg(target_os = "linux")]
    fn reads_a_system_library() {
        let candidates = [
            "/lib/x86_64-linux-gnu/libc.so.6",
            "/lib/aarch64-linux-gnu/libc.so.6",
            "/lib64/libc.so.6",
            "/usr/lib/libc.so.6",
        ];
        let Some(path) = candidates.iter().map(Path::new).find(|p| p.exists()) else {
            return;
        };
        let library = read_shared_library(path).unwrap();
        assert_eq!(library.soname.as_deref(), Some("libc.so.6"));
        let malloc = library.symbols.iter().find(|s| s.name == "malloc").unwrap();
        assert_eq!(malloc.kind, SymbolKind::Function);
        assert!(library
            .symbols
            .iter()
            .any(|s| s.kind == SymbolKind::Object && s.size > 0));
    }
}
