package dev.faultline.reports;

/** Building well-formed XHTML (the PDF renderer needs XML): escaping and a small builder. */
final class Xhtml {
    private final StringBuilder b = new StringBuilder(64 * 1024);

    Xhtml raw(String s) {
        b.append(s);
        return this;
    }

    Xhtml text(String s) {
        b.append(esc(s));
        return this;
    }

    /** {@code <tag class="cls">text</tag>}. */
    Xhtml el(String tag, String cls, String text) {
        b.append('<').append(tag);
        if (!cls.isEmpty()) {
            b.append(" class=\"").append(cls).append('"');
        }
        b.append('>').append(esc(text)).append("</").append(tag).append('>');
        return this;
    }

    Xhtml open(String tag, String cls) {
        b.append('<').append(tag);
        if (!cls.isEmpty()) {
            b.append(" class=\"").append(cls).append('"');
        }
        b.append('>');
        return this;
    }

    Xhtml close(String tag) {
        b.append("</").append(tag).append('>');
        return this;
    }

    /** A table row of cells, the first {@code headers} of them as {@code th}. */
    Xhtml row(String... cells) {
        b.append("<tr>");
        for (String c : cells) {
            b.append("<td>").append(esc(c)).append("</td>");
        }
        b.append("</tr>");
        return this;
    }

    Xhtml headRow(String... cells) {
        b.append("<thead><tr>");
        for (String c : cells) {
            b.append("<th>").append(esc(c)).append("</th>");
        }
        b.append("</tr></thead>");
        return this;
    }

    /** XML-escaped text, without the characters XML 1.0 forbids (control characters). */
    static String esc(String s) {
        StringBuilder o = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> o.append("&amp;");
                case '<' -> o.append("&lt;");
                case '>' -> o.append("&gt;");
                case '"' -> o.append("&quot;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        if (c != 0xFFFE && c != 0xFFFF) {
                            o.append(c);
                        }
                    }
                }
            }
        }
        return o.toString();
    }

    @Override
    public String toString() {
        return b.toString();
    }
}
