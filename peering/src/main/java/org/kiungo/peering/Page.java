package org.kiungo.peering;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One page of a list in cursor pagination (the GraphQL connections of the admin API): the items, whether more lie
 * after and before them. A cursor is an item's id; lists are in creation order (creation time, then id).
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
     * Which page is asked for: {@code size} items after the item with id {@code cursor} (or from the start), or
     * with {@code backwards} the {@code size} items before it (or at the end). The store answers with a keyset
     * query of at most {@code size + 1} rows.
     */
    public record Request(boolean backwards, Optional<String> cursor, int size) {
        /**
         * The request of the API's {@code first}/{@code after} or {@code last}/{@code before}. Sizes out of 1 to
         * {@link #SIZE_MAX} and mixing directions are refused with {@link PeeringError#BAD_USER_INPUT}.
         */
        public static Request of(Integer first, String after, Integer last, String before) {
            if ((first != null || after != null) && (last != null || before != null)) {
                throw Inputs.bad("use first/after to page forwards or last/before to page backwards, not both");
            }
            checkSize("first", first);
            checkSize("last", last);
            if (last != null || before != null) {
                return new Request(true, Optional.ofNullable(before), last == null ? DEFAULT_SIZE : last);
            }
            return new Request(false, Optional.ofNullable(after), first == null ? DEFAULT_SIZE : first);
        }

        /** The API's name for the cursor, for messages. */
        public String cursorName() {
            return backwards ? "before" : "after";
        }

        /** The refusal of a cursor that names no item. */
        PeeringException unknownCursor() {
            return Inputs.bad(cursorName() + " is not the cursor of any item: \"" + cursor.orElse("") + "\"");
        }

        /**
         * The page made of {@code fetched}: up to {@code size + 1} items beyond the cursor in the direction of
         * travel (so backwards they come newest first); the extra one only tells that more lie that way.
         */
        <T> Page<T> page(List<T> fetched) {
            boolean more = fetched.size() > size;
            List<T> items = new ArrayList<>(fetched.subList(0, Math.min(size, fetched.size())));
            if (backwards) {
                Collections.reverse(items);
                return new Page<>(items, cursor.isPresent(), more);
            }
            return new Page<>(items, more, cursor.isPresent());
        }

        private static void checkSize(String name, Integer size) {
            if (size != null && (size < 1 || size > SIZE_MAX)) {
                throw Inputs.bad(name + " must be 1 to " + SIZE_MAX + ", not " + size);
            }
        }
    }
}
