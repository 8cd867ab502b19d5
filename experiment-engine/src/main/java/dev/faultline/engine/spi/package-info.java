/**
 * The backend SPI: what a plugin implements. A backend is one folder under {@code plugins/} whose
 * providers are listed in {@code META-INF/services}.
 */
@NullMarked
package dev.faultline.engine.spi;

import org.jspecify.annotations.NullMarked;
