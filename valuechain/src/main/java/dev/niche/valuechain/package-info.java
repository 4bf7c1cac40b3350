/**
 * Value-chain cost structures: shares as compositions in Aitchison geometry, restructuring
 * comparisons, least-change reallocation plans, Leontief input-output models and activity costing.
 */
package dev.niche.valuechain;
