package dev.faultline.app.view.common;

import dev.faultline.engine.report.ActionItem;

/** An action item in one line for lists: title, owner, due date, status, ticket. */
public final class ActionItemText {
    private ActionItemText() {}

    public static String line(ActionItem a) {
        return a.title() + (a.owner().isEmpty() ? "" : " · " + a.owner()) + (a.due() == null ? "" : " · due " + a.due())
                + " · " + a.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + (a.ticketUrl().isEmpty() ? "" : " · " + a.ticketUrl());
    }
}
