package org.imrworkbench.model;

public enum Sex { MALE, FEMALE }
