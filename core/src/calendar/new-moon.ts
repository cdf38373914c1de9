/*
 * The instant of a new moon, by Meeus, "Astronomical Algorithms" (2nd ed.), ch. 49, with its periodic
 * and planetary terms: within a few seconds this century. ICU's Chinese calendar (which the engines
 * use) dates some new moons a few minutes off, enough to move a lunar month's first day when the new
 * moon falls near midnight in Beijing: 2027's 春节 is on 6 February (new moon 23:56 Beijing time), ICU
 * says the 7th; 2030's on 3 February (00:07), ICU says the 2nd.
 */

const DEG = Math.PI / 180;
const SYNODIC_MONTH_DAYS = 29.530588861;
const UNIX_EPOCH_JD = 2_440_587.5;
const DAY_MS = 86_400_000;
/** TT − UTC (ΔT) this century is about 69–75 s; a few seconds' error here is far below what matters. */
const DELTA_T_MS = 70_000;

const PERIODIC: readonly (readonly [number, number, number, number, number])[] = [
  // [coefficient, power of E, multiple of M, of M', of F]
  [-0.4072, 0, 0, 1, 0],
  [0.17241, 1, 1, 0, 0],
  [0.01608, 0, 0, 2, 0],
  [0.01039, 0, 0, 0, 2],
  [0.00739, 1, -1, 1, 0],
  [-0.00514, 1, 1, 1, 0],
  [0.00208, 2, 2, 0, 0],
  [-0.00111, 0, 0, 1, -2],
  [-0.00057, 0, 0, 1, 2],
  [0.00056, 1, 1, 2, 0],
  [-0.00042, 0, 0, 3, 0],
  [0.00042, 1, 1, 0, 2],
  [0.00038, 1, 1, 0, -2],
  [-0.00024, 1, -1, 2, 0],
  [-0.00007, 0, 2, 1, 0],
  [0.00004, 0, 0, 2, -2],
  [0.00004, 0, 3, 0, 0],
  [0.00003, 0, 1, 1, -2],
  [0.00003, 0, 0, 2, 2],
  [-0.00003, 0, 1, 1, 2],
  [0.00003, 0, -1, 1, 2],
  [-0.00002, 0, -1, 1, -2],
  [-0.00002, 0, 1, 3, 0],
  [0.00002, 0, 0, 4, 0],
];

const PLANETARY: readonly (readonly [number, number, number])[] = [
  // [coefficient, A at k = 0, degrees per lunation]; A1 also has a T² term, added below.
  [0.000325, 299.77, 0.107408],
  [0.000165, 251.88, 0.016321],
  [0.000164, 251.83, 26.651886],
  [0.000126, 349.42, 36.412478],
  [0.00011, 84.66, 18.206239],
  [0.000062, 141.74, 53.303771],
  [0.00006, 207.14, 2.453732],
  [0.000056, 154.84, 7.30686],
  [0.000047, 34.52, 27.261239],
  [0.000042, 207.19, 0.121824],
  [0.00004, 291.34, 1.844379],
  [0.000037, 161.72, 24.198154],
  [0.000035, 239.56, 25.513099],
  [0.000023, 331.55, 3.592518],
];

/** Julian Ephemeris Day of lunation `k` (k = 0: the new moon of 2000-01-06). */
function newMoonJde(k: number): number {
  const t = k / 1236.85;
  const e = 1 - 0.002516 * t - 0.0000074 * t * t;
  const m = (2.5534 + 29.1053567 * k - 0.0000014 * t * t - 0.00000011 * t ** 3) * DEG;
  const mPrime =
    (201.5643 + 385.81693528 * k + 0.0107582 * t * t + 0.00001238 * t ** 3 - 0.000000058 * t ** 4) * DEG;
  const f =
    (160.7108 + 390.67050284 * k - 0.0016118 * t * t - 0.00000227 * t ** 3 + 0.000000011 * t ** 4) * DEG;
  const omega = (124.7746 - 1.56375588 * k + 0.0020672 * t * t + 0.00000215 * t ** 3) * DEG;

  let jde =
    2_451_550.09766 +
    SYNODIC_MONTH_DAYS * k +
    0.00015437 * t * t -
    0.00000015 * t ** 3 +
    0.00000000073 * t ** 4;
  for (const [coefficient, ePower, mMultiple, mPrimeMultiple, fMultiple] of PERIODIC) {
    jde += coefficient * e ** ePower * Math.sin(mMultiple * m + mPrimeMultiple * mPrime + fMultiple * f);
  }
  jde += -0.00017 * Math.sin(omega);
  PLANETARY.forEach(([coefficient, a0, rate], index) => {
    const a = a0 + rate * k + (index === 0 ? -0.009173 * t * t : 0);
    jde += coefficient * Math.sin(a * DEG);
  });
  return jde;
}

/** The instant (epoch ms, UTC) of the new moon nearest to `instant`. */
export function newMoonNear(instant: number): number {
  const jd = instant / DAY_MS + UNIX_EPOCH_JD;
  const k = Math.round((jd - 2_451_550.09766) / SYNODIC_MONTH_DAYS);
  return (newMoonJde(k) - UNIX_EPOCH_JD) * DAY_MS - DELTA_T_MS;
}
