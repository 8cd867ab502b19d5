/**
 * Chaos Toolkit experiments (JSON and YAML, the 1.x specification) read into Faultline runbooks,
 * and runbooks written out as Chaos Toolkit experiments: a {@link
 * dev.faultline.engine.spi.interop.RunbookImporter} and a {@link
 * dev.faultline.engine.spi.interop.RunbookExporter} for the format {@code chaostoolkit}.
 */
@NullMarked
package dev.faultline.plugin.chaostoolkit;

import org.jspecify.annotations.NullMarked;
