/**
 * Implementation of the segmentation module: distance kernels, chunked parallel passes, seeding
 * and the Lloyd, Hamerly and Elkan iterations. Not API: anything here may change without notice.
 */
package dev.niche.segmentation.internal;
