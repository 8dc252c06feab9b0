/**
 * What `motiv init` writes: a starter scheme, its test cases worked out by
 * hand, and a scenario with marked places for the user's own numbers. Pure
 * data; the CLI decides where the files go and writes them.
 */

/** one file `motiv init` writes, by its name in the folder */
export interface StarterFile {
  /** the file name, in the folder init writes to */
  name: string;
  /** what it is, in a few words, for the summary init prints */
  about: string;
  text: string;
}

/** the places in scenario.yaml meant for the user's own numbers carry this mark */
export const YOUR_NUMBER = 'YOUR NUMBER';

const SCHEME = `# A starter pay scheme, written by \`motiv init\`: a monthly salary, 10 % of the
# gross profit of a new client in its first 12 months and 3 % of the profit of
# every older client. Edit it into your own pay plan; every key is explained
# in motiv's docs/schemes.md (the scheme language). From this folder:
#
#   npx motiv validate scheme.yaml     checks it (every problem, with its line)
#   npx motiv test scheme.test.yaml    checks what it pays in worked examples
#   npx motiv simulate scheme.yaml     plays it in scenario.yaml: how reps would
#                                      split their hours, what they earn, what
#                                      you sell
#
# After a change here, change the expected amounts in scheme.test.yaml too.

# the scheme's name, shown in every report
name: Salary plus commission on new and existing clients
# what it is for, in a sentence or two (free text)
description: >
  A monthly salary, 10 % of a new client's gross profit in its first 12
  months after signing, then 3 % for as long as the client buys.
# the currency of every amount below: an ISO 4217 code (EUR, USD, GBP, ...)
currency: EUR
# the scenario \`motiv simulate scheme.yaml\` plays this scheme in (relative to this file)
scenario: scenario.yaml

# who is credited with a sale: the rep who sold it (a sale's rep_id, else the
# client's owner); to pay the rep who signed the client for life instead,
# write {closer: 100%}; shares may be split, e.g. {finder: 50%, closer: 50%}
credit:
  - split: {seller: 100%}       # all of each sale to its seller

# the pay: each component pays one line a month; a rep's pay is their sum
components:
  # a fixed monthly salary, paid by days to a rep who joins or leaves mid-month
  - id: salary                  # a name of your choice: tests and reports use it
    type: salary                # a fixed amount per month
    amount: 2500                # in the currency above; no thousands separators

  # a share of what a new client is worth to you, to reward finding clients
  - id: new_clients             # a name of your choice
    type: commission            # a rate on money the rep's clients bring in
    measure: gross_profit       # revenue minus cost; write revenue to pay on sales
    filter:                     # only these clients' sales count:
      age_months: {to: 12}      #   months 1 to 12 of the client's life ...
      since: signing            #   ... the month it signed being month 1
    rate: 10%                   # a percentage, or a fraction (0.1)

  # a smaller share of what older clients bring, to keep them buying
  - id: existing_clients        # a name of your choice
    type: commission            # a rate on money the rep's clients bring in
    measure: gross_profit       # as above
    filter:                     # only these clients' sales count:
      age_months: {from: 13}    #   from month 13 on (and clients with no dates on record)
      since: signing            #   counted from the month the client signed
    rate: 3%                    # a percentage, or a fraction (0.03)
`;

const TESTS = `# Test cases for scheme.yaml, written by \`motiv init\`: what the scheme pays in
# worked examples, each amount worked out by hand (the arithmetic is in the
# comments). \`npx motiv test scheme.test.yaml\` checks them; a change to the
# scheme that changes a payout fails here. When you change the scheme, work
# out the new amounts and change them here; \`motiv payout --explain\` on the
# same data shows motiv's arithmetic. See motiv's docs/testing.md.
#
# Each case gives its own rows of data, as the CSV files of a dataset would
# (docs/data.md): reps, clients (with the days they signed and started buying)
# and transactions (revenue and cost: gross profit is revenue minus cost).
# Amounts are rounded half-up to the cent, line by line.

# the scheme under test, relative to this file
scheme: scheme.yaml
cases:
  - name: a new client's profit pays 10 % in its signing month
    period: 2026-01                 # the month paid
    reps:
      - {id: anna}
    clients:
      - {id: c1, owner: anna, signed_date: 2026-01-12, activated_date: 2026-01-20}
    transactions:
      - {date: 2026-01-26, client_id: c1, revenue: 10000, cost: 7500}   # gross profit 2500
    expect:
      - total: 2750                 # 2500 + 250
        components:
          salary: 2500
          new_clients: 250          # 10 % x 2500
          existing_clients: 0

  - name: month 12 after signing still pays 10 %, month 13 pays 3 %
    from: 2026-12
    to: 2027-01
    reps:
      - {id: anna}
    clients:
      # signed in January 2026: December 2026 is its month 12, January 2027 its month 13
      - {id: c1, owner: anna, signed_date: 2026-01-12, activated_date: 2026-01-20}
    transactions:
      - {date: 2026-12-04, client_id: c1, revenue: 8000, cost: 6000}   # gross profit 2000
      - {date: 2027-01-08, client_id: c1, revenue: 8000, cost: 6000}   # gross profit 2000
    expect:
      - period: 2026-12
        total: 2700                 # 2500 + 200
        components: {new_clients: 200, existing_clients: 0}    # 10 % x 2000
      - period: 2027-01
        total: 2560                 # 2500 + 60
        components: {new_clients: 0, existing_clients: 60}     # 3 % x 2000

  - name: a long-standing client with no dates on record pays 3 %, rounded half-up to the cent
    period: 2026-03
    reps:
      - {id: boris}
    clients:
      - {id: c2, owner: boris}      # no signed_date: a client from before the data
    transactions:
      - {date: 2026-03-10, client_id: c2, revenue: 4321.10, cost: 3086.60}   # gross profit 1234.50
    expect:
      - total: 2537.04              # 2500 + 37.04
        components:
          new_clients: 0
          existing_clients: 37.04   # 3 % x 1234.50 = 37.035, rounded half-up

  - name: the rep who sells is credited, whoever owns the client
    period: 2026-03
    reps:
      - {id: anna}
      - {id: boris}
    clients:
      - {id: c3, owner: anna, signed_date: 2026-02-03, activated_date: 2026-02-16}   # March is its month 2
    transactions:
      - {date: 2026-03-05, client_id: c3, revenue: 6000, cost: 4500}                 # anna's sale: gross profit 1500
      - {date: 2026-03-19, client_id: c3, rep_id: boris, revenue: 2000, cost: 1500}  # boris's sale: gross profit 500
    expect:
      - rep: anna
        total: 2650                 # 2500 + 10 % x 1500
      - rep: boris
        total: 2550                 # 2500 + 10 % x 500

  - name: a rep who joins mid-month gets his salary by days
    period: 2026-03
    reps:
      - {id: chen, start_date: 2026-03-17}   # employed 17 to 31 March: 15 of 31 days
    clients:
      - {id: c4, owner: chen, signed_date: 2026-03-20, activated_date: 2026-03-24}
    transactions:
      - {date: 2026-03-27, client_id: c4, revenue: 3000, cost: 2400}   # gross profit 600
    expect:
      - total: 1269.68              # 1209.68 + 60
        components:
          salary: 1209.68           # 2500 x 15/31 = 1209.6774
          new_clients: 60           # 10 % x 600
`;

const SCENARIO = `# A starter scenario, written by \`motiv init\`: the world scheme.yaml is played in
# by \`npx motiv simulate scheme.yaml\`. Put your own numbers where a line says
# ${YOUR_NUMBER}; the other values are plausible starting points to refine later
# (\`motiv calibrate\` estimates them from your own history). Every key is
# explained in motiv's docs/scenarios.md.
#
# Nothing here says how reps split their time between prospects and clients:
# that comes out of the scheme they are paid by.
#
# Probabilities and shares are plain numbers from 0 to 1 (0.2, not 20%);
# money is in the scheme's currency; hours are hours a month.

# marks the file as a scenario
kind: scenario
# the scenario's name, shown in reports
name: My sales team
# the first simulated month (YYYY-MM)
start: 2026-01
# how many months a simulation plays (simulate --months overrides it)
months: 24

# the sales reps
reps:
  count: 5                      # ${YOUR_NUMBER}: how many sales reps
  hours: 140                    # hours a month a rep sells, whatever the pay (up to 25 % more when pay makes it worth it)
  # what an hour of each kind of work costs a rep in unpleasantness, in money:
  # a cold call to a prospect most, a call to a friendly client least
  effort_cost: {prospect: 5, signed: 4, active: 2.5}

# the clients: one segment to start with (add more, e.g. key accounts, later)
segments:
  all:                          # the segment's name (a scheme's filters may name it)
    share: 1                    # its share of the clients (the shares add up to 1)
    # ${YOUR_NUMBER}: a typical deal, what a typical client would buy a month if it
    # gave you all its business; clients spread around it (sigma 0.6: most
    # between half and twice)
    revenue: {lognormal: {median: 5000, sigma: 0.6}}
    margin: 0.25                # ${YOUR_NUMBER}: gross profit / revenue of a sale (0.25 is a 25 % margin)

# each rep's book at the start
book:
  prospects: 60                 # ${YOUR_NUMBER}: prospects per rep (firms he may sign, not clients yet)
  signed: 3                     # clients per rep who signed but do not buy yet
  active: 20                    # ${YOUR_NUMBER}: clients per rep who buy
  wallet: 0.5                   # the share of its business a client gives you today

# new prospects
market:
  new_prospects: 5              # fresh prospects per rep a month
  prospects_max: 80             # the most prospects a rep keeps (the oldest drop off)

# what a month of a rep's full attention does for one client (fewer hours do less)
response:
  prospect: {sign: 0.15}              # the chance a prospect signs this month
  signed: {activate: 0.4, keep: 0.6}  # the chance a signed client starts buying; the share of its risk of going cold removed
  active: {keep: 0.6, wallet: 0.1}    # the share of its risk of leaving removed; the share of its missing business won

# what happens in a month without attention
drift:
  activate: 0.03                # the chance a signed client starts buying by itself
  signed_cold: 0.1              # the chance a signed client goes cold (is lost)
  churn: 0.04                   # the chance a client who buys is lost
  wallet_erosion: 0.03          # the share of its business a client moves to competitors
  wallet_start: 0.4             # the share of its business a new client starts with
  revenue_noise: 0.15           # how much a client's purchases vary month to month (0.15: about 15 %)

# how reps decide
decision:
  # what attention to a client is worth to a rep apart from pay (a sense of
  # duty), in money: twice the effort costs above, so a rep on a salary alone
  # still works every kind of client
  duty: {prospect: 10, signed: 8, active: 5}
`;

/** the files `motiv init` writes; scheme.yaml names scenario.yaml, and scheme.test.yaml names scheme.yaml */
export const STARTER = {
  scheme: { name: 'scheme.yaml', about: "the pay scheme: a salary, 10 % of a new client's profit for 12 months, then 3 %", text: SCHEME },
  tests: { name: 'scheme.test.yaml', about: 'what the scheme pays in examples worked out by hand', text: TESTS },
  scenario: { name: 'scenario.yaml', about: `your sales team and clients: put your numbers where it says ${YOUR_NUMBER}`, text: SCENARIO },
} as const satisfies Record<string, StarterFile>;

/** the files in the order init writes and lists them */
export const STARTER_FILES: readonly StarterFile[] = [STARTER.scheme, STARTER.tests, STARTER.scenario];
