package dev.rapport.customer.importing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;

/**
 * A progress bar for long imports, drawn on one line of stderr at most every 200 ms, from the bytes
 * read against the file size. {@link #NONE} draws nothing (stderr is not a terminal and
 * {@code --progress} was not given). Not thread-safe: the importing thread reads and draws.
 */
public final class Progress {

    public static final Progress NONE = new Progress(null, 0);

    private final PrintStream err;
    private final long total;
    private long read;
    private long rows;
    private long drawnAt;

    public Progress(PrintStream err, long totalBytes) {
        this.err = err;
        this.total = Math.max(1, totalBytes);
    }

    InputStream counting(InputStream input) {
        if (err == null) {
            return input;
        }
        return new FilterInputStream(input) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    read++;
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    read += n;
                }
                return n;
            }
        };
    }

    void row() {
        rows++;
        if (err != null && (rows & 1023) == 0) {
            long now = System.nanoTime();
            if (now - drawnAt > 200_000_000L) {
                drawnAt = now;
                draw(Math.min(read, total));
            }
        }
    }

    void done() {
        if (err != null) {
            draw(total);
            err.println();
        }
    }

    private void draw(long bytes) {
        int width = 30;
        int filled = (int) (width * bytes / total);
        err.printf(
                "\r[%s%s] %3d%%  %,d rows", "#".repeat(filled), " ".repeat(width - filled), 100 * bytes / total, rows);
        err.flush();
    }
}
