package dev.faultline.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The store skips Flyway on a database whose last migration is {@link Database#NEWEST_MIGRATION}: it must be the newest file. */
class NewestMigrationTest {
    @Test
    void theNewestMigrationIsTheHighestVersionShipped() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            String newest = files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__")))
                    .max(Comparator.comparingInt(Integer::parseInt))
                    .orElseThrow();
            assertThat(Database.NEWEST_MIGRATION).isEqualTo(newest);
        }
    }
}
