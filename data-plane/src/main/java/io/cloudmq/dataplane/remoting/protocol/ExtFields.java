package io.cloudmq.dataplane.remoting.protocol;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The immutable ext-field map of a {@link RemotingCommand}: entries in natural key order (the order the
 * request signature covers them in), looked up through a hash index.
 *
 * <pre>
 * | field  | content                                                                              |
 * |--------|--------------------------------------------------------------------------------------|
 * | keys   | the distinct keys in {@link String#compareTo} order, positions 0 .. size - 1         |
 * | values | the value of the key at the same position, never null                                |
 * | slots  | open addressing, linear probing; length a power of two ≥ 2 × size; position + 1,     |
 * |        | 0 for an empty slot                                                                  |
 * </pre>
 *
 * Null keys and values are refused and {@code get(null)} throws, as for {@link Map#copyOf}; every mutator
 * throws {@link UnsupportedOperationException}. Immutable and thread-safe; a {@link Builder} is not.
 */
public final class ExtFields extends AbstractMap<String, String> {
    public static final ExtFields EMPTY = builder().build();

    private final String[] keys;
    private final String[] values;
    private final int size;
    private final int[] slots;

    private ExtFields(String[] keys, String[] values, int size) {
        this.keys = keys;
        this.values = values;
        this.size = size;
        this.slots = new int[Integer.highestOneBit(Math.max(1, size) * 2 - 1) << 1];
        for (int position = 0; position < size; position++) {
            int slot = firstSlot(keys[position]);
            while (slots[slot] != 0) {
                slot = nextSlot(slot);
            }
            slots[slot] = position + 1;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code fields} itself if it is an {@code ExtFields}, else an ordered copy of it. */
    public static ExtFields copyOf(Map<String, String> fields) {
        if (fields instanceof ExtFields same) {
            return same;
        }
        Builder builder = new Builder();
        fields.forEach((key, value) -> builder.put(key, Objects.requireNonNull(value, "value")));
        return builder.build();
    }

    /** The key at {@code position} (0 .. size - 1), in natural key order. */
    public String keyAt(int position) {
        return keys[Objects.checkIndex(position, size)];
    }

    /** The value of {@link #keyAt}{@code (position)}. */
    public String valueAt(int position) {
        return values[Objects.checkIndex(position, size)];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object key) {
        return position(key) >= 0;
    }

    @Override
    public @Nullable String get(Object key) {
        int position = position(key);
        return position < 0 ? null : values[position];
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, String> entry = new SimpleImmutableEntry<>(keys[next], values[next]);
                        next++;
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    private int position(Object key) {
        for (int slot = firstSlot(key); slots[slot] != 0; slot = nextSlot(slot)) {
            int position = slots[slot] - 1;
            if (keys[position].equals(key)) {
                return position;
            }
        }
        return -1;
    }

    private int firstSlot(Object key) {
        int hash = key.hashCode();
        return (hash ^ (hash >>> 16)) & (slots.length - 1);
    }

    private int nextSlot(int slot) {
        return (slot + 1) & (slots.length - 1);
    }

    /**
     * Collects fields as a {@link java.util.HashMap} would take them: a later {@code put} of a key replaces
     * its value, a {@code null} value removes the key. Entries are kept in arrival order and ordered once by
     * {@link #build}, with an insertion sort that lets a later entry of a key replace the earlier one: linear
     * for keys that arrive (nearly) ordered, as clients send them. Past {@value #INSERTION_SORT_LIMIT}
     * entries a stable merge sort ({@link Arrays#sort(Object[], java.util.Comparator)}) orders them first, so
     * no input costs quadratic time. Not thread-safe; the map built takes over the builder's arrays, so a
     * builder builds once.
     */
    public static final class Builder {
        private static final int INSERTION_SORT_LIMIT = 64;

        private String[] keys = new String[16];
        private @Nullable String[] values = new String[16];
        private int size;
        private boolean built;

        private Builder() {}

        /** Sets {@code key} to {@code value}, or removes it when {@code value} is null. */
        public Builder put(String key, @Nullable String value) {
            Objects.requireNonNull(key, "key");
            requireNotBuilt();
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = key;
            values[size] = value;
            size++;
            return this;
        }

        public ExtFields build() {
            requireNotBuilt();
            built = true;
            if (size > INSERTION_SORT_LIMIT) {
                mergeSort();
            }
            return withoutNullValues(insertionSortKeepingLast());
        }

        private void requireNotBuilt() {
            if (built) {
                throw new IllegalStateException("this builder has built its map already");
            }
        }

        /**
         * Orders the entries by key, a later entry of a key replacing the earlier one in place (stable for
         * equal keys, so arrival order decides); returns how many distinct keys are left at the front.
         */
        private int insertionSortKeepingLast() {
            int distinct = 0;
            for (int i = 0; i < size; i++) {
                String key = keys[i];
                @Nullable String value = values[i];
                int at = distinct;
                int order = 1;
                while (at > 0 && (order = keys[at - 1].compareTo(key)) > 0) {
                    at--;
                }
                if (at > 0 && order == 0) {
                    values[at - 1] = value;
                    continue;
                }
                System.arraycopy(keys, at, keys, at + 1, distinct - at);
                System.arraycopy(values, at, values, at + 1, distinct - at);
                keys[at] = key;
                values[at] = value;
                distinct++;
            }
            return distinct;
        }

        private void mergeSort() {
            @SuppressWarnings("unchecked")
            Entry<String, @Nullable String>[] entries = new Entry[size];
            for (int i = 0; i < size; i++) {
                entries[i] = new SimpleImmutableEntry<>(keys[i], values[i]);
            }
            Arrays.sort(entries, Entry.comparingByKey());
            for (int i = 0; i < size; i++) {
                keys[i] = entries[i].getKey();
                values[i] = entries[i].getValue();
            }
        }

        /** The map of the first {@code distinct} entries, those whose (last) value is null left out. */
        private ExtFields withoutNullValues(int distinct) {
            int kept = 0;
            for (int i = 0; i < distinct; i++) {
                if (values[i] != null) {
                    keys[kept] = keys[i];
                    values[kept] = values[i];
                    kept++;
                }
            }
            return new ExtFields(keys, values, kept);
        }
    }
}
