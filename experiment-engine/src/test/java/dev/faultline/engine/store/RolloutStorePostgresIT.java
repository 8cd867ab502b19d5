package dev.faultline.engine.store;

import dev.faultline.engine.testkit.PostgresCluster.TestDatabase;
import dev.faultline.engine.testkit.ThrowawayPostgres;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link RolloutStoreIT}'s cases on a shared PostgreSQL store: each stage of a rollout over shares
 * and over counts of targets (V6, V12) written as the run goes and read back by a store opened again.
 */
@ExtendWith(ThrowawayPostgres.class)
class RolloutStorePostgresIT extends RolloutStoreIT {
    private final TestDatabase db;

    RolloutStorePostgresIT(TestDatabase db) {
        this.db = db;
    }

    @Override
    FaultlineStore open() throws StoreException {
        try {
            return FaultlineStore.openShared(db.settings(home.resolve("pg-password")));
        } catch (java.io.IOException e) {
            throw new StoreException("cannot write the test's password file", e);
        }
    }
}
