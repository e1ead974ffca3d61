package org.imrworkbench.model;

/** What the letter says of the injured worker: age in years and sex, each null when not found. */
public record Patient(Integer age, Sex sex) {
    public static final Patient NONE = new Patient(null, null);
}
