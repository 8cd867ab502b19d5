package dev.faultline.engine.store;

import dev.faultline.engine.testkit.PostgresCluster.TestDatabase;
import dev.faultline.engine.testkit.ThrowawayPostgres;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link RetrospectiveIT}'s cases on a shared PostgreSQL store. */
@ExtendWith(ThrowawayPostgres.class)
class RetrospectivePostgresIT extends RetrospectiveIT {
    private final TestDatabase db;

    RetrospectivePostgresIT(TestDatabase db) {
        this.db = db;
    }

    @Override
    FaultlineStore openStore() throws Exception {
        return FaultlineStore.openShared(db.settings(home.resolve("pg-password")));
    }
}
