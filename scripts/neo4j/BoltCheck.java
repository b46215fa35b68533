import java.util.concurrent.TimeUnit;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.SecurityException;

/**
 * Waits until a Neo4j server answers a real Cypher query over Bolt.
 *
 * Usage: java -cp "lib/*:classes" BoltCheck URI USER TIMEOUT_SECONDS [PID]  (password in env NEO4J_PASSWORD)
 *
 * Prints "<name> <version> <edition>" from dbms.components() on success.
 * Exit codes: 0 = answered, 1 = not answering before the timeout,
 *             2 = reachable but authentication failed, 3 = the watched process PID exited.
 */
public final class BoltCheck {
    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: BoltCheck URI USER TIMEOUT_SECONDS [PID] (password in env NEO4J_PASSWORD)");
            System.exit(64);
        }
        String uri = args[0];
        String user = args[1];
        long timeoutMs = Long.parseLong(args[2]) * 1000L;
        String password = System.getenv().getOrDefault("NEO4J_PASSWORD", "");
        Long watchedPid = args.length > 3 ? Long.valueOf(args[3]) : null;
        long deadline = System.currentTimeMillis() + timeoutMs;
        String lastError = "no attempt";

        Config config = Config.builder()
                .withConnectionTimeout(3, TimeUnit.SECONDS)
                .withMaxConnectionPoolSize(1)
                .withoutEncryption()
                .build();
        try (Driver driver = GraphDatabase.driver(uri, AuthTokens.basic(user, password), config)) {
            while (true) {
                try (Session session = driver.session()) {
                    Record r = session.run("CALL dbms.components() YIELD name, versions, edition "
                            + "RETURN name, versions[0] AS version, edition").single();
                    System.out.println(r.get("name").asString() + " " + r.get("version").asString() + " "
                            + r.get("edition").asString());
                    System.exit(0);
                } catch (SecurityException e) {
                    System.err.println("authentication failed: " + e.getMessage());
                    System.exit(2);
                } catch (ClientException e) {
                    // e.g. the server is up but still initialising; retry
                    lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                } catch (Exception e) {
                    lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                }
                if (watchedPid != null
                        && !ProcessHandle.of(watchedPid).map(ProcessHandle::isAlive).orElse(false)) {
                    System.err.println("neo4j process " + watchedPid + " exited (" + lastError + ")");
                    System.exit(3);
                }
                if (System.currentTimeMillis() >= deadline) {
                    break;
                }
                Thread.sleep(500);
            }
        }
        System.err.println("neo4j did not answer at " + uri + ": " + lastError);
        System.exit(1);
    }
}
