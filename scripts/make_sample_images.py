#!/usr/bin/env python3
"""Create every image that the sample kits in ``sample_data/`` reference.

The images are flat vector-style illustrations drawn with Pillow only: no
network, no input files, fixed random seeds, so running the script twice
gives byte-identical files. Run it from anywhere, with no arguments::

    python scripts/make_sample_images.py

It writes, for each sample kit:

* ``images/photo.jpg``: an illustrated portrait (900 x 1100 JPEG);
* ``images/logos/*.png``: partner logos, a mark plus a wordmark on a
  transparent background;
* ``images/collabs/*.jpg``: stills of the sponsored content (1200 x 900 JPEG).

Everything is drawn at twice the final size and scaled down, which gives
smooth anti-aliased edges.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

from PIL import Image, ImageChops, ImageColor, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DATA = ROOT / "sample_data"

SS = 2  # supersampling factor
JPEG_QUALITY = 85

FONT_CANDIDATES = {
    "bold": [
        "/usr/share/fonts/opentype/inter/Inter-Bold.otf",
        "/usr/share/fonts/truetype/inter/Inter-Bold.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    ],
    "medium": [
        "/usr/share/fonts/opentype/inter/Inter-Medium.otf",
        "/usr/share/fonts/truetype/inter/Inter-Medium.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    ],
}


# --------------------------------------------------------------------------
# Drawing helpers
# --------------------------------------------------------------------------

Color = tuple[int, int, int]


def rgb(value: str | Color) -> Color:
    if isinstance(value, str):
        return ImageColor.getrgb(value)[:3]
    return value


def ellipse_points(cx, cy, rx, ry, angle=0.0, n=48):
    """Points of an ellipse rotated by ``angle`` degrees (for rotated shapes)."""
    a = math.radians(angle)
    ca, sa = math.cos(a), math.sin(a)
    pts = []
    for i in range(n):
        t = 2 * math.pi * i / n
        x, y = rx * math.cos(t), ry * math.sin(t)
        pts.append((cx + x * ca - y * sa, cy + x * sa + y * ca))
    return pts


def load_font(weight: str, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for path in FONT_CANDIDATES[weight]:
        if Path(path).exists():
            try:
                return ImageFont.truetype(path, size)
            except OSError:
                continue
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # very old Pillow
        return ImageFont.load_default()


class Pen:
    """An RGBA canvas drawn in final-size coordinates at ``SS`` times the size.

    Every shape is first drawn as a mask, so it can be blurred, made
    translucent, clipped to another shape or filled with a gradient.
    """

    def __init__(self, size, background=(0, 0, 0, 0)):
        self.size = size
        self.W, self.H = size[0] * SS, size[1] * SS
        if isinstance(background, str):
            background = (*rgb(background), 255)
        self.img = Image.new("RGBA", (self.W, self.H), background)

    # -- masks ------------------------------------------------------------
    def blank(self) -> Image.Image:
        return Image.new("L", (self.W, self.H), 0)

    @staticmethod
    def _s(seq):
        return [v * SS for v in seq]

    def _pts(self, pts):
        return [(x * SS, y * SS) for x, y in pts]

    def m_ellipse(self, box):
        m = self.blank()
        ImageDraw.Draw(m).ellipse(self._s(box), fill=255)
        return m

    def m_circle(self, cx, cy, r):
        return self.m_ellipse((cx - r, cy - r, cx + r, cy + r))

    def m_poly(self, pts):
        m = self.blank()
        ImageDraw.Draw(m).polygon(self._pts(pts), fill=255)
        return m

    def m_rrect(self, box, r):
        m = self.blank()
        ImageDraw.Draw(m).rounded_rectangle(self._s(box), radius=r * SS, fill=255)
        return m

    def m_pie(self, box, start, end):
        m = self.blank()
        ImageDraw.Draw(m).pieslice(self._s(box), start, end, fill=255)
        return m

    def m_chord(self, box, start, end):
        m = self.blank()
        ImageDraw.Draw(m).chord(self._s(box), start, end, fill=255)
        return m

    def m_arc(self, box, start, end, width):
        m = self.blank()
        ImageDraw.Draw(m).arc(self._s(box), start, end, fill=255, width=round(width * SS))
        return m

    def m_line(self, pts, width, round_caps=True):
        m = self.blank()
        d = ImageDraw.Draw(m)
        spts = self._pts(pts)
        w = round(width * SS)
        d.line(spts, fill=255, width=w, joint="curve")
        if round_caps:
            for x, y in (spts[0], spts[-1]):
                d.ellipse((x - w / 2, y - w / 2, x + w / 2, y + w / 2), fill=255)
        return m

    @staticmethod
    def union(*masks):
        out = masks[0]
        for m in masks[1:]:
            out = ImageChops.lighter(out, m)
        return out

    @staticmethod
    def intersect(a, b):
        return ImageChops.multiply(a, b)

    @staticmethod
    def minus(a, b):
        return ImageChops.subtract(a, b)

    # -- gradients --------------------------------------------------------
    def gradient(self, c1, c2, box=None, direction="v"):
        """A full-canvas RGBA image going from c1 to c2 across ``box``."""
        x0, y0, x1, y1 = self._s(box) if box else (0, 0, self.W, self.H)
        ramp = Image.linear_gradient("L")
        if direction == "h":
            ramp = ramp.transpose(Image.Transpose.ROTATE_90).transpose(
                Image.Transpose.FLIP_LEFT_RIGHT
            )
            full = Image.new("L", (self.W, self.H), 0)
            full.paste(ramp.resize((max(1, round(x1 - x0)), self.H)), (round(x0), 0))
            full.paste(255, (round(x1), 0, self.W, self.H))
        else:
            full = Image.new("L", (self.W, self.H), 0)
            full.paste(ramp.resize((self.W, max(1, round(y1 - y0)))), (0, round(y0)))
            full.paste(255, (0, round(y1), self.W, self.H))
        return Image.composite(
            Image.new("RGBA", (self.W, self.H), (*rgb(c2), 255)),
            Image.new("RGBA", (self.W, self.H), (*rgb(c1), 255)),
            full,
        )

    def radial(self, c_inner, c_outer, box):
        """Radial gradient: c_inner at the centre of ``box``, c_outer at its edge."""
        x0, y0, x1, y1 = (round(v) for v in self._s(box))
        ramp = Image.radial_gradient("L").point(lambda v: min(255, round(v * 255 / 181)))
        full = Image.new("L", (self.W, self.H), 255)
        full.paste(ramp.resize((max(1, x1 - x0), max(1, y1 - y0))), (x0, y0))
        return Image.composite(
            Image.new("RGBA", (self.W, self.H), (*rgb(c_outer), 255)),
            Image.new("RGBA", (self.W, self.H), (*rgb(c_inner), 255)),
            full,
        )

    # -- painting ---------------------------------------------------------
    def paint(self, mask, color=None, *, alpha=255, blur=0, clip=None, source=None):
        """Composite ``color`` (or a ``source`` image) through ``mask``."""
        if blur:
            mask = mask.filter(ImageFilter.GaussianBlur(blur * SS))
        if alpha < 255:
            mask = mask.point(lambda v: v * alpha // 255)
        if clip is not None:
            mask = ImageChops.multiply(mask, clip)
        if source is None:
            source = Image.new("RGBA", (self.W, self.H), (*rgb(color), 255))
        layer = source.copy()
        layer.putalpha(ImageChops.multiply(mask, source.getchannel("A")))
        self.img.alpha_composite(layer)
        return mask

    def fill_all(self, source):
        self.img.alpha_composite(source)

    def shadow(self, mask, offset=(0, 12), blur=18, alpha=90, color="#000000", clip=None):
        shifted = self.blank()  # a plain shift: ImageChops.offset would wrap around
        shifted.paste(mask, (offset[0] * SS, offset[1] * SS))
        self.paint(shifted, color, alpha=alpha, blur=blur, clip=clip)

    def text(self, xy, text, font, color, spacing=0):
        """Draw text at final-size ``xy`` with ``font`` sized for the SS canvas."""
        d = ImageDraw.Draw(self.img)
        x, y = xy[0] * SS, xy[1] * SS
        if not spacing:
            d.text((x, y), text, font=font, fill=(*rgb(color), 255))
            return
        for ch in text:
            d.text((x, y), ch, font=font, fill=(*rgb(color), 255))
            x += d.textlength(ch, font=font) + spacing * SS

    def result(self) -> Image.Image:
        return self.img.resize(self.size, Image.Resampling.LANCZOS)


def save_jpeg(img: Image.Image, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    img.convert("RGB").save(path, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)


def save_png(img: Image.Image, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, "PNG", optimize=True)


# --------------------------------------------------------------------------
# Reusable motifs
# --------------------------------------------------------------------------


def wheat_sprig(pen: Pen, base, length, angle, color, alpha=255, grain=1.0, clip=None):
    """A wheat ear: a stem with pairs of grains, pointing at ``angle`` degrees
    (0 = straight up, positive = leaning right)."""
    a = math.radians(angle)
    dx, dy = math.sin(a), -math.cos(a)
    bx, by = base
    tip = (bx + dx * length, by + dy * length)
    masks = [pen.m_line([base, tip], width=max(2.0, 5 * grain))]
    n = 6
    for i in range(n):
        t = 0.45 + 0.5 * i / n
        px, py = bx + dx * length * t, by + dy * length * t
        size = 1.0 - 0.35 * (i / n)
        for side in (-1, 1):
            ga = angle + side * 32
            gr = math.radians(ga)
            off = 14 * grain * size
            cx = px + math.sin(gr) * off
            cy = py - math.cos(gr) * off
            masks.append(
                pen.m_poly(ellipse_points(cx, cy, 8 * grain * size, 17 * grain * size, ga))
            )
    masks.append(pen.m_poly(ellipse_points(tip[0], tip[1], 7 * grain, 16 * grain, angle)))
    pen.paint(Pen.union(*masks), color, alpha=alpha, clip=clip)


def mountains(pen: Pen, baseline, peaks, color, alpha=255, snow=None):
    """A ridge through ``peaks`` [(x, y), ...] closed down to ``baseline``."""
    pts = [(-20, baseline), *list(peaks), (pen.size[0] + 20, baseline)]
    ridge = pen.m_poly([*pts, (pen.size[0] + 20, pen.size[1] + 20), (-20, pen.size[1] + 20)])
    pen.paint(ridge, color, alpha=alpha)
    if snow:
        caps = []
        for x, y in peaks:
            if y < snow[1]:
                caps.append(
                    pen.m_poly(
                        [
                            (x, y),
                            (x - 34, y + 40),
                            (x - 12, y + 32),
                            (x + 4, y + 46),
                            (x + 36, y + 38),
                        ]
                    )
                )
        if caps:
            pen.paint(Pen.union(*caps), snow[0], alpha=230, clip=ridge)
    return ridge


def pine(pen: Pen, x, ground, height, color, alpha=255):
    w = height * 0.42
    masks = [pen.m_rrect((x - 4, ground - height * 0.18, x + 4, ground), 2)]
    for i in range(3):
        top = ground - height + i * height * 0.26
        bottom = top + height * 0.42
        half = w * (0.55 + 0.22 * i)
        masks.append(pen.m_poly([(x, top), (x - half, bottom), (x + half, bottom)]))
    pen.paint(Pen.union(*masks), color, alpha=alpha)


# --------------------------------------------------------------------------
# Portraits
# --------------------------------------------------------------------------

PORTRAIT_SIZE = (900, 1100)


def face(pen, head, skin_dark, brow, mouth_dark="#5A1F1A", teeth=True, blush=None, lashes=True):
    """Eyes, brows, nose, smile and cheeks on a head centred at x = 450."""
    ink = rgb(brow)
    for cx in (392, 508):
        eye = pen.m_ellipse((cx - 13, 470, cx + 13, 500))
        pen.paint(eye, "#24160F")
        pen.paint(pen.m_circle(cx + 4, 479, 4.5), "#FFFFFF", alpha=230)
        side = -1 if cx < 450 else 1
        if lashes:
            pen.paint(
                pen.m_line([(cx + side * 10, 474), (cx + side * 20, 466)], width=4), "#24160F"
            )
        pen.paint(pen.m_arc((cx - 30, 437, cx + 30, 475), 205, 335, width=9), ink)
    pen.paint(pen.m_arc((430, 500, 470, 548), 25, 155, width=5), skin_dark, alpha=200)
    if blush:
        for cx in (362, 538):
            pen.paint(
                pen.m_ellipse((cx - 34, 528, cx + 34, 566)), blush, alpha=95, blur=10, clip=head
            )
    smile = pen.m_pie((404, 548, 496, 612), 0, 180)
    pen.paint(smile, mouth_dark)
    if teeth:
        pen.paint(pen.m_rrect((410, 574, 490, 588), 4), "#FFFFFF", clip=smile)
    pen.paint(pen.m_ellipse((428, 592, 472, 624)), "#C8605A", clip=smile)


def portrait_maya(path: Path) -> None:
    pen = Pen(PORTRAIT_SIZE)
    accent = "#B5542D"
    skin, skin_shade, skin_light = "#8A5434", "#6B3D24", "#A56B47"
    hair = "#24150F"

    pen.fill_all(pen.gradient("#F9EBDD", "#E6A07C"))
    pen.paint(pen.m_circle(450, 520, 380), "#F4D2B8", alpha=200)
    pen.paint(pen.m_circle(450, 430, 330), "#FFF6EC", alpha=120, blur=60)
    for base, length, angle in [
        ((90, 1040), 330, -14),
        ((150, 1060), 290, 8),
        ((820, 440), 260, 18),
        ((770, 470), 230, -6),
    ]:
        wheat_sprig(pen, base, length, angle, "#FFF3E4", alpha=150, grain=1.25)

    # hair, back: a soft cloud of curls
    cloud = [pen.m_circle(450, 400, 220)]
    for k in range(11):
        t = math.pi * (0.95 + 1.1 * k / 10)
        cloud.append(pen.m_circle(450 + 215 * math.cos(t), 420 + 200 * math.sin(t), 92))
    cloud.append(pen.m_circle(270, 520, 80))
    cloud.append(pen.m_circle(630, 520, 80))
    hair_back = Pen.union(*cloud)
    pen.shadow(hair_back, offset=(0, 14), blur=24, alpha=60, color="#6E3A22")
    pen.paint(hair_back, hair)
    # curl texture
    rng = random.Random(7)
    curls = []
    for _ in range(70):
        x, y = rng.uniform(230, 670), rng.uniform(170, 600)
        r = rng.uniform(14, 26)
        curls.append(
            pen.m_arc((x - r, y - r, x + r, y + r), rng.uniform(0, 360), rng.uniform(0, 360), 4)
        )
    pen.paint(Pen.union(*curls), "#3D261B", alpha=120, clip=hair_back)

    # body: teal jumper with a linen apron
    body = pen.m_ellipse((95, 715, 805, 1380))
    pen.shadow(body, offset=(0, -6), blur=30, alpha=50, color="#6E3A22")
    pen.paint(body, "#2F5D62")
    pen.paint(pen.m_ellipse((160, 750, 520, 1050)), "#3E727A", alpha=110, blur=40, clip=body)
    neck = pen.m_rrect((388, 590, 512, 768), 60)
    pen.paint(neck, skin)
    pen.paint(pen.m_ellipse((365, 580, 535, 690)), skin_shade, alpha=160, blur=8, clip=neck)
    pen.paint(pen.m_arc((372, 668, 528, 788), 10, 170, width=16), "#24494D")
    bib = pen.m_poly([(322, 860), (578, 860), (606, 1120), (294, 1120)])
    pen.shadow(bib, offset=(0, 8), blur=12, alpha=60, clip=body)
    pen.paint(bib, "#F1E6D4", clip=body)
    pen.paint(pen.m_rrect((372, 950, 528, 1040), 10), "#E3D4BC", clip=bib)
    pen.paint(pen.m_line([(372, 950), (528, 950)], width=4), "#CDB999")
    for x0, x1 in ((335, 292), (565, 608)):
        pen.paint(pen.m_line([(x0, 865), (x1, 730)], width=22, round_caps=False), accent, clip=body)
    wheat_sprig(pen, (450, 1025), 70, 0, accent, grain=0.45, clip=bib)

    # ears and earrings
    for x in (300, 600):
        pen.paint(pen.m_ellipse((x - 22, 448, x + 22, 530)), skin_shade)
        pen.paint(pen.m_arc((x - 17, 512, x + 17, 562), 0, 360, width=5), "#E2B24C")

    # head
    head = pen.m_ellipse((300, 292, 600, 668))
    pen.paint(head, skin)
    pen.paint(pen.m_ellipse((330, 330, 560, 560)), skin_light, alpha=110, blur=40, clip=head)
    pen.paint(pen.m_ellipse((300, 600, 600, 760)), skin_shade, alpha=80, blur=25, clip=head)
    face(pen, head, skin_shade, hair, blush="#C95B4A")

    # hair, front: a crescent hairline and a headband
    cap = pen.m_ellipse((286, 240, 614, 470))
    forehead = pen.m_ellipse((322, 356, 578, 640))
    pen.paint(Pen.minus(cap, forehead), hair)
    pen.paint(pen.m_arc((296, 262, 604, 520), 196, 344, width=30), accent)
    pen.paint(pen.m_arc((296, 262, 604, 520), 206, 250, width=8), "#D27750", alpha=160)

    save_jpeg(pen.result(), path)


def portrait_tomas(path: Path) -> None:
    pen = Pen(PORTRAIT_SIZE)
    skin, skin_shade, skin_light = "#C98D62", "#A86F49", "#DDA57A"
    hair = "#2E1E16"

    pen.fill_all(pen.gradient("#E4F0F2", "#8DB8BC"))
    pen.paint(pen.m_circle(690, 230, 95), "#FBE7B9", alpha=220)
    pen.paint(pen.m_circle(690, 230, 150), "#FFF5DC", alpha=90, blur=40)
    mountains(
        pen,
        1100,
        [(0, 640), (140, 520), (260, 600), (400, 430), (560, 590), (700, 470), (900, 610)],
        "#B5D1D3",
        snow=("#F4FAFB", 500),
    )
    mountains(
        pen, 1100, [(0, 760), (160, 660), (330, 730), (520, 640), (700, 720), (900, 650)], "#7FA7AB"
    )
    rng = random.Random(11)
    for x in list(range(20, 900, 38)):
        if 230 < x < 670:
            continue
        pine(
            pen,
            x + rng.uniform(-8, 8),
            900 + rng.uniform(-10, 30),
            rng.uniform(110, 170),
            "#4F7C78",
        )

    # body: red flannel shirt, backpack straps
    body = pen.m_ellipse((90, 715, 810, 1380))
    pen.shadow(body, offset=(0, -6), blur=30, alpha=50, color="#2D4A4C")
    pen.paint(body, "#B5473B")
    plaid = []
    for x in range(110, 800, 70):
        plaid.append(pen.m_rrect((x, 700, x + 24, 1100), 0))
    for y in range(745, 1100, 70):
        plaid.append(pen.m_rrect((90, y, 810, y + 24), 0))
    pen.paint(Pen.union(*plaid), "#7E2C25", alpha=110, clip=body)
    thin = [pen.m_rrect((x + 40, 700, x + 44, 1100), 0) for x in range(110, 800, 70)]
    thin += [pen.m_rrect((90, y + 40, 810, y + 44), 0) for y in range(745, 1100, 70)]
    pen.paint(Pen.union(*thin), "#E8B9A6", alpha=120, clip=body)
    neck = pen.m_rrect((390, 590, 510, 780), 56)
    pen.paint(pen.m_poly([(380, 710), (520, 710), (450, 850)]), "#5C6B70", clip=body)  # tee
    pen.paint(neck, skin)
    pen.paint(pen.m_ellipse((365, 580, 535, 700)), skin_shade, alpha=170, blur=8, clip=neck)
    for pts in (
        [(450, 855), (368, 718), (326, 748), (392, 870)],
        [(450, 855), (532, 718), (574, 748), (508, 870)],
    ):
        collar = pen.m_poly(pts)
        pen.shadow(collar, offset=(0, 6), blur=6, alpha=70, clip=body)
        pen.paint(collar, "#C65A4D", clip=body)
    straps = []
    for x_top, x_bot in ((280, 250), (620, 650)):
        straps.append(
            pen.m_poly(
                [(x_top - 42, 735), (x_top + 42, 745), (x_bot + 40, 1110), (x_bot - 40, 1110)]
            )
        )
    strap_mask = Pen.union(*straps)
    pen.shadow(strap_mask, offset=(0, 6), blur=8, alpha=80, clip=body)
    pen.paint(strap_mask, "#2F3B40", clip=body)
    pen.paint(pen.m_rrect((265, 960, 635, 984), 8), "#2F3B40", clip=body)
    pen.paint(pen.m_rrect((425, 950, 475, 994), 8), "#E0A43A")

    # ears
    for x in (300, 600):
        pen.paint(pen.m_ellipse((x - 22, 450, x + 22, 532)), skin_shade)

    # head, beard and face
    head = pen.m_ellipse((300, 300, 600, 668))
    pen.paint(head, skin)
    pen.paint(pen.m_ellipse((330, 340, 560, 560)), skin_light, alpha=100, blur=40, clip=head)
    beard = Pen.minus(pen.m_ellipse((292, 400, 608, 690)), pen.m_ellipse((318, 300, 582, 606)))
    pen.paint(beard, hair, alpha=225, clip=head)
    face(pen, head, skin_shade, hair, mouth_dark="#4A1C17", lashes=False)
    moustache = Pen.minus(pen.m_ellipse((396, 546, 504, 584)), pen.m_ellipse((414, 562, 486, 600)))
    pen.paint(moustache, hair)

    # sideburns and a beanie
    for x0 in (302, 568):
        pen.paint(pen.m_rrect((x0, 392, x0 + 30, 470), 10), hair, clip=head)
    beanie = pen.m_chord((282, 205, 618, 555), 180, 360)
    pen.shadow(beanie, offset=(0, 10), blur=10, alpha=70, clip=head)
    pen.paint(beanie, "#E0A43A")
    pen.paint(pen.m_ellipse((330, 230, 470, 330)), "#F0C06A", alpha=120, blur=20, clip=beanie)
    band = pen.m_rrect((276, 352, 624, 418), 26)
    pen.paint(band, "#C9882A")
    pen.paint(
        Pen.union(*[pen.m_rrect((x, 352, x + 6, 418), 0) for x in range(292, 620, 18)]),
        "#A9701F",
        alpha=150,
        clip=band,
    )
    pen.paint(pen.m_circle(450, 198, 34), "#F3E3C3")

    save_jpeg(pen.result(), path)


# --------------------------------------------------------------------------
# Logos
# --------------------------------------------------------------------------

LOGO_MARK = 200  # the mark is a square of this size, at final resolution


def logo(path: Path, name: str, sub: str, ink: str, sub_ink: str, draw_mark) -> None:
    pen = Pen((1100, 240))
    draw_mark(pen, (20, 20, 20 + LOGO_MARK, 20 + LOGO_MARK))
    name_font = load_font("bold", 68 * SS)
    sub_font = load_font("medium", 22 * SS)
    pen.text((250, 52), name, name_font, ink)
    pen.text((252, 146), sub.upper(), sub_font, sub_ink, spacing=4)
    img = pen.result()
    box = img.getchannel("A").getbbox()
    assert box is not None, "the logo drew nothing"
    left, top, right, bottom = box
    pad = 12
    img = img.crop((max(0, left - pad), max(0, top - pad), right + pad, bottom + pad))
    save_png(img, path)


def mark_mill(pen, box):
    x0, y0, x1, y1 = box
    cx, cy, r = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2
    disc = pen.m_circle(cx, cy, r)
    pen.paint(disc, "#C8962E")
    pen.paint(
        pen.m_arc((x0 + 12, y0 + 12, x1 - 12, y1 - 12), 0, 360, width=4), "#F7E7C4", alpha=200
    )
    for angle in (-22, 0, 22):
        wheat_sprig(pen, (cx, cy + 70), 125, angle, "#FFFFFF", grain=0.95, clip=disc)


def mark_hearth(pen, box):
    x0, y0, x1, y1 = box
    tile = pen.m_rrect(box, 44)
    pen.paint(tile, "#2B2A2E")
    cx = (x0 + x1) / 2
    flame = pen.m_poly(
        [
            (cx, y0 + 32),
            (cx + 48, y0 + 100),
            (cx + 52, y0 + 130),
            (cx + 38, y0 + 152),
            (cx, y0 + 160),
            (cx - 38, y0 + 152),
            (cx - 52, y0 + 130),
            (cx - 44, y0 + 96),
            (cx - 22, y0 + 110),
        ]
    )
    pen.paint(pen.union(flame, pen.m_circle(cx, y0 + 128, 48)), "#E2693A")
    pen.paint(
        pen.union(
            pen.m_poly([(cx + 4, y0 + 84), (cx + 28, y0 + 130), (cx - 24, y0 + 130)]),
            pen.m_circle(cx + 2, y0 + 136, 25),
        ),
        "#F7B34C",
    )
    pen.paint(pen.m_rrect((x0 + 38, y1 - 34, x1 - 38, y1 - 24), 5), "#F1E6D4")


def mark_coffee(pen, box):
    x0, y0, x1, y1 = box
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    disc = pen.m_circle(cx, cy, (x1 - x0) / 2)
    pen.paint(disc, "#F0E2CF")
    bean = pen.m_poly(ellipse_points(cx, cy, 54, 78, 28))
    pen.paint(bean, "#5B3A29")
    crease = pen.m_line(
        [(cx - 20, cy - 62), (cx + 8, cy - 20), (cx - 8, cy + 20), (cx + 20, cy + 62)], width=9
    )
    pen.paint(crease, "#F0E2CF", clip=bean)


def mark_ridgeline(pen, box):
    x0, y0, x1, y1 = box
    tile = pen.m_circle((x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2)
    pen.paint(tile, "#2E5E4E")
    back = pen.m_poly([(x0 + 10, y1 - 50), (x0 + 120, y0 + 62), (x1 - 10, y1 - 50)])
    pen.paint(back, "#8FB8A2", clip=tile)
    front = pen.m_poly([(x0 - 10, y1 - 50), (x0 + 72, y0 + 92), (x0 + 150, y1 - 50)])
    pen.paint(front, "#F4F1E8", clip=tile)
    pen.paint(pen.m_rrect((x0, y1 - 56, x1, y1), 0), "#2E5E4E", clip=tile)
    pen.paint(pen.m_line([(x0 + 40, y1 - 38), (x1 - 40, y1 - 38)], width=6), "#F4F1E8", clip=tile)


def mark_switchback(pen, box):
    x0, y0, _x1, y1 = box
    tile = pen.m_rrect(box, 100)
    pen.paint(tile, "#E8743B")
    zig = [
        (x0 + 40, y1 - 45),
        (x0 + 160, y1 - 75),
        (x0 + 50, y0 + 100),
        (x0 + 150, y0 + 70),
        (x0 + 95, y0 + 40),
    ]
    pen.paint(pen.m_line(zig, width=16), "#FFFFFF", clip=tile)
    pen.paint(pen.m_circle(x0 + 95, y0 + 40, 14), "#FFFFFF", clip=tile)


# --------------------------------------------------------------------------
# Collaboration stills
# --------------------------------------------------------------------------

STILL_SIZE = (1200, 900)


def loaf_shape(pen, cx, base_y, w, h):
    """A batard in profile: a dome with a gently rounded base."""
    pts = []
    for i in range(61):
        t = math.pi * i / 60
        x = cx - math.cos(t) * w / 2
        y = base_y - math.sin(t) ** 0.8 * h
        pts.append((x, y))
    pts += [(cx + w / 2 - 30, base_y + 14), (cx - w / 2 + 30, base_y + 14)]
    return pen.m_poly(pts)


def still_loaf(path: Path) -> None:
    pen = Pen(STILL_SIZE)
    pen.fill_all(pen.gradient("#F6EBDD", "#E9D3B9", box=(0, 0, 1200, 560)))
    pen.paint(pen.m_circle(300, 180, 320), "#FFF8EF", alpha=160, blur=80)
    # table with planks
    table = pen.m_rrect((-10, 560, 1210, 910), 0)
    pen.paint(table, None, source=pen.gradient("#B07A4C", "#8A5A36", box=(0, 560, 1200, 900)))
    for y in (650, 760, 860):
        pen.paint(pen.m_rrect((-10, y, 1210, y + 4), 0), "#6E4526", alpha=120)
    # wheat in a jar
    jar = pen.m_rrect((890, 300, 1030, 580), 30)
    for base, length, angle in [
        ((955, 330), 250, -18),
        ((960, 330), 270, -4),
        ((965, 330), 255, 10),
        ((958, 330), 230, 22),
    ]:
        pen.paint(pen.m_line([base, (base[0], 560)], width=5), "#C79A4A")
        wheat_sprig(pen, base, length, angle, "#D6A650", grain=1.1)
    pen.shadow(jar, offset=(10, 14), blur=14, alpha=70)
    pen.paint(jar, "#DCE7E4", alpha=150)
    pen.paint(pen.m_rrect((905, 320, 925, 560), 10), "#FFFFFF", alpha=120)
    # linen cloth
    cloth = pen.m_poly([(60, 610), (420, 590), (470, 880), (30, 900)])
    pen.shadow(cloth, offset=(6, 10), blur=10, alpha=60)
    pen.paint(cloth, "#EFE6D8")
    for k in range(4):
        pen.paint(
            pen.m_line([(70 + k * 8, 650 + k * 22), (430 + k * 4, 632 + k * 22)], width=4),
            "#C2563A",
            alpha=170,
            clip=cloth,
        )
    # board and loaf
    board = pen.m_rrect((210, 620, 990, 760), 40)
    handle = pen.m_rrect((960, 660, 1110, 720), 30)
    board_all = Pen.union(board, handle)
    pen.shadow(board_all, offset=(0, 22), blur=22, alpha=110)
    pen.paint(board_all, None, source=pen.gradient("#E2B989", "#C89461", box=(0, 620, 1200, 760)))
    pen.paint(pen.m_circle(1080, 690, 12), "#8A5A36")
    pen.paint(pen.m_rrect((210, 620, 990, 640), 20), "#F0CFA4", alpha=160, clip=board)
    loaf = loaf_shape(pen, 590, 662, 600, 260)
    pen.shadow(loaf, offset=(0, 10), blur=12, alpha=120)
    pen.paint(loaf, None, source=pen.radial("#E2A15A", "#8E4E22", (300, 350, 880, 900)))
    pen.paint(pen.m_ellipse((380, 420, 700, 600)), "#F0B979", alpha=120, blur=40, clip=loaf)
    # the ear: an open score along the top
    score = pen.m_poly(
        [
            (380, 512),
            (450, 450),
            (560, 412),
            (680, 414),
            (780, 462),
            (800, 487),
            (760, 472),
            (660, 444),
            (560, 446),
            (460, 480),
        ]
    )
    pen.paint(score, "#F3D8A8", clip=loaf)
    pen.paint(
        pen.m_line(
            [(385, 510), (460, 480), (560, 446), (660, 444), (760, 472), (798, 487)], width=10
        ),
        "#6B3517",
        alpha=200,
        clip=loaf,
    )
    # flour dusting
    rng = random.Random(42)
    flour = pen.blank()
    d = ImageDraw.Draw(flour)
    for _ in range(900):
        cx, cy = rng.gauss(600, 130), rng.gauss(500, 55)
        r = rng.uniform(1.0, 3.2) * SS
        d.ellipse((cx * SS - r, cy * SS - r, cx * SS + r, cy * SS + r), fill=255)
    pen.paint(flour, "#FFF9F0", alpha=170, clip=loaf)
    dust = pen.blank()
    d = ImageDraw.Draw(dust)
    for _ in range(260):
        cx, cy = rng.uniform(240, 960), rng.uniform(630, 750)
        r = rng.uniform(1.0, 2.6) * SS
        d.ellipse((cx * SS - r, cy * SS - r, cx * SS + r, cy * SS + r), fill=255)
    pen.paint(dust, "#FFF9F0", alpha=140, clip=board)
    save_jpeg(pen.result(), path)


def still_dutch_oven(path: Path) -> None:
    pen = Pen(STILL_SIZE)
    pen.fill_all(pen.gradient("#3A3236", "#1F1B1E"))
    pen.paint(pen.m_circle(600, 300, 420), "#6A4B44", alpha=120, blur=90)
    # tiled wall
    grout = [pen.m_rrect((0, y, 1200, y + 3), 0) for y in range(0, 600, 90)]
    for row, y in enumerate(range(0, 600, 90)):
        for x in range(90 * (row % 2), 1200, 180):
            grout.append(pen.m_rrect((x, y, x + 3, y + 90), 0))
    pen.paint(Pen.union(*grout), "#FFFFFF", alpha=18)
    # bench top
    bench = pen.m_rrect((-10, 600, 1210, 910), 0)
    pen.paint(bench, None, source=pen.gradient("#B7A99C", "#8D8075", box=(0, 600, 1200, 900)))
    pen.paint(pen.m_rrect((-10, 600, 1210, 608), 0), "#D9CCBF", alpha=200)
    # lid leaning at the back right
    lid = pen.m_ellipse((760, 330, 1130, 520))
    pen.shadow(lid, offset=(10, 16), blur=16, alpha=120)
    pen.paint(lid, None, source=pen.radial("#C9473B", "#7C1F1A", (760, 300, 1130, 560)))
    pen.paint(pen.m_ellipse((800, 350, 1040, 440)), "#E6776A", alpha=100, blur=20, clip=lid)
    pen.paint(pen.m_rrect((915, 405, 975, 445), 18), "#2A2426")
    # pot body
    pot = pen.m_rrect((250, 420, 830, 770), 110)
    rim = pen.m_ellipse((250, 380, 830, 480))
    handles = Pen.union(
        pen.m_rrect((200, 470, 280, 520), 22), pen.m_rrect((800, 470, 880, 520), 22)
    )
    pen.shadow(Pen.union(pot, handles), offset=(0, 24), blur=24, alpha=150)
    pen.paint(handles, "#8C241E")
    pen.paint(pot, None, source=pen.gradient("#C6423A", "#7A1E19", box=(250, 420, 830, 770)))
    pen.paint(pen.m_ellipse((290, 430, 520, 700)), "#E3685C", alpha=90, blur=40, clip=pot)
    pen.paint(rim, "#2A2426")
    pen.paint(pen.m_arc((250, 380, 830, 480), 180, 360, width=10), "#9E2D25")  # back edge
    # a loaf inside, hidden by the front wall of the pot
    wall = Pen.minus(pot, rim)
    bread = Pen.minus(loaf_shape(pen, 540, 450, 400, 125), wall)
    pen.paint(bread, None, source=pen.radial("#E7A866", "#9A5528", (340, 300, 740, 560)))
    pen.paint(pen.m_ellipse((420, 330, 600, 400)), "#F2BE7E", alpha=130, blur=16, clip=bread)
    pen.paint(
        pen.m_line([(450, 372), (540, 356), (640, 380)], width=12), "#F4D7A6", alpha=230, clip=bread
    )
    pen.paint(pen.m_line([(540, 330), (548, 395)], width=10), "#F4D7A6", alpha=200, clip=bread)
    pen.paint(pen.m_arc((250, 380, 830, 480), 0, 180, width=10), "#9E2D25")  # front edge
    # steam
    steam = []
    for x0, phase in ((460, 0.0), (560, 1.6), (650, 3.1)):
        pts = [(x0 + 26 * math.sin(phase + t / 28), 320 - t) for t in range(0, 240, 6)]
        steam.append(pen.m_line(pts, width=16))
    pen.paint(Pen.union(*steam), "#FFFFFF", alpha=80, blur=7)
    # folded tea towel
    towel = pen.m_rrect((40, 700, 200, 860), 10)
    pen.shadow(towel, offset=(6, 12), blur=12, alpha=110)
    pen.paint(towel, "#E8DCCB")
    for y in (730, 748):
        pen.paint(pen.m_rrect((40, y, 200, y + 8), 0), "#B5542D", clip=towel)
    save_jpeg(pen.result(), path)


def still_coffee(path: Path) -> None:
    """Top-down: flat white and buttered sourdough toast on a stone table."""
    pen = Pen(STILL_SIZE)
    pen.fill_all(pen.radial("#E6E1DA", "#BDB5AB", (-200, -300, 1400, 1200)))
    # napkin
    napkin = pen.m_poly([(90, 120), (520, 60), (580, 520), (130, 580)])
    pen.shadow(napkin, offset=(6, 10), blur=12, alpha=50)
    pen.paint(napkin, "#D9C3A5")
    pen.paint(pen.m_line([(120, 170), (530, 112)], width=6), "#B5542D", alpha=200, clip=napkin)
    # plate and toast
    plate = pen.m_circle(370, 420, 250)
    pen.shadow(plate, offset=(10, 18), blur=18, alpha=90)
    pen.paint(plate, "#FAF8F4")
    pen.paint(pen.m_arc((150, 200, 590, 640), 0, 360, width=6), "#E4DED4")
    toast_pts = ellipse_points(370, 430, 175, 140, -12, n=60)
    crust = pen.m_poly(toast_pts)
    pen.shadow(crust, offset=(4, 8), blur=8, alpha=70)
    pen.paint(crust, "#9B5A2A")
    crumb = pen.m_poly(ellipse_points(368, 428, 150, 116, -12, n=60))
    pen.paint(crumb, None, source=pen.radial("#F2C98A", "#D79A55", (200, 300, 540, 560)))
    rng = random.Random(3)
    holes = pen.blank()
    d = ImageDraw.Draw(holes)
    for _ in range(90):
        x, y = rng.gauss(368, 70), rng.gauss(428, 55)
        rx, ry = rng.uniform(3, 12) * SS, rng.uniform(2, 7) * SS
        d.ellipse((x * SS - rx, y * SS - ry, x * SS + rx, y * SS + ry), fill=255)
    pen.paint(holes, "#B9773D", alpha=150, clip=crumb)
    butter = pen.m_poly([(330, 380), (420, 365), (432, 440), (342, 456)])
    pen.paint(butter, "#FBE7A6")
    pen.paint(pen.m_poly([(330, 380), (420, 365), (424, 390), (334, 404)]), "#FFF4CC", clip=butter)
    # saucer, cup and latte art
    saucer = pen.m_circle(830, 520, 215)
    pen.shadow(saucer, offset=(10, 18), blur=18, alpha=90)
    pen.paint(saucer, "#2F4F58")
    pen.paint(pen.m_arc((635, 325, 1025, 715), 0, 360, width=8), "#3E6670")
    handle = pen.m_rrect((960, 470, 1060, 530), 28)
    pen.paint(handle, "#F4F1EC")
    cup = pen.m_circle(830, 500, 150)
    pen.shadow(cup, offset=(6, 12), blur=12, alpha=100)
    pen.paint(cup, "#F4F1EC")
    coffee = pen.m_circle(830, 500, 122)
    pen.paint(coffee, None, source=pen.radial("#B87D4B", "#6A3E22", (708, 378, 952, 622)))
    heart = Pen.union(
        pen.m_circle(800, 478, 42),
        pen.m_circle(860, 478, 42),
        pen.m_poly([(762, 492), (898, 492), (830, 572)]),
    )
    pen.paint(heart, "#F6E6CF", blur=1)
    pen.paint(
        pen.m_circle(830, 500, 122),
        "#3A2114",
        alpha=60,
        clip=Pen.minus(pen.m_circle(830, 500, 122), pen.m_circle(830, 500, 108)),
    )
    # scattered beans and a spoon
    for _k in range(9):
        bx, by = rng.uniform(640, 1150), rng.uniform(60, 260)
        ang = rng.uniform(0, 180)
        bean = pen.m_poly(ellipse_points(bx, by, 14, 20, ang))
        pen.shadow(bean, offset=(2, 4), blur=3, alpha=80)
        pen.paint(bean, "#4E2F1F")
        a = math.radians(ang)
        pen.paint(
            pen.m_line(
                [
                    (bx - 14 * math.sin(a), by + 14 * math.cos(a)),
                    (bx + 14 * math.sin(a), by - 14 * math.cos(a)),
                ],
                width=3,
            ),
            "#2C1A11",
            clip=bean,
        )
    spoon = Pen.union(
        pen.m_poly(ellipse_points(700, 760, 22, 34, -60)),
        pen.m_line([(720, 748), (880, 660)], width=12),
    )
    pen.shadow(spoon, offset=(4, 8), blur=6, alpha=80)
    pen.paint(spoon, "#C9C6C1")
    save_jpeg(pen.result(), path)


def still_trail(path: Path) -> None:
    """A daypack on a rock above a mountain trail."""
    pen = Pen(STILL_SIZE)
    pen.fill_all(pen.gradient("#F6D9B0", "#9CC5CF", box=(0, 0, 1200, 520)))
    pen.paint(pen.m_circle(860, 250, 70), "#FFF4D8")
    pen.paint(pen.m_circle(860, 250, 140), "#FFE8B8", alpha=100, blur=40)
    mountains(
        pen,
        900,
        [
            (0, 430),
            (180, 300),
            (330, 380),
            (520, 220),
            (700, 360),
            (880, 280),
            (1060, 350),
            (1200, 300),
        ],
        "#9DB7C4",
        snow=("#F7FBFC", 300),
    )
    mountains(
        pen, 900, [(0, 520), (220, 420), (420, 500), (640, 400), (860, 490), (1200, 420)], "#6F9288"
    )
    rng = random.Random(21)
    for x in range(10, 1200, 34):
        pine(
            pen,
            x + rng.uniform(-10, 10),
            600 + rng.uniform(-20, 20),
            rng.uniform(90, 150),
            "#3F6B5B",
        )
    meadow = pen.m_poly([(0, 580), (400, 560), (800, 590), (1200, 560), (1200, 900), (0, 900)])
    pen.paint(meadow, None, source=pen.gradient("#8DB26A", "#5E8A4A", box=(0, 560, 1200, 900)))
    trail = pen.m_poly(
        [
            (560, 575),
            (600, 575),
            (700, 680),
            (660, 760),
            (820, 900),
            (470, 900),
            (560, 760),
            (520, 680),
        ]
    )
    pen.paint(trail, "#D8C29A")
    pen.paint(
        pen.m_poly(
            [
                (585, 575),
                (600, 575),
                (690, 680),
                (650, 760),
                (780, 900),
                (720, 900),
                (600, 760),
                (640, 680),
            ]
        ),
        "#E9D8B5",
        alpha=140,
        clip=trail,
    )
    # rock and pack
    rock = pen.m_poly([(120, 900), (150, 760), (260, 700), (420, 715), (500, 790), (520, 900)])
    pen.shadow(rock, offset=(12, 0), blur=14, alpha=80)
    pen.paint(rock, None, source=pen.gradient("#9A9A94", "#6E6E69", box=(0, 700, 1200, 900)))
    pen.paint(pen.m_poly([(150, 760), (260, 700), (420, 715), (300, 740)]), "#B9B8B1", clip=rock)
    pack = pen.m_rrect((230, 470, 420, 740), 60)
    pen.shadow(pack, offset=(14, 16), blur=14, alpha=110)
    pen.paint(pack, "#2E5E4E")
    pen.paint(pen.m_ellipse((240, 480, 340, 640)), "#4B8270", alpha=120, blur=20, clip=pack)
    lid = pen.m_rrect((240, 450, 410, 540), 40)
    pen.paint(lid, "#244A3E")
    pocket = pen.m_rrect((262, 600, 392, 720), 30)
    pen.paint(pocket, "#3C7663")
    pen.paint(pen.m_line([(262, 630), (392, 630)], width=5), "#E0A43A")
    pen.paint(pen.m_rrect((310, 515, 340, 580), 6), "#1B2E28")
    pen.paint(pen.m_rrect((306, 570, 344, 588), 4), "#E0A43A")
    pen.paint(pen.m_arc((282, 405, 372, 475), 180, 360, width=10), "#1B2E28")
    save_jpeg(pen.result(), path)


# --------------------------------------------------------------------------


def main() -> None:
    maya = SAMPLE_DATA / "maya-okafor" / "images"
    tomas = SAMPLE_DATA / "tomas-reyes" / "images"

    portrait_maya(maya / "photo.jpg")
    portrait_tomas(tomas / "photo.jpg")

    logo(
        maya / "logos" / "wattle-creek-mill.png",
        "Wattle Creek Mill",
        "Stone-ground flour · est. 1984",
        "#3B2A1A",
        "#8A6B45",
        mark_mill,
    )
    logo(
        maya / "logos" / "hearth-and-hob.png",
        "Hearth & Hob",
        "Kitchenware · Melbourne",
        "#2B2A2E",
        "#7A6F6A",
        mark_hearth,
    )
    logo(
        maya / "logos" / "laneway-coffee.png",
        "Laneway Coffee",
        "Roasters · Collingwood",
        "#3A2419",
        "#8C6A55",
        mark_coffee,
    )
    logo(
        tomas / "logos" / "ridgeline-packs.png",
        "Ridgeline Packs",
        "Built for the long way round",
        "#1F3F35",
        "#5E7D71",
        mark_ridgeline,
    )
    logo(
        tomas / "logos" / "switchback-socks.png",
        "Switchback Socks",
        "Merino for the trail",
        "#2A2A2A",
        "#8A6A58",
        mark_switchback,
    )

    still_loaf(maya / "collabs" / "wattle-creek-loaf.jpg")
    still_dutch_oven(maya / "collabs" / "dutch-oven.jpg")
    still_coffee(maya / "collabs" / "coffee-and-toast.jpg")
    still_trail(tomas / "collabs" / "ridgeline-trail.jpg")

    for path in sorted(SAMPLE_DATA.glob("*/images/**/*")):
        if path.is_file():
            print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
