import { type DayNumber, dayNumberOf } from '../time/shanghai-time';

/*
 * The Sun's apparent ecliptic longitude by the low-precision formulae of Meeus, "Astronomical
 * Algorithms" (2nd ed.), ch. 25: accurate to about 0.01°, i.e. about 15 minutes of time, which is
 * enough to date a solar term except when it falls within minutes of midnight in Beijing. Dates are
 * in Terrestrial Time; the difference from UTC (about 70 s in this century) is far below that.
 */

const J2000_MS = Date.UTC(2000, 0, 1, 12);
const DAY_MS = 86_400_000;
const DEG = Math.PI / 180;

function normalizeDegrees(degrees: number): number {
  return ((degrees % 360) + 360) % 360;
}

/** Apparent geocentric longitude of the Sun, in degrees, at an instant. */
export function solarLongitude(instant: number): number {
  const t = (instant - J2000_MS) / DAY_MS / 36_525;
  const meanLongitude = 280.46646 + 36_000.76983 * t + 0.0003032 * t * t;
  const meanAnomaly = (357.52911 + 35_999.05029 * t - 0.0001537 * t * t) * DEG;
  const center =
    (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.sin(meanAnomaly) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * meanAnomaly) +
    0.000289 * Math.sin(3 * meanAnomaly);
  const omega = (125.04 - 1934.136 * t) * DEG;
  return normalizeDegrees(meanLongitude + center - 0.00569 - 0.00478 * Math.sin(omega));
}

/** The instant at which the Sun's apparent longitude reaches `longitude` degrees, searched near `near`. */
export function solarTermInstant(longitude: number, near: number): number {
  // The Sun moves about 0.9856° a day: start a week either side and bisect on the signed difference.
  let low = near - 8 * DAY_MS;
  let high = near + 8 * DAY_MS;
  const behind = (instant: number) => ((solarLongitude(instant) - longitude + 540) % 360) - 180 < 0;
  if (!behind(low) || behind(high)) throw new RangeError(`在所给日期附近找不到太阳黄经 ${longitude}° 的节气`);
  while (high - low > 1000) {
    const middle = (low + high) / 2;
    if (behind(middle)) low = middle;
    else high = middle;
  }
  return high;
}

/** 清明: the Beijing day on which the Sun reaches longitude 15° (about April 4–5). */
export function dayOfQingming(year: number): DayNumber {
  return dayNumberOf(solarTermInstant(15, Date.UTC(year, 3, 4, 12)));
}
