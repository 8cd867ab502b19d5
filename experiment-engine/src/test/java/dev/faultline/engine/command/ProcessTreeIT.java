package dev.faultline.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping a command's process tree with real shells: parents first, so no shell runs a next command. */
class ProcessTreeIT {
    @TempDir
    Path dir;

    /** Waits (at most 10 s) until {@code p} has at least {@code n} descendants. */
    private static boolean awaitDescendants(Process p, int n) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (p.descendants().count() >= n) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    @Test
    void eachParentIsKilledBeforeItsChildren() throws Exception {
        // sh -> (sh -> sleep) and sh -> sleep
        Process p = new ProcessBuilder("sh", "-c", "sh -c 'sleep 30; true' & sleep 30; wait").start();
        try {
            assertThat(awaitDescendants(p, 3)).as("the tree is up").isTrue();

            List<ProcessHandle> order = ProcessTree.topDown(p.toHandle());

            assertThat(order.getFirst().pid()).isEqualTo(p.pid());
            assertThat(order).hasSize(4);
            List<Long> pids =
                    new ArrayList<>(order.stream().map(ProcessHandle::pid).toList());
            for (ProcessHandle h : order.subList(1, order.size())) {
                long parent = h.parent().orElseThrow().pid();
                assertThat(pids.indexOf(parent))
                        .as("the parent %d of %d comes before it", parent, h.pid())
                        .isBetween(0, pids.indexOf(h.pid()) - 1);
            }
            ProcessTree.kill(p.toHandle());
            assertThat(p.waitFor(5, TimeUnit.SECONDS)).isTrue();
            for (ProcessHandle h : order) {
                assertThat(h.onExit().get(5, TimeUnit.SECONDS).isAlive()).isFalse();
            }
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    @Test
    void aShellStoppedWhileItsChildRunsNeverRunsItsNextCommand() throws Exception {
        // Killed children first (as before), the shell ran its touch at the first or second of these
        // stops (load 20-25, twice). Killed parent first, it never can.
        for (int i = 0; i < 10; i++) {
            Path marker = dir.resolve("ran-" + i);
            Process p = new ProcessBuilder("sh", "-c", "sleep 30; touch '" + marker + "'").start();
            try {
                assertThat(awaitDescendants(p, 1)).as("sleep started").isTrue();
                ProcessTree.kill(p.toHandle());
                assertThat(p.waitFor(5, TimeUnit.SECONDS)).isTrue();
            } finally {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            assertThat(marker).as("stop %d: the shell ran its next command", i).doesNotExist();
        }
    }
}
