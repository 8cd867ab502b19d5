package dev.faultline.engine.store;

import static dev.faultline.engine.store.FaultlineStore.instant;

import dev.faultline.engine.report.SearchHit;
import java.util.List;
import java.util.Locale;

/**
 * Search across every retrospective: {@code LOWER(text) LIKE LOWER('%term%')} over the stored
 * texts, not H2's built-in FullText. FullText splits words at spaces and punctuation, so a term
 * inside Chinese or Japanese text (which has no spaces) is never found, and its index needs
 * triggers and Java functions registered in the database. A retrospective database holds
 * thousands of notes, not millions, so a scan is fast enough (docs/reports.md).
 */
final class RetroSearch {
    private final RetroSql sql;

    RetroSearch(RetroSql sql) {
        this.sql = sql;
    }

    List<SearchHit> search(String term, int limit) throws StoreException {
        if (term.isBlank()) {
            return List.of();
        }
        String t = term.strip().toLowerCase(Locale.ROOT);
        String like = "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String query =
                "SELECT 'observation', id, subject, at, text FROM observation WHERE LOWER(text) LIKE ? ESCAPE '\\'"
                        + " UNION ALL SELECT 'finding', id, COALESCE(NULLIF(gameday_run_id, ''), run_id), created_at,"
                        + " title || ': ' || happened || ' / expected: ' || expected FROM finding"
                        + " WHERE LOWER(title || ' ' || happened || ' ' || expected) LIKE ? ESCAPE '\\'"
                        + " UNION ALL SELECT 'lesson', id, gameday_run_id, created_at, text FROM lesson WHERE LOWER(text) LIKE ? ESCAPE '\\'"
                        + " UNION ALL SELECT 'action', id, gameday_run_id, created_at, title || ' (' || owner || ')' FROM action_item"
                        + " WHERE LOWER(title || ' ' || owner) LIKE ? ESCAPE '\\'"
                        + " ORDER BY 4 DESC LIMIT " + Math.max(1, limit);
        return sql.query(
                "search for '" + term + "'",
                query,
                rs -> new SearchHit(
                        rs.getString(1), rs.getLong(2), rs.getString(3), instant(rs, 4), snippet(rs.getString(5), t)),
                like,
                like,
                like,
                like);
    }

    static String snippet(String text, String term) {
        String flat = text.replaceAll("\\s+", " ");
        int at = flat.toLowerCase(Locale.ROOT).indexOf(term);
        int from = Math.max(0, at - 60);
        int to = Math.min(flat.length(), (at < 0 ? 0 : at) + term.length() + 60);
        return (from > 0 ? "…" : "") + flat.substring(from, to) + (to < flat.length() ? "…" : "");
    }
}
