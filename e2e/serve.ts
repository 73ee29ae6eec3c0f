/**
 * The real server for the end-to-end tests, in its own process so a test can
 * kill it (SIGKILL: no goodbye to the clients) and start it again on the
 * same port. Prints one line "E2E_READY {url, port}" when listening.
 *
 * env: E2E_PORT (0: any), E2E_SPEED (demo speed, default 60), E2E_FROM
 * (HH:MM to start the demo day at), E2E_ADMIN_TOKEN, BUILD_ID (server/build-id).
 */
import { startServer } from "../server/start";

const port = Number(process.env.E2E_PORT ?? 0);
const speed = Number(process.env.E2E_SPEED ?? 60);
const from = process.env.E2E_FROM || undefined;

const server = await startServer({
  source: { kind: "demo", speed, ...(from ? { from } : {}) },
  port,
  host: "127.0.0.1",
  dev: false,
  adminToken: process.env.E2E_ADMIN_TOKEN ?? null,
});
process.stdout.write(`E2E_READY ${JSON.stringify({ url: server.url, port: server.port })}\n`);

const stop = () => {
  void server.close("e2e stop").finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
