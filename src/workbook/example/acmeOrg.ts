import { excelSerial } from "./excelDate";
import { seededRandom, type Random } from "./random";

/**
 * The people of the Acme example and their bookings, as plain numbers (these
 * are example inputs, not computed pay). One director, three managers, eight
 * account executives (AEs) per manager.
 */

export const PLAN_YEAR = 2026;
export const QUARTERS = ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"] as const;
export const NEW_ARR = "New ARR";
export const RENEWALS = "Renewals";

export type Role = "Director" | "Manager" | "AE";
export type PlanName = Role | "AE New Hire" | "AE YTD";

/** Units of USD per EUR (the Settings FX rate of the example). */
export const EUR_USD = 1.08;

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly managerId: string | null;
  /**
   * Plan names match the roles ("AE", "Manager", "Director"); Morgan Reyes's team is on "AE YTD" (the AE plan paid
   * year to date, with true-ups); the mid-year hire is on "AE New Hire" (with a draw).
   */
  readonly plan: PlanName;
  readonly currency: "USD" | "EUR";
  readonly base: number;
  readonly targetVariable: number;
  /** Annual New ARR quota. */
  readonly quota: number;
  /** Annual Renewals quota (AEs only). */
  readonly renewalsQuota: number | null;
  /** Excel serial date of hire. */
  readonly startDate: number;
  /** Excel serial of the last working day, for a leaver. */
  readonly endDate: number | null;
  readonly ramp: string | null;
}

/** Credited amount of one person, quarter and measure. */
export interface Booking {
  readonly repId: string;
  readonly period: (typeof QUARTERS)[number];
  readonly measure: string;
  readonly amount: number;
}

export interface AcmeOrg {
  readonly people: readonly Person[];
  readonly bookings: readonly Booking[];
}

const SEED = 20260101;
const TEAM_SIZE = 8;
/** Manager and director quotas are set at 90% of the team's quota sum (a common over-assignment). */
const LEADER_QUOTA_SHARE = 0.9;

const MANAGERS = [
  { id: "E1100", name: "Morgan Reyes" },
  { id: "E1200", name: "Priya Raman" },
  { id: "E1300", name: "Sam Okafor" },
] as const;

const AE_NAMES = [
  "Alex Kim",
  "Blair Novak",
  "Casey Ibarra",
  "Devon Price",
  "Emery Walsh",
  "Finley Osei",
  "Gray Lindqvist",
  "Harper Quinn",
  "Indra Patel",
  "Jordan Muller",
  "Kai Nakamura",
  "Logan Ferreira",
  "Marley Adeyemi",
  "Noor Haddad",
  "Oakley Brennan",
  "Parker Duval",
  "Quinn Salazar",
  "Riley Chen",
  "Sasha Volkov",
  "Taylor Mensah",
  "Umi Tanaka",
  "Val Moreau",
  "Wren Castillo",
  "Yael Cohen",
] as const;

/**
 * Mean New ARR attainment of a few AEs, fixed so the example always shows the
 * interesting cases: two stars who reach the 3× payout cap, two reps who fall
 * under the 40% threshold. Everyone else is drawn around quota.
 */
const FIXED_MEANS: Readonly<Record<number, number>> = { 2: 1.8, 13: 1.7, 7: 0.45, 20: 0.4 };

/** The Berlin seats of Sam Okafor's team are paid in EUR. */
const EUR_SEATS = new Set(["E1301", "E1302", "E1303"]);
/** A leaver: last working day 31 August 2026. */
export const LEAVER = "E1206";
/** The team paid year to date: the AE plan on cumulative attainment, negative true-ups carried as a debit. */
const YTD_TEAM = "E1100";
/**
 * The mid-year hire's first quarter books little (both measures under their gates), so her draw tops her pay
 * up; later quarters pay it back. Amounts in USD for Q2 2026.
 */
const NEW_HIRE_FIRST_QUARTER: Readonly<Record<string, number>> = { "New ARR": 30_000, Renewals: 15_000 };
/**
 * Attainment by quarter of E1108, on the year-to-date plan: over both gates in Q1, a lost Q2 takes the year to
 * date under them (a negative true-up on each measure: the quarter's pay is negative, carried as a debit), and
 * the second half brings it back and repays the debit.
 */
const GATE_CROSSER = {
  id: "E1108",
  attainment: { [NEW_ARR]: [0.55, 0.2, 0.45, 1.0], [RENEWALS]: [0.99, 0, 1.05, 1.0] },
} as const;

export function acmeOrg(): AcmeOrg {
  const random = seededRandom(SEED);
  const aes = MANAGERS.flatMap((manager, team) =>
    Array.from({ length: TEAM_SIZE }, (_, i) => accountExecutive(random, team * TEAM_SIZE + i, manager.id, i + 1)),
  );
  const newHire = midYearHire();
  const managers = MANAGERS.map((m, team) =>
    leader(
      m.id,
      m.name,
      "Manager",
      "E1000",
      150_000,
      90_000,
      aes.slice(team * TEAM_SIZE, (team + 1) * TEAM_SIZE),
      2021 + team,
    ),
  );
  const director = leader("E1000", "Dana Director", "Director", null, 180_000, 120_000, aes, 2018);
  const people = [director, ...managers, ...aes, newHire];

  // Leaders are paid on their team's New ARR (Team basis): the engine rolls it up, so they book nothing here.
  const bookings = [...aes, newHire]
    .flatMap((ae, index) => aeQuarterlyBookings(random, ae, index))
    .map((b) => {
      if (b.repId === newHire.id && b.period === "2026-Q2") return { ...b, amount: NEW_HIRE_FIRST_QUARTER[b.measure] };
      if (b.repId === GATE_CROSSER.id) {
        const crosser = aes.find((a) => a.id === GATE_CROSSER.id)!;
        const quota = b.measure === NEW_ARR ? crosser.quota : (crosser.renewalsQuota ?? 0);
        const share =
          GATE_CROSSER.attainment[b.measure as typeof NEW_ARR | typeof RENEWALS][QUARTERS.indexOf(b.period)];
        return { ...b, amount: roundTo((share * quota) / 4, 100) };
      }
      return b;
    });
  return { people, bookings };
}

function accountExecutive(random: Random, index: number, managerId: string, seat: number): Person {
  const id = `${managerId.slice(0, 3)}0${seat}`; // E1100's team: E1101..E1108
  // Berlin seats are planned in EUR: the same draw, converted and rounded.
  const eur = EUR_SEATS.has(id);
  const money = (usd: number, step: number) => roundTo(eur ? usd / EUR_USD : usd, step);
  return {
    id,
    name: AE_NAMES[index],
    role: "AE",
    managerId,
    plan: managerId === YTD_TEAM ? "AE YTD" : "AE",
    currency: eur ? "EUR" : "USD",
    base: money(random.between(90_000, 110_000), 1_000),
    targetVariable: money(random.between(90_000, 110_000), 1_000),
    quota: money(random.between(800_000, 1_200_000), 20_000),
    renewalsQuota: money(random.between(300_000, 500_000), 20_000),
    startDate: excelSerial(
      2019 + Math.floor(random.between(0, 6)),
      1 + Math.floor(random.between(0, 12)),
      1 + Math.floor(random.between(0, 28)),
    ),
    endDate: id === LEAVER ? excelSerial(PLAN_YEAR, 8, 31) : null,
    ramp: null,
  };
}

/** Joins on 15 April 2026 on a four-month ramp, with a recoverable draw while commissions build up. */
function midYearHire(): Person {
  return {
    id: "E1309",
    name: "Zoe Brandt",
    role: "AE",
    managerId: "E1300",
    plan: "AE New Hire",
    currency: "USD",
    base: 95_000,
    targetVariable: 95_000,
    quota: 1_000_000,
    renewalsQuota: 400_000,
    startDate: excelSerial(PLAN_YEAR, 4, 15),
    endDate: null,
    ramp: "NewHire",
  };
}

function leader(
  id: string,
  name: string,
  role: "Manager" | "Director",
  managerId: string | null,
  base: number,
  targetVariable: number,
  team: readonly Person[],
  hiredIn: number,
): Person {
  const teamQuota = team.reduce((total, ae) => total + ae.quota * (ae.currency === "EUR" ? EUR_USD : 1), 0);
  return {
    id,
    name,
    role,
    managerId,
    plan: role,
    currency: "USD",
    base,
    targetVariable,
    quota: roundTo(teamQuota * LEADER_QUOTA_SHARE, 20_000),
    renewalsQuota: null,
    startDate: excelSerial(hiredIn, 4, 1),
    endDate: null,
    ramp: null,
  };
}

/** Quarterly New ARR and Renewals of one AE: attainment drawn around a rep-specific mean. */
function aeQuarterlyBookings(random: Random, ae: Person, index: number): Booking[] {
  const newArrMean = FIXED_MEANS[index] ?? random.between(0.7, 1.35);
  const renewalsMean = random.between(0.8, 1.15);
  const active = QUARTERS.filter((_, q) => {
    // No bookings before a hire's quarter or after a leaver's.
    const quarterStart = excelSerial(PLAN_YEAR, q * 3 + 1, 1);
    const quarterEnd = excelSerial(PLAN_YEAR, q * 3 + 4, 1) - 1;
    return ae.startDate <= quarterEnd && (ae.endDate === null || ae.endDate >= quarterStart);
  });
  return active.flatMap((period) => {
    // Log-normal noise keeps attainment positive; -σ²/2 keeps its mean at the rep's mean.
    const newArr = newArrMean * Math.exp(0.3 * random.normal() - 0.045);
    const renewals = renewalsMean * Math.exp(0.15 * random.normal() - 0.01125);
    return [
      { repId: ae.id, period, measure: NEW_ARR, amount: roundTo((newArr * ae.quota) / 4, 100) },
      { repId: ae.id, period, measure: RENEWALS, amount: roundTo((renewals * (ae.renewalsQuota ?? 0)) / 4, 100) },
    ];
  });
}

function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}
