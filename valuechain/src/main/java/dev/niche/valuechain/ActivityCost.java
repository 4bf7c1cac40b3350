package dev.niche.valuechain;

/**
 * One activity of a {@link TimeDrivenCosting} model.
 *
 * @param activity the activity's name
 * @param unitTime the capacity (e.g. minutes) one unit of the activity consumes
 * @param quantity the number of units performed in the period
 * @param costDriverRate unitTime &times; capacity cost rate: the cost of one unit of the activity
 * @param capacityUsed unitTime &times; quantity
 * @param costAssigned costDriverRate &times; quantity
 */
public record ActivityCost(String activity, double unitTime, double quantity,
    double costDriverRate, double capacityUsed, double costAssigned) {}
