package io.github.mobileid.selfservice.ca.ocsp;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.web.util.UriUtils;

/**
 * OCSP over HTTP (RFC 6960, appendix A): {@code POST /ocsp} with the DER request as body, and
 * {@code GET /ocsp/<url-encoded base64 of the DER request>}. The answer is always 200 with an
 * {@code application/ocsp-response} body; a request that cannot be read gets the {@code
 * malformedRequest} status inside it.
 *
 * <p>The endpoint is a servlet filter ordered before Spring Security and ends the filter chain
 * itself. A GET request's base64 contains {@code /}, which clients send as {@code %2F}; Spring
 * Security's firewall rejects every such URL, whichever security rules apply to the path. OCSP is
 * public by design, so the responder answers before that firewall, and only for {@code /ocsp} and
 * below.
 */
class OcspEndpoint extends HttpFilter {

    static final String PATH = "/ocsp";
    static final String REQUEST_TYPE = "application/ocsp-request";
    static final String RESPONSE_TYPE = "application/ocsp-response";

    /** Far above any OCSP request for a few certificates; a larger body is not read. */
    static final int MAX_REQUEST_BYTES = 16 * 1024;

    private final OcspResponder responder;

    OcspEndpoint(OcspResponder responder) {
        this.responder = responder;
    }

    @Override
    protected void doFilter(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.equals(PATH) && !path.startsWith(PATH + "/")) {
            chain.doFilter(request, response);
            return;
        }

        byte[] answer;
        switch (request.getMethod()) {
            case "POST" -> answer = responder.respond(body(request));
            case "GET" -> answer = responder.respond(fromPath(path));
            default -> {
                response.setHeader("Allow", "GET, POST");
                response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
                return;
            }
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(RESPONSE_TYPE);
        response.setContentLength(answer.length);
        response.getOutputStream().write(answer);
    }

    /** The body, or nothing (which the responder calls malformed) when it is too large. */
    private static byte[] body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_REQUEST_BYTES) {
            return new byte[0];
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_REQUEST_BYTES + 1);
            return body.length > MAX_REQUEST_BYTES ? new byte[0] : body;
        }
    }

    /**
     * The request of a GET: the path after {@code /ocsp/}, percent-decoded (a {@code +} stays a
     * plus sign, as in any path) and base64-decoded; URL-safe base64 is accepted too.
     */
    static byte[] fromPath(String path) {
        if (path.length() <= PATH.length() + 1 || path.length() > 2 * MAX_REQUEST_BYTES) {
            return new byte[0];
        }
        String encoded = UriUtils.decode(path.substring(PATH.length() + 1), StandardCharsets.UTF_8);
        encoded = encoded.strip();
        try {
            if (encoded.indexOf('-') >= 0 || encoded.indexOf('_') >= 0) {
                return Base64.getUrlDecoder().decode(encoded);
            }
            return Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
