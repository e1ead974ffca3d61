package org.imrworkbench.library;

import java.sql.Connection;
import java.sql.SQLException;

/** Work on the library's JDBC connection, run by {@link Library#read} under the library's lock. */
@FunctionalInterface
public interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
}
