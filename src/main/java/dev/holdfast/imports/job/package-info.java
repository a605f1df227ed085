/**
 * Inside imports: the commit of a previewed import, in the background on a bounded pool
 * of workers, in chunks of one transaction each that mark their rows done, so that a
 * crash loses at most the open chunk and committing again resumes after it.
 */
package dev.holdfast.imports.job;
