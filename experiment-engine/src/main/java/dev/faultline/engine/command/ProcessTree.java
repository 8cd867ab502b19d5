package dev.faultline.engine.command;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Stops a process and the processes it started, each parent before its children. Killed the other
 * way round, a shell whose child was killed first could still run its next command before its own
 * kill came: {@code sleep 30; touch x} stopped at its timeout touched x in 15 of 200 stops at load 20.
 */
public final class ProcessTree {
    /** More processes than any command step or rollback starts; bounds the walk of a runaway tree. */
    private static final int MOST = 10_000;

    private ProcessTree() {}

    /** SIGKILLs {@code root}, then what it started, top down (the tree is read before anything is killed). */
    public static void kill(ProcessHandle root) {
        topDown(root).forEach(ProcessHandle::destroyForcibly);
    }

    /** {@code root} and its descendants, each parent before its children (breadth first). */
    static List<ProcessHandle> topDown(ProcessHandle root) {
        List<ProcessHandle> order = new ArrayList<>();
        Deque<ProcessHandle> next = new ArrayDeque<>(List.of(root));
        while (!next.isEmpty() && order.size() < MOST) {
            ProcessHandle h = next.removeFirst();
            order.add(h);
            h.children().forEach(next::addLast);
        }
        return order;
    }
}
