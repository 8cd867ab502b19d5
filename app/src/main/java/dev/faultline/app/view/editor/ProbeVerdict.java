package dev.faultline.app.view.editor;

/**
 * What a probe read once says, in words for people: the value against its tolerance, or why it
 * could not be read and what to do.
 *
 * @param text          one line: "order-success-ratio = 0.98 ✓ within >= 95%"
 * @param startSandbox  whether the way out is to start the sandbox (offered as a button)
 */
public record ProbeVerdict(Outcome outcome, String text, boolean startSandbox) {

    /** How the reading went. */
    public enum Outcome {
        WITHIN,
        OUTSIDE,
        SANDBOX_DOWN,
        REFUSED,
        TIMEOUT,
        WRONG_STATUS,
        UNREADABLE
    }

    public boolean passed() {
        return outcome == Outcome.WITHIN;
    }
}
