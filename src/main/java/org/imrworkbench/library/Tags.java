package org.imrworkbench.library;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Tags on cases and items: many to many, names unique ignoring case, an optional colour. Tags on items are kept by
 * item number, so they survive a re-parse. Obtain from {@link Library#tags()}; thread-safe like the library.
 */
public final class Tags {

    private static final int MAX_NAME = 100;

    private final Db db;
    private final CaseKeys keys;

    Tags(Db db, CaseKeys keys) {
        this.db = db;
        this.keys = keys;
    }

    /** Every tag, by name ignoring case, with how many cases and items carry it. */
    public List<TagUsage> list() {
        return db.read(c -> {
            List<TagUsage> tags = new ArrayList<>();
            try (ResultSet rs = db.ps("""
                    SELECT t.pk, t.name, t.color,
                      (SELECT count(*) FROM case_tags WHERE tag_pk = t.pk),
                      (SELECT count(*) FROM item_tags WHERE tag_pk = t.pk)
                    FROM tags t ORDER BY t.name COLLATE NOCASE""").executeQuery()) {
                while (rs.next()) {
                    tags.add(new TagUsage(new Tag(rs.getLong(1), rs.getString(2), rs.getString(3)), rs.getInt(4),
                            rs.getInt(5)));
                }
            }
            return tags;
        });
    }

    /** The tag of this name (ignoring case), if any. */
    public Optional<Tag> find(String name) {
        return db.read(c -> Optional.ofNullable(byName(name)));
    }

    /**
     * Creates a tag.
     *
     * @throws LibraryException when the name is empty or a tag of that name (ignoring case) exists
     */
    public Tag create(String name, String color) {
        String clean = checkName(name);
        return db.write(c -> {
            if (byName(clean) != null) {
                throw new LibraryException("tag \"" + clean + "\" already exists");
            }
            return insert(clean, color);
        });
    }

    /**
     * Renames a tag; a change of case only is allowed.
     *
     * @throws NotFoundException when there is no such tag
     * @throws LibraryException  when another tag has the new name (merge them instead)
     */
    public Tag rename(String name, String newName) {
        String clean = checkName(newName);
        return db.write(c -> {
            Tag tag = existing(name);
            Tag other = byName(clean);
            if (other != null && other.id() != tag.id()) {
                throw new LibraryException("tag \"" + other.name() + "\" already exists; merge the two tags instead");
            }
            PreparedStatement ps = db.ps("UPDATE tags SET name = ? WHERE pk = ?");
            ps.setString(1, clean);
            ps.setLong(2, tag.id());
            ps.executeUpdate();
            return new Tag(tag.id(), clean, tag.color());
        });
    }

    /** Sets a tag's colour (a colour name or {@code #rrggbb}; null for the default). */
    public Tag recolour(String name, String color) {
        return db.write(c -> {
            Tag tag = existing(name);
            PreparedStatement ps = db.ps("UPDATE tags SET color = ? WHERE pk = ?");
            ps.setString(1, color);
            ps.setLong(2, tag.id());
            ps.executeUpdate();
            return new Tag(tag.id(), tag.name(), color);
        });
    }

    /** Moves every use of tag {@code from} to tag {@code into} and deletes {@code from}. */
    public Tag merge(String from, String into) {
        return db.write(c -> {
            Tag source = existing(from);
            Tag target = existing(into);
            if (source.id() == target.id()) {
                return target;
            }
            for (String sql : List.of(
                    "INSERT OR IGNORE INTO case_tags (case_pk, tag_pk) SELECT case_pk, ? FROM case_tags WHERE tag_pk = ?",
                    "INSERT OR IGNORE INTO item_tags (case_pk, item_number, tag_pk)"
                            + " SELECT case_pk, item_number, ? FROM item_tags WHERE tag_pk = ?")) {
                PreparedStatement ps = db.ps(sql);
                ps.setLong(1, target.id());
                ps.setLong(2, source.id());
                ps.executeUpdate();
            }
            deleteTag(source.id());
            return target;
        });
    }

    /** Deletes a tag and removes it from every case and item; false when there was no such tag. */
    public boolean delete(String name) {
        return db.write(c -> {
            Tag tag = byName(name);
            if (tag == null) {
                return false;
            }
            deleteTag(tag.id());
            return true;
        });
    }

    /** Tags a case, creating the tag when new; false when the case already had it. */
    public boolean tagCase(String id, String tag) {
        String clean = checkName(tag);
        return db.write(c -> {
            long pk = keys.casePk(id);
            PreparedStatement ps = db.ps("INSERT OR IGNORE INTO case_tags (case_pk, tag_pk) VALUES (?, ?)");
            ps.setLong(1, pk);
            ps.setLong(2, ensure(clean).id());
            return ps.executeUpdate() > 0;
        });
    }

    /** Removes a tag from a case; false when the case did not have it. */
    public boolean untagCase(String id, String tag) {
        return db.write(c -> {
            long pk = keys.casePk(id);
            Tag t = byName(tag);
            if (t == null) {
                return false;
            }
            PreparedStatement ps = db.ps("DELETE FROM case_tags WHERE case_pk = ? AND tag_pk = ?");
            ps.setLong(1, pk);
            ps.setLong(2, t.id());
            return ps.executeUpdate() > 0;
        });
    }

    /** Tags item {@code item} of a case, creating the tag when new; false when the item already had it. */
    public boolean tagItem(String id, int item, String tag) {
        String clean = checkName(tag);
        return db.write(c -> {
            long pk = keys.casePk(id);
            requireItem(id, pk, item);
            PreparedStatement ps = db.ps(
                    "INSERT OR IGNORE INTO item_tags (case_pk, item_number, tag_pk) VALUES (?, ?, ?)");
            ps.setLong(1, pk);
            ps.setInt(2, item);
            ps.setLong(3, ensure(clean).id());
            return ps.executeUpdate() > 0;
        });
    }

    /** Removes a tag from an item; false when the item did not have it. */
    public boolean untagItem(String id, int item, String tag) {
        return db.write(c -> {
            long pk = keys.casePk(id);
            requireItem(id, pk, item);
            Tag t = byName(tag);
            if (t == null) {
                return false;
            }
            PreparedStatement ps = db.ps("DELETE FROM item_tags WHERE case_pk = ? AND item_number = ? AND tag_pk = ?");
            ps.setLong(1, pk);
            ps.setInt(2, item);
            ps.setLong(3, t.id());
            return ps.executeUpdate() > 0;
        });
    }

    List<String> caseTagNames(long casePk) throws SQLException {
        PreparedStatement ps = db.ps("SELECT t.name FROM case_tags ct JOIN tags t ON t.pk = ct.tag_pk"
                + " WHERE ct.case_pk = ? ORDER BY t.name COLLATE NOCASE");
        ps.setLong(1, casePk);
        List<String> names = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    Map<Integer, List<String>> itemTagNames(long casePk) throws SQLException {
        PreparedStatement ps = db.ps("SELECT it.item_number, t.name FROM item_tags it JOIN tags t ON t.pk = it.tag_pk"
                + " WHERE it.case_pk = ? ORDER BY it.item_number, t.name COLLATE NOCASE");
        ps.setLong(1, casePk);
        Map<Integer, List<String>> names = new TreeMap<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        names.replaceAll((k, v) -> List.copyOf(v));
        return names;
    }

    private void requireItem(String id, long casePk, int item) throws SQLException {
        PreparedStatement ps = db.ps("SELECT 1 FROM items WHERE case_pk = ? AND number = ?");
        ps.setLong(1, casePk);
        ps.setInt(2, item);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new NotFoundException(id + ": the case has no item " + item);
            }
        }
    }

    private Tag ensure(String name) throws SQLException {
        Tag tag = byName(name);
        return tag != null ? tag : insert(name, null);
    }

    private Tag insert(String name, String color) throws SQLException {
        PreparedStatement ps = db.ps("INSERT INTO tags (name, color, created) VALUES (?, ?, ?)");
        ps.setString(1, name);
        ps.setString(2, color);
        ps.setString(3, Library.now());
        ps.executeUpdate();
        return byName(name);
    }

    private Tag existing(String name) throws SQLException {
        Tag tag = byName(name);
        if (tag == null) {
            throw new NotFoundException("no tag named \"" + name + "\"");
        }
        return tag;
    }

    private Tag byName(String name) throws SQLException {
        PreparedStatement ps = db.ps("SELECT pk, name, color FROM tags WHERE name = ?");
        ps.setString(1, name == null ? null : name.strip());
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new Tag(rs.getLong(1), rs.getString(2), rs.getString(3)) : null;
        }
    }

    private void deleteTag(long pk) throws SQLException {
        PreparedStatement ps = db.ps("DELETE FROM tags WHERE pk = ?");
        ps.setLong(1, pk);
        ps.executeUpdate();
    }

    private static String checkName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new LibraryException("a tag name must not be empty");
        }
        if (clean.length() > MAX_NAME) {
            throw new LibraryException("a tag name must be at most " + MAX_NAME + " characters");
        }
        if (clean.chars().anyMatch(Character::isISOControl)) {
            throw new LibraryException("a tag name must not contain control characters");
        }
        return clean;
    }
}
