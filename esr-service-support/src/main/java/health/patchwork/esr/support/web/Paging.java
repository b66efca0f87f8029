package health.patchwork.esr.support.web;

/**
 * Bounds shared by the paged endpoints ({@code ?page=&size=}). A page is bounded as well as a size, and the offset
 * is computed in {@code long}: {@code page * size} in {@code int} overflowed to a negative OFFSET, which PostgreSQL
 * refuses, and the client got a 500 instead of a 400 naming the parameter.
 */
public final class Paging {

    /** Highest page number accepted; with the largest size that is a billion rows in, far past any ledger. */
    public static final int MAX_PAGE = 1_000_000;

    private Paging() {
    }

    /** The OFFSET of a page whose number and size the endpoint has already validated. */
    public static long offset(int page, int size) {
        if (page < 0 || size < 1) {
            throw new IllegalArgumentException("page must be 0 or more and size 1 or more");
        }
        return Math.multiplyExact((long) page, (long) size);
    }
}
