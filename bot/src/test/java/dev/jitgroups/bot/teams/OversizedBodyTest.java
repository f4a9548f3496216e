package dev.jitgroups.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Unauthenticated posts of 20 MB each, 48 at once, are refused without being read into memory (401 before the body
 * is read, or 413 from the declared length), and the bot keeps answering. The client counts the bytes the server
 * let it send: far less than what it offered.
 */
class OversizedBodyTest extends AuthenticatedScenario {

    static final int PARALLEL = 48;
    static final long SIZE = 20L * 1024 * 1024;

    @Test
    void many_huge_unauthenticated_posts_are_refused_unread_and_the_bot_stays_up() throws Exception {
        AtomicLong pulled = new AtomicLong();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            answers.add(pool.submit(() -> statusOf(http, pulled, null)));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();

        System.out.printf("%d posts of %d MB: %d MB left the client (%.1f%%); answers %s%n", PARALLEL,
                SIZE >> 20, pulled.get() >> 20, 100.0 * pulled.get() / (PARALLEL * SIZE), statuses);
        assertThat(statuses).allMatch(s -> s == 401 || s == -1);
        assertThat(statuses).contains(401);
        assertThat(pulled.get()).isLessThan(PARALLEL * SIZE / 2);
        assertThat(say(TeamsPerson.ALICE, "help")).isNotEmpty();
    }

    @Test
    void a_huge_authenticated_post_is_413_from_its_declared_length() throws Exception {
        AtomicLong pulled = new AtomicLong();
        String token = TestKeys.token(TestKeys.TRUSTED, APP_ID, CONNECTOR.url());

        int status = statusOf(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), pulled, token);

        assertThat(status).isIn(413, -1);
        assertThat(pulled.get()).isLessThan(SIZE / 2);
    }

    /** The status of one 20 MB post, or -1 when the server closed the connection before answering. */
    private int statusOf(HttpClient http, AtomicLong pulled, String authorization) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/messages"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new Zeros(SIZE, pulled)), SIZE));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException closedEarly) {
            return -1;
        }
    }

    /** A stream of zeros that counts what is read from it. */
    private static final class Zeros extends InputStream {

        private long left;
        private final AtomicLong pulled;

        Zeros(long size, AtomicLong pulled) {
            this.left = size;
            this.pulled = pulled;
        }

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            pulled.incrementAndGet();
            return '0';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) '0');
            left -= n;
            pulled.addAndGet(n);
            return n;
        }
    }
}
