package org.imrworkbench.model;

/**
 * "X was the original request. Y was authorized ... The remaining IMR eligible portion of the original request, Z".
 * Each part may be null when the letter does not state it.
 */
public record PartialAuthorization(String originalRequest, String authorized, String disputed,
                                   Span originalRequestSpan, Span authorizedSpan, Span disputedSpan) {
}
