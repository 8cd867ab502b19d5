/** Faultline's own metrics, fed from the run events and served for Prometheus to scrape. */
@NullMarked
package dev.faultline.plugin.prometheus.exporter;

import org.jspecify.annotations.NullMarked;
