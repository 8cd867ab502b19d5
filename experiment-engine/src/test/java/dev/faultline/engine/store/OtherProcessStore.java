package dev.faultline.engine.store;

import java.nio.file.Path;
import java.time.Instant;

/** A second Faultline process on the same database: it opens the store, adds a run and says so. */
final class OtherProcessStore {
    private OtherProcessStore() {}

    public static void main(String[] args) throws Exception {
        try (FaultlineStore store = FaultlineStore.open(Path.of(args[0]))) {
            long id = store.saveExperiment("other", "Other", "t", "0".repeat(64));
            store.createRun(new RunRecord(args[1], id, "other", "sandbox", "HELD", Instant.now(), null, null));
            System.out.println("stored " + store.findRun(args[1]).orElseThrow().id());
        }
    }
}
