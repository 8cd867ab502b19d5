/**
 * The file lifecycle of the app's documents (an experiment in the editor, a plan in the GameDay
 * planner), without a window: saved text against current text, read-only shipped runbooks, the
 * user's folder, recent files and the autosave that survives a crash.
 */
@NullMarked
package dev.faultline.app.view.document;

import org.jspecify.annotations.NullMarked;
