package dev.faultline.app.cli;

import java.io.Console;

/** Asks a yes/no question on the terminal; without a terminal the answer is no. */
final class Confirmation {
    private Confirmation() {}

    static boolean ask(FaultlineCommand root, String question) {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        String answer = console.readLine("%s [yes/no] ", question);
        return answer != null && answer.strip().equalsIgnoreCase("yes");
    }
}
