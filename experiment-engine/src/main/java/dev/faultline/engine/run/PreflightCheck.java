package dev.faultline.engine.run;

/** One pre-flight check and how it went: "target proxy/payments: found (listen 127.0.0.1:18082)". */
public record PreflightCheck(String check, boolean passed, String detail) {
    @Override
    public String toString() {
        return (passed ? "ok    " : "FAIL  ") + check + ": " + detail;
    }
}
