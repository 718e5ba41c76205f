package io.cloudmq.dataplane.remoting.codec;

import java.util.Arrays;

/**
 * The bytes of one header while {@link JsonHeaderWriter} writes it: a growable array, copied into the frame
 * buffer in one bulk write, as filling a direct buffer byte by byte costs a bounds check per byte.
 *
 * <p>Not thread-safe: one instance per header written.
 */
final class HeaderBytes {
    private static final int INITIAL_CAPACITY = 256;

    private byte[] array = new byte[INITIAL_CAPACITY];
    private int length;

    void put(int b) {
        ensureRoom(1);
        array[length++] = (byte) b;
    }

    void put(byte[] bytes) {
        ensureRoom(bytes.length);
        System.arraycopy(bytes, 0, array, length, bytes.length);
        length += bytes.length;
    }

    /** The decimal digits of {@code value}, with a minus sign if negative. */
    void putInt(int value) {
        long magnitude = Math.abs((long) value);
        int digits = 1;
        for (long rest = magnitude / 10; rest > 0; rest /= 10) {
            digits++;
        }
        if (value < 0) {
            put('-');
        }
        ensureRoom(digits);
        for (int i = length + digits - 1; i >= length; i--) {
            array[i] = (byte) ('0' + magnitude % 10);
            magnitude /= 10;
        }
        length += digits;
    }

    /**
     * Copies the leading chars of {@code text} that are printable ASCII other than {@code "} and {@code \},
     * one byte each; returns the index of the first char it did not copy ({@code text.length()} for all).
     */
    int putPlainAscii(String text) {
        ensureRoom(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                return i;
            }
            array[length++] = (byte) c;
        }
        return text.length();
    }

    byte[] array() {
        return array;
    }

    int length() {
        return length;
    }

    private void ensureRoom(int bytes) {
        if (array.length - length < bytes) {
            array = Arrays.copyOf(array, Math.max(2 * array.length, length + bytes));
        }
    }
}
