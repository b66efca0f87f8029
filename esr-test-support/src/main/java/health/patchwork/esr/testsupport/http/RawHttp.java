package health.patchwork.esr.testsupport.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for bodies no ordinary client sends: a chunked body far larger than a service
 * accepts, written by one thread while another reads the answer. A server that refuses the body answers and closes
 * the connection without reading the rest, which ordinary clients report as a broken pipe instead of the answer.
 */
public final class RawHttp {

    /** Long enough for any answer on a loopback port; only a hung server reaches it. */
    private static final int READ_TIMEOUT_MILLIS = 120_000;

    private RawHttp() {
    }

    public record Response(int status, Map<String, String> headers, String body) {
    }

    /**
     * POSTs {@code prefix}, then {@code chunk} {@code times} times, then {@code suffix}, as a chunked JSON body of
     * one HTTP chunk per piece; returns the answer, whether or not the server read it all.
     */
    public static Response postChunked(String host, int port, String path, String authorization, String prefix,
                                       String chunk, long times, String suffix) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread writer = new Thread(() -> {
                try {
                    writeChunk(out, prefix.getBytes(StandardCharsets.UTF_8));
                    byte[] repeated = repeat(chunk.getBytes(StandardCharsets.UTF_8), 64 * 1024);
                    long pieces = times / Math.max(1, repeated.length / chunk.length());
                    for (long i = 0; i < pieces; i++) {
                        writeChunk(out, repeated);
                    }
                    writeChunk(out, suffix.getBytes(StandardCharsets.UTF_8));
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // the server stopped reading and closed the connection: expected when it refuses the body
                }
            }, "raw-http-writer");
            writer.setDaemon(true);
            writer.start();
            try {
                return read(socket.getInputStream());
            } finally {
                writer.interrupt();
            }
        }
    }

    /** POSTs {@code body} whole with its Content-Length, written by one thread while this one reads the answer. */
    public static Response post(String host, int port, String path, String authorization, String contentType,
                                byte[] body) throws IOException {
        return send("POST", host, port, path, authorization, contentType, body);
    }

    /** Like {@link #post}, with any method that takes a body (PUT, PATCH). */
    public static Response send(String method, String host, int port, String path, String authorization,
                                String contentType, byte[] body) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            String head = method + " " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                    + "Content-Type: " + contentType + "\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread writer = new Thread(() -> {
                try {
                    for (int at = 0; at < body.length; at += 64 * 1024) {
                        out.write(body, at, Math.min(64 * 1024, body.length - at));
                    }
                    out.flush();
                } catch (IOException e) {
                    // the server answered without reading it all and closed the connection
                }
            }, "raw-http-writer");
            writer.setDaemon(true);
            writer.start();
            return read(socket.getInputStream());
        }
    }

    /**
     * POSTs a request whose Content-Length declares {@code declaredLength} bytes, then sends only {@code start}:
     * a server that checks the length up front answers at once; one that waits for the body would hang here.
     */
    public static Response postDeclaringLength(String host, int port, String path, String authorization,
                                               long declaredLength, String start) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                    + "Content-Type: application/json\r\nContent-Length: " + declaredLength
                    + "\r\nConnection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(start.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return read(socket.getInputStream());
        }
    }

    /** {@code chunk} repeated to about {@code size} bytes, whole copies only. */
    private static byte[] repeat(byte[] chunk, int size) {
        int copies = Math.max(1, size / chunk.length);
        byte[] out = new byte[copies * chunk.length];
        for (int i = 0; i < copies; i++) {
            System.arraycopy(chunk, 0, out, i * chunk.length, chunk.length);
        }
        return out;
    }

    private static void writeChunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("the server closed the connection without an answer");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (String size = line(in); size != null; size = line(in)) {
                int length = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (length == 0) {
                    break;
                }
                body.write(in.readNBytes(length));
                line(in);
            }
        } else if (headers.containsKey("content-length")) {
            body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
        } else {
            body.write(in.readAllBytes());
        }
        return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
