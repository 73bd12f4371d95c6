// Calendar days as the network writes them: UK local days (Europe/London), as YYYY-MM-DD strings that no time zone moves.
const londonDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar day (YYYY-MM-DD) it is in the UK at `at`: the day people in the network would write down. */
export function londonDate(at: Date = new Date()): string {
  return londonDay.format(at);
}
