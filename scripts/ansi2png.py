#!/usr/bin/python3
"""Renders a terminal screen captured with `tmux capture-pane -e -p` (text
with SGR escape sequences) to a PNG, the way a terminal shows it.

usage: ansi2png.py CAPTURE.ans OUT.png COLUMNS ROWS

Needs Debian's python3-pil and fonts-dejavu-core. Understands the SGR
attributes tmux emits: bold, dim, underline, reverse, the 16 colours, the
256-colour palette and 24-bit colours. Double-width characters take two
cells. Glyphs missing from DejaVu Sans Mono come from DejaVu Sans.
"""
import re
import sys
import unicodedata

from PIL import Image, ImageDraw, ImageFont

FONT_DIR = "/usr/share/fonts/truetype/dejavu/"
SIZE = 15
FG = (208, 208, 208)
BG = (28, 28, 30)
BASIC = [
    (0, 0, 0), (205, 49, 49), (13, 188, 121), (229, 229, 16),
    (36, 114, 200), (188, 63, 188), (17, 168, 205), (229, 229, 229),
    (102, 102, 102), (241, 76, 76), (35, 209, 139), (245, 245, 67),
    (59, 142, 234), (214, 112, 214), (41, 184, 219), (255, 255, 255),
]


def palette(n):
    if n < 16:
        return BASIC[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[n // 36], steps[(n // 6) % 6], steps[n % 6])
    v = 8 + (n - 232) * 10
    return (v, v, v)


class Style:
    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = None
        self.bg = None
        self.bold = self.dim = self.underline = self.reverse = False

    def copy(self):
        s = Style()
        s.__dict__.update(self.__dict__)
        return s

    def apply(self, params):
        codes = [int(p) if p else 0 for p in params.split(";")] if params else [0]
        i = 0
        while i < len(codes):
            c = codes[i]
            if c == 0:
                self.reset()
            elif c == 1:
                self.bold = True
            elif c == 2:
                self.dim = True
            elif c == 4:
                self.underline = True
            elif c == 7:
                self.reverse = True
            elif c == 22:
                self.bold = self.dim = False
            elif c == 24:
                self.underline = False
            elif c == 27:
                self.reverse = False
            elif 30 <= c <= 37:
                self.fg = BASIC[c - 30]
            elif 90 <= c <= 97:
                self.fg = BASIC[c - 90 + 8]
            elif c == 39:
                self.fg = None
            elif 40 <= c <= 47:
                self.bg = BASIC[c - 40]
            elif 100 <= c <= 107:
                self.bg = BASIC[c - 100 + 8]
            elif c == 49:
                self.bg = None
            elif c in (38, 48) and i + 1 < len(codes):
                if codes[i + 1] == 5 and i + 2 < len(codes):
                    col = palette(codes[i + 2])
                    i += 2
                elif codes[i + 1] == 2 and i + 4 < len(codes):
                    col = tuple(codes[i + 2:i + 5])
                    i += 4
                else:
                    col = None
                if c == 38:
                    self.fg = col
                else:
                    self.bg = col
            i += 1


def width(ch):
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def parse(text, cols, rows):
    """A grid of rows x cols cells: (char, style) or None for a wide char's tail."""
    grid = [[(" ", Style()) for _ in range(cols)] for _ in range(rows)]
    style = Style()
    for y, line in enumerate(text.split("\n")[:rows]):
        x = 0
        for m in re.finditer(r"\x1b\[([0-9;]*)m|\x1b\[[0-9;?]*[A-Za-z]|(.)", line):
            if m.group(2) is None:
                if m.group(0).endswith("m"):
                    style.apply(m.group(1))
                continue
            ch = m.group(2)
            w = width(ch)
            if w == 0:
                if x > 0:
                    prev, st = grid[y][x - 1]
                    grid[y][x - 1] = (prev + ch, st)
                continue
            if x + w > cols:
                break
            grid[y][x] = (ch, style.copy())
            if w == 2:
                grid[y][x + 1] = None
            x += w
        # tmux ends each line with a reset only where attributes changed
    return grid


class Fonts:
    def __init__(self):
        self.mono = ImageFont.truetype(FONT_DIR + "DejaVuSansMono.ttf", SIZE)
        self.mono_bold = ImageFont.truetype(FONT_DIR + "DejaVuSansMono-Bold.ttf", SIZE)
        self.fallback = ImageFont.truetype(FONT_DIR + "DejaVuSans.ttf", SIZE)
        self.missing = self.bitmap(self.mono, "\U0010fffd")
        self.cache = {}

    @staticmethod
    def bitmap(font, ch):
        img = Image.new("L", (SIZE * 2, SIZE * 2))
        ImageDraw.Draw(img).text((0, 0), ch, font=font, fill=255)
        return img.tobytes()

    def pick(self, ch, bold):
        key = (ch, bold)
        if key not in self.cache:
            font = self.mono_bold if bold else self.mono
            if self.bitmap(self.mono, ch[0]) == self.missing:
                font = self.fallback
            self.cache[key] = font
        return self.cache[key]


# Box-drawing characters drawn as lines so that borders join across cells:
# (left, right, up, down, heavy).
BOX = {
    "─": (1, 1, 0, 0, 0), "│": (0, 0, 1, 1, 0), "┌": (0, 1, 0, 1, 0), "┐": (1, 0, 0, 1, 0),
    "└": (0, 1, 1, 0, 0), "┘": (1, 0, 1, 0, 0), "━": (1, 1, 0, 0, 1), "┃": (0, 0, 1, 1, 1),
    "┏": (0, 1, 0, 1, 1), "┓": (1, 0, 0, 1, 1), "┗": (0, 1, 1, 0, 1), "┛": (1, 0, 1, 0, 1),
}


def draw_box(draw, ch, px, py, cw, ch_h, fg):
    left, right, up, down, heavy = BOX[ch]
    t = 2 if heavy else 1
    cx, cy = px + cw // 2, py + ch_h // 2
    if left:
        draw.rectangle([px, cy, cx + t - 1, cy + t - 1], fill=fg)
    if right:
        draw.rectangle([cx, cy, px + cw - 1, cy + t - 1], fill=fg)
    if up:
        draw.rectangle([cx, py, cx + t - 1, cy + t - 1], fill=fg)
    if down:
        draw.rectangle([cx, cy, cx + t - 1, py + ch_h - 1], fill=fg)


def render(grid, cols, rows, out):
    fonts = Fonts()
    ascent, descent = fonts.mono.getmetrics()
    cw = round(fonts.mono.getlength("M"))
    ch_h = ascent + descent + 2
    pad = 10
    img = Image.new("RGB", (cols * cw + 2 * pad, rows * ch_h + 2 * pad), BG)
    draw = ImageDraw.Draw(img)
    for y, row in enumerate(grid):
        for x, cell in enumerate(row):
            if cell is None:
                continue
            ch, st = cell
            w = 2 if x + 1 < cols and row[x + 1] is None else 1
            fg = st.fg or FG
            bg = st.bg or BG
            if st.dim:
                fg = tuple((a + b) // 2 for a, b in zip(fg, bg))
            if st.reverse:
                fg, bg = bg, fg
            px, py = pad + x * cw, pad + y * ch_h
            if bg != BG:
                draw.rectangle([px, py, px + w * cw - 1, py + ch_h - 1], fill=bg)
            if ch != " ":
                # block and line glyphs fill the whole cell, as terminals draw them
                if ch in BOX:
                    draw_box(draw, ch, px, py, cw, ch_h, fg)
                elif ch in "█▓▒░":
                    shade = {"█": 1.0, "▓": 0.75, "▒": 0.5, "░": 0.25}[ch]
                    col = tuple(int(f * shade + b * (1 - shade)) for f, b in zip(fg, bg))
                    draw.rectangle([px, py, px + cw - 1, py + ch_h - 1], fill=col)
                else:
                    draw.text((px, py + 1), ch, font=fonts.pick(ch, st.bold), fill=fg)
            if st.underline:
                draw.line([px, py + ch_h - 2, px + w * cw - 1, py + ch_h - 2], fill=fg)
    img.save(out, optimize=True)


def main():
    if len(sys.argv) != 5:
        print(__doc__)
        return 2
    text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
    cols, rows = int(sys.argv[3]), int(sys.argv[4])
    render(parse(text, cols, rows), cols, rows, sys.argv[2])
    return 0


if __name__ == "__main__":
    sys.exit(main())
