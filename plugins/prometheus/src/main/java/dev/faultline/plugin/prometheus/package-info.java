/** PromQL probes through Prometheus's HTTP API, and Faultline's own metrics for Prometheus to scrape. */
@NullMarked
package dev.faultline.plugin.prometheus;

import org.jspecify.annotations.NullMarked;
