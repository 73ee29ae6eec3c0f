/**
 * The dashboard and its pages in Chromium, against the real server playing
 * the demo day at 60x. Expected values come from the server's own HTTP API
 * (/api/network, /api/state), not from the page.
 */
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { NetworkView } from "../transit/contract";
import {
  ADMIN_TOKEN,
  dataNumber,
  launchBrowser,
  localContext,
  openPage,
  type ServerProc,
  screenshot,
  sleep,
  startServerProcess,
  waitFor,
} from "./helpers";

const STATUS_WORDS = [
  "Delays",
  "Service change",
  "Slow",
  "Long gaps",
  "No service",
  "Good service",
  "Not scheduled",
  "No data",
];
const CHARTS = ["delay", "headways", "wait-assessment", "next-train-wait", "bikes", "alerts"];

let server: ServerProc;
let browser: Browser;
let ctx: BrowserContext;
let network: NetworkView;
let page: Page;
let pageErrors: string[];

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

async function api<T>(path: string): Promise<T> {
  const r = await fetch(server.url + path);
  assert.equal(r.status, 200, `${path} answered ${r.status}`);
  return (await r.json()) as T;
}

describe("dashboard", { timeout: 600_000 }, () => {
  before(async () => {
    server = await startServerProcess({ name: "dashboard", speed: 60 });
    browser = await launchBrowser();
    ctx = await localContext(browser);
    // Bike stations join the network once the first GBFS payloads are in.
    network = await waitFor(
      "the network with its bike stations",
      async () => {
        const n = await api<NetworkView>("/api/network");
        return n.bikeStations.length > 0 ? n : null;
      },
      60_000,
    );
    ({ page, errors: pageErrors } = await openPage(ctx, server.url + "/"));
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("draws every station, the bike stations and moving trains on the map", async () => {
    const counts = page.locator("[data-testid=map-counts]");
    await waitFor(
      "stations on the map",
      async () => Number(await counts.getAttribute("data-stations")) > 0,
      60_000,
    );
    assert.equal(
      await dataNumber(page, "[data-testid=map-counts]", "data-stations"),
      network.stations.length,
    );
    // Every route's shapes are drawn.
    const shapes = network.routes.reduce((n, r) => n + r.shapes.filter((s) => s.length >= 2).length, 0);
    assert.equal(await dataNumber(page, "[data-testid=map-counts]", "data-shapes"), shapes);

    const bikes = await waitFor(
      "bike stations on the map",
      async () => {
        const n = Number(await counts.getAttribute("data-bikes"));
        return n >= network.bikeStations.length * 0.95 ? n : 0;
      },
      60_000,
    );
    assert.ok(bikes > 1000, `only ${bikes} bike stations drawn`);

    const state = await api<{ trains: unknown[] }>("/api/state");
    const drawn = await waitFor(
      "trains on the map",
      async () => Number(await counts.getAttribute("data-trains")),
      30_000,
    );
    assert.ok(drawn > 50, `only ${drawn} trains drawn`);
    // Same order of size as the server's own list (it changes while we look).
    assert.ok(
      Math.abs(drawn - state.trains.length) <= Math.max(40, state.trains.length * 0.25),
      `${drawn} drawn vs ${state.trains.length} on the server`,
    );

    // Moving: positions drawn a few seconds apart differ for many trains.
    type P = { tripKey: string; lat: number; lon: number };
    const sample = () => page.evaluate(() => window.__transitMap?.trains() ?? []) as Promise<P[]>;
    const a = new Map((await sample()).map((p) => [p.tripKey, p]));
    await sleep(3000);
    const b = await sample();
    const moved = b.filter((p) => {
      const q = a.get(p.tripKey);
      return q && Math.hypot(q.lat - p.lat, q.lon - p.lon) > 1e-5;
    }).length;
    assert.ok(moved >= Math.min(30, b.length * 0.2), `only ${moved} of ${b.length} trains moved in 3 s`);
    await screenshot(page, "dashboard");
  });

  it("lists every line on the status board with a status word", async () => {
    const rows = page.locator("[data-testid=status-board] li[data-route]");
    await waitFor("status rows", async () => (await rows.count()) === network.routes.length, 30_000);
    const routes = await rows.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.route));
    assert.deepEqual(
      routes,
      network.routes.map((r) => r.id),
    );
    const words = await page.locator("[data-testid=status-board] .status-word").allTextContents();
    for (const w of words)
      assert.ok(
        STATUS_WORDS.some((s) => w.includes(s)),
        `unknown status '${w}'`,
      );
    // Once statuses arrive, at least one line is something other than "No data".
    await waitFor("a computed status", async () =>
      (await page.locator("[data-testid=status-board] .status-word").allTextContents()).some(
        (w) => !w.includes("No data"),
      ),
    );
  });

  it("grows every chart as engine time advances", async () => {
    const points = async () =>
      Object.fromEntries(
        await Promise.all(
          CHARTS.map(
            async (c) => [c, await dataNumber(page, `[data-testid=chart-${c}]`, "data-points")] as const,
          ),
        ),
      );
    const first = await waitFor(
      "points in every chart",
      async () => {
        const p = await points();
        return Object.values(p).every((n) => n > 0) ? p : null;
      },
      90_000,
    );
    const later = await waitFor(
      "every chart to gain points",
      async () => {
        const p = await points();
        return CHARTS.every((c) => p[c] > first[c]) ? p : null;
      },
      60_000,
    );
    for (const c of CHARTS) assert.ok(later[c] > first[c], `${c}: ${first[c]} -> ${later[c]}`);
    await page.locator("[data-testid=chart-delay] svg").first().waitFor({ timeout: 20_000 });
  });

  it("ticks duration axes at even clock steps, labelled exactly, and count axes at whole numbers", async () => {
    // "0", "45s", "2m30s", "10m", "3h" back to seconds; NaN for anything else.
    const seconds = (label: string) => {
      if (label.trim() === "0") return 0;
      const m = /^(-?)(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(label.trim());
      if (!m || label.trim() === "") return Number.NaN;
      const [, sign, h = "0", min = "0", s = "0"] = m;
      return (sign ? -1 : 1) * (Number(h) * 3600 + Number(min) * 60 + Number(s));
    };
    // The delay chart may span under 15 s early on: two ticks. Headways and waits span minutes.
    for (const [c, least] of [
      ["delay", 2],
      ["headways", 3],
      ["next-train-wait", 3],
    ] as const) {
      const chart = page.locator(`[data-testid=chart-${c}]`);
      await chart.scrollIntoViewIfNeeded();
      const labels = await waitFor(
        `${c}: its y axis`,
        async () => {
          const t = await chart
            .locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value")
            .allTextContents();
          return t.length >= least ? t : null;
        },
        30_000,
      );
      const values = labels.map(seconds).sort((a, b) => a - b);
      assert.ok(
        values.every((v) => Number.isFinite(v)),
        `${c}: a tick label is not a duration: ${labels.join(", ")}`,
      );
      const step = values[1] - values[0];
      assert.ok(step > 0, `${c}: ticks ${labels.join(", ")}`);
      for (let i = 2; i < values.length; i++)
        assert.equal(values[i] - values[i - 1], step, `${c}: uneven ticks ${labels.join(", ")}`);
    }
    // Counts tick at whole numbers: no "2" written twice for 1.5 and 2.25.
    const alerts = page.locator("[data-testid=chart-alerts]");
    await alerts.scrollIntoViewIfNeeded();
    const counts = await waitFor(
      "alerts: its y axis",
      async () => {
        const t = await alerts
          .locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value")
          .allTextContents();
        return t.length >= 2 ? t : null;
      },
      30_000,
    );
    assert.equal(new Set(counts).size, counts.length, `alerts: repeated tick labels ${counts.join(", ")}`);
    assert.ok(
      counts.every((l) => /^\d+$/.test(l.trim())),
      `alerts: ticks ${counts.join(", ")}`,
    );
  });

  it("renders the demo's hostile alert HTML as text: no script, no handler", async () => {
    const alert = page.locator("[data-testid=alerts] li", {
      hasText: "entrance at 59 St-Columbus Circle is closed",
    });
    await alert.first().waitFor({ timeout: 60_000 });
    const html = await alert.first().innerHTML();
    assert.ok(!/<img|<script|onerror/i.test(html), `alert markup kept something active: ${html}`);
    assert.equal(await page.locator("[data-testid=alerts] img, [data-testid=alerts] script").count(), 0);
    await sleep(1000);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined);
    // Its formatting survived (the <b> is an allowed tag).
    assert.equal(await alert.first().locator("b", { hasText: "8 Av" }).count(), 1);
  });

  it("shows the replay bar without controls to a normal session", async () => {
    await page.locator("[data-testid=replay-bar]").waitFor({ timeout: 30_000 });
    assert.equal(await page.locator("[data-testid=replay-controls]").count(), 0);
    assert.equal(await page.locator("[data-testid=replay-scrub]").count(), 0);
    assert.equal(await page.locator("[data-testid=replay-toggle]").count(), 0);
  });

  it("opens a line's page from the status board", async () => {
    const { page: p } = await openPage(ctx, server.url + "/");
    const route = network.routes.find((r) => r.id === "A") ?? network.routes[0];
    await p.locator(`[data-testid=status-board] li[data-route="${route.id}"] a`).click();
    await p.waitForURL(`**/line/${route.id}`, { timeout: 30_000 });
    await p.locator("h1", { hasText: route.longName }).waitFor({ timeout: 30_000 });
    const stations = new Set([...route.stations.N, ...route.stations.S]);
    await waitFor(
      "the strip of stations",
      async () => (await p.locator("[data-testid=line-strip] li").count()) > 0,
      30_000,
    );
    // The main routing's stations, then each branch's under its heading: the demo's A splits for Lefferts
    // Blvd and Far Rockaway, and half its trains would have no row without the branch.
    if (route.id === "A") assert.ok(route.branches.length > 0, "the A has no branch");
    assert.equal(
      await p.locator("[data-testid=line-strip] li.strip-row").count(),
      (route.stations.S.length || route.stations.N.length) +
        route.branches.reduce((n, b) => n + b.stations.length, 0),
    );
    assert.equal(await p.locator("[data-testid=strip-branch]").count(), route.branches.length);
    assert.ok(stations.size > 0);
    const trains = await waitFor(
      "trains on the line",
      async () => dataNumber(p, "[data-testid=line-train-count]", "data-count"),
      30_000,
    );
    const onServer = (await api<{ trains: Array<{ route: string }> }>("/api/state")).trains.filter(
      (t) => t.route === route.id,
    ).length;
    assert.ok(
      trains > 0 && Math.abs(trains - onServer) <= Math.max(5, onServer * 0.3),
      `${trains} vs ${onServer}`,
    );
    // Every train is on the strip, those by stations of its other branches or routings too (on the nearest row).
    const drawn = await p.evaluate(() => ({
      listed: Number(document.querySelector("[data-testid=line-train-count]")?.getAttribute("data-count")),
      chips: document.querySelectorAll("[data-testid=line-strip] [data-testid=strip-train]").length,
      offStrip: document.querySelectorAll("[data-testid=line-strip] .chip-where").length,
    }));
    assert.equal(drawn.chips, drawn.listed, JSON.stringify(drawn));
    await waitFor(
      "line charts",
      async () => (await dataNumber(p, "[data-testid=chart-headways]", "data-points")) > 0,
      60_000,
    );
    await sleep(2500);
    await screenshot(p, "line");
    await p.close();
  });

  it("shows a station's arrivals by direction, trains ending their run there as terminating", async () => {
    // The longNamed station the server has a terminating train for (from its state, not the page): a
    // terminal, where the trains arriving to end their run must not read as going to the station itself.
    type Listed = { terminates: boolean };
    const state = await api<{ arrivals: Record<string, { north: Listed[]; south: Listed[] }> }>("/api/state");
    const size = (a: { north: Listed[]; south: Listed[] }) => a.north.length + a.south.length;
    const [id] = Object.entries(state.arrivals)
      .filter(([, a]) => [...a.north, ...a.south].some((x) => x.terminates))
      .sort((a, b) => size(b[1]) - size(a[1]))[0];
    const { page: p } = await openPage(ctx, `${server.url}/station/${id}`);
    const station = network.stations.find((s) => s.id === id)!;
    await p.locator("h1", { hasText: station.name }).waitFor({ timeout: 30_000 });
    await waitFor("arrivals", async () => (await p.locator("[data-testid=arrival]").count()) > 0, 30_000);
    const eta = await p
      .locator("[data-testid=arrival] .eta, [data-testid=arrival] .held")
      .first()
      .textContent();
    assert.match(eta ?? "", /now|\d+ min|held/);
    await waitFor(
      "a terminating train listed",
      async () => (await p.locator("[data-testid=arrival][data-terminates=true]").count()) > 0,
      30_000,
    );
    const rows = await p.locator("[data-testid=arrival]").evaluateAll((els) =>
      els.map((e) => ({
        terminates: e.getAttribute("data-terminates") === "true",
        text: e.textContent ?? "",
      })),
    );
    for (const { terminates, text } of rows) {
      assert.equal(text.includes("Terminates here"), terminates, text);
      assert.ok(!text.includes(station.name), `a train listed as going to ${station.name} itself: ${text}`);
    }
    await p.locator("[data-testid=bikes-near]").waitFor();
    await sleep(1500);
    await screenshot(p, "station");
    await p.close();
  });

  it("shows feed health and the engine graph", async () => {
    const { page: h } = await openPage(ctx, `${server.url}/health`);
    const feeds = (await api<{ health: unknown[] }>("/api/state")).health.length;
    await waitFor(
      "health rows",
      async () => (await h.locator("[data-testid=health-table] tbody tr").count()) === feeds,
      30_000,
    );
    await waitFor(
      "health history",
      async () => (await dataNumber(h, "[data-testid=chart-feed-age]", "data-points")) > 0,
      30_000,
    );
    // The station lists, hours old when fresh, are left out of the age chart, and it says so.
    const leftOut = await h.locator("[data-testid=feed-age-left-out]").textContent({ timeout: 30_000 });
    assert.match(leftOut ?? "", /Bike stations/);
    await sleep(2500);
    await screenshot(h, "health");
    await h.close();

    const { page: g } = await openPage(ctx, `${server.url}/graph`);
    await g.locator("[data-testid=engine-graph]").waitFor({ timeout: 30_000 });
    const ticks = async () =>
      g
        .locator("[data-testid=engine-graph] g[data-ticks]")
        .evaluateAll((els) => els.reduce((s, e) => s + Number((e as SVGGElement).dataset.ticks), 0));
    const t0 = await ticks();
    await waitFor("tick counts to grow", async () => (await ticks()) > t0, 20_000);
    await screenshot(g, "graph", false);
    await g.close();
  });

  it("gives an admin session replay controls that change engine time", async () => {
    const engineT = () => dataNumber(page, "[data-testid=engine-time]", "data-t");
    await page.locator("[data-testid=admin-open]").click();
    await page.locator("[data-testid=admin-token]").fill(ADMIN_TOKEN);
    await page.locator("[data-testid=admin-token]").press("Enter");
    await page.locator("[data-testid=replay-controls]").waitFor({ timeout: 10_000 });
    assert.equal(await page.evaluate(() => sessionStorage.getItem("nyc-transit.admin-token")), ADMIN_TOKEN);

    // Pause: engine time stops.
    await page.locator("[data-testid=replay-toggle]").click();
    await waitFor(
      "paused",
      async () => (await page.locator("[data-testid=replay-speed]").textContent()) === "paused",
      10_000,
    );
    const paused = await engineT();
    await sleep(2500);
    assert.equal(await engineT(), paused);

    // Seek 30 minutes ahead (a forward seek fast-forwards the engine: keep it short), on the scrub's minute grid.
    const clock = (await api<{ clock: { range: { start: number; end: number } } }>("/api/state")).clock;
    const target =
      clock.range.start + Math.round((paused + 30 * 60_000 - clock.range.start) / 60_000) * 60_000;
    await page.locator("[data-testid=replay-scrub]").fill(String(target));
    await waitFor(
      "engine time at the scrubbed time",
      async () => Math.abs((await engineT()) - target) < 2 * 60_000,
      90_000,
    );
    assert.equal(await page.locator("[data-testid=replay-speed]").textContent(), "paused");
    await page.locator("[data-testid=replay-toggle]").click();
    const after = await waitFor(
      "playing again",
      async () => {
        const t = await engineT();
        return t > target + 60_000 ? t : 0;
      },
      30_000,
    );
    assert.ok(after > target);
    await screenshot(page, "dashboard-admin", false);
    assert.deepEqual(pageErrors, []);
  });

  it("exports what is on screen as CSV and JSON lines", async () => {
    await page.locator("[data-testid=export-choice]").selectOption("status");
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.locator("[data-testid=export-csv]").click(),
    ]);
    const text = await streamText(await csv.createReadStream());
    const [header, ...lines] = text.trim().split("\n");
    assert.match(header, /^route,status,reasons,/);
    assert.equal(lines.length, (await api<{ lineStatus: unknown[] }>("/api/state")).lineStatus.length);

    await page.locator("[data-testid=export-choice]").selectOption("charts");
    const [jsonl] = await Promise.all([
      page.waitForEvent("download"),
      page.locator("[data-testid=export-jsonl]").click(),
    ]);
    const rows = (await streamText(await jsonl.createReadStream()))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    assert.ok(rows.length > 100, `${rows.length} chart rows`);
    // The headless export's columns: t in New York time with its offset, metric, key, value.
    assert.deepEqual(Object.keys(rows[0]), ["t", "metric", "key", "value"]);
    assert.match(rows[0].t, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-0[45]:00$/);
  });

  it("is usable on a phone", async () => {
    const phone = await localContext(browser, { width: 390, height: 844 });
    const { page: p, errors } = await openPage(phone, server.url + "/");
    await p.locator("[data-testid=status-board] li").first().waitFor({ timeout: 30_000 });
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `page is ${overflow}px wider than the phone`);
    await sleep(2000);
    await screenshot(p, "dashboard-phone", false);
    assert.deepEqual(errors, []);

    // A station with a long name and three lines: the lines sit in one row under the name, not in a column beside it.
    const longNamed = network.stations
      .filter((st) => st.routes.length === 3)
      .sort((a, b) => b.name.length - a.name.length)[0];
    await p.goto(`${server.url}/station/${longNamed.id}`);
    await p.locator("h1", { hasText: longNamed.name }).waitFor({ timeout: 30_000 });
    const bullets = await p
      .locator(".line-title .bullet")
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
    assert.equal(bullets.length, longNamed.routes.length);
    assert.ok(
      Math.max(...bullets) - Math.min(...bullets) < 2,
      `the lines' bullets are in several rows: ${bullets}`,
    );
    assert.equal(await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth <= 1), true);
    await phone.close();
  });
});
