package dev.faultline.plugin.local.proxy;

/**
 * The names of proxies, toxics and HTTP faults: each is a segment of the API's URL paths
 * ({@code /proxies/NAME}), so a name that cannot be one would be created but never addressed or
 * deleted again. Refused, with Toxiproxy's status for bad input.
 */
final class Names {
    static final int MAX_LENGTH = 200;

    private Names() {}

    /** @throws ApiError 400 when {@code name} (of a {@code what}: "proxy", "toxic"...) is not addressable */
    static void check(String what, String name, String where) throws ApiError {
        String why = problem(name);
        if (why != null) {
            throw ApiError.badBody(what + " name '" + printable(name) + "'" + where + " " + why
                    + "; use letters, digits, '-', '_', '.' and ':'");
        }
    }

    private static @org.jspecify.annotations.Nullable String problem(String name) {
        if (name.length() > MAX_LENGTH) {
            return "is over " + MAX_LENGTH + " characters";
        }
        if (name.equals(".") || name.contains("..")) {
            return "contains '..' or is '.', which URL paths resolve away";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/'
                    || c == '\\'
                    || c == '?'
                    || c == '#'
                    || c == '%'
                    || c < 0x20
                    || c == 0x7f
                    || Character.isWhitespace(c)) {
                return "contains " + describe(c) + ", which cannot stand in a URL path segment";
            }
        }
        return null;
    }

    private static String describe(char c) {
        return c < 0x20 || c == 0x7f || Character.isWhitespace(c) ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }

    private static String printable(String name) {
        String cut = name.length() > 60 ? name.substring(0, 60) + "..." : name;
        StringBuilder out = new StringBuilder();
        cut.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append('?');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
