/**
 * Niche segmentation: k-means and customer segments.
 *
 * <p>Exports only {@code dev.niche.segmentation}; {@code dev.niche.segmentation.internal} stays
 * closed. It needs no third-party module beyond SLF4J.
 */
module dev.niche.segmentation {
  requires transitive dev.niche.core;
  requires org.slf4j;

  exports dev.niche.segmentation;
}
