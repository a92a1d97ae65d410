# Flags common prompt-injection phrases in fetched text.
PATTERNS = [
    'ignore all previous instructions',
    'disregard your system prompt',
    'do not tell the user',
]

def flagged(text):
    return [p for p in PATTERNS if p in text.lower()]
