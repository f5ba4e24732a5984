package io.github.mobileid.selfservice.issue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The QR code a device scans instead of typing the activation code: a PNG (ZXing) of the URI {@code
 * mobileid://activate?server=<public URL>&code=<code>}, as a {@code data:} URI that a Camunda
 * Form's image shows.
 */
@Component
class ActivationQrCode {

    private static final int SIZE = 180;

    private final String server;

    ActivationQrCode(@Value("${mobileid.ca.public-url}") String server) {
        this.server = server;
    }

    String contentOf(String code) {
        return "mobileid://activate?server=%s&code=%s"
                .formatted(URLEncoder.encode(server, StandardCharsets.UTF_8), code);
    }

    String pngDataUri(String code) {
        try {
            var matrix =
                    new QRCodeWriter()
                            .encode(
                                    contentOf(code),
                                    BarcodeFormat.QR_CODE,
                                    SIZE,
                                    SIZE,
                                    Map.of(
                                            EncodeHintType.ERROR_CORRECTION,
                                            ErrorCorrectionLevel.M,
                                            EncodeHintType.MARGIN,
                                            2));
            var png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException e) {
            throw new IllegalStateException("The activation code does not fit a QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
