"""A 64-bit SimHash of an article's text: near-identical texts get fingerprints a few bits apart.

The text is normalised (case, punctuation, spacing) and cut into overlapping word shingles; each
shingle's hash votes on every bit. A reprinted article with another headline, a different
footer or a typo changes few votes, so few bits; an unrelated text differs in about half of them.
"""

import hashlib
import re

BITS = 64
SHINGLE = 3
#: Fingerprints at most this many bits apart are taken for the same text.
NEAR_DUPLICATE_DISTANCE = 6

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE) -> list[str]:
    """Overlapping runs of ``size`` lower-cased words (the whole text when it is shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return [" ".join(words)] if words else []
    return [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]


def simhash(text: str) -> int:
    """The fingerprint as a signed 64-bit integer (it fits a database ``bigint``); 0 for no words."""
    votes = [0] * BITS
    for shingle in shingles(text):
        value = int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=8).digest(), "big")
        for bit in range(BITS):
            votes[bit] += 1 if value >> bit & 1 else -1
    unsigned = sum(1 << bit for bit in range(BITS) if votes[bit] > 0)
    return unsigned - (1 << BITS) if unsigned >= 1 << (BITS - 1) else unsigned


def distance(first: int, second: int) -> int:
    """How many bits two fingerprints differ in."""
    mask = (1 << BITS) - 1
    return ((first & mask) ^ (second & mask)).bit_count()


def is_near_duplicate(first: int, second: int) -> bool:
    return first != 0 and second != 0 and distance(first, second) <= NEAR_DUPLICATE_DISTANCE
