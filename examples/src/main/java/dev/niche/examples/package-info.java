/** The runnable walkthrough of the seed study. */
package dev.niche.examples;
