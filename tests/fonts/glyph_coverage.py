#!/usr/bin/python3
"""glyph_coverage.py: fails if a character the program prints has no glyph in the font
that prints it.

The characters are read from every C/C++ string and character literal under the source
folder (escapes decoded, adjacent literals joined, so "\\xE2\\x88" "\\x9A" is one U+221A);
control characters are skipped. Each font is checked against the literals of the files
given for it (default: all of them).

With --ranges=HEADER, the ImWchar ranges in that header (pairs of hex numbers, as Dear
ImGui takes them) must hold every character too: a glyph the atlas does not rasterize is
as lost as one the font lacks.

Every font and the ranges must also hold U+FFFD, the replacement character, which Dear ImGui
draws for a character a font lacks (a learner's Greek or CJK name): without it a missing
character shows as '?', which looks typed.

Usage: glyph_coverage.py SRC_DIR [--ranges=HEADER] FONT[=GLOB,GLOB...] ...
       glyph_coverage.py SRC_DIR --list       (prints the characters found)
Needs fontTools: Debian's /usr/bin/python3 has it (python3-fonttools).
"""
import fnmatch
import pathlib
import re
import sys

REPLACEMENT = 0xFFFD  # drawn for every character a font lacks (ui/kit/theme.cpp)

SIMPLE = {'n': 10, 't': 9, 'r': 13, '0': 0, 'a': 7, 'b': 8, 'f': 12, 'v': 11,
          '\\': 92, "'": 39, '"': 34, '?': 63}


def _encode(cp, wide):
    return chr(cp).encode('utf-32-le' if wide else 'utf-8')


def decode_literal(body, wide):
    """Bytes (UTF-8, or UTF-32-LE for L/u/U literals) of one literal's body."""
    out = bytearray()
    i = 0
    while i < len(body):
        c = body[i]
        if c != '\\':
            out += _encode(ord(c), wide)
            i += 1
            continue
        e = body[i + 1]
        if e == 'x':
            m = re.match(r'[0-9a-fA-F]+', body[i + 2:])
            value = int(m.group(0), 16)
            out += _encode(value, True) if wide else bytes([value & 0xFF])
            i += 2 + len(m.group(0))
        elif e in 'uU':
            n = 4 if e == 'u' else 8
            out += _encode(int(body[i + 2:i + 2 + n], 16), wide)
            i += 2 + n
        elif e in '01234567':
            m = re.match(r'[0-7]{1,3}', body[i + 1:])
            value = int(m.group(0), 8)
            out += _encode(value, True) if wide else bytes([value & 0xFF])
            i += 1 + len(m.group(0))
        else:
            out += _encode(SIMPLE.get(e, ord(e)), wide)
            i += 2
    return bytes(out)


TOKEN = re.compile(r'''
    (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<raw>(?:u8|[uUL])?R"(?P<delim>[^()\\\s]{0,16})\((?P<rawbody>.*?)\)(?P=delim)")
  | (?P<string>(?P<sprefix>u8|[uUL])?"(?P<sbody>(?:[^"\\\n]|\\.)*)")
  | (?P<char>(?P<cprefix>u8|[uUL])?'(?P<cbody>(?:[^'\\\n]|\\.)+)')
  | (?P<space>\s+)
  | (?P<other>[A-Za-z0-9_]+|.)
''', re.S | re.X)


def literal_text(source):
    """The text of every literal in one source, adjacent literals joined."""
    texts, pending = [], None
    for m in TOKEN.finditer(source):
        if m.group('comment') or m.group('space'):
            continue
        if m.group('raw') is not None:
            data = m.group('rawbody').encode('utf-8')
            wide = False
        elif m.group('string') is not None:
            wide = m.group('sprefix') in ('u', 'U', 'L')
            data = decode_literal(m.group('sbody'), wide)
        elif m.group('char') is not None:
            wide = m.group('cprefix') in ('u', 'U', 'L')
            data = decode_literal(m.group('cbody'), wide)
        else:
            if pending is not None:
                texts.append(pending)
                pending = None
            continue
        chunk = data.decode('utf-32-le') if wide else data
        if pending is None:
            pending = chunk
        elif isinstance(pending, bytes) and isinstance(chunk, bytes):
            pending += chunk
        else:
            texts.append(pending)
            pending = chunk
    if pending is not None:
        texts.append(pending)
    return [t.decode('utf-8', errors='strict') if isinstance(t, bytes) else t for t in texts]


def characters_by_file(src_dir):
    found = {}
    for path in sorted(pathlib.Path(src_dir).rglob('*')):
        if path.suffix not in ('.cpp', '.h', '.hpp', '.cc', '.inc', '.txt'):
            continue
        relative = path.relative_to(src_dir).as_posix()
        try:
            # A .txt file of the lesson's (lesson/content/formal.txt) is lesson text as a whole.
            source = path.read_text(encoding='utf-8')
            texts = [source] if path.suffix == '.txt' else literal_text(source)
        except UnicodeDecodeError as error:
            sys.exit(f'{relative}: a literal is not valid UTF-8 ({error})')
        chars = {}
        for text in texts:
            for ch in text:
                if ord(ch) >= 0x20 and ord(ch) != 0x7F:
                    chars.setdefault(ch, text)
        found[relative] = chars
    return found


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    src_dir = argv[1]
    found = characters_by_file(src_dir)
    if argv[2] == '--list':
        every = sorted({ch for chars in found.values() for ch in chars})
        print(''.join(every))
        print(' '.join(f'U+{ord(ch):04X}' for ch in every if ord(ch) > 0x7E))
        return 0
    from fontTools.ttLib import TTFont
    failures = 0
    every = {ch: (relative, text) for relative, chars in found.items() for ch, text in chars.items()}
    fonts = []
    for arg in argv[2:]:
        if not arg.startswith('--ranges='):
            fonts.append(arg)
            continue
        header = arg[len('--ranges='):]
        numbers = [int(x, 16) for x in re.findall(r'0x([0-9A-Fa-f]+)',
                                                  pathlib.Path(header).read_text(encoding='utf-8'))]
        if len(numbers) < 2 or len(numbers) % 2:
            print(f'{header}: no ranges found')
            failures += 1
        ranges = list(zip(numbers[0::2], numbers[1::2]))
        for ch, (relative, text) in sorted(every.items()):
            if not any(first <= ord(ch) <= last for first, last in ranges):
                failures += 1
                print(f'{header}: U+{ord(ch):04X} {ch!r} is outside the glyph ranges, used in {relative}: '
                      f'"{text.strip()[:60]}"')
        if not any(first <= REPLACEMENT <= last for first, last in ranges):
            failures += 1
            print(f'{header}: U+FFFD, drawn for characters a font lacks, is outside the glyph ranges')
        print(f'{pathlib.Path(header).name}: {len(every)} characters checked against {len(ranges)} ranges')
    if not fonts:
        sys.exit('no font given')
    for spec in fonts:
        font_path, _, globs = spec.partition('=')
        patterns = globs.split(',') if globs else ['*']
        cmap = TTFont(font_path, lazy=True).getBestCmap()
        files = [f for f in found if any(fnmatch.fnmatch(f, p) for p in patterns)]
        if not files:
            print(f'{font_path}: no source matches {patterns}')
            failures += 1
        if REPLACEMENT not in cmap:
            failures += 1
            print(f'{font_path}: no glyph for U+FFFD, drawn for characters the font lacks')
        checked = set()
        for relative in files:
            for ch, text in found[relative].items():
                checked.add(ch)
                if ord(ch) not in cmap:
                    failures += 1
                    snippet = text.strip().replace('\n', ' ')[:60]
                    print(f'{font_path}: no glyph for U+{ord(ch):04X} {ch!r}, used in {relative}: "{snippet}"')
        print(f'{pathlib.Path(font_path).name}: {len(checked)} characters from {len(files)} sources, '
              f'{len(cmap)} in the font')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
