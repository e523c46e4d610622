/// The complete example of the language spec, section 5, shared by the tests of every module.
package let outageRepair = """
blueprint "Power outage repair"
persona "Household customer"
promise "Crew on site within 45 minutes of the call" from report to arrive within 45m

phase "Report"
  evidence   hotline   "95598 hotline"
  evidence   sms       "Text message with the crew's arrival time"
  customer   report    "Calls the hotline to report the outage", moment, emotion -2, evidence hotline
  frontstage log       "Agent logs the fault and the address", actor "Call agent", takes 4m
  backstage  dispatch  "Dispatcher assigns the nearest crew", takes 6m, fail "Wrong address" recover callback
  frontstage callback  "Agent calls back to confirm the address", takes 3m
  frontstage notify    "Agent texts the arrival time", takes 1m, evidence sms
  support    gis       "Outage map (GIS)"

phase "Repair"
  customer   waits     "Waits for the crew", evidence sms, wait 25m, tolerance 40m, emotion -1
  frontstage arrive    "Crew arrives on site", moment, takes 5m
  frontstage fix       "Crew restores the supply", takes 40m
  customer   restored  "Power is back", emotion 2

report -> log -> dispatch -> notify -> waits -> arrive -> fix -> restored
callback -> dispatch
gis ..> dispatch

"""

/// The spans, shares and capacity example of the language spec, section 5.1.
package let counterService = """
blueprint "Counter service"
demand 30/h
promise "Served within 12 minutes" from arrive to leave within 12m for 90%

phase "Visit"
  customer   arrive "Takes a ticket"
  frontstage serve  "Clerk serves the customer", wait 0m..10m, tolerance 15m, takes 4m..6m, servers 3
  customer   leave  "Leaves with the receipt"
arrive -> serve -> leave
"""
