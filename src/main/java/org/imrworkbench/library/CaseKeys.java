package org.imrworkbench.library;

import java.sql.SQLException;

/** Resolves a case id to its row key, throwing {@link NotFoundException} for an unknown id. */
@FunctionalInterface
interface CaseKeys {
    long casePk(String id) throws SQLException;
}
