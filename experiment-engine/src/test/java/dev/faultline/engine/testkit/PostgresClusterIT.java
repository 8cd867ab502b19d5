package dev.faultline.engine.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The test fixture itself: a real server on 127.0.0.1, a database per test, gone after close (also as root). */
class PostgresClusterIT {
    @Test
    void aClusterServesOwnDatabasesAndIsGoneAfterClose() throws Exception {
        Path dir;
        int port;
        try (PostgresCluster cluster = PostgresCluster.start()) {
            dir = cluster.dir();
            port = cluster.port();
            PostgresCluster.TestDatabase a = cluster.newDatabase();
            PostgresCluster.TestDatabase b = cluster.newDatabase();
            assertThat(a.name()).isNotEqualTo(b.name());
            try (Connection c = DriverManager.getConnection(a.url(), a.user(), a.password());
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT current_user, inet_server_addr()::text, version()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(a.user());
                assertThat(rs.getString(2)).startsWith("127.0.0.1");
                assertThat(rs.getString(3)).startsWith("PostgreSQL");
                st.execute("CREATE TABLE t (x INT)");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(a.url(), a.user(), "wrong"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
        }
        assertThat(Files.exists(dir)).isFalse();
        assertThatThrownBy(() -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
                    }
                })
                .isInstanceOf(java.io.IOException.class);
    }
}
