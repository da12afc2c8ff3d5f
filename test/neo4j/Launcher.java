// A real Neo4j 5.26 Community server for the test suite, without Docker (see DESIGN.md, "Neo4j").
//
//   java -Xmx1g -cp "target/classes:target/dependency/*" Launcher PORT [--password PW] [--data DIR] [--work DIR]
//
// Bolt on 127.0.0.1:PORT, no HTTP server, 64 MB page cache, usage reporting off.
// Auth is off unless --password is given (then user neo4j has that password, no change required).
// --data DIR keeps the databases in DIR so that a restarted server sees what the last one wrote
// (the "server stopped in the middle of a load" test); without it every start is a fresh store.
// --work DIR is where the harness puts its server folder (logs; the store too without --data);
// the caller removes it, which also works after a SIGKILL.
// Prints "NEO4J READY bolt://127.0.0.1:PORT" when Bolt accepts connections, then waits.
// Stops on SIGTERM/SIGINT, and when its stdin closes: a test runner that dies without cleaning up
// closes the pipe, so no orphan JVM keeps the port.
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilder;
import org.neo4j.harness.Neo4jBuilders;
import org.neo4j.io.ByteUnit;

public final class Launcher {
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: Launcher PORT [--password PW] [--data DIR] [--work DIR]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        String password = null;
        Path dataDir = null;
        Path workDir = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--password" -> password = args[++i];
                case "--data" -> dataDir = Path.of(args[++i]).toAbsolutePath();
                case "--work" -> workDir = Path.of(args[++i]).toAbsolutePath();
                default -> {
                    System.err.println("Launcher: unknown argument " + args[i]);
                    System.exit(2);
                }
            }
        }

        boolean ownWorkDir = workDir == null;
        if (ownWorkDir) workDir = Files.createTempDirectory("yjkg-neo4j-");
        Path folder = workDir;
        Neo4jBuilder builder = Neo4jBuilders.newInProcessBuilder(workDir)
                .withDisabledServer()
                .withConfig(HttpConnector.enabled, false)
                .withConfig(BoltConnector.enabled, true)
                .withConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .withConfig(GraphDatabaseSettings.auth_enabled, password != null)
                .withConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(64))
                .withConfig(GraphDatabaseSettings.udc_enabled, false); // dbms.usage_report.enabled
        if (dataDir != null) {
            Files.createDirectories(dataDir);
            builder = builder.withConfig(GraphDatabaseSettings.data_directory, dataDir);
        }

        Neo4j neo4j;
        try {
            neo4j = builder.build();
        } catch (RuntimeException e) {
            // Neo4j's own threads would keep the JVM alive: fail loudly and exit.
            e.printStackTrace();
            System.exit(1);
            return;
        }
        if (password != null) {
            // ALTER USER on the system database from inside the JVM: no initial "neo4j" password to change.
            // A restart on the same --data already has it (Neo4j refuses to set an unchanged password).
            try {
                neo4j.databaseManagementService().database("system").executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
            } catch (RuntimeException e) {
                if (dataDir == null) {
                    e.printStackTrace();
                    neo4j.close();
                    System.exit(1);
                }
                System.err.println("Launcher: password not changed (" + e.getMessage() + ")");
            }
        }

        Thread closer = new Thread(() -> {
            try {
                neo4j.close();
                if (ownWorkDir) Files.deleteIfExists(folder); // the harness removed its own folder inside it
            } catch (RuntimeException | IOException e) {
                // shutting down anyway
            }
        });
        Runtime.getRuntime().addShutdownHook(closer);

        System.out.println("NEO4J READY " + neo4j.boltURI());
        System.out.flush();

        // Block until stdin closes (parent gone or asked us to stop), then exit through the shutdown hook.
        InputStream in = System.in;
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // ignore input; only EOF matters
            }
        } catch (IOException e) {
            // treat as EOF
        }
        System.exit(0);
    }
}
