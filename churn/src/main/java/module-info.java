/**
 * Niche churn: cohort retention, survival analysis, churn and customer value.
 *
 * <p>Exports only {@code dev.niche.churn}; {@code dev.niche.churn.internal} stays closed.
 *
 * <p>Commons Math 3.6.1 and EJML 0.46.1 ship no module name, so {@code commons.math3},
 * {@code ejml.core} and {@code ejml.ddense} are the names the JDK derives from their jar file
 * names. Those names are stable as long as the Maven artifacts keep their names; a build that
 * renames the jars (shading, fat jars) must keep Niche on the class path, where this descriptor
 * is ignored. Maven warns about such filename-based requires; the warning is expected.
 */
module dev.niche.churn {
  requires transitive dev.niche.core;
  requires commons.math3;
  requires org.slf4j;

  exports dev.niche.churn;
}
