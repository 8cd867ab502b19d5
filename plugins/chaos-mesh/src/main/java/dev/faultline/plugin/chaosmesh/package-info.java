/** Faults through Chaos Mesh custom resources, created and deleted with the fabric8 client. */
@NullMarked
package dev.faultline.plugin.chaosmesh;

import org.jspecify.annotations.NullMarked;
