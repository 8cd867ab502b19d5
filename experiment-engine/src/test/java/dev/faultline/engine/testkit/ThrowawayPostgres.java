package dev.faultline.engine.testkit;

import java.io.IOException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension: one throwaway {@link PostgresCluster} for the whole test JVM (made on first use,
 * about 3 s; stopped when the run ends), and a fresh database with its own login for every
 * {@link PostgresCluster.TestDatabase} parameter, so tests never see each other's rows. A test that
 * wants the cluster itself (to stop it, to reload it) takes a {@link PostgresCluster} parameter.
 */
public final class ThrowawayPostgres implements ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ThrowawayPostgres.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == PostgresCluster.TestDatabase.class || type == PostgresCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        PostgresCluster cluster = cluster(context);
        if (parameter.getParameter().getType() == PostgresCluster.class) {
            return cluster;
        }
        try {
            return cluster.newDatabase();
        } catch (java.sql.SQLException e) {
            throw new ParameterResolutionException("cannot make a test database on " + cluster.url("postgres"), e);
        }
    }

    /** The JVM's cluster, started on first use. */
    public static PostgresCluster cluster(ExtensionContext context) {
        return context.getRoot().getStore(NS).getOrComputeIfAbsent("cluster", k -> start(), PostgresCluster.class);
    }

    private static PostgresCluster start() {
        try {
            return PostgresCluster.start();
        } catch (IOException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParameterResolutionException("interrupted while PostgreSQL started", e);
        }
    }
}
