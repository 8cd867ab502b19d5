package dev.faultline.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.spi.SecretRef;
import dev.faultline.engine.testkit.PostgresCluster;
import dev.faultline.engine.testkit.PostgresCluster.TestDatabase;
import dev.faultline.engine.testkit.ThrowawayPostgres;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code faultline store test}'s check against a real server: what works, and each way it fails, in one line. */
@ExtendWith(ThrowawayPostgres.class)
class StoreCheckIT {
    @TempDir
    Path dir;

    @Test
    void aGoodStoreSaysWhatItFound(TestDatabase db) throws Exception {
        StoreCheck.Outcome fresh = StoreCheck.check(db.settings(dir.resolve("pw")));
        assertThat(fresh.ok()).isTrue();
        assertThat(fresh.line())
                .startsWith(
                        "connected to the shared store 127.0.0.1:" + db.port() + "/" + db.name() + " as " + db.user())
                .contains("PostgreSQL 15", "not encrypted (loopback)", "no Faultline tables yet");
        try (FaultlineStore ignored = FaultlineStore.openShared(db.settings(dir.resolve("pw")))) {
            // made and migrated
        }
        assertThat(StoreCheck.check(db.settings(dir.resolve("pw"))).line())
                .contains("schema at version " + Database.NEWEST_MIGRATION);
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailure(TestDatabase db) throws Exception {
        Files.writeString(dir.resolve("wrong"), "wrong-password");
        StoreCheck.Outcome o = StoreCheck.check(
                new SharedStoreSettings(db.url(), db.user(), new SecretRef("file:" + dir.resolve("wrong"))));
        assertThat(o.ok()).isFalse();
        assertThat(o.problem()).isEqualTo("AUTHENTICATION");
        assertThat(o.line())
                .startsWith("authentication failed:")
                .doesNotContain("wrong-password")
                .doesNotContain("\n");
    }

    @Test
    void aMissingPasswordVariableIsSaidBeforeAnyConnection(TestDatabase db) {
        StoreCheck.Outcome o = StoreCheck.check(
                new SharedStoreSettings(db.url(), db.user(), new SecretRef("env:FAULTLINE_TEST_NO_SUCH_VARIABLE_19")));
        assertThat(o.ok()).isFalse();
        assertThat(o.problem()).isEqualTo("PASSWORD");
        assertThat(o.line()).contains("FAULTLINE_TEST_NO_SUCH_VARIABLE_19", "is not set");
    }

    @Test
    void aPortNobodyListensOnIsUnreachable(TestDatabase db) throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        StoreCheck.Outcome o = StoreCheck.check(new SharedStoreSettings(
                "jdbc:postgresql://127.0.0.1:" + closed + "/" + db.name(),
                db.user(),
                new SecretRef("file:" + writePassword(db))));
        assertThat(o.ok()).isFalse();
        assertThat(o.problem()).isEqualTo("UNREACHABLE");
        assertThat(o.line()).startsWith("host unreachable:").contains("127.0.0.1:" + closed);
    }

    @Test
    void aSchemaNewerThanThisFaultlineIsRefused(TestDatabase db, PostgresCluster cluster) throws Exception {
        try (FaultlineStore ignored = FaultlineStore.openShared(db.settings(dir.resolve("pw")))) {
            // migrated to ours
        }
        try (Connection c = cluster.admin(db.name());
                Statement st = c.createStatement()) {
            st.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) VALUES (99, '99', 'from the future', 'SQL',"
                    + " 'V99__future.sql', 1, 'x', 1, true)");
        }
        StoreCheck.Outcome o = StoreCheck.check(db.settings(dir.resolve("pw")));
        assertThat(o.ok()).isFalse();
        assertThat(o.line()).startsWith("schema too new:").contains("version 99");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> FaultlineStore.openShared(db.settings(dir.resolve("pw"))))
                .hasMessageStartingWith("schema too new:");
    }

    @Test
    void certificateCheckingPassesWithTheRightCaAndFailsOtherwise() throws Exception {
        Path ca = dir.resolve("ca.crt");
        Path other = dir.resolve("other-ca.crt");
        Path cert = dir.resolve("server.crt");
        Path key = dir.resolve("server.key");
        makeCertificates(ca, other, cert, key);
        try (PostgresCluster tls = PostgresCluster.start(List.of("ssl = on"), List.of(cert, key))) {
            TestDatabase db = tls.newDatabase();
            Path pw = writePassword(db);
            String base = "jdbc:postgresql://localhost:" + db.port() + "/" + db.name() + "?sslmode=verify-full";

            StoreCheck.Outcome good = StoreCheck.check(
                    new SharedStoreSettings(base + "&sslrootcert=" + ca, db.user(), new SecretRef("file:" + pw)));
            assertThat(good.line()).contains("TLS, certificate and host name checked");
            assertThat(good.ok()).isTrue();

            StoreCheck.Outcome untrusted = StoreCheck.check(
                    new SharedStoreSettings(base + "&sslrootcert=" + other, db.user(), new SecretRef("file:" + pw)));
            assertThat(untrusted.ok()).isFalse();
            assertThat(untrusted.line()).startsWith("TLS failed:");

            StoreCheck.Outcome wrongName = StoreCheck.check(new SharedStoreSettings(
                    "jdbc:postgresql://127.0.0.1:" + db.port() + "/" + db.name() + "?sslmode=verify-full&sslrootcert="
                            + ca,
                    db.user(),
                    new SecretRef("file:" + pw)));
            assertThat(wrongName.ok()).isFalse();
            assertThat(wrongName.line()).startsWith("TLS failed:");
        }
    }

    @Test
    void aServerWithoutTlsFailsWhenTlsIsRequired(TestDatabase db) throws Exception {
        StoreCheck.Outcome o = StoreCheck.check(new SharedStoreSettings(
                db.url() + "?sslmode=verify-full", db.user(), new SecretRef("file:" + writePassword(db))));
        assertThat(o.ok()).isFalse();
        assertThat(o.line()).startsWith("TLS failed:");
    }

    private Path writePassword(TestDatabase db) throws Exception {
        Path pw = dir.resolve("pw-" + db.name());
        Files.writeString(pw, db.password());
        return pw;
    }

    /** A CA, a server certificate it signs for DNS:localhost, and another CA that signed nothing. */
    private void makeCertificates(Path ca, Path other, Path cert, Path key) throws Exception {
        Path caKey = dir.resolve("ca.key");
        openssl(
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=Faultline test CA",
                "-keyout",
                caKey.toString(),
                "-out",
                ca.toString());
        openssl(
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=Another CA",
                "-keyout",
                dir.resolve("other.key").toString(),
                "-out",
                other.toString());
        Path csr = dir.resolve("server.csr");
        openssl(
                "req",
                "-new",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-subj",
                "/CN=localhost",
                "-keyout",
                key.toString(),
                "-out",
                csr.toString());
        Path ext = dir.resolve("ext.cnf");
        Files.writeString(ext, "subjectAltName=DNS:localhost\n");
        openssl(
                "x509",
                "-req",
                "-in",
                csr.toString(),
                "-CA",
                ca.toString(),
                "-CAkey",
                caKey.toString(),
                "-CAcreateserial",
                "-days",
                "2",
                "-extfile",
                ext.toString(),
                "-out",
                cert.toString());
    }

    private void openssl(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.out").toFile())
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue())
                .as(Files.readString(dir.resolve("openssl.out")))
                .isZero();
    }
}
