"""A small script: selecting part of it shows how code becomes tokens."""

import json


def count_words(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for word in text.lower().split():
        counts[word] = counts.get(word, 0) + 1
    return counts


if __name__ == "__main__":
    print(json.dumps(count_words("the cat sat on the mat"), indent=2))
