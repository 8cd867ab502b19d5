package dev.faultline.app.cli;

import dev.faultline.engine.report.ActionItem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code faultline retro action-edit|action-close|action-delete ID}: an action item changed after it was written. */
final class RetroActionCommands {
    private RetroActionCommands() {}

    /** Base: the action item named by its id, or a one-line error saying there is none. */
    abstract static class OnAction extends RetroCommand.Sub {
        @Parameters(
                index = "0",
                paramLabel = "ID",
                description = "the action item's number (see faultline retro actions)")
        long id;

        Optional<ActionItem> item() throws Exception {
            Optional<ActionItem> a = store().retro().actionItem(id);
            if (a.isEmpty()) {
                fail("there is no action item #" + id + " (see faultline retro actions, or the report's action items)");
            }
            return a;
        }

        int save(ActionItem next, String done) throws Exception {
            store().retro().updateActionItem(next);
            root().out().println("action item #" + id + " " + done);
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "action-edit",
            description = "Change an action item's title, owner, due date, status, ticket or finding;"
                    + " options not given stay as they are.")
    static final class EditCmd extends OnAction {
        @Option(names = "--title")
        @Nullable
        String title;

        @Option(names = "--owner")
        @Nullable
        String owner;

        @Option(names = "--due", description = "YYYY-MM-DD, or 'none'")
        @Nullable
        String due;

        @Option(names = "--status", description = "open, in-progress, done, wont-do")
        @Nullable
        String status;

        @Option(names = "--ticket", description = "the ticket's URL; '' for none")
        @Nullable
        String ticket;

        @Option(names = "--finding", description = "the finding (#id) it answers")
        @Nullable
        Long finding;

        @Option(names = "--no-finding", description = "unlink it from its finding")
        boolean noFinding;

        @Override
        public Integer call() throws Exception {
            Optional<ActionItem> found = item();
            if (found.isEmpty()) {
                return ExitCodes.INVALID_INPUT;
            }
            ActionItem a = found.get();
            if (finding != null && noFinding) {
                return fail("action item #" + id + ": --finding and --no-finding contradict each other; give one");
            }
            if (finding != null && store().retro().finding(finding).isEmpty()) {
                return fail("action item #" + id + ": --finding: there is no finding #" + finding);
            }
            try {
                LocalDate d = due == null ? a.due() : due.equalsIgnoreCase("none") ? null : LocalDate.parse(due);
                return save(
                        new ActionItem(
                                a.id(),
                                a.gameDayRunId(),
                                noFinding ? null : finding == null ? a.findingId() : finding,
                                title == null ? a.title() : title,
                                owner == null ? a.owner() : owner,
                                d,
                                status == null ? a.status() : parse(ActionItem.Status.class, status, "--status"),
                                ticket == null ? a.ticketUrl() : ticket,
                                a.createdAt()),
                        "changed");
            } catch (DateTimeParseException e) {
                return fail("action item #" + id + ": --due: '" + due + "' is not a date like 2026-12-20 (or 'none')");
            } catch (IllegalArgumentException e) {
                return fail("action item #" + id + ": " + e.getMessage());
            }
        }
    }

    @Command(name = "action-close", description = "Mark an action item done, or open again with --reopen.")
    static final class CloseCmd extends OnAction {
        @Option(names = "--reopen", description = "open it again")
        boolean reopen;

        @Override
        public Integer call() throws Exception {
            Optional<ActionItem> found = item();
            if (found.isEmpty()) {
                return ExitCodes.INVALID_INPUT;
            }
            ActionItem a = found.get();
            ActionItem.Status s = reopen ? ActionItem.Status.OPEN : ActionItem.Status.DONE;
            return save(
                    new ActionItem(
                            a.id(),
                            a.gameDayRunId(),
                            a.findingId(),
                            a.title(),
                            a.owner(),
                            a.due(),
                            s,
                            a.ticketUrl(),
                            a.createdAt()),
                    reopen ? "open again" : "done");
        }
    }

    @Command(name = "action-delete", description = "Delete an action item.")
    static final class DeleteCmd extends OnAction {
        @Override
        public Integer call() throws Exception {
            Optional<ActionItem> a = item();
            if (a.isEmpty()) {
                return ExitCodes.INVALID_INPUT;
            }
            store().retro().deleteActionItem(id);
            root().out().println("action item #" + id + " '" + a.get().title() + "' deleted");
            return ExitCodes.OK;
        }
    }
}
