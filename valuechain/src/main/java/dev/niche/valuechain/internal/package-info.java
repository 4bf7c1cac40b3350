/**
 * Implementation details of the valuechain module. <strong>Not part of the API</strong>: classes
 * here may change or disappear in any release, semantic versioning does not cover them, and user
 * code must not depend on them.
 */
package dev.niche.valuechain.internal;
