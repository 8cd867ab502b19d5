/**
 * Reading experiments written for other chaos tools (Chaos Toolkit, Chaos Mesh, LitmusChaos,
 * Toxiproxy) into Faultline's model, and writing Faultline's runbooks out in their formats. Each
 * format is a plugin found by {@link java.util.ServiceLoader}: a {@link RunbookImporter}, a
 * {@link RunbookExporter}, or both. Nothing is ever dropped silently: what a format cannot say
 * exactly is named in a {@link ConversionNote}.
 */
@NullMarked
package dev.faultline.engine.spi.interop;

import org.jspecify.annotations.NullMarked;
