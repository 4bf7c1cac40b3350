/**
 * Implementation details of {@code dev.niche.ecology}: the log-space integrator, dense output
 * storage, small dense linear algebra and the fitting machinery. This package is not API and may
 * change without notice.
 */
package dev.niche.ecology.internal;
