/**
 * Niche core: validation, estimates, maximum likelihood, seeds and customer activity data.
 *
 * <p>Exports only the API packages. {@code dev.niche.core.internal} is exported to Niche's own
 * churn module alone (it uses the Gauss hypergeometric function), so no user code on the module
 * path can compile or link against it.
 *
 * <p>Commons Math 3.6.1 and EJML 0.46.1 ship no module name, so {@code commons.math3},
 * {@code ejml.core} and {@code ejml.ddense} are the names the JDK derives from their jar file
 * names. Those names are stable as long as the Maven artifacts keep their names; a build that
 * renames the jars (shading, fat jars) must keep Niche on the class path, where this descriptor
 * is ignored. Maven warns about such filename-based requires; the warning is expected.
 */
module dev.niche.core {
  requires commons.math3;
  requires org.slf4j;

  exports dev.niche.core;
  exports dev.niche.core.activity;
  exports dev.niche.core.likelihood;
  exports dev.niche.core.internal to
      dev.niche.churn;
}
