#!/usr/bin/env python3
"""Write N distinct synthetic Arabic article pages (HTML) for scale and memory measurements.

    scripts/scale-day.py OUT_DIR [N=200] [SEED=1]

Words are drawn from the bundled samples, so every article is different (no two share
sentences, so de-duplication keeps them all) yet reads like news text to the pipeline:
digits, dates and percentages are mixed in for the verbalizer.
"""
import html
import pathlib
import random
import re
import sys

root = pathlib.Path(__file__).resolve().parent.parent
out = pathlib.Path(sys.argv[1])
count = int(sys.argv[2]) if len(sys.argv) > 2 else 200
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)

text = " ".join(p.read_text(encoding="utf-8", errors="ignore") for p in (root / "samples").iterdir())
words = sorted(set(re.findall(r"[\u0621-\u064A]{3,}", text)))
extras = ["بنسبة 12%", "يوم 16 يونيو 2021", "نحو 4 ساعات", "أكثر من 1500 شخص", "عام 2026"]


def sentence():
    parts = rng.sample(words, rng.randint(10, 18))
    if rng.random() < 0.3:
        parts.insert(rng.randint(1, len(parts) - 1), rng.choice(extras))
    return " ".join(parts) + "."


out.mkdir(parents=True, exist_ok=True)
for i in range(count):
    title = " ".join(rng.sample(words, 7))
    paragraphs = "".join(
        "<p>" + html.escape(" ".join(sentence() for _ in range(3))) + "</p>" for _ in range(5)
    )
    page = (
        f'<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{html.escape(title)}</title></head>'
        f"<body><nav>الرئيسية | أخبار | رياضة</nav><article><h1>{html.escape(title)}</h1>{paragraphs}</article>"
        "<footer>جميع الحقوق محفوظة</footer></body></html>"
    )
    (out / f"article-{i:03d}.html").write_text(page, encoding="utf-8")
print(f"{count} articles in {out}")
