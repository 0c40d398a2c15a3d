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

export interface Person {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly managerId: string | null;
  /** Plan names match the roles: "AE", "Manager", "Director". */
  readonly plan: Role;
  readonly base: number;
  readonly targetVariable: number;
  /** Annual New ARR quota. */
  readonly quota: number;
  /** Annual Renewals quota (AEs only). */
  readonly renewalsQuota: number | null;
  /** Excel serial date of hire. */
  readonly startDate: number;
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
const FIXED_MEANS: Readonly<Record<number, number>> = { 2: 1.8, 13: 1.7, 7: 0.5, 20: 0.55 };

export function acmeOrg(): AcmeOrg {
  const random = seededRandom(SEED);
  const aes = MANAGERS.flatMap((manager, team) =>
    Array.from({ length: TEAM_SIZE }, (_, i) => accountExecutive(random, team * TEAM_SIZE + i, manager.id, i + 1)),
  );
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
  const people = [director, ...managers, ...aes];

  const aeBookings = aes.flatMap((ae, index) => aeQuarterlyBookings(random, ae, index));
  const leaderBookings = [...managers, director].flatMap((leaderPerson) =>
    teamBookings(
      leaderPerson,
      leaderPerson.role === "Director" ? aes : aes.filter((ae) => ae.managerId === leaderPerson.id),
      aeBookings,
    ),
  );
  return { people, bookings: [...aeBookings, ...leaderBookings] };
}

function accountExecutive(random: Random, index: number, managerId: string, seat: number): Person {
  return {
    id: `${managerId.slice(0, 3)}0${seat}`, // E1100's team: E1101..E1108
    name: AE_NAMES[index],
    role: "AE",
    managerId,
    plan: "AE",
    base: roundTo(random.between(90_000, 110_000), 1_000),
    targetVariable: roundTo(random.between(90_000, 110_000), 1_000),
    quota: roundTo(random.between(800_000, 1_200_000), 20_000),
    renewalsQuota: roundTo(random.between(300_000, 500_000), 20_000),
    startDate: excelSerial(
      2019 + Math.floor(random.between(0, 6)),
      1 + Math.floor(random.between(0, 12)),
      1 + Math.floor(random.between(0, 28)),
    ),
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
  const teamQuota = team.reduce((total, ae) => total + ae.quota, 0);
  return {
    id,
    name,
    role,
    managerId,
    plan: role,
    base,
    targetVariable,
    quota: roundTo(teamQuota * LEADER_QUOTA_SHARE, 20_000),
    renewalsQuota: null,
    startDate: excelSerial(hiredIn, 4, 1),
  };
}

/** Quarterly New ARR and Renewals of one AE: attainment drawn around a rep-specific mean. */
function aeQuarterlyBookings(random: Random, ae: Person, index: number): Booking[] {
  const newArrMean = FIXED_MEANS[index] ?? random.between(0.7, 1.35);
  const renewalsMean = random.between(0.8, 1.15);
  return QUARTERS.flatMap((period) => {
    // Log-normal noise keeps attainment positive; -σ²/2 keeps its mean at the rep's mean.
    const newArr = newArrMean * Math.exp(0.3 * random.normal() - 0.045);
    const renewals = renewalsMean * Math.exp(0.15 * random.normal() - 0.01125);
    return [
      { repId: ae.id, period, measure: NEW_ARR, amount: roundTo((newArr * ae.quota) / 4, 100) },
      { repId: ae.id, period, measure: RENEWALS, amount: roundTo((renewals * (ae.renewalsQuota ?? 0)) / 4, 100) },
    ];
  });
}

/** A leader's New ARR is the sum of the team's (precomputed here until the engine rolls up Team-basis plans). */
function teamBookings(leaderPerson: Person, team: readonly Person[], aeBookings: readonly Booking[]): Booking[] {
  const teamIds = new Set(team.map((ae) => ae.id));
  return QUARTERS.map((period) => ({
    repId: leaderPerson.id,
    period,
    measure: NEW_ARR,
    amount: aeBookings
      .filter((b) => b.period === period && b.measure === NEW_ARR && teamIds.has(b.repId))
      .reduce((total, b) => total + b.amount, 0),
  }));
}

function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}
