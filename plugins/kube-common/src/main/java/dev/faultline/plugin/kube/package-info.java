/**
 * What the Kubernetes backends (Chaos Mesh, LitmusChaos) share: a client made from the
 * environment's settings, errors worded for people, and the pods a target really selects, checked
 * against the blast radius.
 */
@NullMarked
package dev.faultline.plugin.kube;

import org.jspecify.annotations.NullMarked;
