/**
 * Competition and cooperation dynamics between platforms: two-platform and N-species
 * Lotka–Volterra models, equilibria and stability, simulation and fitting to observed series.
 */
package dev.niche.ecology;
