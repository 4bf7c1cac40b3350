package dev.niche.segmentation;

/**
 * The profile of one segment.
 *
 * @param label the segment's label
 * @param size number of rows in it
 * @param share size / n
 * @param means the feature means of its rows
 * @param lift mean / population mean per feature (1 = like the whole population); NaN where the
 *     population mean is 0, since the ratio is then undefined
 */
@SuppressWarnings("ArrayRecordComponent") // copies made by SegmentProfile, documented there
public record Segment(int label, int size, double share, double[] means, double[] lift) {}
