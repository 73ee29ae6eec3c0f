/**
 * The lettered (BMT/IND) lines, the Franklin Av and Rockaway Park shuttles
 * and the Staten Island Railway: stations from north to south, express runs
 * marked with "-" (see stopsOf), weekday headways. Written for this project
 * from public knowledge of the subway map.
 */
import { ALL_DAY, allStops, chain, DAYTIME, NIGHTS, pattern, RUSH, weekdayHeadways } from "./build-helpers";
import type { Line } from "./types";

const BLUE = { color: "0039A6", textColor: "FFFFFF" };
const ORANGE = { color: "FF6319", textColor: "FFFFFF" };
const YELLOW = { color: "FCCC0A", textColor: "000000" };
const BROWN = { color: "996633", textColor: "FFFFFF" };
const SHUTTLE = { color: "808183", textColor: "FFFFFF" };
const B = { division: "B" } as const;

// 8 Av / Central Park West, with the A's express stops.
const WASHINGTON_HTS = "A02 A03 A05 A06 A07 A09 -A10 -A11 A12";
const EIGHTH_AV_EXPRESS =
  "A12 -A14 A15 -A16 -A17 -A18 -A19 -A20 -A21 -A22 A24 -A25 A27 A28 -A30 A31 A32 -A33 A34 A36 A38 A40 A41 A42";
const FULTON_EXPRESS = "A42 -A43 -A44 -A45 A46 -A47 A48 -A49 -A50 A51 -A52 -A53 -A54 A55";
const ROCKAWAY = "A55 A57 A59 A60 A61 H02 H03 H04 H06 H07 H08 H09 H10 H11";
const LEFFERTS = "A55 A57 A59 A60 A61 A63 A64 A65";
const A_FAR_ROCKAWAY = chain(WASHINGTON_HTS, EIGHTH_AV_EXPRESS, FULTON_EXPRESS, ROCKAWAY);

// Queens Blvd, the 53 St tunnel and 6 Av.
const QUEENS_BLVD_LOCAL = "G08 G09 G10 G11 G12 G13 G14 G15 G16 G18 G19 G20 G21";
const QUEENS_BLVD_EXPRESS = "G08 -G09 -G10 -G11 -G12 -G13 G14 -G15 -G16 -G18 -G19 -G20 G21";
const FIFTY_THIRD_ST = "G21 F09 F11 F12";
const SIXTH_AV_EXPRESS = "D14 D15 D16 D17 -D18 -D19 D20 D21 D22";
const SIXTH_AV_LOCAL = "D15 D16 D17 D18 D19 D20 D21";
const CONCOURSE = "D01 D03 D04 D05 D06 D07 D08 D09 D10 D11 D12 D13";
const CPW_LOCAL = "D13 A14 A15 A16 A17 A18 A19 A20 A21 A22 A24";
const CPW_EXPRESS = "D13 -A14 A15 -A16 -A17 -A18 -A19 -A20 -A21 -A22 A24";
const BRIGHTON_EXPRESS = "D24 D25 D26 -D27 D28 -D29 -D30 D31 -D32 -D33 -D34 D35 -D37 -D38 D39 D40";
const BRIGHTON_LOCAL = "D24 D25 D26 D27 D28 D29 D30 D31 D32 D33 D34 D35 D37 D38 D39 D40 D41 D42 D43";
const WEST_END = "R36 B12 B13 B14 B15 B16 B17 B18 B19 B20 B21 B22 B23 D43";
const FOURTH_AV_EXPRESS = "R31 -R32 -R33 -R34 -R35 R36";
const FOURTH_AV_LOCAL = "R31 R32 R33 R34 R35 R36 R39 R40 R41";
const CULVER = "A41 F20 F21 F22 F23 F24 F25 F26 F27 F29 F30 F31 F32 F33 F34 F35 F36 F38 F39 D42 D43";

// Broadway, Astoria and Sea Beach.
const ASTORIA = "R01 R03 R04 R05 R06 R08 R09 R11 R13 R14";
const BROADWAY_LOCAL = "R14 R15 R16 R17 R18 R19 R20 R21 R22 R23 R24 R25 R26 R27";
const BROADWAY_EXPRESS = "R14 -R15 R16 R17 -R18 -R19 R20 -R21 -R22 Q01";
const SEA_BEACH = "R41 N02 N03 N04 N05 N06 N07 N08 N09 N10 D43";
const MONTAGUE_TO_BAY_RIDGE = "R27 R28 R29 R30 R31";

const JAMAICA_LOCAL =
  "G05 G06 J12 J13 J14 J15 J16 J17 J19 J20 J21 J22 J23 J24 J27 J28 J29 J30 J31 M11 M12 M13 M14 M16 M18 M19 M20 M21 M22 M23";
const JAMAICA_J_SKIP =
  "G05 G06 J12 J13 -J14 J15 J16 -J17 J19 J20 -J21 J22 J23 -J24 J27 J28 J29 J30 J31 M11 M12 M13 M14 M16 M18 M19 M20 M21 M22 M23";
const JAMAICA_Z_SKIP =
  "G05 G06 J12 -J13 J14 J15 -J16 J17 -J19 J20 J21 -J22 -J23 J24 J27 -J28 -J29 J30 -J31 M11 -M12 -M13 -M14 M16 M18 M19 M20 M21 M22 M23";

/** The Z runs only in the rush, toward Manhattan in the morning and back in the evening. */
const Z_HEADWAYS = Array.from({ length: 24 }, (_, h) => ((h >= 7 && h < 10) || (h >= 16 && h < 19) ? 8 : 0));

export const BDIV_LINES: Line[] = [
  {
    id: "A",
    name: "8 Avenue Express",
    ...BLUE,
    ...B,
    feed: "subway-ace",
    trainPrefix: "1A",
    trackPrefix: "A",
    headways: weekdayHeadways({ rush: 4, midday: 8, night: 20 }),
    patterns: [
      pattern("A-far-rockaway", "A", "55R", A_FAR_ROCKAWAY, [[6, 23]]),
      pattern("A-lefferts", "A", "58R", chain(WASHINGTON_HTS, EIGHTH_AV_EXPRESS, FULTON_EXPRESS, LEFFERTS), [
        [6, 23],
      ]),
      pattern("A-night", "A", "56R", allStops(A_FAR_ROCKAWAY), NIGHTS),
    ],
  },
  {
    id: "C",
    name: "8 Avenue Local",
    ...BLUE,
    ...B,
    feed: "subway-ace",
    trainPrefix: "1C",
    trackPrefix: "A",
    headways: weekdayHeadways({ rush: 7, midday: 10, night: 0, hours: [6, 23] }),
    patterns: [
      pattern(
        "C-local",
        "C",
        "01R",
        chain("A09 A10 A11", allStops(EIGHTH_AV_EXPRESS), allStops(FULTON_EXPRESS)),
        DAYTIME,
      ),
    ],
  },
  {
    id: "E",
    name: "8 Avenue Local",
    ...BLUE,
    ...B,
    feed: "subway-ace",
    trainPrefix: "1E",
    trackPrefix: "E",
    headways: weekdayHeadways({ rush: 4, midday: 8, night: 20 }),
    patterns: [
      pattern(
        "E-express",
        "E",
        "67R",
        chain(
          "G05 G06 G07 F05 F06 -F07 G08",
          QUEENS_BLVD_EXPRESS,
          FIFTY_THIRD_ST,
          "F12 D14 A25 A27 A28 A30 A31 A32 A33 A34 E01",
        ),
        [[6, 23]],
      ),
      pattern(
        "E-night",
        "E",
        "68R",
        chain(
          "G05 G06 G07 F05 F06 F07 G08",
          QUEENS_BLVD_LOCAL,
          FIFTY_THIRD_ST,
          "F12 D14 A25 A27 A28 A30 A31 A32 A33 A34 E01",
        ),
        NIGHTS,
      ),
    ],
  },
  {
    id: "H",
    name: "Rockaway Park Shuttle",
    ...SHUTTLE,
    ...B,
    feed: "subway-ace",
    trainPrefix: "1H",
    trackPrefix: "H",
    headways: weekdayHeadways({ rush: 15, midday: 20, night: 20 }),
    patterns: [pattern("H", "H", "01R", "H04 H12 H13 H14 H15", ALL_DAY)],
  },
  {
    id: "FS",
    name: "Franklin Avenue Shuttle",
    ...SHUTTLE,
    ...B,
    feed: "subway-ace",
    trainPrefix: "1S",
    trackPrefix: "S",
    headways: weekdayHeadways({ rush: 8, midday: 10, night: 15 }),
    patterns: [pattern("FS", "FS", "01R", "S01 S03 S04 D26", ALL_DAY)],
  },
  {
    id: "B",
    name: "6 Avenue Express",
    ...ORANGE,
    ...B,
    feed: "subway-bdfm",
    trainPrefix: "1B",
    trackPrefix: "B",
    headways: weekdayHeadways({ rush: 8, midday: 10, night: 0, hours: [6, 22] }),
    patterns: [
      pattern(
        "B-bedford",
        "B",
        "65R",
        chain(
          "D03 D04 D05 D06 D07 D08 D09 D10 D11 D12 D13",
          CPW_LOCAL,
          "A24",
          SIXTH_AV_EXPRESS,
          "D22 R30 D24",
          BRIGHTON_EXPRESS,
        ),
        RUSH,
      ),
      pattern(
        "B-145",
        "B",
        "66R",
        chain(CPW_LOCAL, "A24", SIXTH_AV_EXPRESS, "D22 R30 D24", BRIGHTON_EXPRESS),
        [
          [10, 15],
          [20, 22],
        ],
      ),
    ],
  },
  {
    id: "D",
    name: "6 Avenue Express",
    ...ORANGE,
    ...B,
    feed: "subway-bdfm",
    trainPrefix: "1D",
    trackPrefix: "D",
    headways: weekdayHeadways({ rush: 6, midday: 9, night: 20 }),
    patterns: [
      pattern(
        "D-express",
        "D",
        "01R",
        chain(CONCOURSE, CPW_EXPRESS, "A24", SIXTH_AV_EXPRESS, "D22", FOURTH_AV_EXPRESS, WEST_END),
        [[6, 23]],
      ),
      pattern(
        "D-night",
        "D",
        "02R",
        chain(
          CONCOURSE,
          CPW_EXPRESS,
          "A24",
          SIXTH_AV_EXPRESS,
          "D22",
          FOURTH_AV_LOCAL.replace(/ R39 R40 R41$/, ""),
          WEST_END,
        ),
        NIGHTS,
      ),
    ],
  },
  {
    id: "F",
    name: "Queens Blvd Express/ 6 Av Local",
    ...ORANGE,
    ...B,
    feed: "subway-bdfm",
    trainPrefix: "1F",
    trackPrefix: "F",
    headways: weekdayHeadways({ rush: 4, midday: 8, night: 20 }),
    patterns: [
      pattern(
        "F-express",
        "F",
        "22R",
        chain(
          "F01 F02 F03 F04 F05 F06 F07 G08",
          "G08 -G09 -G10 -G11 -G12 -G13 G14 -G15 -G16 -G18 -G19 -G20",
          "-G20 B04 B06 B08 B10 D15",
          SIXTH_AV_LOCAL,
          "D21 F14 F15 F16 F18 A41",
          CULVER,
        ),
        [[6, 23]],
      ),
      pattern(
        "F-night",
        "F",
        "23R",
        chain(
          "F01 F02 F03 F04 F05 F06 F07 G08",
          "G08 G09 G10 G11 G12 G13 G14 -G15 -G16 -G18 -G19 -G20",
          "-G20 B04 B06 B08 B10 D15",
          SIXTH_AV_LOCAL,
          "D21 F14 F15 F16 F18 A41",
          CULVER,
        ),
        NIGHTS,
      ),
    ],
  },
  {
    id: "M",
    name: "QNS Blvd-6 Av/Myrtle Local",
    ...ORANGE,
    ...B,
    feed: "subway-bdfm",
    trainPrefix: "1M",
    trackPrefix: "M",
    headways: weekdayHeadways({ rush: 8, midday: 10, night: 20 }),
    patterns: [
      pattern(
        "M-local",
        "M",
        "01R",
        chain(
          QUEENS_BLVD_LOCAL,
          FIFTY_THIRD_ST,
          "F12 D15",
          SIXTH_AV_LOCAL,
          "D21 M18 M16 M14 M13 M12 M11 M10 M09 M08 M06 M05 M04 M01",
        ),
        [[6, 23]],
      ),
      // Late nights: a shuttle between Myrtle Av and Middle Village.
      pattern("M-night", "M", "02R", "M11 M10 M09 M08 M06 M05 M04 M01", NIGHTS),
    ],
  },
  {
    id: "G",
    name: "Brooklyn-Queens Crosstown",
    color: "6CBE45",
    textColor: "FFFFFF",
    ...B,
    feed: "subway-g",
    trainPrefix: "1G",
    trackPrefix: "B",
    headways: weekdayHeadways({ rush: 8, midday: 10, night: 20 }),
    patterns: [
      pattern(
        "G",
        "G",
        "14R",
        "G22 G24 G26 G28 G29 G30 G31 G32 G33 G34 G35 G36 A42 F20 F21 F22 F23 F24 F25 F26 F27",
        ALL_DAY,
      ),
    ],
  },
  {
    id: "J",
    name: "Nassau St Local",
    ...BROWN,
    ...B,
    feed: "subway-jz",
    trainPrefix: "1J",
    trackPrefix: "J",
    headways: weekdayHeadways({ rush: 7, midday: 10, night: 20 }),
    patterns: [
      pattern("J-local", "J", "01R", JAMAICA_LOCAL, ALL_DAY, { peak: "never" }),
      pattern("J-skip", "J", "02R", JAMAICA_J_SKIP, RUSH, { peak: "only" }),
    ],
  },
  {
    id: "Z",
    name: "Nassau St Express",
    ...BROWN,
    ...B,
    feed: "subway-jz",
    trainPrefix: "1Z",
    trackPrefix: "J",
    headways: Z_HEADWAYS,
    patterns: [pattern("Z-skip", "Z", "01R", JAMAICA_Z_SKIP, RUSH, { peak: "only" })],
  },
  {
    id: "L",
    name: "14 St-Canarsie Local",
    color: "A7A9AC",
    textColor: "FFFFFF",
    ...B,
    feed: "subway-l",
    trainPrefix: "0L",
    trackPrefix: "",
    headways: weekdayHeadways({ rush: 3, midday: 5, night: 20 }),
    patterns: [
      pattern(
        "L",
        "L",
        "",
        "L01 L02 L03 L05 L06 L08 L10 L11 L12 L13 L14 L15 L16 L17 L19 L20 L21 L22 L24 L25 L26 L27 L28 L29",
        ALL_DAY,
      ),
    ],
  },
  {
    id: "N",
    name: "Broadway Express",
    ...YELLOW,
    ...B,
    feed: "subway-nqrw",
    trainPrefix: "1N",
    trackPrefix: "Q",
    headways: weekdayHeadways({ rush: 6, midday: 9, night: 20 }),
    patterns: [
      pattern(
        "N-express",
        "N",
        "20R",
        chain(ASTORIA, BROADWAY_EXPRESS, "Q01 -R30", FOURTH_AV_EXPRESS, "R36 -R39 -R40 R41", SEA_BEACH),
        [[6, 23]],
      ),
      pattern(
        "N-night",
        "N",
        "21R",
        chain(ASTORIA, BROADWAY_LOCAL, MONTAGUE_TO_BAY_RIDGE, FOURTH_AV_LOCAL, SEA_BEACH),
        NIGHTS,
      ),
    ],
  },
  {
    id: "Q",
    name: "Broadway Express",
    ...YELLOW,
    ...B,
    feed: "subway-nqrw",
    trainPrefix: "1Q",
    trackPrefix: "Q",
    headways: weekdayHeadways({ rush: 6, midday: 8, night: 20 }),
    patterns: [
      pattern(
        "Q-express",
        "Q",
        "01R",
        chain("Q05 Q04 Q03 B08 R14", BROADWAY_EXPRESS, "Q01 R30 D24", BRIGHTON_LOCAL),
        ALL_DAY,
      ),
    ],
  },
  {
    id: "R",
    name: "Broadway Local",
    ...YELLOW,
    ...B,
    feed: "subway-nqrw",
    trainPrefix: "1R",
    trackPrefix: "R",
    headways: weekdayHeadways({ rush: 7, midday: 10, night: 20 }),
    patterns: [
      pattern(
        "R-local",
        "R",
        "01R",
        chain(
          QUEENS_BLVD_LOCAL,
          "G21 R11 R13 R14",
          BROADWAY_LOCAL,
          MONTAGUE_TO_BAY_RIDGE,
          FOURTH_AV_LOCAL,
          "R41 R42 R43 R44 R45",
        ),
        [[6, 23]],
      ),
      // Late nights: Whitehall St to Bay Ridge only.
      pattern(
        "R-night",
        "R",
        "02R",
        chain(MONTAGUE_TO_BAY_RIDGE, FOURTH_AV_LOCAL, "R41 R42 R43 R44 R45"),
        NIGHTS,
      ),
    ],
  },
  {
    id: "W",
    name: "Broadway Local",
    ...YELLOW,
    ...B,
    feed: "subway-nqrw",
    trainPrefix: "1W",
    trackPrefix: "R",
    headways: weekdayHeadways({ rush: 8, midday: 10, night: 0, hours: [6, 23] }),
    patterns: [pattern("W-local", "W", "01R", chain(ASTORIA, BROADWAY_LOCAL), DAYTIME)],
  },
  {
    id: "SI",
    name: "Staten Island Railway",
    color: "1D2F6F",
    textColor: "FFFFFF",
    ...B,
    feed: "subway-si",
    trainPrefix: "1SI",
    trackPrefix: "",
    headways: weekdayHeadways({ rush: 6, midday: 15, night: 30 }),
    patterns: [
      pattern(
        "SI",
        "SI",
        "",
        "S31 S30 S29 S28 S27 S26 S25 S24 S23 S22 S21 S20 S19 S18 S17 S16 S15 S14 S13 S11 S09",
        ALL_DAY,
      ),
    ],
  },
];
