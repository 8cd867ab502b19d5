/**
 * The Toxiproxy HTTP API, written once: {@link dev.faultline.plugin.toxiproxy.protocol.Proxy proxies} and
 * {@link dev.faultline.plugin.toxiproxy.protocol.Toxic toxics}, their JSON
 * ({@link dev.faultline.plugin.toxiproxy.protocol.ToxiproxyJson}) and a client
 * ({@link dev.faultline.plugin.toxiproxy.protocol.ToxiproxyClient}), and which toxic makes each
 * proxy fault ({@link dev.faultline.plugin.toxiproxy.protocol.FaultToxics}). It knows nothing of
 * runs: the local chaos proxy (which serves this API and calls it) and the Toxiproxy backend both
 * use it, so a proxy fault is the same toxic on either.
 */
@NullMarked
package dev.faultline.plugin.toxiproxy.protocol;

import org.jspecify.annotations.NullMarked;
