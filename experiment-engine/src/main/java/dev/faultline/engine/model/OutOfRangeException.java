package dev.faultline.engine.model;

/** A well-formed value outside its documented range ({@link Limits}): "latency 2h is out of range: at most 1h". */
public final class OutOfRangeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public OutOfRangeException(String message) {
        super(message);
    }
}
