package org.imrworkbench.library;

/** The text an annotation highlights: the case summary or an item's decision rationale. */
public enum AnnotationField { SUMMARY, RATIONALE }
