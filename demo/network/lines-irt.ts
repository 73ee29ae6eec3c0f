/**
 * The numbered (IRT) lines and the 42 St shuttle: stations from north to
 * south, express runs marked with "-" (see stopsOf), weekday headways.
 * Written for this project from public knowledge of the subway map.
 */
import { ALL_DAY, allStops, NIGHTS, pattern, RUSH, weekdayHeadways } from "./build-helpers";
import type { Line } from "./types";

const RED = { color: "EE352E", textColor: "FFFFFF" };
const GREEN = { color: "00933C", textColor: "FFFFFF" };
const IRT = { feed: "subway-1234567s", division: "A", trackPrefix: "" } as const;

// Broadway-7 Av express in Manhattan, 96 St to Chambers St.
const SEVENTH_AV_EXPRESS =
  "120 -121 -122 123 -124 -125 -126 127 128 -129 -130 -131 132 -133 -134 -135 -136 137";
const CLARK_ST_TUNNEL = "228 229 230 231 232 233 234 235";
const LENOX = "224 225 226 227";
const WHITE_PLAINS_RD = "201 204 205 206 207 208 209 210 211 212 213 214 215 216 217 218 219 220 221 222";
// Lexington Av express, 125 St to Brooklyn Bridge, then the Joralemon St tunnel to Nevins St, where
// the 4 and 5 take the express track (the 2 and 3 from the Clark St tunnel the local one).
const LEX_EXPRESS =
  "621 -622 -623 -624 -625 626 -627 -628 629 -630 631 -632 -633 -634 635 -636 -637 -638 -639 640 418 419 420 423 +234 235";
const LEX_LOCAL = "621 622 623 624 625 626 627 628 629 630 631 632 633 634 635 636 637 638 639 640";
const JEROME = "401 402 405 406 407 408 409 410 411 412 413 414 415 416";
const PELHAM = "601 602 603 604 606 607 608 609 610 611 612 613 614 615 616 617 618 619";
const PELHAM_EXPRESS = "601 602 603 604 606 607 608 -609 -610 -611 -612 613 -614 -615 -616 -617 -618 619";
const FLUSHING = "701 702 705 706 707 708 709 710 711 712 713 714 715 716 718 719 720 721 723 724 725 726";
const FLUSHING_EXPRESS =
  "701 702 -705 -706 707 -708 -709 710 -711 712 -713 -714 -715 -716 718 719 720 721 723 724 725 726";

export const IRT_LINES: Line[] = [
  {
    id: "1",
    name: "Broadway - 7 Avenue Local",
    ...RED,
    ...IRT,
    trainPrefix: "01",
    headways: weekdayHeadways({ rush: 4, midday: 7, night: 20 }),
    patterns: [
      pattern(
        "1-local",
        "1",
        "03R",
        "101 103 104 106 107 108 109 110 111 112 113 114 115 116 117 118 119 120 121 122 123 124 125 126 127 128 129 130 131 132 133 134 135 136 137 138 139 142",
      ),
    ],
  },
  {
    id: "2",
    name: "7 Avenue Express",
    ...RED,
    ...IRT,
    trainPrefix: "02",
    headways: weekdayHeadways({ rush: 5, midday: 8, night: 20 }),
    patterns: [
      pattern(
        "2-express",
        "2",
        "01R",
        `${WHITE_PLAINS_RD} ${LENOX} ${SEVENTH_AV_EXPRESS} ${CLARK_ST_TUNNEL} 236 237 238 239 241 242 243 244 245 246 247`,
        [[6, 23]],
      ),
      pattern(
        "2-local",
        "2",
        "02R",
        `${WHITE_PLAINS_RD} ${LENOX} ${allStops(SEVENTH_AV_EXPRESS)} ${CLARK_ST_TUNNEL} 236 237 238 239 241 242 243 244 245 246 247`,
        NIGHTS,
      ),
    ],
  },
  {
    id: "3",
    name: "7 Avenue Express",
    ...RED,
    ...IRT,
    trainPrefix: "03",
    headways: weekdayHeadways({ rush: 6, midday: 9, night: 20 }),
    patterns: [
      pattern(
        "3-express",
        "3",
        "01R",
        `301 302 ${LENOX} ${SEVENTH_AV_EXPRESS} ${CLARK_ST_TUNNEL} 236 237 238 239 248 249 250 251 252 253 254 255 256 257`,
        [[6, 23]],
      ),
      // Late nights the 3 only runs in Manhattan, local, to Times Sq.
      pattern("3-night", "3", "56R", `301 302 ${LENOX} 120 121 122 123 124 125 126 127`, NIGHTS),
    ],
  },
  {
    id: "4",
    name: "Lexington Avenue Express",
    ...GREEN,
    ...IRT,
    trainPrefix: "04",
    headways: weekdayHeadways({ rush: 4, midday: 7, night: 20 }),
    patterns: [
      pattern("4-express", "4", "06R", `${JEROME} ${LEX_EXPRESS} -236 -237 -238 239 -248 -249 250`, [
        [6, 23],
      ]),
      pattern(
        "4-night",
        "4",
        "43R",
        `${JEROME} ${LEX_LOCAL} 418 419 420 423 234 235 236 237 238 239 248 249 250 251 252 253 254 255 256 257`,
        NIGHTS,
      ),
    ],
  },
  {
    id: "5",
    name: "Lexington Avenue Express",
    ...GREEN,
    ...IRT,
    trainPrefix: "05",
    headways: weekdayHeadways({ rush: 5, midday: 9, night: 20 }),
    patterns: [
      pattern(
        "5-express",
        "5",
        "03R",
        `501 502 503 504 505 213 214 215 216 217 218 219 220 221 222 416 ${LEX_EXPRESS} -236 -237 -238 239 241 242 243 244 245 246 247`,
        [[6, 23]],
      ),
      // Late nights: a shuttle on the Dyre Av branch.
      pattern("5-night", "5", "71R", "501 502 503 504 505 213", NIGHTS),
    ],
  },
  {
    id: "6",
    name: "Lexington Avenue Local",
    ...GREEN,
    ...IRT,
    trainPrefix: "06",
    headways: weekdayHeadways({ rush: 3, midday: 7, night: 20 }),
    patterns: [
      pattern("6-local", "6", "01R", `${PELHAM} ${LEX_LOCAL}`, ALL_DAY, { weight: 1 }),
      // The <6> diamond runs express in the Bronx with the rush.
      pattern("6-express", "6X", "02R", `${PELHAM_EXPRESS} ${LEX_LOCAL}`, RUSH, { peak: "only" }),
    ],
  },
  {
    id: "7",
    name: "Flushing Local",
    color: "B933AD",
    textColor: "FFFFFF",
    ...IRT,
    trainPrefix: "07",
    headways: weekdayHeadways({ rush: 3, midday: 6, night: 20 }),
    patterns: [
      pattern("7-local", "7", "", FLUSHING, ALL_DAY),
      pattern("7-express", "7X", "", FLUSHING_EXPRESS, RUSH, { peak: "only" }),
    ],
  },
  {
    id: "GS",
    name: "42 St Shuttle",
    color: "808183",
    textColor: "FFFFFF",
    ...IRT,
    trainPrefix: "0S",
    headways: weekdayHeadways({ rush: 4, midday: 5, night: 0, hours: [6, 24] }),
    patterns: [pattern("GS", "GS", "04R", "901 902", [[6, 24]])],
  },
];
