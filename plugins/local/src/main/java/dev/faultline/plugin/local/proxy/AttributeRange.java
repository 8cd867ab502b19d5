package dev.faultline.plugin.local.proxy;

/**
 * The values a toxic attribute may take, in the unit the Toxiproxy API uses for it. Bounds are
 * generous for any experiment and far from where the proxy's clock arithmetic would overflow.
 *
 * @param readable the maximum for people ("1 h"), shown in the refusal
 */
record AttributeRange(String name, String unit, long max, String readable) {
    static final long HOUR_MS = 3_600_000;

    static AttributeRange millis(String name, long max, String readable) {
        return new AttributeRange(name, "ms", max, readable);
    }

    /** @throws ApiError 400 when {@code value} (a JSON integer, of any size) is outside 0..max */
    void check(String type, java.math.BigInteger value) throws ApiError {
        if (value.signum() < 0 || value.compareTo(java.math.BigInteger.valueOf(max)) > 0) {
            throw ApiError.badBody(name + " of a " + type + " toxic is " + value + " " + unit
                    + "; it must be from 0 to " + max + " " + unit + " (" + readable + ")");
        }
    }
}
