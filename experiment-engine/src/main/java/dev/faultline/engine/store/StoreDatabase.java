package dev.faultline.engine.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where the store keeps its tables: the embedded H2 file of one person ({@link Database}) or a
 * team's shared PostgreSQL server ({@link SharedDatabase}). Both run the same migrations.
 */
sealed interface StoreDatabase permits Database, SharedDatabase {
    /** Where, for messages: the H2 file, or the server and database (never a password). */
    String describe();

    /** A connection with the app's rights. */
    Connection connect() throws StoreException;

    /** Makes everything committed so far durable (H2 writes in the background; PostgreSQL already has). */
    void checkpoint() throws SQLException;

    /**
     * Who this desktop is to the database, for the audit trail and the roles: the shared store's
     * login; on H2 (one person) the operating system's user.
     */
    String loginName();

    /** Whether other desktops share it: runs are then told apart by machine, and changes are announced. */
    boolean shared();
}
