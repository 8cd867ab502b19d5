/**
 * The run session: starts a run or a GameDay with everything around it (recorders, notifiers,
 * Faultline's metrics, the sandbox and its Prometheus, the Ctrl-C hook, the close), for the command
 * line and the app alike. The callers only print or show what the session tells them.
 */
@NullMarked
package dev.faultline.app.session;

import org.jspecify.annotations.NullMarked;
