package org.imrworkbench.analytics;

import org.imrworkbench.model.Decision;

/**
 * One disputed item of the library, as analytics lists it.
 *
 * @param id         the case id
 * @param caseNumber the case number, or null
 * @param item       the item's number in its letter
 * @param request    the disputed request
 * @param decision   the decision on it
 */
public record ItemRef(String id, String caseNumber, int item, String request, Decision decision) {
}
