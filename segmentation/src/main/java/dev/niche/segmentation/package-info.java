/**
 * Customer and market segments: exact and mini-batch k-means, quality scores and choice of k,
 * feature scaling and RFM features.
 */
package dev.niche.segmentation;
