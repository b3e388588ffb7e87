import java.io.IOException;

import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * Starts one search node via codelibs' OpenSearchRunner (args are the runner's own:
 * -basePath, -confPath, -dataPath, -logsPath, -clusterName, -baseHttpPort, -numOfNode ...).
 *
 * Why not the runner's own main(): it
 *  - silently moves to the next free HTTP port when the wanted one is taken, which would
 *    leave a second server on 9201 while clients talk to whatever holds 9200;
 *  - gives the node only the cluster_manager+data roles, so ingest pipelines would fail;
 *  - exits 1 without saying why when the node does not start.
 * Settings put here win over opensearch.yml.
 */
public class SearchNode {
    public static void main(String[] args) throws Exception {
        OpenSearchRunner runner = new OpenSearchRunner();
        runner.setMaxHttpPort(-1); // take baseHttpPort + 1 or fail
        runner.onBuild((index, settings) -> settings.putList("node.roles", "cluster_manager", "data", "ingest"));
        // SIGTERM (stack.sh down) closes the node cleanly: flushes shards, releases the data lock.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (IOException e) {
                System.err.println("closing the node failed: " + e);
            }
        }));
        try {
            runner.build(args);
        } catch (RuntimeException e) {
            e.printStackTrace();
            System.exit(1);
        }
        while (!runner.isClosed()) {
            Thread.sleep(1000);
        }
    }
}
