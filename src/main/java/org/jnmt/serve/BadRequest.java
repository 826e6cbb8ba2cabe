package org.jnmt.serve;

/** A request the server refuses: an HTTP status (4xx, or 503) and a one-sentence reason for the client. */
final class BadRequest extends RuntimeException {

    private final int status;

    BadRequest(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** A 400 Bad Request. */
    BadRequest(String message) {
        this(400, message);
    }

    int status() {
        return status;
    }
}
