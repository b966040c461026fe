"""Paints the bundled sample photo (resources/sample/harbour-at-dusk.jpg).

The sample article needs a real photo that we own outright, so we render one: a harbour at dusk
with a ferry, a pier and the islands on the horizon. Deterministic (fixed seed), so re-running it
reproduces the same file.
"""

import math
import random
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 1600, 1000
HORIZON = 590


def lerp(a, b, t):
    return tuple(int(a[i] + (b[i] - a[i]) * t) for i in range(3))


def paint() -> Image.Image:
    rng = random.Random(1729)
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    # Sky: deep blue above, warm orange at the horizon.
    for y in range(HORIZON):
        t = y / HORIZON
        draw.line([(0, y), (WIDTH, y)], fill=lerp((28, 42, 88), (246, 150, 84), t**1.6))
    sun_x, sun_y = 1080, HORIZON - 60
    glow = Image.new("L", (WIDTH, HEIGHT), 0)
    ImageDraw.Draw(glow).ellipse([sun_x - 70, sun_y - 70, sun_x + 70, sun_y + 70], fill=255)
    glow = glow.filter(ImageFilter.GaussianBlur(60))
    image.paste((255, 214, 150), mask=glow)
    draw.ellipse([sun_x - 38, sun_y - 38, sun_x + 38, sun_y + 38], fill=(255, 236, 190))
    # Islands on the horizon.
    for start, length, height in ((80, 420, 46), (520, 260, 28), (1250, 380, 54)):
        points = [(start, HORIZON)]
        for step in range(0, length + 1, 20):
            bump = math.sin(step / length * math.pi) * height * (0.8 + 0.2 * rng.random())
            points.append((start + step, HORIZON - bump))
        points.append((start + length, HORIZON))
        draw.polygon(points, fill=(64, 58, 86))
    # Sea with reflections.
    for y in range(HORIZON, HEIGHT):
        t = (y - HORIZON) / (HEIGHT - HORIZON)
        draw.line([(0, y), (WIDTH, y)], fill=lerp((196, 120, 96), (18, 30, 58), t**0.7))
    for _ in range(900):
        y = rng.randint(HORIZON + 2, HEIGHT - 1)
        spread = 30 + (y - HORIZON) * 0.9
        x = int(sun_x + rng.gauss(0, spread / 2))
        length = rng.randint(8, 40)
        bright = lerp((255, 220, 160), (120, 90, 110), (y - HORIZON) / (HEIGHT - HORIZON))
        draw.line([(x, y), (x + length, y)], fill=bright)
    # The ferry: hull, deck house, funnel and lit windows.
    hull_y = HORIZON + 70
    draw.polygon(
        [(560, hull_y), (980, hull_y), (950, hull_y + 44), (600, hull_y + 44)], fill=(22, 22, 34)
    )
    draw.rectangle([650, hull_y - 46, 900, hull_y], fill=(30, 30, 44))
    draw.rectangle([700, hull_y - 80, 850, hull_y - 46], fill=(34, 34, 50))
    draw.rectangle([820, hull_y - 120, 846, hull_y - 80], fill=(120, 40, 40))
    for x in range(662, 890, 22):
        draw.rectangle([x, hull_y - 34, x + 12, hull_y - 24], fill=(255, 210, 120))
    # The pier in the foreground, posts and a lamp.
    draw.polygon([(0, 860), (700, 800), (700, 816), (0, 900)], fill=(26, 20, 24))
    for x in range(20, 700, 70):
        top = 860 - x * 60 / 700
        draw.rectangle([x, top, x + 10, HEIGHT], fill=(20, 16, 20))
    draw.rectangle([560, 640, 566, 808], fill=(20, 16, 20))
    draw.ellipse([550, 628, 576, 650], fill=(255, 224, 160))
    # Film grain, so the photo compresses and scales like a real one.
    noise = Image.effect_noise((WIDTH, HEIGHT), 18).convert("RGB")
    return Image.blend(image, noise, 0.06).filter(ImageFilter.GaussianBlur(0.6))


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "resources/sample/harbour-at-dusk.jpg")
    paint().save(target, "JPEG", quality=86, optimize=True, progressive=True)
    print(target, target.stat().st_size, "bytes")
