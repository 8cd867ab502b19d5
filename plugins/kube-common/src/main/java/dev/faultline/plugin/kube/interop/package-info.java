/**
 * What the Kubernetes formats' importers and exporters share (Chaos Mesh, LitmusChaos): manifests
 * read with the line of every field, several documents to a file; Go durations; manifests written
 * back as YAML.
 */
@NullMarked
package dev.faultline.plugin.kube.interop;

import org.jspecify.annotations.NullMarked;
