package innochain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import java.time.Duration;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Test-only Neo4j 5 Community server: Bolt on 127.0.0.1, no TLS, no auth, no HTTP.
 *
 * <p>Usage: {@code Neo4jLauncher --home DIR --port N [--pagecache 256m] [--exit-on-stdin-eof]}.
 * Prints {@code READY bolt://127.0.0.1:N} once the default database is available, then blocks
 * until SIGTERM/SIGINT (or EOF on stdin with --exit-on-stdin-eof), shutting down cleanly.
 */
public final class Neo4jLauncher {
    private static final String HOST = "127.0.0.1";

    private Neo4jLauncher() {}

    public static void main(String[] args) {
        Path home = null;
        int port = -1;
        String pagecache = "256m";
        boolean exitOnStdinEof = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--home" -> home = Path.of(args[++i]).toAbsolutePath();
                    case "--port" -> port = Integer.parseInt(args[++i]);
                    case "--pagecache" -> pagecache = args[++i];
                    case "--exit-on-stdin-eof" -> exitOnStdinEof = true;
                    default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
                }
            }
            if (home == null || port <= 0 || port > 65535) {
                throw new IllegalArgumentException("--home DIR and --port N (1-65535) are required");
            }
        } catch (RuntimeException e) {
            System.err.println("Neo4jLauncher: " + e.getMessage());
            System.err.println(
                    "usage: Neo4jLauncher --home DIR --port N [--pagecache 256m] [--exit-on-stdin-eof]");
            System.exit(2);
            return;
        }

        final DatabaseManagementService service;
        try {
            service = new DatabaseManagementServiceBuilder(home)
                    .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress(HOST))
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    // Embedded mode starts no web server, but say so explicitly in case it ever does.
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pagecache))
                    // Bolt otherwise waits two 5 s grace periods on shutdown; a test server has
                    // no clients worth waiting for (Neo4j's own test builder does the same).
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time,
                            Duration.ofSeconds(1))
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time,
                            Duration.ofSeconds(1))
                    .build();
        } catch (Throwable t) {
            System.err.println("Neo4jLauncher: could not start Neo4j in " + home + ": " + t);
            t.printStackTrace();
            System.exit(1);
            return;
        }

        // Registered right after build() so SIGTERM during the wait below still shuts down cleanly.
        AtomicBoolean stopped = new AtomicBoolean(false);
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (stopped.compareAndSet(false, true)) {
                System.out.println("STOPPING");
                System.out.flush();
                service.shutdown();
                System.out.println("STOPPED");
                System.out.flush();
            }
        }, "neo4j-launcher-shutdown"));

        try {
            GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            // Wait in slices so a database that never comes up is reported, not waited on silently.
            long deadline = System.nanoTime() + 300_000_000_000L;
            while (!db.isAvailable(1_000)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("default database not available after 300 s");
                }
            }
        } catch (Throwable t) {
            System.err.println("Neo4jLauncher: default database did not become available: " + t);
            t.printStackTrace();
            System.exit(1); // runs the shutdown hook
            return;
        }

        System.out.println("READY bolt://" + HOST + ":" + port);
        System.out.flush();

        if (exitOnStdinEof) {
            // The parent holds our stdin pipe open; EOF means it died, so don't outlive it.
            Thread watcher = new Thread(() -> {
                try (InputStream in = System.in) {
                    while (in.read() != -1) {
                        // ignore input; only EOF matters
                    }
                } catch (IOException ignored) {
                    // a broken pipe also means the parent is gone
                }
                System.out.println("stdin closed; shutting down");
                System.exit(0);
            }, "neo4j-launcher-stdin-watch");
            watcher.setDaemon(true);
            watcher.start();
        }

        try {
            forever.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
