package dev.faultline.engine.store;

import dev.faultline.engine.model.Participant.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The GameDays' roles on a shared store ({@code team_role}, migration V9): which login is leader,
 * operator, observer, scribe or on call, in one GameDay or in every one ({@code *}). PostgreSQL
 * enforces them once the DBA has run {@link #dbaSetUp()} (row-level security keyed on the
 * connecting login); this class asks before acting, so a refusal comes before anything is done,
 * and turns the database's refusal into one line. On H2 (one person) nothing is checked.
 */
public final class TeamRoles {
    /** Every GameDay, and the runs outside one. */
    public static final String EVERY_GAMEDAY = "*";

    /** What a role allows; the same table as db/team/roles.sql and docs/team-mode.md. */
    public enum Right {
        START_RUNS("start runs", EnumSet.of(Role.LEADER, Role.OPERATOR)),
        EDIT_PLAN("edit the plan", EnumSet.of(Role.LEADER)),
        WRITE_RETROSPECTIVE("write the retrospective", EnumSet.of(Role.LEADER, Role.SCRIBE)),
        WRITE_NOTES("write observations", EnumSet.allOf(Role.class)),
        REVERT_FOR_OTHERS("revert another desktop's faults", EnumSet.of(Role.LEADER, Role.OPERATOR, Role.ON_CALL)),
        RELEASE_HALT("release the team's kill switch", EnumSet.of(Role.LEADER, Role.ON_CALL));

        private final String text;
        private final Set<Role> roles;

        Right(String text, Set<Role> roles) {
            this.text = text;
            this.roles = roles;
        }

        public Set<Role> roles() {
            return roles;
        }

        /** For people: "start runs". */
        public String text() {
            return text;
        }
    }

    /** One login's role in one GameDay ({@link #EVERY_GAMEDAY} for all). */
    public record Assignment(String login, String gameday, Role role) {}

    private final FaultlineStore store;

    TeamRoles(FaultlineStore store) {
        this.store = store;
    }

    /**
     * Whether the database enforces the roles: a shared store on which the DBA's set-up has turned
     * on row-level security. Otherwise (H2, or a shared store not set up) every login may do everything.
     */
    public boolean enforced() throws StoreException {
        if (!store.shared()) {
            return false;
        }
        synchronized (store) {
            return store.sql("read whether the roles are enforced", () -> {
                try (Statement st = store.connection().createStatement();
                        ResultSet rs =
                                st.executeQuery("SELECT relrowsecurity FROM pg_class WHERE oid = to_regclass('run')")) {
                    return rs.next() && rs.getBoolean(1);
                }
            });
        }
    }

    /** Every assignment, by login and GameDay. */
    public List<Assignment> all() throws StoreException {
        return read("SELECT login, gameday, role FROM team_role ORDER BY login, gameday, role", null);
    }

    /** The assignments of {@code login}. */
    public List<Assignment> of(String login) throws StoreException {
        return read("SELECT login, gameday, role FROM team_role WHERE login = ? ORDER BY gameday, role", login);
    }

    private List<Assignment> read(String query, @Nullable String login) throws StoreException {
        synchronized (store) {
            return store.sql("read the team's roles", () -> {
                List<Assignment> out = new ArrayList<>();
                try (PreparedStatement ps = store.connection().prepareStatement(query)) {
                    if (login != null) {
                        ps.setString(1, login);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new Assignment(rs.getString(1), rs.getString(2), Role.fromYaml(rs.getString(3))));
                        }
                    }
                }
                return out;
            });
        }
    }

    /**
     * Why this desktop's login may not do {@code right} in {@code gameday} (null: outside a GameDay, a
     * role in any GameDay counts), in one line; empty when it may, or when nothing is enforced.
     */
    public Optional<String> refusal(Right right, @Nullable String gameday) throws StoreException {
        if (!enforced()) {
            return Optional.empty();
        }
        String me = store.login();
        List<Assignment> mine = of(me);
        boolean may = mine.stream()
                .anyMatch(a -> right.roles().contains(a.role())
                        && (a.gameday().equals(EVERY_GAMEDAY)
                                || gameday == null
                                || a.gameday().equals(gameday)));
        if (may) {
            return Optional.empty();
        }
        return Optional.of("refused by the shared store: " + me + " may not " + right.text()
                + (gameday == null ? "" : " in GameDay " + gameday) + " (that needs "
                + names(right.roles()) + "; " + me + " is " + describe(mine)
                + "): ask the GameDay's leader for the role (faultline team roles)");
    }

    /** Gives {@code login} a role in {@code gameday}; on an enforced store only a leader of it may. */
    public void assign(String login, String gameday, Role role) throws StoreException {
        synchronized (store) {
            store.execute("give " + login + " the role " + role.yamlName() + " in " + gameday, () -> {
                try (PreparedStatement ps = store.connection()
                        .prepareStatement("INSERT INTO team_role (login, gameday, role) SELECT ?, ?, ? FROM"
                                + " (SELECT 1 AS one) x WHERE NOT EXISTS (SELECT 1 FROM team_role WHERE login = ?"
                                + " AND gameday = ? AND role = ?)")) {
                    ps.setString(1, login);
                    ps.setString(2, gameday);
                    ps.setString(3, role.yamlName());
                    ps.setString(4, login);
                    ps.setString(5, gameday);
                    ps.setString(6, role.yamlName());
                    ps.executeUpdate();
                }
            });
        }
        store.audit().record("role given", login, role.yamlName() + " in " + gameday);
    }

    /** Takes a role away; false when {@code login} did not have it. */
    public boolean withdraw(String login, String gameday, Role role) throws StoreException {
        boolean had;
        synchronized (store) {
            had = store.sql("take the role " + role.yamlName() + " in " + gameday + " from " + login, () -> {
                try (PreparedStatement ps = store.connection()
                        .prepareStatement("DELETE FROM team_role WHERE login = ? AND gameday = ? AND role = ?")) {
                    ps.setString(1, login);
                    ps.setString(2, gameday);
                    ps.setString(3, role.yamlName());
                    return ps.executeUpdate() > 0;
                }
            });
        }
        if (had) {
            store.audit().record("role withdrawn", login, role.yamlName() + " in " + gameday);
        }
        return had;
    }

    /** The SQL a DBA runs once (as the tables' owner) to make PostgreSQL enforce the roles. */
    public static String dbaSetUp() {
        try (InputStream in = TeamRoles.class.getResourceAsStream("/db/team/roles.sql")) {
            if (in == null) {
                throw new IllegalStateException("db/team/roles.sql is missing from Faultline's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether PostgreSQL refused for want of a right (a grant, or a row-level security policy). */
    static boolean refusedByRole(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s && "42501".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The one line for a refusal the database made. */
    static String refusal(String login, String what, String where, SQLException e) {
        String detail = Database.rootMessage(e);
        return "refused by the shared store: " + login + " may not " + what + " (" + where + " says: " + detail
                + "): your role does not allow it; see faultline team roles, and ask the GameDay's leader";
    }

    private static String names(Set<Role> roles) {
        return roles.stream().map(Role::label).collect(Collectors.joining(" or "));
    }

    private static String describe(List<Assignment> mine) {
        if (mine.isEmpty()) {
            return "in no GameDay's roles";
        }
        return mine.stream()
                .map(a -> a.role().label()
                        + (a.gameday().equals(EVERY_GAMEDAY) ? " in every GameDay" : " in " + a.gameday()))
                .collect(Collectors.joining(", "));
    }
}
