// The few calls of lunar-javascript (a devDependency, MIT) that test/unit/dates-lunar.test.ts checks the tables against.
declare module 'lunar-javascript' {
  interface SolarDay {
    getYear(): number;
    getMonth(): number;
    getDay(): number;
    getLunar(): LunarDay;
  }
  interface LunarDay {
    getYear(): number;
    /** Negative for a leap month. */
    getMonth(): number;
    getDay(): number;
    getJieQi(): string;
    getSolar(): SolarDay;
  }
  interface LunarMonthInfo {
    getYear(): number;
    getMonth(): number;
    getDayCount(): number;
    getFirstJulianDay(): number;
  }
  export const Solar: { fromYmd(y: number, m: number, d: number): SolarDay; fromJulianDay(jd: number): SolarDay };
  export const Lunar: { fromYmd(y: number, m: number, d: number): LunarDay };
  export const LunarYear: { fromYear(y: number): { getLeapMonth(): number; getMonths(): LunarMonthInfo[] } };
}
