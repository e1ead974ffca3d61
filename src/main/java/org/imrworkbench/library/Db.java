package org.imrworkbench.library;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The library's one JDBC connection, its lock and its prepared statements. SQLite connections must not be used by
 * two threads at once, so every access goes through {@link #read} or {@link #write}, which hold the lock.
 */
final class Db implements AutoCloseable {

    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final String name;

    Db(Connection connection, String name) {
        this.connection = connection;
        this.name = name;
    }

    /** A cached prepared statement; call only while holding the lock. */
    PreparedStatement ps(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    Connection connection() {
        return connection;
    }

    /** Runs read-only work under the lock. */
    synchronized <T> T read(SqlWork<T> work) {
        try {
            return work.apply(connection);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Runs work under the lock in one read transaction (a savepoint: it opens one, or nests in the caller's), so that
     * every statement of the work reads the same snapshot of the library, whatever another program commits meanwhile.
     * The work may still write temporary tables.
     */
    synchronized <T> T readSnapshot(SqlWork<T> work) {
        return transaction(work, "SAVEPOINT snapshot", "RELEASE snapshot", "ROLLBACK TO snapshot", "RELEASE snapshot");
    }

    /** Runs work in one immediate transaction under the lock: all of it is committed, or none. */
    synchronized <T> T write(SqlWork<T> work) {
        return transaction(work, "BEGIN IMMEDIATE", "COMMIT", "ROLLBACK");
    }

    /**
     * Runs work between {@code begin} and {@code end}; when it fails, the {@code undo} statements run (their own
     * failures added to the work's) and the work's exception is thrown. Call under the lock.
     */
    private <T> T transaction(SqlWork<T> work, String begin, String end, String... undo) {
        try {
            execute(begin);
            try {
                T result = work.apply(connection);
                execute(end);
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    for (String statement : undo) {
                        execute(statement);
                    }
                } catch (SQLException undoing) {
                    e.addSuppressed(undoing);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    long queryLong(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** The library's name for messages. */
    String name() {
        return name;
    }

    /** True when SQLite refused because another connection holds the lock it needs. */
    static boolean isBusy(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return message.contains("SQLITE_BUSY") || message.contains("database is locked");
    }

    LibraryException failure(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (isBusy(e)) {
            return new LibraryException(name + ": the library is busy (another program is writing to it)", e);
        }
        if (message.contains("SQLITE_FULL")) {
            return new LibraryException(name + ": the disk is full", e);
        }
        if (message.contains("SQLITE_READONLY")) {
            return new LibraryException(name + ": the library is read-only", e);
        }
        return new LibraryException(name + ": library error: "
                + message.replaceAll("\\s+", " ").replaceFirst("^\\[SQLITE_\\w+]\\s*", "").strip(), e);
    }

    @Override
    public synchronized void close() throws SQLException {
        for (PreparedStatement ps : statements.values()) {
            ps.close();
        }
        statements.clear();
        connection.close();
    }
}
