"""Hard cases for offsets: every one of them has broken a peer tool."""

from __future__ import annotations

FAMILY = "\U0001F468\u200d\U0001F469\u200d\U0001F467"  # ZWJ family emoji, 5 code points
FLAG_SY = "\U0001F1F8\U0001F1FE"  # regional indicator pair
HEART = "\u2764\ufe0f"  # with variation selector 16
TASHKEEL = "بِسْمِ اللَّهِ الرَّحْمَٰنِ"
LAM_ALEF = "لا إله إلا"
ZWNJ = "می\u200cخواهم"
RLM, LRM = "\u200f", "\u200e"

HARD_TEXT = (
    f"😀 قال {FAMILY} أنتوني بلينكن {FLAG_SY} إن {HEART} القرار 2254 هو الحل.\n"
    f"{TASHKEEL} {LAM_ALEF} {ZWNJ} {RLM}واشنطن{LRM} Blinken said 42 times.\n"
)
