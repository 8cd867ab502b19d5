package dev.faultline.app.fx;

import javafx.animation.AnimationTimer;

/**
 * Work that waits until a shown window has drawn its first frame: reading the database (Flyway's
 * migrations on the first start after an upgrade), the shipped runbooks and the backends' state start
 * after the window is on screen and answers, instead of taking the CPU from its first layout and
 * rendering. On the FX thread, at the second pulse after it is asked for (the first frame is drawn by
 * then), once.
 */
final class AfterFirstFrame {
    private AfterFirstFrame() {}

    static void run(Runnable work) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < 2) {
                    return;
                }
                stop();
                work.run();
            }
        }.start();
    }
}
