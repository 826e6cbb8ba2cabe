package org.jnmt.serve;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reading a request body: bounded in size, strictly UTF-8, then JSON. */
final class RequestBody {

    /**
     * How much of an oversized body is read and thrown away before answering 413, so that the
     * client, still sending, sees the answer rather than a reset connection; past this the
     * connection is dropped.
     */
    static final long DISCARD_LIMIT = 64L << 20;

    private RequestBody() {}

    /** The body's bytes; a body over {@code limit} bytes is read to its end, discarded, and answered 413. */
    static byte[] read(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(Math.min(limit, 8192));
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            total += n;
            if (total > limit) {
                discard(in, buffer, total);
                throw new BadRequest(413, "The request body is over the limit of " + limit + " bytes.");
            }
            body.write(buffer, 0, n);
        }
        return body.toByteArray();
    }

    private static void discard(InputStream in, byte[] buffer, long total) throws IOException {
        int n;
        while (total < DISCARD_LIMIT && (n = in.read(buffer)) >= 0) {
            total += n;
        }
    }

    /** The body as JSON: 400 for an empty body, invalid UTF-8 or malformed JSON. */
    static JsonNode parse(byte[] body, ObjectMapper json) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadRequest("The request body is not valid UTF-8.");
        }
        if (text.isBlank()) {
            throw new BadRequest("The request body is empty; send JSON.");
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new BadRequest("The request body is not valid JSON"
                    + (where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")")
                    + ".");
        }
    }
}
