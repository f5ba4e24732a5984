package io.github.mobileid.selfservice.device;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * A phone for trying "Get mobile ID" without one: it makes an EC P-256 key pair per certificate
 * type (authentication, signature), a PKCS#10 request signed by each key, and activates the mobile
 * ID with {@code POST /api/activations}.
 *
 * <p>Run it with the activation code, or with the text of the QR code, shown in Tasklist:
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.github.mobileid.selfservice.device.DeviceSimulator \
 *     -Dexec.args="ABCDE-FGHJK http://localhost:8080"
 * </pre>
 *
 * <p>Limitation: a real device keeps its private keys in its secure hardware; the simulator forgets
 * them when it ends, so the certificates it gets are real but nobody can sign with them.
 */
public final class DeviceSimulator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, KeyPair> keys = new LinkedHashMap<>();

    public DeviceSimulator() {
        keys.put("authentication", newKeyPair());
        keys.put("signature", newKeyPair());
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("Usage: DeviceSimulator <activation code | QR text> [server URL]");
            System.exit(2);
        }
        String code = args[0];
        String server = args.length == 2 ? args[1] : "http://localhost:8080";
        if (code.startsWith("mobileid://activate?")) {
            Map<String, String> query = query(code.substring("mobileid://activate?".length()));
            code = query.get("code");
            server = args.length == 2 ? server : query.getOrDefault("server", server);
        }

        HttpResponse<String> response = new DeviceSimulator().activate(URI.create(server), code);

        System.out.println("HTTP " + response.statusCode());
        System.out.println(response.body());
        System.exit(response.statusCode() == 200 ? 0 : 1);
    }

    /** Sends the activation to {@code <server>/api/activations}; no login, the code is the key. */
    public HttpResponse<String> activate(URI server, String code)
            throws IOException, InterruptedException {
        String body =
                JSON.writeValueAsString(
                        Map.of("activationCode", code, "certificateRequests", requests()));
        var request =
                HttpRequest.newBuilder(server.resolve("/api/activations"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** One PKCS#10 request (PEM) per certificate type, each signed by its own private key. */
    public Map<String, String> requests() {
        var requests = new LinkedHashMap<String, String>();
        keys.forEach((type, keyPair) -> requests.put(type, request(keyPair, keyPair)));
        return requests;
    }

    public PublicKey publicKey(String type) {
        return keys.get(type).getPublic();
    }

    /**
     * A request that carries one key but is signed by another: what a device that does not hold the
     * private key of the public key it sends would make.
     */
    public static String requestSignedByAnotherKey() {
        return request(newKeyPair(), newKeyPair());
    }

    private static String request(KeyPair subjectKey, KeyPair signingKey) {
        try {
            var csr =
                    new JcaPKCS10CertificationRequestBuilder(
                                    new X500Name("CN=Mobile ID device simulator"),
                                    subjectKey.getPublic())
                            .build(
                                    new JcaContentSignerBuilder("SHA256withECDSA")
                                            .build(signingKey.getPrivate()));
            var pem = new StringWriter();
            try (var writer = new JcaPEMWriter(pem)) {
                writer.writeObject(csr);
            }
            return pem.toString();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("Cannot sign a certificate request", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JVM cannot make EC P-256 key pairs", e);
        }
    }

    private static Map<String, String> query(String query) {
        var parameters = new LinkedHashMap<String, String>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(
                        pair.substring(0, equals),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }
}
