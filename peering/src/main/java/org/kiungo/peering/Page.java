package org.kiungo.peering;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list in cursor pagination (the GraphQL connections of the admin API): the items, whether more lie
 * after and before them. A cursor is an item's id.
 */
public record Page<T>(List<T> items, boolean hasNextPage, boolean hasPreviousPage) {
    /** Items in a page when the request names no size. */
    public static final int DEFAULT_SIZE = 20;
    /** Most items in one page. */
    public static final int SIZE_MAX = 100;

    public Page {
        items = List.copyOf(items);
    }

    /**
     * The page of {@code all} (in their list order) after {@code after} or before {@code before}: the first
     * {@code first} items or the last {@code last}. Unknown cursors, sizes out of 1 to {@link #SIZE_MAX} and
     * mixing directions are refused with {@link PeeringError#BAD_USER_INPUT}.
     */
    public static <T> Page<T> of(List<T> all, Function<T, String> id, Integer first, String after, Integer last,
                                 String before) {
        if ((first != null || after != null) && (last != null || before != null)) {
            throw Inputs.bad("use first/after to page forwards or last/before to page backwards, not both");
        }
        checkSize("first", first);
        checkSize("last", last);
        if (last != null || before != null) {
            int end = before == null ? all.size() : indexOf(all, id, before, "before");
            int size = last == null ? DEFAULT_SIZE : last;
            int start = Math.max(0, end - size);
            return new Page<>(all.subList(start, end), end < all.size(), start > 0);
        }
        int start = after == null ? 0 : indexOf(all, id, after, "after") + 1;
        int size = first == null ? DEFAULT_SIZE : first;
        int end = Math.min(all.size(), start + size);
        return new Page<>(all.subList(start, end), end < all.size(), start > 0);
    }

    private static void checkSize(String name, Integer size) {
        if (size != null && (size < 1 || size > SIZE_MAX)) {
            throw Inputs.bad(name + " must be 1 to " + SIZE_MAX + ", not " + size);
        }
    }

    private static <T> int indexOf(List<T> all, Function<T, String> id, String cursor, String name) {
        for (int i = 0; i < all.size(); i++) {
            if (id.apply(all.get(i)).equals(cursor)) {
                return i;
            }
        }
        throw Inputs.bad(name + " is not the cursor of any item: \"" + cursor + "\"");
    }
}
