package dev.rapport.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One keep-alive HTTP/1.1 connection to a server on 127.0.0.1 that POSTs JSON bodies to one path
 * and reads the answers. Deliberately tiny, so the load generator costs little CPU next to the
 * server it measures and holds exactly one socket. Not thread-safe: one per generator thread.
 */
final class HttpConnection implements AutoCloseable {

    private final int port;
    private final byte[] head;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    HttpConnection(int port, String path, Map<String, String> headers) {
        this.port = port;
        var text = new StringBuilder()
                .append("POST ")
                .append(path)
                .append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:")
                .append(port)
                .append("\r\n")
                .append("Content-Type: application/json\r\n");
        headers.forEach(
                (name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
        text.append("Content-Length: ");
        this.head = text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Posts {@code body} and reads the whole answer. Returns the HTTP status. On an I/O error the
     * connection is closed (the next call opens a new one) and the error is thrown.
     */
    int post(byte[] body) throws IOException {
        try {
            if (socket == null) {
                connect();
            }
            byte[] length = (body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] request = new byte[head.length + length.length + body.length];
            System.arraycopy(head, 0, request, 0, head.length);
            System.arraycopy(length, 0, request, head.length, length.length);
            System.arraycopy(body, 0, request, head.length + length.length, body.length);
            out.write(request);
            out.flush();
            return readAnswer();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        in = new BufferedInputStream(socket.getInputStream(), 8192);
        out = socket.getOutputStream();
    }

    private int readAnswer() throws IOException {
        String statusLine = line();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("Not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        long contentLength = -1;
        boolean chunked = false;
        boolean closeAfter = parts[0].equals("HTTP/1.0");
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> closeAfter = value.contains("close");
                default -> {}
            }
        }
        if (chunked) {
            skipChunks();
        } else if (contentLength > 0) {
            skip(contentLength);
        } else if (contentLength < 0 && closeAfter) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        if (closeAfter) {
            close();
        }
        return status;
    }

    private void skipChunks() throws IOException {
        while (true) {
            String size = line();
            int extension = size.indexOf(';');
            long length = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
            if (length == 0) {
                while (!line().isEmpty()) {
                    // trailers
                }
                return;
            }
            skip(length);
            line();
        }
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("Connection closed inside an answer body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private String line() throws IOException {
        var bytes = new ByteArrayOutputStream(64);
        while (true) {
            int next = in.read();
            if (next < 0) {
                throw new EOFException("Connection closed by the server");
            }
            if (next == '\n') {
                break;
            }
            if (next != '\r') {
                bytes.write(next);
            }
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a broken connection: nothing left to do
            }
            socket = null;
        }
    }
}
