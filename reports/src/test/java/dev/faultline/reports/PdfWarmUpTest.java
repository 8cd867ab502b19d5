package dev.faultline.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The PDF engine's warm-up: started by {@link PdfReport#prepare()}, once per process, and it ends. */
class PdfWarmUpTest {
    @Test
    void prepareStartsOneWarmUpThatEndsOnItsOwn() throws Exception {
        new PdfReport().prepare();
        CompletableFuture<Void> first = PdfWarmUp.start();
        new PdfReport().prepare();
        assertThat(PdfWarmUp.start()).as("once per process").isSameAs(first);
        first.get(120, TimeUnit.SECONDS);
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("faultline-pdf-warm-up")) {
                t.join(TimeUnit.SECONDS.toMillis(30));
                assertThat(t.isAlive()).as("the warm-up thread ends").isFalse();
            }
        }
    }
}
