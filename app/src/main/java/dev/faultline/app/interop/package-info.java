/**
 * Other tools' formats in the app: every {@link dev.faultline.engine.spi.interop.RunbookImporter}
 * and {@link dev.faultline.engine.spi.interop.RunbookExporter} on the class path, asked in turn
 * which recognises a file; shared by {@code faultline import}/{@code export} and File → Import.
 */
@NullMarked
package dev.faultline.app.interop;

import org.jspecify.annotations.NullMarked;
