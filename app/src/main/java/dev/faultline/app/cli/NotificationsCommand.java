package dev.faultline.app.cli;

import dev.faultline.engine.spi.Undelivered;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code faultline notifications}: the messages notifiers could not deliver, newest first. */
@Command(
        name = "notifications",
        description = "List the messages that could not be sent (Slack down, wrong token, ...).")
final class NotificationsCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @ParentCommand
    FaultlineCommand root;

    @Option(
            names = {"-n", "--limit"},
            defaultValue = "50",
            description = "how many (default: ${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() throws Exception {
        List<Undelivered> list = root.composition().store().undelivered().list(limit);
        if (list.isEmpty()) {
            root.out().println("every message was delivered");
            return ExitCodes.OK;
        }
        ZoneId z = ZoneId.systemDefault();
        root.out().println(list.size() + " message(s) not delivered (times in " + z.getId() + "):");
        for (Undelivered u : list) {
            String text = u.message().length() > 200 ? u.message().substring(0, 199) + "…" : u.message();
            root.out()
                    .printf(
                            "%s  %-6s %s%n    why: %s%n",
                            TIME.format(u.at().atZone(z)), u.notifier(), text.replace('\n', ' '), u.error());
        }
        return ExitCodes.OK;
    }
}
