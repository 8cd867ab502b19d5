/** The editor screen. */
@NullMarked
package dev.faultline.app.view.editor;

import org.jspecify.annotations.NullMarked;
