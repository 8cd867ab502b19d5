package dev.faultline.engine.store;

import dev.faultline.engine.testkit.PostgresCluster.TestDatabase;
import dev.faultline.engine.testkit.ThrowawayPostgres;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link GameDayStepsIT}'s cases on a shared PostgreSQL store. */
@ExtendWith(ThrowawayPostgres.class)
class GameDayStepsPostgresIT extends GameDayStepsIT {
    private final TestDatabase db;

    GameDayStepsPostgresIT(TestDatabase db) {
        this.db = db;
    }

    @Override
    FaultlineStore openStore() throws Exception {
        return FaultlineStore.openShared(db.settings(home.resolve("pg-password")));
    }
}
