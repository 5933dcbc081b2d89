package org.kiungo.peering;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * One HTTP exchange with another node: its status and at most {@code bodyBytesMax} bytes of its body (one more
 * is read, so {@link #tooLarge()} can tell). A node that cannot be reached is NOT_FOUND, saying why.
 */
record PeerCall(int status, byte[] body, int bodyBytesMax) {
    static PeerCall send(HttpClient http, HttpRequest request, int bodyBytesMax, String what) {
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                return new PeerCall(response.statusCode(), in.readNBytes(bodyBytesMax + 1), bodyBytesMax);
            }
        } catch (IOException e) {
            throw new PeeringException(PeeringError.NOT_FOUND, what + " " + request.uri() + " could not be reached ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                    + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeeringException(PeeringError.CONFLICT, "interrupted while waiting for " + request.uri());
        }
    }

    boolean tooLarge() {
        return body.length > bodyBytesMax;
    }
}
