"""Draw the 128x128 module icons of kpa_cape, kpa_remuneration and
kpa_governance, in the family of kpa_cooperative's (a coloured rounded
square, one flat white pictogram). kpa_cooperative's icon is kept as it is.

    .venv/bin/python scripts/make_icons.py

Drawn at 4x and reduced, so the edges are smooth.
"""
import os

from PIL import Image, ImageDraw

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCALE = 4
SIZE = 128
WHITE = (255, 255, 255, 255)


def _canvas(colour):
    image = Image.new("RGBA", (SIZE * SCALE, SIZE * SCALE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    # kpa_cooperative's square: full size, corners of about 16 px.
    draw.rounded_rectangle(
        [0, 0, SIZE * SCALE - 1, SIZE * SCALE - 1], radius=16 * SCALE,
        fill=colour)
    return image, draw


def _box(*coords):
    return [c * SCALE for c in coords]


def cape(colour):
    """A contract: a sheet with its corner folded, text lines, a
    signature."""
    image, draw = _canvas(colour)
    draw.polygon([(x * SCALE, y * SCALE) for x, y in [
        (32, 18), (80, 18), (98, 36), (98, 110), (32, 110)]], fill=WHITE)
    # the folded corner
    draw.polygon([(x * SCALE, y * SCALE) for x, y in [
        (80, 18), (80, 36), (98, 36)]], fill=colour)
    draw.polygon([(x * SCALE, y * SCALE) for x, y in [
        (83, 21), (83, 33), (95, 33)]], fill=WHITE)
    for top, right in ((44, 86), (54, 86), (64, 86), (74, 70)):
        draw.rectangle(_box(42, top, right, top + 4), fill=colour)
    # the signature: a looped stroke on the last third
    points = [(44, 98), (50, 88), (54, 97), (59, 90), (62, 96),
              (68, 92), (74, 96), (86, 94)]
    draw.line([(x * SCALE, y * SCALE) for x, y in points], fill=colour,
              width=3 * SCALE, joint="curve")
    return image


def remuneration(colour):
    """The pot shared out: three stacks of coins, rising like
    kpa_cooperative's three houses."""
    image, draw = _canvas(colour)
    bottom = 104
    coin_h, gap = 10, 3
    for left, coins in ((17, 3), (51, 6), (85, 4)):
        right = left + 26
        for index in range(coins):
            low = bottom - index * (coin_h + gap)
            draw.rounded_rectangle(
                _box(left, low - coin_h, right, low), radius=4 * SCALE,
                fill=WHITE)
    # a euro sign on the top of the tallest stack
    top = bottom - 6 * (coin_h + gap) + gap
    centre_x, centre_y, radius = 64, top - 16, 12
    draw.ellipse(_box(centre_x - radius, centre_y - radius,
                      centre_x + radius, centre_y + radius), fill=WHITE)
    draw.arc(_box(centre_x - 7, centre_y - 7, centre_x + 6, centre_y + 7),
             start=45, end=315, fill=colour, width=2 * SCALE)
    for offset in (-2, 2):
        draw.rectangle(_box(centre_x - 10, centre_y + offset - 1,
                            centre_x + 1, centre_y + offset + 1),
                       fill=colour)
    return image


def governance(colour):
    """A vote: a ballot going into a ballot box, ticked."""
    image, draw = _canvas(colour)
    # the ballot, above the slot
    draw.rectangle(_box(44, 16, 84, 62), fill=WHITE)
    draw.line([(x * SCALE, y * SCALE) for x, y in [
        (52, 40), (61, 49), (77, 28)]], fill=colour, width=6 * SCALE,
        joint="curve")
    # the box: a lid with its slot, then the body
    draw.rectangle(_box(22, 62, 106, 72), fill=WHITE)
    draw.rectangle(_box(40, 64, 88, 68), fill=colour)
    draw.rectangle(_box(28, 76, 100, 110), fill=WHITE)
    draw.rectangle(_box(52, 86, 76, 90), fill=colour)
    return image


ICONS = {
    "kpa_cape": (cape, (42, 150, 128, 255)),
    "kpa_remuneration": (remuneration, (224, 142, 40, 255)),
    "kpa_governance": (governance, (63, 108, 180, 255)),
}


def main():
    for module, (draw, colour) in sorted(ICONS.items()):
        image = draw(colour).resize((SIZE, SIZE), Image.LANCZOS)
        folder = os.path.join(ROOT, module, "static", "description")
        os.makedirs(folder, exist_ok=True)
        image.save(os.path.join(folder, "icon.png"), optimize=True)


if __name__ == "__main__":
    main()
