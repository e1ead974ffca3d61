package org.imrworkbench.model;

/** Who cited a guideline: the claims administrator (utilization review) or the IMR expert reviewer. */
public enum CitedBy { CLAIMS_ADMINISTRATOR, REVIEWER }
