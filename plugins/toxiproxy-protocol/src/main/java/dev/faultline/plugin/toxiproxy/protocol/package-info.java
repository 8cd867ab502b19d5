/**
 * The Toxiproxy HTTP API, written once: {@link dev.faultline.plugin.toxiproxy.protocol.Proxy proxies} and
 * {@link dev.faultline.plugin.toxiproxy.protocol.Toxic toxics}, their JSON
 * ({@link dev.faultline.plugin.toxiproxy.protocol.ToxiproxyJson}) and a client
 * ({@link dev.faultline.plugin.toxiproxy.protocol.ToxiproxyClient}). It knows nothing of faults or
 * runs: the local chaos proxy (which serves this API and calls it) and the Toxiproxy backend map
 * their faults onto it.
 */
@NullMarked
package dev.faultline.plugin.toxiproxy.protocol;

import org.jspecify.annotations.NullMarked;
