"""Helpers shared by the generators of the C tests' expectation headers."""


def c_string(text):
    """A C string literal for text: UTF-8 kept, control characters as octal
    escapes, '?' escaped against trigraphs."""
    out = ['"']
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "?":
            out.append("\\?")
        elif ch == "\n":
            out.append("\\n")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\{ord(ch):03o}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)
